package org.meridian.outcomes.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.meridian.outcomes.research.suppression.CellSuppression;
import org.meridian.outcomes.research.suppression.SuppressionReason;

/**
 * Suppression of an aggregate table that also holds against the coarser tables a researcher can ask for with the
 * same filters: grouped by sex and age band, the tables grouped by sex alone, by age band alone, and the total.
 * Each coarser table is suppressed first, the same way; whatever it shows counts as known here, so it cannot help
 * disclose a cell of this table.
 */
final class GroupingSuppression {

    private final List<AggregateRow> cells;
    private final Map<List<Integer>, List<Integer>> relations;
    private final long[] patients;
    private final int minCellSize;
    private final Map<Integer, Map<Integer, SuppressionReason>> patterns = new HashMap<>();
    private final Map<Integer, Set<Integer>> published = new HashMap<>();

    /**
     * @param relations (parent cell, dimension broken down or -1 for the dose band) -> the finer cells summing to it
     */
    GroupingSuppression(List<AggregateRow> cells, Map<List<Integer>, List<Integer>> relations, int minCellSize) {
        this.cells = cells;
        this.relations = relations;
        this.patients = cells.stream().mapToLong(AggregateRow::patients).toArray();
        this.minCellSize = minCellSize;
    }

    /** The suppressed cells of the table grouped by the given dimensions (a bit per groupBy dimension). */
    Map<Integer, SuppressionReason> pattern(int dimensions) {
        Map<Integer, SuppressionReason> known = patterns.get(dimensions);
        if (known != null) {
            return known;
        }
        Set<Integer> tableCells = new TreeSet<>();
        for (int i = 0; i < cells.size(); i++) {
            if ((cells.get(i).dimensions() & ~dimensions) == 0) {
                tableCells.add(i);
            }
        }
        List<CellSuppression.Total> totals = new ArrayList<>();
        relations.forEach((key, children) -> {
            int parent = key.get(0);
            int dimension = key.get(1);
            if (tableCells.contains(parent) && (dimension < 0 || (dimensions & (1 << dimension)) != 0)) {
                totals.add(new CellSuppression.Total(parent, children));
            }
        });
        Set<Integer> elsewhere = new HashSet<>();
        for (int d = 0; d < Integer.SIZE; d++) {
            if ((dimensions & (1 << d)) != 0) {
                int coarser = dimensions & ~(1 << d);
                pattern(coarser);
                elsewhere.addAll(published.get(coarser));
            }
        }
        Map<Integer, SuppressionReason> pattern = CellSuppression.suppress(patients, tableCells, totals, minCellSize,
                elsewhere);
        Set<Integer> shownOrElsewhere = new HashSet<>(elsewhere);
        for (int cell : tableCells) {
            if (!pattern.containsKey(cell)) {
                shownOrElsewhere.add(cell);
            }
        }
        patterns.put(dimensions, pattern);
        published.put(dimensions, shownOrElsewhere);
        return pattern;
    }
}
