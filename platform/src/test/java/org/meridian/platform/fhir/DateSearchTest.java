package org.meridian.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateSearchTest {

    private final TimeZone original = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(original);
    }

    /** HAPI reads an offset-less value in the JVM's default zone; a search bound must not move with it. */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kolkata"})
    void boundsAreTheSameWhateverTheDefaultZone(String zone) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));

        DateSearch day = DateSearch.parse("date", "ge2026-11-01");
        assertThat(day.prefix()).isEqualTo(ParamPrefixEnum.GREATERTHAN_OR_EQUALS);
        assertThat(day.lower()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(day.upper()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(day.lowerDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(day.upperDate()).isEqualTo(LocalDate.of(2026, 11, 2));

        DateSearch localTime = DateSearch.parse("date", "2026-11-22T10:00:00");
        assertThat(localTime.prefix()).isEqualTo(ParamPrefixEnum.EQUAL);
        assertThat(localTime.lower()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(localTime.upper()).isEqualTo(Instant.parse("2026-11-22T10:00:01Z"));

        DateSearch month = DateSearch.parse("date", "2026-11");
        assertThat(month.lower()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(month.upper()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));

        DateSearch year = DateSearch.parse("date", "lt2026");
        assertThat(year.lower()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(year.upper()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void anOffsetIsHonoured() {
        DateSearch bound = DateSearch.parse("date", "lt2026-11-22T10:00:00+02:00");
        assertThat(bound.lower()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(bound.condition("s.startedAt", "date0")).isEqualTo("s.startedAt < :date0Lower");
    }

    @Test
    void minutesAndMillisecondsSetThePrecision() {
        assertThat(DateSearch.parse("date", "2026-11-22T10:00Z").upper())
                .isEqualTo(Instant.parse("2026-11-22T10:01:00Z"));
        assertThat(DateSearch.parse("date", "2026-11-22T10:00:00.250Z").upper())
                .isEqualTo(Instant.parse("2026-11-22T10:00:00.251Z"));
    }

    /** Found in review: HAPI's DateParam also reads legacy prefixes, which FHIR R4 search does not define. */
    @ParameterizedTest
    @ValueSource(strings = {">=2026-11-01", "<2026", "<=2026-11-01", ">2026-11-01T10:00:00Z", "=2026", " ge2026"})
    void legacyComparisonPrefixesAreABadRequest(String text) {
        assertThatThrownBy(() -> DateSearch.parse("date", text))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("[eq|ne|gt|ge|lt|le]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "sa2026-11-01", "ap2026-11-01", "2026-13-01", "ge"})
    void anythingElseIsABadRequest(String text) {
        assertThatThrownBy(() -> DateSearch.parse("date", text))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("date");
    }
}
