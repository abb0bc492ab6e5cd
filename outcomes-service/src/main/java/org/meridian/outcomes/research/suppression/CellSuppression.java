package org.meridian.outcomes.research.suppression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Small-cell suppression for a table of additive cells (counts, sums).
 * <ol>
 *   <li>Primary: a cell with fewer than {@code k} patients is suppressed.</li>
 *   <li>Complementary: each {@link Total} states that a parent cell is the sum of its children (a group total and
 *   its groups; a group and its dose bands; a dose band over all groups and that band in each group). Whenever such
 *   an equation has exactly one suppressed member, it could be solved for that member, so the smallest unsuppressed
 *   child is suppressed too (the parent when no child is left). Suppressing one cell can open another equation,
 *   so this repeats until every equation has zero or at least two suppressed members.</li>
 * </ol>
 * Pure and deterministic: ties are broken by the cells' order.
 */
public final class CellSuppression {

    /** A parent cell that equals the sum of its children, all given as indexes into the patient counts. */
    public record Total(int parent, List<Integer> children) {
        public Total {
            Objects.requireNonNull(children, "children");
            children = List.copyOf(children);
        }
    }

    private CellSuppression() {
    }

    /**
     * @param patients the number of patients of each cell
     * @param totals the additive relations between cells
     * @param minCellSize k: a cell needs at least k patients to be shown
     * @return the suppressed cells (index -> reason), in the order they were decided
     */
    public static Map<Integer, SuppressionReason> suppress(long[] patients, List<Total> totals, int minCellSize) {
        Map<Integer, SuppressionReason> suppressed = new LinkedHashMap<>();
        for (int cell = 0; cell < patients.length; cell++) {
            if (patients[cell] < minCellSize) {
                suppressed.put(cell, SuppressionReason.PRIMARY);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Total total : totals) {
                if (total.children().isEmpty()) {
                    continue; // nothing to derive from an empty sum
                }
                List<Integer> members = new ArrayList<>(total.children().size() + 1);
                members.add(total.parent());
                members.addAll(total.children());
                long hidden = members.stream().filter(suppressed::containsKey).count();
                if (hidden != 1) {
                    continue;
                }
                int partner = smallestShownChild(patients, total.children(), suppressed);
                suppressed.put(partner < 0 ? total.parent() : partner, SuppressionReason.COMPLEMENTARY);
                changed = true;
            }
        }
        return Collections.unmodifiableMap(suppressed);
    }

    private static int smallestShownChild(long[] patients, List<Integer> children,
            Map<Integer, SuppressionReason> suppressed) {
        int best = -1;
        for (int child : children) {
            if (!suppressed.containsKey(child) && (best < 0 || patients[child] < patients[best])) {
                best = child;
            }
        }
        return best;
    }
}
