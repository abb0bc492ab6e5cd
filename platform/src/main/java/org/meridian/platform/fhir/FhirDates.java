package org.meridian.platform.fhir;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

/** Timestamps as FHIR values, always in UTC with "Z" like the rest of the API (HAPI would write "+00:00"). */
public final class FhirDates {

    private FhirDates() {}

    public static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    public static InstantType instant(Instant instant) {
        return new InstantType(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
