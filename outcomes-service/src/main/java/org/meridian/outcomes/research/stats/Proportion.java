package org.meridian.outcomes.research.stats;

/**
 * A proportion with its 95 % Wilson score interval (Wilson 1927; Newcombe 1998, method 3), which stays inside
 * [0, 1] and behaves at 0 and n events, unlike the Wald interval.
 *
 * @param events how many of the {@code n} units had the event
 * @param n the units for which the event is defined
 */
public record Proportion(long events, long n, double rate, double lower, double upper) {

    /** The two-sided 95 % standard normal quantile. */
    public static final double Z_95 = 1.959963984540054;

    public static Proportion wilson(long events, long n) {
        if (n <= 0 || events < 0 || events > n) {
            throw new IllegalArgumentException("need 0 <= events <= n and n > 0, was " + events + "/" + n);
        }
        double p = (double) events / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z_95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Proportion(events, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
