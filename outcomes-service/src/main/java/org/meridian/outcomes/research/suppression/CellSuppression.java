package org.meridian.outcomes.research.suppression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-cell suppression of a complete aggregate table (see docs/research.md).
 * <ul>
 *   <li>The table has every cell whatever the data: each value of each grouped dimension, each dose band, and all
 *   their margins ({@link TableGrid}); the last dimension is the dose band. Which cells are listed says nothing.</li>
 *   <li>A cell of fewer than k patients is suppressed, an empty one included: a suppressed cell may be empty.</li>
 *   <li>For every cell of 1 to k-1 patients, the counts consistent with everything shown (each cell the sum of the
 *   cells it splits into, no count below zero) must include 0 and k: nobody can tell that anyone is in it, nor that
 *   it is small. {@link TableProtection} hides further cells until that holds.</li>
 *   <li>A rate splits a cell's count into those meeting its rule, those not and (percent rules) those where it is
 *   undefined. A rate is hidden where the count is, and where one of those is 1 to k-1 or none meet or fail the
 *   rule; and each such value of 1 to k-1 must again range over [0, k] given the shown counts and rates.</li>
 *   <li>The family: the same query grouped by fewer of the dimensions gives the coarser tables (grouped by sex and
 *   age band: by sex, by age band, and the total). A cell belongs to the coarsest table that has it (each sex,
 *   with its dose bands, to the table grouped by sex) and is decided there, once; a finer table keeps those
 *   decisions, so that its margins are what the coarser queries show, and protects its own small cells, and again
 *   the coarser ones, taking as known everything the family shows. Should that fail for a cell, the requested
 *   table hides more of its margins too, so that the response on its own still protects it.</li>
 *   <li>The whole audit may take {@link #WORK_BUDGET} of simplex arithmetic, counts first. A table it cannot finish
 *   within that hides every cell it decides; the requested table then shows its total count alone, and rates that
 *   cannot be finished are all hidden.</li>
 * </ul>
 * Pure and deterministic.
 */
public final class CellSuppression {

    /** Simplex arithmetic one aggregate may take, in multiply-adds (two to three seconds). */
    public static final long WORK_BUDGET = 3_000_000_000L;

    /**
     * What the response shows: for each cell of the grid, whether its count is suppressed, and each rate's; and how
     * many tables of the family (counts and rates) fell back to hiding every cell they decide.
     */
    public record Decision(boolean[] countSuppressed, List<boolean[]> rateSuppressed, int fallbacks) {}

    private CellSuppression() {}

    /**
     * @param grid the table: every dimension but the last is grouped by, the last is the dose band
     * @param patients distinct patients of each cell (decides which cells are small)
     * @param counts each cell's published count (patient-episodes), a sum of its members'
     * @param rates for each rate, its layers (met, not met, and undefined for a percent rule) over every cell; they
     *        add up to the cell's count
     * @param minCellSize k
     */
    public static Decision suppress(
            TableGrid grid, long[] patients, long[] counts, List<long[][]> rates, int minCellSize) {
        int grouped = grid.dimensions() - 1;
        int band = 1 << grouped;
        int cells = grid.cellCount();
        List<Integer> tables = new ArrayList<>();
        for (int mask = 0; mask < band; mask++) {
            tables.add(mask);
        }
        tables.sort(Comparator.comparingInt(Integer::bitCount).thenComparingInt(mask -> mask));
        WorkBudget budget = new WorkBudget(WORK_BUDGET);
        // counts first, for the whole family, so that rates never take the budget the counts need
        boolean[] countShownByOwner = new boolean[cells];
        boolean[][] countHidden = new boolean[band][];
        boolean[][] countKnown = new boolean[band][];
        for (int table : tables) {
            Table shape = new Table(grid, table, band);
            countHidden[table] = protectCounts(
                    grid,
                    table | band,
                    patients,
                    counts,
                    minCellSize,
                    shape,
                    countShownByOwner,
                    table == band - 1,
                    budget);
            countKnown[table] = new boolean[cells];
            for (int cell = 0; cell < cells; cell++) {
                if (shape.owned[cell]) {
                    countShownByOwner[cell] = !countHidden[table][cell];
                }
                countKnown[table][cell] = shape.inTable[cell]
                        && (!countHidden[table][cell] || (!shape.owned[cell] && countShownByOwner[cell]));
            }
        }
        List<boolean[]> rateHidden = new ArrayList<>();
        for (long[][] layers : rates) {
            boolean[] rateShownByOwner = new boolean[cells];
            boolean[] requestedHidden = null;
            for (int table : tables) {
                Table shape = new Table(grid, table, band);
                boolean[] hidden = protectRate(
                        grid,
                        table | band,
                        layers,
                        countHidden[table],
                        countKnown[table],
                        minCellSize,
                        shape,
                        rateShownByOwner,
                        table == band - 1,
                        budget);
                for (int cell = 0; cell < cells; cell++) {
                    if (shape.owned[cell]) {
                        rateShownByOwner[cell] = !hidden[cell];
                    }
                }
                requestedHidden = hidden;
            }
            rateHidden.add(requestedHidden);
        }
        return new Decision(countHidden[band - 1], rateHidden, budget.fallbacks);
    }

    /** Which cells of the grid a table of the family has, and which it decides (the others, a coarser table does). */
    private static final class Table {
        final boolean[] inTable;
        final boolean[] owned;

        Table(TableGrid grid, int table, int band) {
            inTable = new boolean[grid.cellCount()];
            owned = new boolean[grid.cellCount()];
            for (int cell = 0; cell < grid.cellCount(); cell++) {
                int groupValues = grid.valueDimensions(cell) & ~band;
                inTable[cell] = (groupValues & ~table) == 0;
                owned[cell] = groupValues == table;
            }
        }
    }

    private static boolean[] protectCounts(
            TableGrid grid,
            int tableMask,
            long[] patients,
            long[] counts,
            int k,
            Table shape,
            boolean[] shownByOwner,
            boolean requested,
            WorkBudget budget) {
        boolean[] owned = shape.owned;
        boolean[] inTable = shape.inTable;
        int cells = grid.cellCount();
        boolean[] hidden = new boolean[cells];
        boolean[] knownElsewhere = new boolean[cells];
        List<Integer> small = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            if (!inTable[cell]) {
                continue;
            }
            if (owned[cell]) {
                hidden[cell] = patients[cell] < k;
            } else {
                hidden[cell] = !shownByOwner[cell];
                knownElsewhere[cell] = shownByOwner[cell];
            }
            if (patients[cell] > 0 && patients[cell] < k) {
                small.add(cell);
            }
        }
        TableProtection protection = new TableProtection(
                grid, tableMask, new long[][] {counts}, null, k, hidden, knownElsewhere, owned, budget);
        // the finest cells first: the complements they take often protect the margins around them too
        small.sort(Comparator.comparingInt((Integer cell) -> -Integer.bitCount(grid.valueDimensions(cell)))
                .thenComparingInt(cell -> cell));
        for (int cell : small) {
            TableProtection.Level level = protection.protect(cell, 0, requested);
            if (level == TableProtection.Level.UNKNOWN || (level == null && requested)) {
                budget.fallbacks++;
                giveUp(grid, hidden, inTable, owned, requested, true);
                break;
            }
        }
        return hidden;
    }

    private static boolean[] protectRate(
            TableGrid grid,
            int tableMask,
            long[][] layers,
            boolean[] countHidden,
            boolean[] countKnown,
            int k,
            Table shape,
            boolean[] shownByOwner,
            boolean requested,
            WorkBudget budget) {
        boolean[] owned = shape.owned;
        boolean[] inTable = shape.inTable;
        int cells = grid.cellCount();
        boolean[] hidden = new boolean[cells];
        boolean[] knownElsewhere = new boolean[cells];
        List<int[]> small = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            if (!inTable[cell]) {
                continue;
            }
            if (owned[cell]) {
                hidden[cell] = countHidden[cell] || !large(layers, cell, k);
            } else {
                hidden[cell] = !shownByOwner[cell];
                knownElsewhere[cell] = shownByOwner[cell];
            }
            for (int layer = 0; layer < layers.length; layer++) {
                if (layers[layer][cell] > 0 && layers[layer][cell] < k) {
                    small.add(new int[] {cell, layer});
                }
            }
        }
        TableProtection protection =
                new TableProtection(grid, tableMask, layers, countKnown, k, hidden, knownElsewhere, owned, budget);
        small.sort(Comparator.comparingInt((int[] target) -> -Integer.bitCount(grid.valueDimensions(target[0])))
                .thenComparingInt(target -> target[0])
                .thenComparingInt(target -> target[1]));
        for (int[] target : small) {
            TableProtection.Level level = protection.protect(target[0], target[1], requested);
            if (level == TableProtection.Level.UNKNOWN || (level == null && requested)) {
                budget.fallbacks++;
                giveUp(grid, hidden, inTable, owned, requested, false);
                break;
            }
        }
        return hidden;
    }

    /** Whether a rate may show: at least k meet the rule and at least k do not; where undefined, none or at least k. */
    private static boolean large(long[][] layers, int cell, int k) {
        if (layers[0][cell] < k || layers[1][cell] < k) {
            return false;
        }
        return layers.length < 3 || layers[2][cell] == 0 || layers[2][cell] >= k;
    }

    /**
     * A table that could not be audited within the budget. The requested one hides everything, but for counts its
     * total (when shown at all): every cell under k can then be empty or hold k, since the rest of the total can
     * move in or out. A coarser one hides every cell it decides.
     */
    private static void giveUp(
            TableGrid grid,
            boolean[] hidden,
            boolean[] inTable,
            boolean[] owned,
            boolean requested,
            boolean keepTotal) {
        int total = grid.cellCount() - 1;
        boolean totalShown = !hidden[total];
        for (int cell = 0; cell < hidden.length; cell++) {
            if (requested ? inTable[cell] : owned[cell]) {
                hidden[cell] = true;
            }
        }
        if (requested && keepTotal) {
            hidden[total] = !totalShown;
        }
    }
}
