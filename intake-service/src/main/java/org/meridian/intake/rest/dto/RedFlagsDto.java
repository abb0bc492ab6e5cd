package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "RedFlags",
        description = "Red-flag screening; every question must be answered. Any true answer means"
                + " \"refer before needling\" until a practitioner acknowledges it")
public record RedFlagsDto(
        @Schema(
                description = "Saddle anaesthesia, or new bladder or bowel dysfunction (cauda equina)",
                examples = "false")
        @NotNull
        Boolean saddleAnaesthesiaOrBladderBowelChange,

        @Schema(examples = "false") @NotNull Boolean fever,
        @Schema(examples = "false") @NotNull Boolean majorTrauma,
        @Schema(examples = "false") @NotNull Boolean historyOfCancer,
        @Schema(examples = "false") @NotNull Boolean unexplainedWeightLoss,
        @Schema(examples = "false") @NotNull Boolean progressiveNeurologicalDeficit) {}
