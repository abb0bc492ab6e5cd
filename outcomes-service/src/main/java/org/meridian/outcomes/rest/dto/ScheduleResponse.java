package org.meridian.outcomes.rest.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;

@Schema(
        name = "Schedule",
        description = "What the patient's active episode expects and where each item stands",
        examples = """
                {"pseudonymId": "9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c", "episodeId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                 "episodeStartDate": "2026-11-02", "asOf": "2026-11-22T09:30:00Z",
                 "items": [{"timepoint": "POST_SESSION", "instrumentCode": "NRS_BACK_PAIN",
                   "sessionId": "7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b", "sessionNumber": 4, "followUpWeeks": null,
                   "opensAt": "2026-11-22T09:00:00Z", "dueBy": "2026-11-22T11:00:00Z", "closesAt": "2026-11-23T09:00:00Z",
                   "status": "DUE", "assessmentId": null},
                  {"timepoint": "FOLLOW_UP", "instrumentCode": "ODI", "sessionId": null, "sessionNumber": null,
                   "followUpWeeks": 4, "opensAt": "2026-11-23T00:00:00Z", "dueBy": "2026-11-30T23:59:59.999999999Z",
                   "closesAt": "2026-12-14T23:59:59.999999999Z", "status": "UPCOMING", "assessmentId": null}]}""")
public record ScheduleResponse(
        UUID pseudonymId,

        @Schema(nullable = true, description = "The active (latest PLANNED or ACTIVE) episode; null when there is none")
        UUID episodeId,

        @Schema(nullable = true) LocalDate episodeStartDate,
        OffsetDateTime asOf,
        List<Item> items) {

    @Schema(name = "ScheduleItem")
    public record Item(
            @Schema(examples = "FOLLOW_UP", maxLength = 16) String timepoint,

            @Schema(examples = "ODI", maxLength = InstrumentLimits.CODE)
            String instrumentCode,

            @Schema(nullable = true) UUID sessionId,

            @Schema(nullable = true, minimum = "1", maximum = "2147483647")
            Integer sessionNumber,

            @Schema(nullable = true, minimum = "1", maximum = "520")
            Integer followUpWeeks,

            @Schema(description = "From when answering counts for this timepoint")
            OffsetDateTime opensAt,

            @Schema(description = "Target: due until then, overdue after")
            OffsetDateTime dueBy,

            @Schema(nullable = true, description = "After this the item is missed; null while open-ended")
            OffsetDateTime closesAt,

            @Schema(
                    enumeration = {"DONE", "UPCOMING", "DUE", "OVERDUE", "MISSED"},
                    examples = "DUE")
            String status,

            @Schema(nullable = true, description = "The assessment that fulfilled it")
            UUID assessmentId) {}
}
