package org.meridian.outcomes.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.suppression.CellSuppression;
import org.meridian.outcomes.research.suppression.CellSuppression.Total;
import org.meridian.outcomes.research.suppression.SuppressionReason;

/**
 * No primary cell may be recoverable by combining equations, not only one at a time. Checked here independently of
 * the implementation: a hidden cell is disclosed when adding its unit vector to the equations (restricted to the
 * unknown cells) does not raise their rank, computed in floating point.
 */
class CellSuppressionDisclosureTest {

    @Test
    void protectsACellThatOnlyACombinationOfEquationsWouldDisclose() {
        // rows r0 r1 r2 by columns c0 c1 c2 (k = 5); r0 holds one cell, so r0 = (0,2)
        //         c0  c1  c2 | row
        //   r0     .   .   6 |  6
        //   r1     .   8   2 | 10
        //   r2     1   6  20 | 27
        //   col    1  14  28 | 43
        long[] patients = {43, 6, 10, 27, 1, 14, 28, 6, 8, 2, 1, 6, 20};
        List<Total> totals = List.of(new Total(0, List.of(1, 2, 3)), new Total(0, List.of(4, 5, 6)),
                new Total(1, List.of(7)), new Total(2, List.of(8, 9)), new Total(3, List.of(10, 11, 12)),
                new Total(4, List.of(10)), new Total(5, List.of(8, 11)), new Total(6, List.of(7, 9, 12)));
        Map<Integer, SuppressionReason> result = CellSuppression.suppress(patients, totals, 5);
        assertNothingPrimaryDisclosed(patients, totals, result, Set.of());

        // and when another query (grouped by rows alone, where all three rows are shown) publishes the row margins
        Map<Integer, SuppressionReason> againstRows = CellSuppression.suppress(patients, cells(patients.length), totals,
                5, Set.of(1, 2, 3));
        assertNothingPrimaryDisclosed(patients, totals, againstRows, Set.of(1, 2, 3));
    }

    @Test
    void randomTwoWayTablesWithDoseBandsDiscloseNoPrimaryCell() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            Table table = Table.random(random, 2 + random.nextInt(3), 2 + random.nextInt(3), 1 + random.nextInt(3));
            Map<Integer, SuppressionReason> result = CellSuppression.suppress(table.patients, table.totals, 5);
            assertNothingPrimaryDisclosed(table.patients, table.totals, result, Set.of());

