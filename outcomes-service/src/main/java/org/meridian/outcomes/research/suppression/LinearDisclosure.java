package org.meridian.outcomes.research.suppression;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which hidden cells of a table of sums are nonetheless fixed by what is shown: with the shown cells known, every
 * {@link CellSuppression.Total} is a linear equation over the hidden ones, and a hidden cell is disclosed exactly
 * when its unit vector lies in the span of those equations. Gauss-Jordan elimination on sparse rows, modulo a large
 * prime (the coefficients are 0 and ±1, so a rank that differs from the rational one would need that prime to divide
 * a minor of the system: not a practical concern).
 */
final class LinearDisclosure {

    private static final long PRIME = 2_147_483_647L;

    private LinearDisclosure() {
    }

    /**
     * @param unknown the cells whose values are not known (suppressed here and not published elsewhere)
     * @param totals the additive relations of the table
     * @param budget how many row operations the elimination may take
     * @return the unknown cells the equations determine, or empty when the budget ran out
     */
    static Optional<Set<Integer>> determined(Set<Integer> unknown, Collection<CellSuppression.Total> totals, long budget) {
        Map<Integer, Map<Integer, Long>> pivotRows = new HashMap<>();
        Map<Integer, Set<Integer>> pivotsUsingColumn = new HashMap<>();
        long operations = 0;
        for (CellSuppression.Total total : totals) {
            Map<Integer, Long> row = equation(total, unknown);
            if (row.isEmpty()) {
                continue;
            }
            // reduce against the pivots found so far (kept in reduced form, so one pass suffices)
            for (Integer column : new ArrayList<>(row.keySet())) {
                Long factor = row.get(column);
                Map<Integer, Long> pivot = pivotRows.get(column);
                if (factor != null && pivot != null) {
                    operations += pivot.size();
                    subtract(row, factor, pivot);
                }
            }
            if (row.isEmpty()) {
                continue; // implied by the equations already taken
            }
            int pivotColumn = new TreeSet<>(row.keySet()).first();
            scale(row, inverse(row.get(pivotColumn)));
            // keep the earlier pivot rows free of the new pivot column
            for (Integer other : new ArrayList<>(pivotsUsingColumn.getOrDefault(pivotColumn, Set.of()))) {
                Map<Integer, Long> otherRow = pivotRows.get(other);
                Long factor = otherRow.get(pivotColumn);
                if (factor != null) {
                    operations += row.size();
                    for (Integer column : row.keySet()) {
                        pivotsUsingColumn.computeIfAbsent(column, c -> new HashSet<>()).add(other);
                    }
                    subtract(otherRow, factor, row);
                }
            }
            pivotRows.put(pivotColumn, row);
            for (Integer column : row.keySet()) {
                pivotsUsingColumn.computeIfAbsent(column, c -> new HashSet<>()).add(pivotColumn);
            }
            if (operations > budget) {
                return Optional.empty();
            }
        }
        Set<Integer> determined = new TreeSet<>();
        pivotRows.forEach((column, row) -> {
            if (row.size() == 1) {
                determined.add(column);
            }
        });
        return Optional.of(determined);
    }

    /** parent - sum(children) = (shown values), over the unknown cells only. */
    private static Map<Integer, Long> equation(CellSuppression.Total total, Set<Integer> unknown) {
        Map<Integer, Long> row = new HashMap<>();
        if (unknown.contains(total.parent())) {
            add(row, total.parent(), 1);
        }
        for (int child : total.children()) {
            if (unknown.contains(child)) {
                add(row, child, PRIME - 1);
            }
        }
        return row;
    }

    private static void subtract(Map<Integer, Long> row, long factor, Map<Integer, Long> pivot) {
        for (Map.Entry<Integer, Long> entry : pivot.entrySet()) {
            add(row, entry.getKey(), PRIME - (factor * entry.getValue()) % PRIME);
        }
    }

    private static void add(Map<Integer, Long> row, int column, long value) {
        long sum = (row.getOrDefault(column, 0L) + value) % PRIME;
        if (sum == 0) {
            row.remove(column);
        } else {
            row.put(column, sum);
        }
    }

    private static void scale(Map<Integer, Long> row, long factor) {
        row.replaceAll((column, value) -> (value * factor) % PRIME);
    }

    private static long inverse(long value) {
        long result = 1;
        long base = value % PRIME;
        for (long exponent = PRIME - 2; exponent > 0; exponent >>= 1) {
            if ((exponent & 1) == 1) {
                result = result * base % PRIME;
            }
            base = base * base % PRIME;
        }
        return result;
    }
}
