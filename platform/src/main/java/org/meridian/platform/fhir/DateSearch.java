package org.meridian.platform.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One FHIR date search value such as {@code ge2026-11-01} or {@code lt2026-11-22T10:00:00Z}, read by HAPI's
 * {@link DateParam} (prefix, precision, syntax), as the range [lower, upper) the value's precision implies: a day is
 * the whole day, and a value without offset is UTC. The range is computed from the value as written, never from
 * HAPI's {@code Date}, which places an offset-less value in the JVM's default zone. Date-only fields (a birth date)
 * compare whole days: {@link #lowerDate()} and {@link #upperDate()}.
 */
public record DateSearch(ParamPrefixEnum prefix, Instant lower, Instant upper) {

    private static final Pattern FHIR_SYNTAX = Pattern.compile("(eq|ne|gt|ge|lt|le)?\\d.*");

    private static final Set<ParamPrefixEnum> SUPPORTED = EnumSet.of(
            ParamPrefixEnum.EQUAL,
            ParamPrefixEnum.NOT_EQUAL,
            ParamPrefixEnum.GREATERTHAN,
            ParamPrefixEnum.GREATERTHAN_OR_EQUALS,
            ParamPrefixEnum.LESSTHAN,
            ParamPrefixEnum.LESSTHAN_OR_EQUALS);

    public static DateSearch parse(String parameter, String text) {
        // HAPI also reads legacy prefixes (">=2026", "<2026"); FHIR R4 knows only the two-letter ones.
        if (text == null || !FHIR_SYNTAX.matcher(text).matches()) {
            throw invalid(parameter, text);
        }
        DateParam param;
        try {
            param = new DateParam(text);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw invalid(parameter, text);
        }
        ParamPrefixEnum prefix = param.getPrefix() == null ? ParamPrefixEnum.EQUAL : param.getPrefix();
        if (!SUPPORTED.contains(prefix) || param.getValueAsString() == null) {
            throw invalid(parameter, text);
        }
        String value = param.getValueAsString();
        TemporalPrecisionEnum precision = param.getPrecision();
        try {
            return switch (precision) {
                case YEAR -> range(prefix, Year.parse(value).atDay(1), ChronoUnit.YEARS);
                case MONTH -> range(prefix, YearMonth.parse(value).atDay(1), ChronoUnit.MONTHS);
                case DAY -> range(prefix, LocalDate.parse(value), ChronoUnit.DAYS);
                case MINUTE -> dateTime(prefix, value, ChronoUnit.MINUTES);
                case SECOND -> dateTime(prefix, value, ChronoUnit.SECONDS);
                case MILLI -> dateTime(prefix, value, ChronoUnit.MILLIS);
            };
        } catch (DateTimeParseException e) {
            throw FhirFailures.badRequest(parameter + " has an invalid date or time: '" + text + "'", null);
        }
    }

    /** The JPQL condition on {@code field} for this bound; parameters {@code :<name>Lower} and {@code :<name>Upper}. */
    public String condition(String field, String name) {
        String lowerParam = ":" + name + "Lower";
        String upperParam = ":" + name + "Upper";
        return switch (prefix) {
            case EQUAL -> "(" + field + " >= " + lowerParam + " and " + field + " < " + upperParam + ")";
            case NOT_EQUAL -> "(" + field + " < " + lowerParam + " or " + field + " >= " + upperParam + ")";
            case GREATERTHAN -> field + " >= " + upperParam;
            case GREATERTHAN_OR_EQUALS -> field + " >= " + lowerParam;
            case LESSTHAN -> field + " < " + lowerParam;
            case LESSTHAN_OR_EQUALS -> field + " < " + upperParam;
            default -> throw new IllegalStateException("unsupported prefix " + prefix);
        };
    }

    /** The first day of the range, in UTC (for date-only fields such as a birth date). */
    public LocalDate lowerDate() {
        return LocalDate.ofInstant(lower, ZoneOffset.UTC);
    }

    /** The day after the last day the range touches, in UTC. */
    public LocalDate upperDate() {
        return LocalDate.ofInstant(upper.minusNanos(1), ZoneOffset.UTC).plusDays(1);
    }

    private static RuntimeException invalid(String parameter, String text) {
        return FhirFailures.badRequest(
                parameter + " must be [eq|ne|gt|ge|lt|le]YYYY[-MM[-DD[Thh:mm:ss[Z|+hh:mm]]]]," + " not '" + text + "'",
                null);
    }

    private static DateSearch range(ParamPrefixEnum prefix, LocalDate start, ChronoUnit unit) {
        Instant lower = start.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant upper = start.plus(1, unit).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new DateSearch(prefix, lower, upper);
    }

    private static DateSearch dateTime(ParamPrefixEnum prefix, String value, ChronoUnit precision) {
        boolean hasOffset = value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$");
        Instant lower = OffsetDateTime.parse(hasOffset ? value : value + "Z").toInstant();
        return new DateSearch(prefix, lower, lower.plus(1, precision));
    }
}
