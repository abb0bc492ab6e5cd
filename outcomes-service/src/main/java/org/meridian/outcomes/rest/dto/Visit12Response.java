package org.meridian.outcomes.rest.dto;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;

@Schema(
        name = "Visit12Check",
        description = "US Medicare NCD 30.3.3: up to 12 sessions in 90 days, 8 more only with"
                + " documented improvement (MCID rules), at most 20 a year, stop when not improving or regressing (regression"
                + " and the annual cap at any visit)",
        examples = """
                {"pseudonymId": "9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c", "episodeId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                 "asOf": "2026-12-20T10:00:00Z", "firstSessionAt": "2026-10-01T09:00:00Z",
                 "initialPeriodEndsAt": "2026-12-30T09:00:00Z", "sessionsHeld": 12, "initialSessionsHeld": 12,
                 "initialSessionLimit": 12, "evaluatedUntil": "2026-12-20T10:00:00Z", "improvementDocumented": true,
                 "worsening": false, "evidence": [{"instrumentCode": "ODI", "instrumentVersion": "2.1a",
                   "baselineScore": 66.6667, "latestScore": 46.6667, "percentImprovement": 30,
                   "responderAbsolute": true, "responderRelative": true, "deteriorationAbsolute": false,
                   "deteriorationRelative": false, "responder": true}],
                 "additionalSessionsAllowed": 8, "sessionsThisYear": 12, "annualCap": 20, "remainingUnderAnnualCap": 8,
                 "annualCapWindow": {"basis": "ROLLING_12_MONTHS", "from": "2025-12-20T00:00:00Z",
                   "until": "2026-12-20T10:00:00Z", "timeZone": "Europe/London"},
                 "decision": "ADDITIONAL_SESSIONS_SUPPORTED", "rule": "IMPROVEMENT",
                 "reason": "ODI met the responder rule and nothing deteriorated (NCD 30.3.3: an additional 8 sessions for patients demonstrating an improvement): up to 8 more, 8 left under the annual cap."}""")
public record Visit12Response(
        UUID pseudonymId,
        UUID episodeId,
        OffsetDateTime asOf,
        OffsetDateTime firstSessionAt,
        @Schema(description = "First session + 90 days") OffsetDateTime initialPeriodEndsAt,

        @Schema(description = "Sessions held in the episode so far", minimum = "0", maximum = "2147483647")
        int sessionsHeld,

        @Schema(
                description = "Sessions of the initial course (within 90 days, at most 12)",
                minimum = "0",
                maximum = "2147483647")
        int initialSessionsHeld,

        @Schema(minimum = "1", maximum = "100") int initialSessionLimit,

        @Schema(description = "Assessments up to this moment are the evidence")
        OffsetDateTime evaluatedUntil,

        @Schema(nullable = true, description = "Any measure met its responder rule; null without evidence")
        Boolean improvementDocumented,

        @Schema(description = "Any measure deteriorated by its MCID or by 30 %, or PGIC is much or very much worse")
        boolean worsening,

        @Schema(maxItems = InstrumentLimits.INSTRUMENTS) List<Evidence> evidence,

        @Schema(examples = "8", minimum = "0", maximum = "100")
        int additionalSessionsAllowed,

        @Schema(
                description = "Sessions held in annualCapWindow, all episodes of the patient (the name predates the"
                        + " rolling window)",
                minimum = "0",
                maximum = "2147483647")
        int sessionsThisYear,

        @Schema(examples = "20", minimum = "1", maximum = "1000")
        int annualCap,

        @Schema(minimum = "0", maximum = "1000") int remainingUnderAnnualCap,

        @Schema(description = "Which sessions count against the annual cap")
        CapWindow annualCapWindow,

        @Schema(
                description = "REGRESSING and ANNUAL_CAP_REACHED apply at any visit, also before the 12th",
                enumeration = {
                    "INITIAL_COURSE_CONTINUES",
                    "ADDITIONAL_SESSIONS_SUPPORTED",
                    "NOT_IMPROVING",
                    "REGRESSING",
                    "INSUFFICIENT_DATA",
                    "ANNUAL_CAP_REACHED"
                })
        String decision,

        @Schema(
                description =
                        "The rule that produced the decision; rules apply in this order and the first that applies"
                                + " decides (docs/clinical-rules.md)",
                enumeration = {
                    "REGRESSION",
                    "ANNUAL_CAP",
                    "INITIAL_COURSE",
                    "NO_EVIDENCE",
                    "NO_IMPROVEMENT",
                    "IMPROVEMENT"
                })
        String rule,

        @Schema(
                description = "Why, in words, with the rule's source",
                examples =
                        "ODI met the responder rule and nothing deteriorated (NCD 30.3.3: an additional 8 sessions for"
                                + " patients demonstrating an improvement): up to 8 more, 8 left under the annual cap.",
                maxLength = 4000)
        String reason) {

    @Schema(
            name = "Visit12CapWindow",
            description = "Sessions started from 'from' up to 'until' (the check's moment)"
                    + " count. ROLLING_12_MONTHS starts at the clinic's local midnight of the same date a year earlier,"
                    + " CALENDAR_YEAR at its local midnight of 1 January (MERIDIAN_VISIT12_ANNUAL_CAP_WINDOW)")
    public record CapWindow(
            @Schema(enumeration = {"ROLLING_12_MONTHS", "CALENDAR_YEAR"})
            String basis,

            @Schema(examples = "2025-12-20T00:00:00Z") OffsetDateTime from,
            @Schema(examples = "2026-12-20T10:00:00Z") OffsetDateTime until,

            @Schema(
                    description = "The clinic's IANA time zone (UTC until intake announced the clinic)",
                    examples = "Europe/London",
                    maxLength = 64)
            String timeZone) {}

    @Schema(
            name = "Visit12Evidence",
            description = "One measure's baseline against its latest value in the initial course")
    public record Evidence(
            @Schema(maxLength = InstrumentLimits.CODE) String instrumentCode,
            @Schema(maxLength = InstrumentLimits.VERSION) String instrumentVersion,
            @Schema(nullable = true) BigDecimal baselineScore,
            @Schema(nullable = true) BigDecimal latestScore,
            @Schema(nullable = true) BigDecimal percentImprovement,
            @Schema(nullable = true) Boolean responderAbsolute,
            @Schema(nullable = true) Boolean responderRelative,
            @Schema(nullable = true) Boolean deteriorationAbsolute,
            @Schema(nullable = true) Boolean deteriorationRelative,
            @Schema(nullable = true) Boolean responder) {}
}
