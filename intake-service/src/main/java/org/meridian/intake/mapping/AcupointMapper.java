package org.meridian.intake.mapping;

import org.meridian.intake.domain.Acupoint;
import org.meridian.intake.rest.dto.AcupointResponse;

public final class AcupointMapper {

    private AcupointMapper() {}

    public static AcupointResponse toResponse(Acupoint point) {
        return new AcupointResponse(
                point.code(), point.meridian(), point.meridianName(), point.name(), point.midline());
    }
}
