package org.meridian.outcomes.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.metrics.ResearchMetrics;
import org.meridian.outcomes.research.DisclosureAttacker.Range;
import org.meridian.outcomes.research.rest.AggregateResponse;

/**
 * Random cohorts, aggregated as the database would (a row for every non-empty combination of the grouped values and
 * the dose band, and every margin), assembled into the response a researcher receives and attacked by
 * {@link DisclosureAttacker}, which knows nothing of the suppression code: no cell holding 1 to k-1 patients may be
 * narrowed to less than [0, k], and every shown count must be the true one.
 */
class AggregateDisclosurePropertyTest {

    private static final int K = 11;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** The rates of a cell: json field, and whether the rule can be undefined (a percent rule). */
    private static final Map<String, Boolean> RATES = Map.of(
            "responderMcid", false, "improved30Percent", true, "improved50Percent", true, "deterioration", false);

    @Test
    void noSmallCellOfARandomTableCanBeNarrowed() {
        Random random = new Random(20261122);
        List<List<GroupDimension>> shapes = List.of(
                List.of(GroupDimension.SEX),
                List.of(GroupDimension.CHRONICITY),
                List.of(GroupDimension.CHRONICITY, GroupDimension.SEX),
                List.of(GroupDimension.AGE_BAND),
                List.of(GroupDimension.SEX, GroupDimension.CHRONICITY),
                List.of(GroupDimension.CHRONICITY, GroupDimension.AGE_BAND));
        int shownRates = 0;
        int rateChecks = 0;
        for (int round = 0; round < 48; round++) {
            List<GroupDimension> dimensions = shapes.get(round % shapes.size());
            // every fourth round large enough for rates to show (at least k meeting a rule and k not)
            int size = round % 4 == 0
                    ? 80 + random.nextInt(80)
                    : round % 3 == 0 ? 40 + random.nextInt(60) : 4 + random.nextInt(60);
            Cohort cohort = Cohort.random(random, dimensions, size);
            Map<String, Object> response = respond(cohort);
            DisclosureAttacker attacker = new DisclosureAttacker(response, List.of());
            for (Map.Entry<Map<String, String>, String> cell : attacker.allCells()) {
                Map<String, String> group = cell.getKey();
                String band = cell.getValue();
                assertThat(attacker.lists(group, band))
                        .as("round %d: %s sessions=%s listed", round, group, band)
                        .isTrue();
                long truth = cohort.count(group, band);
                Double shown = attacker.shownCount(group, band);
                if (shown != null) {
                    assertThat(shown)
                            .as("round %d: shown %s sessions=%s", round, group, band)
                            .isEqualTo((double) truth);
                }
                if (truth > 0 && truth < K) {
                    assertProtected(attacker.range(group, band), round, group, band, "patient-episodes", truth, cohort);
                }
                if (round % 4 != 0) {
                    continue; // the rates' programs are three times the size: a quarter of the rounds
                }
                for (Map.Entry<String, Boolean> rate : RATES.entrySet()) {
                    shownRates += attacker.showsRate(group, band, rate.getKey()) ? 1 : 0;
                    int parts = rate.getValue() ? 3 : 2;
                    for (int part = 0; part < parts; part++) {
                        long value = cohort.ratePart(group, band, rate.getKey(), part);
                        if (value > 0 && value < K) {
                            rateChecks++;
                            assertProtected(
                                    attacker.rateRange(group, band, rate.getKey(), parts, part),
                                    round,
                                    group,
                                    band,
                                    rate.getKey() + " part " + part,
                                    value,
                                    cohort);
                        }
                    }
                }
            }
        }
        // the rates are exercised: some shown, many small parts attacked
        assertThat(shownRates).isGreaterThan(10);
        assertThat(rateChecks).isGreaterThan(100);
    }

    private static void assertProtected(
            Range range, int round, Map<String, String> group, String band, String what, long truth, Cohort cohort) {
        assertThat(range.min())
                .as("round %d: lower bound of %s of %s sessions=%s (%d) in %s", round, what, group, band, truth, cohort)
                .isLessThanOrEqualTo(1e-6);
        assertThat(range.max())
                .as("round %d: upper bound of %s of %s sessions=%s (%d) in %s", round, what, group, band, truth, cohort)
                .isGreaterThanOrEqualTo(K - 1e-6);
    }

    private static Map<String, Object> respond(Cohort cohort) {
        AggregateQuery query = new AggregateQuery(
                "NRS_BACK_PAIN", "1.0", List.of(), null, null, null, null, null, null, null, null, cohort.dimensions);
        Map<GroupDimension, List<String>> domains = new java.util.EnumMap<>(GroupDimension.class);
        for (GroupDimension dimension : cohort.dimensions) {
            domains.put(dimension, DisclosureAttacker.DOMAINS.get(dimension.jsonName()));
        }
        AggregateResponse response = ResearchAggregateService.assemble(
                query,
                cohort.rows(),
                domains,
                new ResearchAggregateService.RateRules(true, true),
                K,
                new ResearchMetrics(new SimpleMeterRegistry()));
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = JSON.convertValue(response, Map.class);
        return parsed;
    }

