package org.meridian.outcomes.scoring.result;

/** The instrument-specific part of a score: bands, subscales, categories and the figures behind them. */
public sealed interface ScoreDetails
        permits NrsDetails,
                OdiDetails,
                RmdqDetails,
                PegDetails,
                StartBackDetails,
                PromisDetails,
                PgicDetails,
                IssDetails,
                VasDetails {}
