package org.meridian.outcomes.research.stats;

/**
 * A sample mean with its sample standard deviation (n - 1) and the 95 % confidence interval of the mean from
 * Student's t with n - 1 degrees of freedom: mean ± t(0.975, n - 1) · sd / √n. SD and interval are null for n < 2.
 */
public record MeanInterval(long n, double mean, Double sd, Double lower, Double upper) {

    public static MeanInterval of(long n, double mean, Double sd) {
        if (n < 2 || sd == null) {
            return new MeanInterval(n, mean, null, null, null);
        }
        double half = StudentT.quantile(0.975, n - 1) * sd / Math.sqrt(n);
        return new MeanInterval(n, mean, sd, mean - half, mean + half);
    }
}
