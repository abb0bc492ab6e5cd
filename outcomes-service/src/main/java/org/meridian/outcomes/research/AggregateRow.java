package org.meridian.outcomes.research;

import java.util.List;

/**
 * One cell as the database aggregated it: a group (or the total, {@code keys == null}) and a dose band (or all
 * bands, {@code band == null}). Means and SDs are over patient-episodes; SDs are null below 2.
 */
record AggregateRow(
        List<String> keys,
        String band,
        long episodes,
        long patients,
        double baselineMean,
        Double baselineSd,
        double followUpMean,
        Double followUpSd,
        double changeMean,
        Double changeSd,
        long responderMcid,
        long responderMcidDefined,
        long improved30,
        long improved30Defined,
        long improved50,
        long improved50Defined,
        long deteriorated,
        long deterioratedDefined) {
}