    /**
     * Patients (one episode each) with a value of each grouped dimension, a dose band, and outcomes: responder at
     * the MCID, improved 30 % and 50 % (undefined at a baseline of 0), deteriorated.
     */
    private record Cohort(List<GroupDimension> dimensions, List<List<String>> members, List<Boolean[]> outcomes) {

        static Cohort random(Random random, List<GroupDimension> dimensions, int size) {
            // a few crowded combinations, the rest sparse: the mix that makes both shown and suppressed cells
            List<List<String>> combinations = new ArrayList<>();
            List<Double> responding = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                combinations.add(randomMember(random, dimensions));
                responding.add(random.nextDouble());
            }
            List<List<String>> members = new ArrayList<>();
            List<Boolean[]> outcomes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int crowd = random.nextInt(combinations.size());
                boolean sparse = random.nextInt(3) == 0;
                members.add(sparse ? randomMember(random, dimensions) : combinations.get(crowd));
                double p = sparse ? 0.5 : responding.get(crowd);
                boolean baselineZero = random.nextInt(12) == 0;
                boolean improved30 = random.nextDouble() < p;
                outcomes.add(new Boolean[] {
                    random.nextDouble() < p,
                    baselineZero ? null : improved30,
                    baselineZero ? null : improved30 && random.nextBoolean(),
                    random.nextDouble() < (1 - p) / 4
                });
            }
            return new Cohort(dimensions, members, outcomes);
        }

        private static List<String> randomMember(Random random, List<GroupDimension> dimensions) {
            List<String> member = new ArrayList<>();
            for (GroupDimension dimension : dimensions) {
                List<String> domain = DisclosureAttacker.DOMAINS.get(dimension.jsonName());
                member.add(domain.get(random.nextInt(domain.size())));
            }
            member.add(DisclosureAttacker.BANDS.get(random.nextInt(DisclosureAttacker.BANDS.size())));
            return member;
        }

        long count(Map<String, String> group, String band) {
            return members.stream()
                    .filter(member -> matches(member, group, band))
                    .count();
        }

        /** How many of the cell's episodes meet the rate's rule (part 0), do not (1), or have it undefined (2). */
        long ratePart(Map<String, String> group, String band, String rate, int part) {
            int index = List.of("responderMcid", "improved30Percent", "improved50Percent", "deterioration")
                    .indexOf(rate);
            long count = 0;
            for (int i = 0; i < members.size(); i++) {
                if (matches(members.get(i), group, band)) {
                    Boolean outcome = outcomes.get(i)[index];
                    if (part == 0
                            ? Boolean.TRUE.equals(outcome)
                            : part == 1 ? Boolean.FALSE.equals(outcome) : outcome == null) {
                        count++;
                    }
                }
            }
            return count;
        }

        private boolean matches(List<String> member, Map<String, String> group, String band) {
            for (int d = 0; d < dimensions.size(); d++) {
                String value = group.get(dimensions.get(d).jsonName());
                if (value != null && !value.equals(member.get(d))) {
                    return false;
                }
            }
            return band == null || band.isEmpty() || band.equals(member.get(dimensions.size()));
        }

        /** What the database returns: a row per non-empty cell of every grouping set (patients = episodes here). */
        List<AggregateRow> rows() {
            List<AggregateRow> rows = new ArrayList<>();
            int n = dimensions.size();
            for (int mask = 0; mask < 1 << (n + 1); mask++) {
                Map<List<String>, long[]> sums = new java.util.LinkedHashMap<>();
                for (int i = 0; i < members.size(); i++) {
                    List<String> member = members.get(i);
                    List<String> key = new ArrayList<>();
                    for (int d = 0; d <= n; d++) {
                        key.add((mask & (1 << d)) != 0 ? member.get(d) : null);
                    }
                    long[] sum = sums.computeIfAbsent(key, k -> new long[9]);
                    Boolean[] outcome = outcomes.get(i);
                    sum[0]++;
                    for (int r = 0; r < 4; r++) {
                        if (outcome[r] != null) {
                            sum[1 + 2 * r + 1]++;
                            if (outcome[r]) {
                                sum[1 + 2 * r]++;
                            }
                        }
                    }
                }
                int dimensionBits = mask & ((1 << n) - 1);
                sums.forEach((key, sum) -> rows.add(new AggregateRow(
                        dimensionBits,
                        Arrays.asList(key.subList(0, n).toArray(new String[0])),
                        key.get(n),
                        sum[0],
                        sum[0],
                        5,
                        1.0,
                        3,
                        1.0,
                        -2,
                        1.0,
                        sum[1],
                        sum[2],
                        sum[3],
                        sum[4],
                        sum[5],
                        sum[6],
                        sum[7],
                        sum[8])));
            }
            return rows;
        }

        @Override
        public String toString() {
            Map<List<String>, Long> byCombination =
                    new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
            members.forEach(member -> byCombination.merge(member, 1L, Long::sum));
            return dimensions + " " + byCombination;
        }
    }
}
