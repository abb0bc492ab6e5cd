package org.meridian.outcomes.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.suppression.CellSuppression;
import org.meridian.outcomes.research.suppression.TableGrid;

/**
 * No small cell may be recoverable exactly by combining sums, not only one sum at a time. Checked here independently
 * of the implementation: a hidden cell is determined when adding its indicator (over the hidden interior cells) to
 * the equations of the shown cells does not raise their rank, computed in floating point. (The interval property,
 * stronger, is {@link AggregateDisclosurePropertyTest}'s.)
 */
class CellSuppressionDisclosureTest {

    private static final int K = 5;

    @Test
    void protectsACellThatOnlyACombinationOfEquationsWouldDisclose() {
        // rows r0 r1 r2 by columns c0 c1 c2, one dose band (k = 5); r0 holds one cell, so r0 = (0, 2)
        //         c0  c1  c2 | row
        //   r0     .   .   6 |  6
        //   r1     .   8   2 | 10
        //   r2     1   6  20 | 27
        //   col    1  14  28 | 43
        long[][][] counts = {{{0}, {0}, {6}}, {{0}, {8}, {2}}, {{1}, {6}, {20}}};
        Table table = Table.of(counts);
        assertNothingSmallDetermined(
                table,
                CellSuppression.suppress(table.grid, table.counts, table.counts, List.of(), K)
                        .countSuppressed());
    }

    @Test
    void randomTwoWayTablesWithDoseBandsDiscloseNoSmallCell() {
        Random random = new Random(42);
        for (int round = 0; round < 150; round++) {
            long[][][] counts = new long[2 + random.nextInt(3)][2 + random.nextInt(3)][1 + random.nextInt(3)];
            for (long[][] row : counts) {
                for (long[] cell : row) {
                    for (int b = 0; b < cell.length; b++) {
                        cell[b] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 6 : 25);
                    }
                }
            }
            Table table = Table.of(counts);
            assertNothingSmallDetermined(
                    table,
                    CellSuppression.suppress(table.grid, table.counts, table.counts, List.of(), K)
                            .countSuppressed());
        }
    }

    private static void assertNothingSmallDetermined(Table table, boolean[] hidden) {
        TableGrid grid = table.grid;
        List<Integer> unknown = new ArrayList<>();
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            if (grid.valueDimensions(cell) == (1 << grid.dimensions()) - 1 && hidden[cell]) {
                unknown.add(cell);
            }
        }
        List<double[]> equations = new ArrayList<>();
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            if (hidden[cell]) {
                continue;
            }
            double[] row = new double[unknown.size()];
            for (int member : grid.members(cell, (1 << grid.dimensions()) - 1)) {
                int index = unknown.indexOf(member);
                if (index >= 0) {
                    row[index] = 1;
                }
            }
            equations.add(row);
        }
        int rank = rank(equations);
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            long count = table.counts[cell];
            if (count < K) {
                assertThat(hidden[cell])
                        .as("cell %d (%d) is small", cell, count)
                        .isTrue();
            }
            if (count == 0 || count >= K) {
                continue;
            }
            double[] indicator = new double[unknown.size()];
            for (int member : grid.members(cell, (1 << grid.dimensions()) - 1)) {
                indicator[unknown.indexOf(member)] = 1;
            }
            List<double[]> withCell = new ArrayList<>(equations);
            withCell.add(indicator);
            assertThat(rank(withCell))
                    .as("cell %d (%d patients) of %s is determined", cell, count, Arrays.toString(table.counts))
                    .isEqualTo(rank + 1);
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

    /** A rows x columns x bands table and every margin of it. */
    private record Table(TableGrid grid, long[] counts) {

        static Table of(long[][][] interior) {
            TableGrid grid = new TableGrid(interior.length, interior[0].length, interior[0][0].length);
            long[] counts = new long[grid.cellCount()];
            for (int r = 0; r < interior.length; r++) {
                for (int c = 0; c < interior[r].length; c++) {
                    for (int b = 0; b < interior[r][c].length; b++) {
                        for (int ancestor : grid.ancestors(grid.cell(r, c, b), 0b111)) {
                            counts[ancestor] += interior[r][c][b];
                        }
                    }
                }
            }
            return new Table(grid, counts);
        }
    }
}
