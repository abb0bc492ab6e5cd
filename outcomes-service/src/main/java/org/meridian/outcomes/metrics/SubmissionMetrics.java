package org.meridian.outcomes.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.service.InstrumentRegistry;

/**
 * The submission and scoring meters of docs/observability.md#business-metrics. Label values come from fixed sets: the
 * registry's instrument codes (anything else is {@value #UNKNOWN}), the enums below, and a clinic id only from a
 * verified token of a call authorized for that clinic.
 */
@Startup
@ApplicationScoped
public class SubmissionMetrics {

    static final String SUBMISSIONS = "meridian.submissions";
    static final String SUBMISSIONS_BY_CLINIC = "meridian.submissions.by.clinic";
    static final String SCORING_FAILURES = "meridian.scoring.failures";
    public static final String UNKNOWN = "unknown";

    public enum Channel {
        API,
        FHIR
    }

    public enum Outcome {
        STORED,
        REPLAYED,
        REJECTED
    }

    public enum Reason {
        NONE,
        INVALID,
        UNSCORABLE,
        UNPROCESSABLE,
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN
    }

    public enum ScoringFailure {
        /** The engine's Rejection: answers that fail the instrument's rules. */
        REJECTED,
        /** The scorer threw on answers that passed validation: a defect. */
        ERROR
    }

    private final MeterRegistry registry;
    private final InstrumentRegistry instruments;

    SubmissionMetrics(MeterRegistry registry, InstrumentRegistry instruments) {
        this.registry = registry;
        this.instruments = instruments;
        // every instrument's failure series exist from the start, so that the first failure is an increase
        for (InstrumentDefinition instrument : instruments.all()) {
            for (ScoringFailure kind : ScoringFailure.values()) {
                scoringFailures(instrument.code(), kind);
            }
        }
    }

    /** The instrument label of a code a caller sent: the registry's code, or {@value #UNKNOWN}. */
    public String instrumentLabel(String code) {
        return code == null
                ? UNKNOWN
                : instruments.findCurrent(code).map(InstrumentDefinition::code).orElse(UNKNOWN);
    }

    public void submission(
            String instrument, Outcome outcome, Reason reason, Channel channel, Optional<UUID> authorizedClinic) {
        Counter.builder(SUBMISSIONS)
                .tag("instrument", instrumentLabel(instrument))
                .tag("outcome", tag(outcome))
                .tag("reason", tag(reason))
                .tag("channel", tag(channel))
                .register(registry)
                .increment();
        authorizedClinic.ifPresent(clinic -> Counter.builder(SUBMISSIONS_BY_CLINIC)
                .tag("clinic_id", clinic.toString())
                .tag("outcome", tag(outcome))
                .register(registry)
                .increment());
    }

    public void scoringFailed(String instrument, ScoringFailure kind) {
        scoringFailures(instrumentLabel(instrument), kind).increment();
    }

    private Counter scoringFailures(String instrument, ScoringFailure kind) {
        return Counter.builder(SCORING_FAILURES)
                .tag("instrument", instrument)
                .tag("kind", tag(kind))
                .register(registry);
    }

    static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
