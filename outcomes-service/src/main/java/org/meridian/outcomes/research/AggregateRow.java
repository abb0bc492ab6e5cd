package org.meridian.outcomes.research;

import java.util.List;

/**
 * One cell as the database aggregated it: the values of the grouped dimensions it is broken down by (bit i of
 * {@code dimensions} set: {@code keys.get(i)} is the value of the i-th group-by dimension; unset: summed over it,
 * and the key is null) and a dose band (or all bands, {@code band == null}). Means and SDs are over
 * patient-episodes; SDs are null below 2.
 */
record AggregateRow(
        int dimensions,
        List<String> keys,
        String band,
        long episodes,
        long patients,
        double baselineMean,
        Double baselineSd,
        double followUpMean,
        Double followUpSd,
        double changeMean,
        Double changeSd,
        long responderMcid,
        long responderMcidDefined,
        long improved30,
        long improved30Defined,
        long improved50,
        long improved50Defined,
        long deteriorated,
        long deterioratedDefined) {

    boolean has(int dimension) {
        return (dimensions & (1 << dimension)) != 0;
    }
}
