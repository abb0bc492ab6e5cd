package org.meridian.outcomes.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.suppression.CellSuppression;
import org.meridian.outcomes.research.suppression.TableGrid;

/** Tables of groups with a single dose band (so each group's band cell equals the group): which cells are hidden. */
class CellSuppressionTest {

    private static final int K = 11;

    @Test
    void showsEveryCellOfAtLeastK() {
        assertThat(hiddenGroups(11, 29)).isEmpty();
    }

    @Test
    void hidesAnEmptyGroupAndNothingElse() {
        // an empty cell is suppressed like a small one, but nothing needs protecting: its range may be [0, 0]
        assertThat(hiddenGroups(0, 40)).containsExactly(0);
    }

    @Test
    void aLoneSmallGroupTakesTheSmallestComplementThatLetsItReachK() {
        // 60 = 5 + 30 + 13 + 12: with 12 hidden too, group 0 ranges over [0, 17]
        assertThat(hiddenGroups(5, 30, 13, 12)).containsExactly(0, 3);
    }

    @Test
    void twoSmallGroupsTogetherUnderKNeedAComplement() {
        // 5 + 5 hidden would give each [0, 10]: it must be possible that either holds k, so 30 is hidden as well
        assertThat(hiddenGroups(5, 30, 5)).containsExactly(0, 1, 2);
    }

    @Test
    void twoSmallGroupsTogetherOfAtLeastKProtectEachOther() {
        // 6 + 8 = 14: each ranges over [0, 14]
        assertThat(hiddenGroups(6, 30, 8)).containsExactly(0, 2);
    }

    @Test
    void aSmallTotalHidesEverything() {
        assertThat(hiddenGroups(3, 4)).containsExactly(0, 1);
        assertThat(hidden(new long[] {3, 4})[total(2)]).isTrue();
    }

    /** The groups (0-based) whose cells are suppressed. */
    private static List<Integer> hiddenGroups(long... groups) {
        boolean[] hidden = hidden(groups);
        TableGrid grid = new TableGrid(groups.length, 1);
        List<Integer> result = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            // with one band, a group and its band cell hold the same patients, and are hidden together
            assertThat(hidden[grid.cell(g, 0)]).as("group %d and its band", g).isEqualTo(hidden[grid.cell(g, 1)]);
            if (hidden[grid.cell(g, 1)]) {
                result.add(g);
            }
        }
        return result;
    }

    private static int total(int groups) {
        return new TableGrid(groups, 1).cell(groups, 1);
    }

    private static boolean[] hidden(long[] groups) {
        TableGrid grid = new TableGrid(groups.length, 1);
        long[] counts = new long[grid.cellCount()];
        for (int g = 0; g < groups.length; g++) {
            for (int band : new int[] {0, 1}) {
                counts[grid.cell(g, band)] = groups[g];
                counts[grid.cell(groups.length, band)] += groups[g];
            }
        }
        return CellSuppression.suppress(grid, counts, counts, List.of(), K).countSuppressed();
    }
}