            // suppressed together with the coarser tables a researcher can also ask for (rows alone, columns alone,
            // the total), the table on its own still discloses no primary cell
            GroupingSuppression family = new GroupingSuppression(table.rows(), table.relations(), 5);
            assertNothingPrimaryDisclosed(table.patients, table.totals, family.pattern(0b11), Set.of());
        }
    }

    private static Set<Integer> cells(int count) {
        Set<Integer> cells = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            cells.add(i);
        }
        return cells;
    }

    private static void assertNothingPrimaryDisclosed(long[] patients, List<Total> totals,
            Map<Integer, SuppressionReason> suppressed, Set<Integer> known) {
        List<Integer> unknown = new ArrayList<>();
        for (int cell : suppressed.keySet()) {
            if (!known.contains(cell)) {
                unknown.add(cell);
            }
        }
        List<double[]> equations = new ArrayList<>();
        for (Total total : totals) {
            double[] row = new double[unknown.size()];
            int index = unknown.indexOf(total.parent());
            if (index >= 0) {
                row[index] += 1;
            }
            for (int child : total.children()) {
                index = unknown.indexOf(child);
                if (index >= 0) {
                    row[index] -= 1;
                }
            }
            equations.add(row);
        }
        int rank = rank(equations);
        for (int i = 0; i < unknown.size(); i++) {
            int cell = unknown.get(i);
            if (patients[cell] < 5) {
                assertThat(suppressed.get(cell)).isEqualTo(SuppressionReason.PRIMARY);
                List<double[]> withCell = new ArrayList<>(equations);
                double[] unit = new double[unknown.size()];
                unit[i] = 1;
                withCell.add(unit);
                assertThat(rank(withCell)).as("cell %d (%d patients) of %s is disclosed; suppressed %s",
                        cell, patients[cell], java.util.Arrays.toString(patients), suppressed).isEqualTo(rank + 1);
            }
        }
    }

    private static int rank(List<double[]> rows) {
        double[][] m = rows.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        int columns = m.length == 0 ? 0 : m[0].length;
        for (int column = 0; column < columns && rank < m.length; column++) {
            int pivot = rank;
            for (int r = rank + 1; r < m.length; r++) {
                if (Math.abs(m[r][column]) > Math.abs(m[pivot][column])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][column]) < 1e-9) {
                continue;
            }
            double[] swap = m[pivot];
            m[pivot] = m[rank];
            m[rank] = swap;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][column]) > 1e-12) {
                    double factor = m[r][column] / m[rank][column];
                    for (int c = column; c < columns; c++) {
                        m[r][c] -= factor * m[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    /** A rows x columns table with dose bands: cells, margins (rows, columns, total, each banded), and their sums. */
    private record Table(long[] patients, List<Total> totals, List<AggregateRow> rows,
            Map<List<Integer>, List<Integer>> relations) {

        static Table random(Random random, int rows, int columns, int bands) {
            // counts per (row, column, band); a zero means the cell does not exist, as in a GROUPING SETS result
            long[][][] counts = new long[rows][columns][bands];
            for (long[][] row : counts) {
                for (long[] cell : row) {
                    for (int b = 0; b < bands; b++) {
                        cell[b] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 6 : 25);
                    }
                }
            }
            List<Long> patients = new ArrayList<>();
            List<Total> totals = new ArrayList<>();
            List<AggregateRow> cells = new ArrayList<>();
            Map<List<Integer>, List<Integer>> relations = new java.util.LinkedHashMap<>();
            // cell index for (row or -1, column or -1, band or -1); absent when its count is 0
            Map<List<Integer>, Integer> index = new java.util.LinkedHashMap<>();
            for (int r = -1; r < rows; r++) {
                for (int c = -1; c < columns; c++) {
                    for (int b = -1; b < bands; b++) {
                        long sum = 0;
                        for (int rr = 0; rr < rows; rr++) {
                            for (int cc = 0; cc < columns; cc++) {
                                for (int bb = 0; bb < bands; bb++) {
                                    if ((r < 0 || r == rr) && (c < 0 || c == cc) && (b < 0 || b == bb)) {
                                        sum += counts[rr][cc][bb];
                                    }
                                }
                            }
                        }
                        if (sum > 0) {
                            index.put(List.of(r, c, b), patients.size());
                            int dimensions = (r >= 0 ? 1 : 0) | (c >= 0 ? 2 : 0);
                            cells.add(new AggregateRow(dimensions, java.util.Arrays.asList(r >= 0 ? "r" + r : null,
                                    c >= 0 ? "c" + c : null), b >= 0 ? "b" + b : null, sum, sum, 0, null, 0, null, 0,
                                    null, 0, 0, 0, 0, 0, 0, 0, 0));
                            patients.add(sum);
                        }
                    }
                }
            }
            index.forEach((key, parent) -> {
                for (int dimension = 0; dimension < 3; dimension++) {
                    if (key.get(dimension) >= 0) {
                        continue;
                    }
                    int size = dimension == 0 ? rows : dimension == 1 ? columns : bands;
                    List<Integer> children = new ArrayList<>();
                    for (int v = 0; v < size; v++) {
                        List<Integer> child = new ArrayList<>(key);
                        child.set(dimension, v);
                        Integer childIndex = index.get(child);
                        if (childIndex != null) {
                            children.add(childIndex);
                        }
                    }
                    totals.add(new Total(parent, children));
                    relations.put(List.of(parent, dimension == 2 ? -1 : dimension), children);
                }
            });
            return new Table(patients.stream().mapToLong(Long::longValue).toArray(), totals, cells, relations);
        }
    }
}
