package org.meridian.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Typed settings of outcomes-service; every one can be set by environment variable (MERIDIAN_INTAKE_URL, ...). */
@ConfigMapping(prefix = "meridian")
public interface MeridianConfig {

    /** Credential sent to intake's internal endpoints as {@code X-Service-Token}. */
    @WithDefault("dev-internal-token")
    String internalToken();

    Intake intake();

    Scoring scoring();

    Schedule schedule();

    Visit12 visit12();

    interface Intake {
        /** Base URL of intake-service (MERIDIAN_INTAKE_URL). */
        @WithDefault("http://127.0.0.1:8081")
        String url();

        /** How often the feed is polled ("2s"); "off" disables the scheduled consumer. */
        @WithDefault("2s")
        String pollEvery();

        /** Events asked for per page (intake serves 1..500). */
        @WithDefault("200")
        int pageSize();

        /** Pages applied per poll at most, so a long catch-up does not monopolise one scheduler run. */
        @WithDefault("50")
        int maxPagesPerPoll();

        /** First wait after a failed poll; doubled after each further failure. */
        @WithDefault("2s")
        Duration backoffInitial();

        /** Longest wait between polls while intake is unreachable. */
        @WithDefault("60s")
        Duration backoffMax();
    }

    /** The per-deployment choices SCORING.md leaves open. */
    interface Scoring {
        @WithDefault("1")
        int odiMaxMissingSections();

        @WithDefault("3")
        BigDecimal promisPainInterferenceMcid();

        @WithDefault("3")
        BigDecimal issMcid();
    }

    interface Schedule {
        /** A post-session answer later than this after the session's start is accepted but flagged late. */
        @WithDefault("PT2H")
        Duration postSessionWindow();

        /** Follow-ups, in weeks after the episode's start. */
        @WithDefault("4,12,26")
        List<Integer> followUpWeeks();

        /** A follow-up may be answered this many days before its target date. */
        @WithDefault("7")
        int followUpOpensDaysBefore();

        /** ... and is overdue (still asked) up to this many days after it, then missed. */
        @WithDefault("14")
        int followUpClosesDaysAfter();

        @WithDefault("NRS_BACK_PAIN,ODI,PEG")
        List<String> baselineInstruments();

        @WithDefault("NRS_BACK_PAIN")
        List<String> sessionInstruments();

        @WithDefault("NRS_BACK_PAIN,ODI,PEG,PGIC")
        List<String> followUpInstruments();
    }

    /** US Medicare NCD 30.3.3 for chronic low back pain. */
    interface Visit12 {
        @WithDefault("12")
        int initialSessions();

        @WithDefault("90")
        int initialPeriodDays();

        @WithDefault("8")
        int additionalSessions();

        @WithDefault("20")
        int annualCap();
    }
}
