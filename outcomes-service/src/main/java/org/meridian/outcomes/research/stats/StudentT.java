package org.meridian.outcomes.research.stats;

/**
 * Quantiles of Student's t distribution, computed here (no statistics library): the CDF through the regularized
 * incomplete beta function (Lentz's continued fraction, Numerical Recipes 6.4) and the quantile by bisection,
 * accurate to about 1e-10. Checked against published tables, e.g. t(0.975, 10) = 2.2281.
 */
public final class StudentT {

    private StudentT() {}

    /** The p-quantile (0 < p < 1) of the t distribution with {@code df} degrees of freedom (df >= 1). */
    public static double quantile(double p, double df) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), was " + p);
        }
        if (!(df >= 1)) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, was " + df);
        }
        if (p == 0.5) {
            return 0;
        }
        if (p < 0.5) {
            return -quantile(1 - p, df);
        }
        double low = 0;
        double high = 1;
        while (cdf(high, df) < p) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
            double middle = (low + high) / 2;
            if (cdf(middle, df) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** P(T <= t) for t distributed as Student's t with {@code df} degrees of freedom. */
    public static double cdf(double t, double df) {
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    static double regularizedIncompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double result = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double numerator = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + numerator * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + numerator / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            result *= d * c;
            numerator = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + numerator * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + numerator / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            result *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return result;
    }

    /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error below 1e-15). */
    static double logGamma(double x) {
        final double[] coefficients = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
