package org.meridian.outcomes.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.suppression.CellSuppression;
import org.meridian.outcomes.research.suppression.CellSuppression.Total;
import org.meridian.outcomes.research.suppression.SuppressionReason;

class CellSuppressionTest {

    private static final SuppressionReason PRIMARY = SuppressionReason.PRIMARY;
    private static final SuppressionReason COMPLEMENTARY = SuppressionReason.COMPLEMENTARY;

    @Test
    void showsEveryCellOfAtLeastK() {
        assertThat(CellSuppression.suppress(new long[] {40, 11, 29}, List.of(new Total(0, List.of(1, 2))), 11)).isEmpty();
    }

    @Test
    void suppressesTheNextSmallestSiblingWhenOnlyOneIsSuppressed() {
        // total 60 = 5 + 30 + 13 + 12: 5 alone could be derived as 60 - 30 - 13 - 12
        Map<Integer, SuppressionReason> result = CellSuppression.suppress(new long[] {60, 5, 30, 13, 12},
                List.of(new Total(0, List.of(1, 2, 3, 4))), 11);
        assertThat(result).containsExactly(entry(1, PRIMARY), entry(4, COMPLEMENTARY));
    }

    @Test
    void needsNoComplementWhenTwoSiblingsAreAlreadySuppressed() {
        Map<Integer, SuppressionReason> result = CellSuppression.suppress(new long[] {45, 5, 30, 10},
                List.of(new Total(0, List.of(1, 2, 3))), 11);
        assertThat(result).containsOnly(entry(1, PRIMARY), entry(3, PRIMARY));
    }

    @Test
    void suppressesTheOnlyChildOfASuppressedParent() {
        // with k = 13, group 2 (12) is hidden, so group 1 must be too (30 - 18 = 12); group 1's only band then equals
        // it and is hidden as well
        Map<Integer, SuppressionReason> result = CellSuppression.suppress(new long[] {30, 18, 12, 18, 12},
                List.of(new Total(0, List.of(1, 2)), new Total(1, List.of(3)), new Total(2, List.of(4))), 13);
        assertThat(result).containsOnly(entry(2, PRIMARY), entry(4, PRIMARY), entry(1, COMPLEMENTARY),
                entry(3, COMPLEMENTARY));
    }

    @Test
    void ignoresAnEmptyTotal() {
        assertThat(CellSuppression.suppress(new long[] {0}, List.of(new Total(0, List.of())), 11))
                .containsExactly(entry(0, PRIMARY));
    }

    @Test
    void propagatesThroughRowsAndColumnsOfATwoWayTable() {
        // cells: 0 total; 1,2 groups A,B; 3,4 bands X,Y over all; 5 A-X, 6 A-Y, 7 B-X, 8 B-Y
        long[] patients = {60, 30, 30, 35, 25, 20, 10, 15, 15};
        List<Total> totals = List.of(
                new Total(0, List.of(1, 2)), new Total(0, List.of(3, 4)),
                new Total(1, List.of(5, 6)), new Total(2, List.of(7, 8)),
                new Total(3, List.of(5, 7)), new Total(4, List.of(6, 8)));
        Map<Integer, SuppressionReason> result = CellSuppression.suppress(patients, totals, 11);
        // A-Y (10) is primary; row A needs A-X; column Y needs B-Y; then row B needs B-X and column X is balanced
        assertThat(result).containsOnly(entry(6, PRIMARY), entry(5, COMPLEMENTARY), entry(8, COMPLEMENTARY),
                entry(7, COMPLEMENTARY));
        for (Total total : totals) {
            long hidden = java.util.stream.Stream.concat(java.util.stream.Stream.of(total.parent()), total.children().stream())
                    .filter(result::containsKey).count();
            assertThat(hidden).as("suppressed members of %s", total).isNotEqualTo(1);
        }
    }

    @Test
    void protectsAChildEvenWhenItsParentIsSuppressed() {
        // 0 total 45 = groups A 5, B 20, C 20; B = B-x 6 + B-y 14. A is primary and takes B as its complement; B
        // may still be published by another query, so B-x (primary) needs B-y as a complement of its own.
        Map<Integer, SuppressionReason> result = CellSuppression.suppress(new long[] {45, 5, 20, 20, 6, 14},
                List.of(new Total(0, List.of(1, 2, 3)), new Total(2, List.of(4, 5))), 11);
        assertThat(result).containsOnly(entry(1, PRIMARY), entry(4, PRIMARY), entry(2, COMPLEMENTARY),
                entry(5, COMPLEMENTARY));
    }

    @Test
    void hidesAChildOfASuppressedParentWhoseChildrenWouldOtherwiseAllBeShown() {
        // 0 total 40 = A 4 + B 36; B = B-x 12 + B-y 12 + B-z 12: B is hidden as A's complement, but the sum of its
        // three shown children would give it away
        Map<Integer, SuppressionReason> result = CellSuppression.suppress(new long[] {40, 4, 36, 12, 12, 12},
                List.of(new Total(0, List.of(1, 2)), new Total(2, List.of(3, 4, 5))), 11);
        assertThat(result).containsOnly(entry(1, PRIMARY), entry(2, COMPLEMENTARY), entry(3, COMPLEMENTARY),
                entry(4, COMPLEMENTARY));
    }
}
