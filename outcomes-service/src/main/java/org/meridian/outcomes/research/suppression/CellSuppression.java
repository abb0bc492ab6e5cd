package org.meridian.outcomes.research.suppression;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Small-cell suppression for a table of additive cells (counts, sums).
 * <ol>
 *   <li>Primary: a cell with fewer than {@code k} patients is suppressed.</li>
 *   <li>Complementary: each {@link Total} states that a parent cell is the sum of its children (a total and its
 *   groups; a group and its dose bands; a margin and the cells it sums). The parent may be known even when it is
 *   suppressed here, from another query grouped more coarsely, so an equation protects its children only if none
 *   or at least two of them are suppressed: with exactly one, the smallest unsuppressed sibling is suppressed too
 *   (the parent when there is no sibling). A suppressed parent whose children are all shown is their sum, so then
 *   the smallest child is suppressed (and, by the first rule, a second one). Suppressing one cell can open another
 *   equation, so this repeats until no rule applies.</li>
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
                long hiddenChildren = total.children().stream().filter(suppressed::containsKey).count();
                boolean parentHidden = suppressed.containsKey(total.parent());
                if (hiddenChildren > 1 || (hiddenChildren == 0 && !parentHidden)) {
                    continue;
                }
                int partner = smallestShownChild(patients, total.children(), suppressed);
                if (partner >= 0) {
                    suppressed.put(partner, SuppressionReason.COMPLEMENTARY);
                    changed = true;
                } else if (!parentHidden) {
                    suppressed.put(total.parent(), SuppressionReason.COMPLEMENTARY);
                    changed = true;
                }
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
