package org.meridian.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;

/** Timepoints and their windows (MERIDIAN_SCHEDULE_POST_SESSION_WINDOW, MERIDIAN_SCHEDULE_FOLLOW_UP_WEEKS, ...). */
@ConfigMapping(prefix = "meridian.schedule")
public interface ScheduleConfig {
    /** A post-session answer later than this after the session's start is accepted but flagged late. */
    @WithDefault("PT2H")
    Duration postSessionWindow();

    /** Follow-ups, in weeks after the episode's start: 1 to 520, as a submission may name them. */
    @WithDefault("4,12,26")
    List<@Min(1) @Max(520) Integer> followUpWeeks();

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
