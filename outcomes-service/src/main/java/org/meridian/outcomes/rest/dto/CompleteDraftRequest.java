package org.meridian.outcomes.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "DraftCompletion",
        description = "All answers of a draft (replacing the earlier ones)",
        examples = "{\"answers\": {\"peg_pain\": 5, \"peg_enjoyment\": 4, \"peg_general_activity\": 6},"
                + " \"answeredAt\": \"2026-11-22T09:40:00Z\"}")
public record CompleteDraftRequest(
        @NotNull @Schema(description = "Item code -> answer code")
        Map<String, Object> answers,

        @Schema(description = "When the patient finished answering; unchanged when omitted")
        OffsetDateTime answeredAt,

        @Schema(description = "Keep it a draft if still incomplete", examples = "false")
        Boolean draft) {}
