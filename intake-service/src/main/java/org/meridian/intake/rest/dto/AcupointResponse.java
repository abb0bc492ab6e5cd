package org.meridian.intake.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Acupoint", description = "A WHO standard acupuncture point")
public record AcupointResponse(
        @Schema(examples = "BL23", maxLength = 16) String code,

        @Schema(description = "Meridian code, EX for extra points", examples = "BL", maxLength = 2)
        String meridian,

        @Schema(examples = "Bladder", maxLength = 32) String meridianName,

        @Schema(description = "Hanyu Pinyin name", examples = "Shenshu", maxLength = 64)
        String name,

        @Schema(description = "Unpaired point on the midline: needled with side MIDLINE", examples = "false")
        boolean midline) {}
