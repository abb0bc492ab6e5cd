package org.meridian.intake.fhir;

import org.meridian.platform.fhir.FhirException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One FHIR date search value such as {@code ge2026-11-01} or {@code lt2026-11-22T10:00:00Z}: the prefix and the range
 * [lower, upper) the value's precision implies (a day is the whole day; dates without offset are UTC).
 * Date-only fields (a birth date) compare whole days: {@link #lowerDate()} and {@link #upperDate()}.
 */
record DateBound(String prefix, Instant lower, Instant upper) {

    private static final Pattern VALUE = Pattern.compile("(eq|ne|gt|ge|lt|le)?(\\d{4}(-\\d{2}(-\\d{2}(T.+)?)?)?)");

    static DateBound parse(String parameter, String text) {
        Matcher matcher = VALUE.matcher(text);
        if (!matcher.matches()) {
            throw FhirException.badRequest(parameter + " must be [eq|ne|gt|ge|lt|le]YYYY[-MM[-DD[Thh:mm:ss[Z|+hh:mm]]]],"
                    + " not '" + text + "'", null);
        }
        String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
        String value = matcher.group(2);
        try {
            return switch (value.length()) {
                case 4 -> range(prefix, LocalDate.of(Integer.parseInt(value), 1, 1), ChronoUnit.YEARS);
                case 7 -> range(prefix, YearMonth.parse(value).atDay(1), ChronoUnit.MONTHS);
                case 10 -> range(prefix, LocalDate.parse(value), ChronoUnit.DAYS);
                default -> dateTime(prefix, value);
            };
        } catch (DateTimeParseException e) {
            throw FhirException.badRequest(parameter + " has an invalid date or time: '" + text + "'", null);
        }
    }

    /** The JPQL condition on {@code field} for this bound; parameters {@code :<name>Lower} and {@code :<name>Upper}. */
    String condition(String field, String name) {
        String lowerParam = ":" + name + "Lower";
        String upperParam = ":" + name + "Upper";
        return switch (prefix) {
            case "eq" -> "(" + field + " >= " + lowerParam + " and " + field + " < " + upperParam + ")";
            case "ne" -> "(" + field + " < " + lowerParam + " or " + field + " >= " + upperParam + ")";
            case "gt" -> field + " >= " + upperParam;
            case "ge" -> field + " >= " + lowerParam;
            case "lt" -> field + " < " + lowerParam;
            case "le" -> field + " < " + upperParam;
            default -> throw new IllegalStateException("unknown prefix " + prefix);
        };
    }

    /** The first day of the range, in UTC (for date-only fields such as a birth date). */
    LocalDate lowerDate() {
        return LocalDate.ofInstant(lower, ZoneOffset.UTC);
    }

    /** The day after the last day the range touches, in UTC. */
    LocalDate upperDate() {
        return LocalDate.ofInstant(upper.minusNanos(1), ZoneOffset.UTC).plusDays(1);
    }

    private static DateBound range(String prefix, LocalDate start, ChronoUnit unit) {
        Instant lower = start.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant upper = start.plus(1, unit).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new DateBound(prefix, lower, upper);
    }

    private static DateBound dateTime(String prefix, String value) {
        boolean hasOffset = value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$");
        OffsetDateTime time = OffsetDateTime.parse(hasOffset ? value : value + "Z");
        String clock = value.substring(value.indexOf('T') + 1).replaceFirst("(Z|[+-]\\d{2}:\\d{2})$", "");
        boolean hasSeconds = clock.chars().filter(ch -> ch == ':').count() >= 2;
        ChronoUnit precision = value.contains(".") ? ChronoUnit.MILLIS : hasSeconds ? ChronoUnit.SECONDS
                : ChronoUnit.MINUTES;
        Instant lower = time.toInstant();
        return new DateBound(prefix, lower, lower.plus(1, precision));
    }
}
