package org.meridian.outcomes.metrics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a resource method whose every answer {@link SubmissionMetering} counts as a submission of the channel. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CountedSubmission {
    SubmissionMetrics.Channel value();
}
