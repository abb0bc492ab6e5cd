package org.meridian.outcomes.scoring.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact fraction, always stored in lowest terms with a positive denominator.
 *
 * <p>Some scores have no finite decimal form (ODI 30/45 x 100 = 200/3, PEG 11/3). Keeping them as
 * fractions makes every threshold comparison exact: docs/scoring.md#exact-arithmetic's ODI 30/45 -> 21/45 case is an
 * improvement of exactly 30 %, which any rounded decimal (or a double) can miss.
 */
public record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {

    public static final Rational ZERO = of(0);
    public static final Rational ONE_HUNDRED = of(100);

    /** Decimal places of {@link #toBigDecimal()} for values whose decimal expansion does not end. */
    public static final int NON_TERMINATING_SCALE = 20;

    private static final BigInteger TWO = BigInteger.valueOf(2);
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    public Rational {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Rational of(long value) {
        return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** The exact value of a decimal (a BigDecimal is itself a fraction over a power of ten). */
    public static Rational of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.scale() <= 0) {
            return new Rational(value.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Rational(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    /** Reads the {@link #toString()} form: an integer or decimal ("40", "41.6") or a fraction ("200/3"). */
    public static Rational parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            return of(new BigDecimal(text.strip()));
        }
        return new Rational(
                new BigInteger(text.substring(0, slash).strip()),
                new BigInteger(text.substring(slash + 1).strip()));
    }

    public Rational add(Rational other) {
        return new Rational(
                numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational subtract(Rational other) {
        return add(other.negate());
    }

    public Rational multiply(Rational other) {
        return new Rational(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Rational divide(Rational divisor) {
        if (divisor.isZero()) {
            throw new ArithmeticException("division by zero");
        }
        return new Rational(numerator.multiply(divisor.denominator), denominator.multiply(divisor.numerator));
    }

    public Rational negate() {
        return new Rational(numerator.negate(), denominator);
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isZero() {
        return numerator.signum() == 0;
    }

    public boolean isAtLeast(BigDecimal threshold) {
        return compareTo(of(threshold)) >= 0;
    }

    public boolean isAtMost(BigDecimal threshold) {
        return compareTo(of(threshold)) <= 0;
    }

    @Override
    public int compareTo(Rational other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** True when the decimal expansion ends, i.e. the reduced denominator has no prime factor but 2 and 5. */
    public boolean hasFiniteDecimal() {
        BigInteger rest = denominator;
        while (rest.mod(TWO).signum() == 0) {
            rest = rest.divide(TWO);
        }
        while (rest.mod(FIVE).signum() == 0) {
            rest = rest.divide(FIVE);
        }
        return rest.equals(BigInteger.ONE);
    }

    /**
     * The value as a decimal: exact when the decimal expansion ends (40, 41.6, 2.75), otherwise rounded
     * half-up to {@value #NON_TERMINATING_SCALE} places (200/3 -> 66.66666666666666666667).
     */
    public BigDecimal toBigDecimal() {
        BigDecimal top = new BigDecimal(numerator);
        BigDecimal bottom = new BigDecimal(denominator);
        return hasFiniteDecimal()
                ? top.divide(bottom)
                : top.divide(bottom, NON_TERMINATING_SCALE, RoundingMode.HALF_UP);
    }

    /** The exact value rounded half-up to {@code scale} places, in one rounding step. */
    public BigDecimal roundHalfUp(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    /** "40", "-7" or "200/3": lossless, suitable for storage and {@link #parse(String)}. */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
