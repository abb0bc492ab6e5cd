package org.meridian.intake.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.AcupunctureStyle;
import org.meridian.intake.domain.NeedleSide;
import org.meridian.intake.domain.Stimulation;
import org.meridian.intake.rest.validation.Consistent;
import org.meridian.intake.rest.validation.CrossFieldRules;
import org.meridian.platform.web.problem.ErrorCode;

@Consistent
@Schema(
        name = "SessionRequest",
        description = "An acupuncture session as STRICTA 2010 reports it. The service assigns" + " the session number")
public record SessionRequest(
        @Schema(description = "When needling began", examples = "2026-11-24T10:00:00Z") @NotNull @PastOrPresent
        OffsetDateTime startedAt,

        @Schema(
                description =
                        "Active practitioner of this clinic who needled. A practitioner may name only themselves"
                                + " (default: the caller); a clinic admin entering the record may name any, and is kept as enteredBy",
                examples = "3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60")
        UUID practitionerId,

        @Schema(description = "Style of acupuncture (STRICTA item 1a); OTHER needs styleDetails") @NotNull
        AcupunctureStyle style,

        @Schema(examples = "TCM pattern: Kidney deficiency with Qi and Blood stagnation", maxLength = 500)
        @Size(max = 500)
        String styleDetails,

        @Schema(description = "Points needled (STRICTA item 2b); errors name the item, e.g. points[2].code")
        @NotEmpty
        @Size(max = 60)
        List<@NotNull @Valid NeedledPointDto> points,

        @Schema(
                description = "Needle insertions in the session (STRICTA item 2a); at least one per point, two for a"
                        + " BILATERAL point",
                examples = "8",
                minimum = "1",
                maximum = "200")
        @NotNull
        @Min(1)
        @Max(200)
        Integer needleCount,

        @Schema(description = "Whether de qi was elicited (STRICTA item 2d)", examples = "true") @NotNull
        Boolean deQiElicited,

        @Schema(description = "STRICTA item 2e; ELECTRO needs electroFrequencyHz") @NotNull
        Stimulation stimulation,

        @Schema(
                description = "Electro-acupuncture frequency; only with ELECTRO",
                examples = "2",
                minimum = "1",
                maximum = "1000")
        @Min(1)
        @Max(1000)
        Integer electroFrequencyHz,

        @Schema(
                description = "Needle retention time (STRICTA item 2f)",
                examples = "20",
                minimum = "1",
                maximum = "120")
        @NotNull
        @Min(1)
        @Max(120)
        Integer retentionMinutes,

        @NotNull @Valid NeedleTypeDto needleType,
        @Size(max = 10) List<@NotNull @Valid CoInterventionDto> coInterventions,

        @Schema(examples = "Patient tolerated well; advised gentle walking", maxLength = 2000) @Size(max = 2000)
        String notes)
        implements CrossFieldRules {

    @Override
    public List<BrokenRule> brokenRules() {
        List<BrokenRule> broken = new ArrayList<>();
        if (stimulation == Stimulation.ELECTRO && electroFrequencyHz == null) {
            broken.add(new BrokenRule(
                    "electroFrequencyHz", ErrorCode.REQUIRED, "is required when stimulation is ELECTRO"));
        }
        if (stimulation == Stimulation.MANUAL && electroFrequencyHz != null) {
            broken.add(new BrokenRule(
                    "electroFrequencyHz", ErrorCode.NOT_ALLOWED, "must be absent when stimulation is MANUAL"));
        }
        if (style == AcupunctureStyle.OTHER && (styleDetails == null || styleDetails.isBlank())) {
            broken.add(new BrokenRule("styleDetails", ErrorCode.REQUIRED, "is required when style is OTHER"));
        }
        if (points != null && needleCount != null) {
            int minimum = points.stream()
                    .filter(Objects::nonNull)
                    .mapToInt(point -> point.side() == NeedleSide.BILATERAL ? 2 : 1)
                    .sum();
            if (needleCount < minimum) {
                broken.add(
                        new BrokenRule(
                                "needleCount",
                                ErrorCode.INCONSISTENT,
                                "must be at least the number of insertions the points imply (one per point, two if BILATERAL)"));
            }
        }
        if (points != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < points.size(); i++) {
                NeedledPointDto point = points.get(i);
                if (point != null
                        && point.code() != null
                        && point.side() != null
                        && !seen.add(point.code().strip().toUpperCase(Locale.ROOT) + "/" + point.side())) {
                    broken.add(new BrokenRule(
                            "points[" + i + "].code", ErrorCode.NOT_UNIQUE, "this point and side is listed twice"));
                }
            }
        }
        return broken;
    }
}
