package org.meridian.intake.domain;

import java.time.LocalDate;
import java.time.Period;

/** Coarse age for cohort analyses: what outcomes and researchers receive instead of a date of birth. */
public final class AgeBand {

    /** From this age on even the birth year is withheld (HIPAA Safe Harbor aggregates ages over 89). */
    public static final int AGE_WITHOUT_BIRTH_YEAR = 90;

    private AgeBand() {}

    public static int age(LocalDate dateOfBirth, LocalDate on) {
        return Math.max(0, Period.between(dateOfBirth, on).getYears());
    }

    public static String of(LocalDate dateOfBirth, LocalDate on) {
        int age = age(dateOfBirth, on);
        if (age < 18) {
            return "0-17";
        }
        if (age >= 80) {
            return "80+";
        }
        int lower = age < 30 ? 18 : age / 10 * 10;
        int upper = age < 30 ? 29 : lower + 9;
        return lower + "-" + upper;
    }
}
