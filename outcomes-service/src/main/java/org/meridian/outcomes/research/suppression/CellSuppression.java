package org.meridian.outcomes.research.suppression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 *   <li>Audit: those rules look at one equation at a time, but equations can be combined (the total minus one row's
 *   margin minus another column's...). With every shown cell, and every cell that other queries publish, taken as
 *   known, {@link LinearDisclosure} finds the suppressed cells the equations still determine; while primary cells
 *   are among them, the smallest shown cell sharing an equation with each is suppressed too, and the rules run
 *   again. A table too large to audit within the budget has every cell it could hide hidden. The table on its own
 *   is then audited again, with nothing published elsewhere: it never discloses a primary cell by itself. Against
 *   other queries it is best effort: their cells can determine a primary cell whatever this table hides (a margin
 *   they show, minus a cell that is alone in its column here).</li>
 * </ol>
 * Ranges are not audited: shown sums bound a hidden cell (it is at most its parent), only its exact value is
 * protected. Pure and deterministic: ties are broken by the cells' order.
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
     * The audit's limits for one table: row operations per elimination, and rounds of complements. A table that
     * needs more (thousands of small cells) has every cell it could hide hidden instead.
     */
    static final long AUDIT_BUDGET = 2_000_000;
    static final int AUDIT_ROUNDS = 12;

    /** Suppression of a table whose every cell is in {@code patients}, with nothing published elsewhere. */
    public static Map<Integer, SuppressionReason> suppress(long[] patients, List<Total> totals, int minCellSize) {
        Set<Integer> cells = new TreeSet<>();
        for (int cell = 0; cell < patients.length; cell++) {
            cells.add(cell);
        }
        return suppress(patients, cells, totals, minCellSize, Set.of());
    }

    /**
     * @param patients the number of patients of each cell (indexed by cell)
     * @param cells the cells of this table
     * @param totals the additive relations between them
     * @param minCellSize k: a cell needs at least k patients to be shown
     * @param publishedElsewhere cells whose values other queries show (they protect nothing here)
     * @return the suppressed cells (index -> reason), in the order they were decided
     */
    public static Map<Integer, SuppressionReason> suppress(long[] patients, Set<Integer> cells, List<Total> totals,
            int minCellSize, Set<Integer> publishedElsewhere) {
        Map<Integer, SuppressionReason> suppressed = new LinkedHashMap<>();
        for (int cell : cells) {
            if (patients[cell] < minCellSize) {
                suppressed.put(cell, SuppressionReason.PRIMARY);
            }
        }
        applyRules(patients, totals, suppressed);
        audit(patients, cells, totals, suppressed, publishedElsewhere);
        if (!publishedElsewhere.isEmpty()) {
            // Other queries' cells may determine a primary cell whatever this table hides (a margin they show and
            // a cell alone in its column, say); this table on its own must still disclose nothing.
            audit(patients, cells, totals, suppressed, Set.of());
        }
        return Collections.unmodifiableMap(suppressed);
    }

    private static void audit(long[] patients, Set<Integer> cells, List<Total> totals,
            Map<Integer, SuppressionReason> suppressed, Set<Integer> publishedElsewhere) {
        for (int round = 0; round < AUDIT_ROUNDS; round++) {
            Set<Integer> unknown = new TreeSet<>(suppressed.keySet());
            unknown.removeAll(publishedElsewhere);
            Optional<Set<Integer>> determined = LinearDisclosure.determined(unknown, totals, AUDIT_BUDGET);
            if (determined.isEmpty()) {
                break; // too large to audit: hide all it can, below
            }
            List<Integer> disclosed = determined.get().stream()
                    .filter(cell -> suppressed.get(cell) == SuppressionReason.PRIMARY).toList();
            if (disclosed.isEmpty()) {
                return;
            }
            // a complement for each disclosed cell at once: one elimination per round, not per cell
            Set<Integer> complements = new TreeSet<>();
            for (int cell : disclosed) {
                int complement = complementFor(patients, totals, Set.of(cell), suppressed, complements,
                        publishedElsewhere);
                if (complement >= 0) {
                    complements.add(complement);
                }
            }
            if (complements.isEmpty()) {
                int complement = complementFor(patients, totals, unknown, suppressed, complements, publishedElsewhere);
                if (complement < 0) {
                    return; // every cell these equations touch is hidden or published elsewhere already
                }
                complements.add(complement);
            }
            complements.forEach(cell -> suppressed.put(cell, SuppressionReason.COMPLEMENTARY));
            applyRules(patients, totals, suppressed);
        }
        hideEverythingHideable(cells, totals, suppressed, publishedElsewhere);
    }

    /** The smallest hideable cell sharing an equation with one of {@code around}. */
    private static int complementFor(long[] patients, List<Total> totals, Set<Integer> around,
            Map<Integer, SuppressionReason> suppressed, Set<Integer> chosen, Set<Integer> publishedElsewhere) {
        int best = -1;
        for (Total total : totals) {
            List<Integer> members = members(total);
            if (members.stream().noneMatch(around::contains)) {
                continue;
            }
            for (int member : members) {
                if (!suppressed.containsKey(member) && !chosen.contains(member) && !publishedElsewhere.contains(member)
                        && (best < 0 || patients[member] < patients[best]
                            || (patients[member] == patients[best] && member < best))) {
                    best = member;
                }
            }
        }
        return best;
    }

    private static void hideEverythingHideable(Set<Integer> cells, List<Total> totals,
            Map<Integer, SuppressionReason> suppressed, Set<Integer> publishedElsewhere) {
        for (Total total : totals) {
            for (int member : members(total)) {
                if (cells.contains(member) && !publishedElsewhere.contains(member)) {
                    suppressed.putIfAbsent(member, SuppressionReason.COMPLEMENTARY);
                }
            }
        }
    }

    private static List<Integer> members(Total total) {
        List<Integer> members = new ArrayList<>(total.children().size() + 1);
        members.add(total.parent());
        members.addAll(total.children());
        return members;
    }

    /** The per-equation rules, until none applies. */
    private static void applyRules(long[] patients, List<Total> totals, Map<Integer, SuppressionReason> suppressed) {
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
