package org.meridian.intake.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Acupoint", description = "A WHO standard acupuncture point")
public record AcupointResponse(
        @Schema(examples = "BL23") String code,

        @Schema(description = "Meridian code, EX for extra points", examples = "BL")
        String meridian,

        @Schema(examples = "Bladder") String meridianName,

        @Schema(description = "Hanyu Pinyin name", examples = "Shenshu")
        String name,

        @Schema(description = "Unpaired point on the midline: needled with side MIDLINE", examples = "false")
        boolean midline) {}
