package org.meridian.outcomes.research;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meridian.outcomes.research.ExactLinearProgram.Relation;

/**
 * What someone holding one aggregate response can work out about a cell's patient-episode count, written without
 * the production code: every count is a non-negative number; each cell is the sum of the cells it splits into (by
 * every grouped dimension and by dose band); a shown cell is exact; and whatever else the response gives away is
 * used too: a reason {@code PRIMARY} means fewer than k, {@code COMPLEMENTARY} at least k, and when some possible
 * cell (a value of a dimension, a dose band) is missing, missing cells are taken as empty and listed ones as holding
 * at least one. The bounds of a cell are then the minimum and maximum of its count over everything consistent with
 * that: linear programs solved exactly ({@link ExactLinearProgram}).
 * <p>
 * For a rate, each cell's count splits into the episodes meeting its rule, those not meeting it and (for a percent
 * rule) those where it is undefined; a shown rate gives all three exactly (rate x n, n - that, count - n).
 */
final class DisclosureAttacker {

    /** The values each cohort attribute can take (intake's enums), and the dose bands. */
    static final Map<String, List<String>> DOMAINS = Map.of(
            "sex", List.of("FEMALE", "MALE", "OTHER", "UNKNOWN", "NOT_RECORDED"),
            "ageBand", List.of("0-17", "18-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+", "NOT_RECORDED"),
            "chronicity", List.of("CHRONIC", "NOT_CHRONIC", "NOT_RECORDED"),
            "painSites",
                    List.of(
                            "LOW_BACK",
                            "UPPER_BACK",
                            "LOW_BACK,UPPER_BACK",
                            "LOW_BACK,SCIATICA_LEFT",
                            "LOW_BACK,SCIATICA_RIGHT",
                            "LOW_BACK,SCIATICA_BILATERAL",
                            "UPPER_BACK,SCIATICA_LEFT",
                            "UPPER_BACK,SCIATICA_RIGHT",
                            "UPPER_BACK,SCIATICA_BILATERAL",
                            "LOW_BACK,UPPER_BACK,SCIATICA_LEFT",
                            "LOW_BACK,UPPER_BACK,SCIATICA_RIGHT",
                            "LOW_BACK,UPPER_BACK,SCIATICA_BILATERAL",
                            "SCIATICA_LEFT",
                            "SCIATICA_RIGHT",
                            "SCIATICA_BILATERAL",
                            "NOT_RECORDED"));

    static final List<String> BANDS = List.of("0", "1-3", "4-6", "7-9", "10-12", "13+");

    /** The smallest and largest count consistent with the response (max is infinite when nothing bounds it). */
    record Range(double min, double max) {
        boolean pinned() {
            return max - min < 0.5;
        }
    }

    private final List<String> dimensions;
    private final List<List<String>> domains = new ArrayList<>();
    private final int[] radix;
    private final int cells;
    private final int k;
    /** per grid cell: the response's cell, or null when it is not listed */
    private final Map<String, Object>[] listed;

    private final boolean sparse;
    private final int[] variableOf; // interior cell -> LP variable, or -1 when its count is shown
    private final double[] shownInterior;
    private final int variables;

    /**
     * @param response the parsed JSON aggregate
     * @param clinics the clinic ids grouped by, when the response is grouped by clinic
     */
    @SuppressWarnings("unchecked")
    DisclosureAttacker(Map<String, Object> response, List<String> clinics) {
        this.dimensions = (List<String>) response.get("groupBy");
        this.k = ((Number) response.get("minCellSize")).intValue();
        for (String dimension : dimensions) {
            domains.add(dimension.equals("clinicId") ? clinics : DOMAINS.get(dimension));
        }
        domains.add(BANDS);
        radix = new int[domains.size()];
        int count = 1;
        for (int d = 0; d < domains.size(); d++) {
            radix[d] = domains.get(d).size() + 1; // the last coordinate is "all values" (a margin)
            count *= radix[d];
        }
        cells = count;
        listed = new Map[cells];
        List<Map<String, Object>> top = new ArrayList<>();
        top.add((Map<String, Object>) response.get("total"));
        top.addAll((List<Map<String, Object>>) response.getOrDefault("groups", List.of()));
        top.addAll((List<Map<String, Object>>) response.getOrDefault("subtotals", List.of()));
        for (Map<String, Object> cell : top) {
            record(cell);
            for (Map<String, Object> band : (List<Map<String, Object>>) cell.getOrDefault("doseResponse", List.of())) {
                record(band);
            }
        }
        sparse = Arrays.stream(listed).anyMatch(cell -> cell == null);

        variableOf = new int[cells];
        shownInterior = new double[cells];
        int next = 0;
        for (int cell = 0; cell < cells; cell++) {
            variableOf[cell] = -1;
            if (!interior(cell)) {
                continue;
            }
            Double shown = shown(cell);
            if (shown != null) {
                shownInterior[cell] = shown;
            } else if (listed[cell] != null || !sparse) {
                variableOf[cell] = next++;
            }
            // a missing interior cell of a sparse response is empty: neither a variable nor a count
        }
        variables = next;
    }

    /** The count's range for the cell with these group values (dimension json name -> value) and dose band (null: all). */
    Range range(Map<String, String> group, String band) {
        int cell = cellOf(group, band);
        long[] objective = new long[variables];
        long constant = 0;
        for (int member : members(cell)) {
            if (variableOf[member] >= 0) {
                objective[variableOf[member]] = 1;
            } else {
                constant += (long) shownInterior[member];
            }
        }
        return solve(equations(), objective, constant);
    }

    /**
     * The range of one part of a rate in a cell: {@code part} 0 = episodes meeting the rule, 1 = not meeting it, 2 =
     * where it is undefined ({@code parts} is 3 for a percent rule, else 2).
     */
    Range rateRange(Map<String, String> group, String band, String rate, int parts, int part) {
        int cell = cellOf(group, band);
        int[] first = new int[cells];
        int count = 0;
        for (int c = 0; c < cells; c++) {
            first[c] = -1;
            if (interior(c) && (listed[c] != null || !sparse)) {
                first[c] = count;
                count += parts;
            }
        }
        List<Equation> equations = new ArrayList<>();
        for (Equation equation : equations()) {
            // the count equations hold for the sum of the parts
            long[] coefficients = new long[count];
            for (int c = 0; c < cells; c++) {
                if (first[c] >= 0) {
                    boolean counted = variableOf[c] >= 0 ? equation.coefficients()[variableOf[c]] != 0 : false;
                    for (int p = 0; p < parts; p++) {
                        coefficients[first[c] + p] = counted ? 1 : 0;
                    }
                }
            }
            equations.add(new Equation(coefficients, equation.relation(), equation.bound()));
        }
        for (int c = 0; c < cells; c++) {
            Double shown = shown(c);
            if (first[c] >= 0 && shown != null) { // a shown interior count is the sum of its parts
                long[] coefficients = new long[count];
                for (int p = 0; p < parts; p++) {
                    coefficients[first[c] + p] = 1;
                }
                equations.add(new Equation(coefficients, Relation.EQ, shown.longValue()));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> shownRate = listed[c] == null ? null : (Map<String, Object>) listed[c].get(rate);
            if (shownRate == null) {
                continue;
            }
            long n = ((Number) shownRate.get("n")).longValue();
            long events = Math.round(((Number) shownRate.get("rate")).doubleValue() * n);
            long[] values = {events, n - events, shown.longValue() - n};
            for (int p = 0; p < parts; p++) {
                long[] coefficients = new long[count];
                for (int member : members(c)) {
                    if (first[member] >= 0) {
                        coefficients[first[member] + p] = 1;
                    }
                }
                equations.add(new Equation(coefficients, Relation.EQ, values[p]));
            }
        }
        long[] objective = new long[count];
        for (int member : members(cell)) {
            if (first[member] >= 0) {
                objective[first[member] + part] = 1;
            }
        }
        return solve(equations, objective, 0);
    }

    private static Range solve(List<Equation> equations, long[] objective, long constant) {
        int variables = objective.length;
        boolean[] constrained = new boolean[variables];
        for (Equation equation : equations) {
            for (int v = 0; v < variables; v++) {
                constrained[v] |= equation.coefficients()[v] != 0;
            }
        }
        // a variable in no equation is free: it can be 0, or as large as one likes
        double max = Double.NaN;
        int[] index = new int[variables];
        int used = 0;
        for (int v = 0; v < variables; v++) {
            if (!constrained[v] && objective[v] != 0) {
                max = Double.POSITIVE_INFINITY;
            }
            index[v] = constrained[v] ? used++ : -1;
        }
        ExactLinearProgram program = new ExactLinearProgram(used);
        for (Equation equation : equations) {
            program.add(compact(equation.coefficients(), index, used), equation.relation(), equation.bound());
        }
        long[] target = compact(objective, index, used);
        double min = program.minimize(target) + constant;
        if (Double.isNaN(max)) {
            max = program.maximize(target) + constant;
        }
        return new Range(min, max);
    }

    private static long[] compact(long[] coefficients, int[] index, int used) {
        long[] result = new long[used];
        for (int v = 0; v < coefficients.length; v++) {
            if (index[v] >= 0) {
                result[index[v]] = coefficients[v];
            }
        }
        return result;
    }

    /** Every cell of the grid: its group values and dose band, for iterating over all of them. */
    List<Map.Entry<Map<String, String>, String>> allCells() {
        List<Map.Entry<Map<String, String>, String>> all = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            Map<String, String> group = new LinkedHashMap<>();
            for (int d = 0; d < dimensions.size(); d++) {
                int coordinate = coordinate(cell, d);
                if (coordinate < domains.get(d).size()) {
                    group.put(dimensions.get(d), domains.get(d).get(coordinate));
                }
            }
            int band = coordinate(cell, dimensions.size());
            all.add(Map.entry(group, band < BANDS.size() ? BANDS.get(band) : ""));
        }
        return all;
    }

    /** The cell's shown count, or null when it is suppressed. */
    Double shownCount(Map<String, String> group, String band) {
        return shown(cellOf(group, band));
    }

    /** Whether the cell shows this rate. */
    boolean showsRate(Map<String, String> group, String band, String rate) {
        Map<String, Object> cell = listed[cellOf(group, band)];
        return cell != null && cell.get(rate) != null;
    }

    /** Whether the response lists this cell at all. */
    boolean lists(Map<String, String> group, String band) {
        return listed[cellOf(group, band)] != null;
    }

    /** A constraint on the hidden interior cells: their sum over a cell's members, against a bound. */
    private record Equation(long[] coefficients, Relation relation, long bound) {}

    private List<Equation> equations() {
        List<Equation> equations = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            long[] coefficients = new long[variables];
            long constant = 0;
            boolean any = false;
            for (int member : members(cell)) {
                if (variableOf[member] >= 0) {
                    coefficients[variableOf[member]] = 1;
                    any = true;
                } else {
                    constant += (long) shownInterior[member];
                }
            }
            if (!any) {
                continue;
            }
            Map<String, Object> shownCell = listed[cell];
            Double shown = shown(cell);
            if (shown != null) {
                equations.add(new Equation(coefficients, Relation.EQ, shown.longValue() - constant));
                continue;
            }
            if (shownCell == null) {
                if (sparse) {
                    equations.add(new Equation(coefficients, Relation.EQ, -constant));
                }
                continue;
            }
            long lower = sparse ? 1 : 0;
            Object reason = shownCell.get("reason");
            if ("COMPLEMENTARY".equals(reason)) {
                lower = k;
            }
            if ("PRIMARY".equals(reason)) {
                equations.add(new Equation(coefficients, Relation.LEQ, k - 1 - constant));
            }
            if (lower > 0) {
                equations.add(new Equation(coefficients, Relation.GEQ, lower - constant));
            }
        }
        return equations;
    }

    private Double shown(int cell) {
        Map<String, Object> shownCell = listed[cell];
        if (shownCell == null || Boolean.TRUE.equals(shownCell.get("suppressed"))) {
            return null;
        }
        return ((Number) shownCell.get("patientEpisodes")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private void record(Map<String, Object> cell) {
        Map<String, String> group = (Map<String, String>) cell.getOrDefault("group", Map.of());
        listed[cellOf(group, (String) cell.get("sessions"))] = cell;
    }

    private int cellOf(Map<String, String> group, String band) {
        int cell = 0;
        int stride = 1;
        for (int d = 0; d < radix.length; d++) {
            List<String> domain = domains.get(d);
            String value = d < dimensions.size()
                    ? group.get(dimensions.get(d))
                    : (band == null || band.isEmpty() ? null : band);
            int coordinate = value == null ? domain.size() : domain.indexOf(value);
            if (coordinate < 0) {
                throw new IllegalArgumentException(
                        "unknown value " + value + " of " + (d < dimensions.size() ? dimensions.get(d) : "sessions"));
            }
            cell += coordinate * stride;
            stride *= radix[d];
        }
        return cell;
    }

    private int coordinate(int cell, int dimension) {
        int stride = 1;
        for (int d = 0; d < dimension; d++) {
            stride *= radix[d];
        }
        return cell / stride % radix[dimension];
    }

    private boolean interior(int cell) {
        for (int d = 0; d < radix.length; d++) {
            if (coordinate(cell, d) == radix[d] - 1) {
                return false;
            }
        }
        return true;
    }

    /** The interior cells (every coordinate a value) that make up this cell. */
    private List<Integer> members(int cell) {
        List<Integer> members = new ArrayList<>();
        members.add(0);
        int stride = 1;
        for (int d = 0; d < radix.length; d++) {
            int coordinate = coordinate(cell, d);
            List<Integer> next = new ArrayList<>();
            for (int base : members) {
                if (coordinate == radix[d] - 1) {
                    for (int value = 0; value < radix[d] - 1; value++) {
                        next.add(base + value * stride);
                    }
                } else {
                    next.add(base + coordinate * stride);
                }
            }
            members = next;
            stride *= radix[d];
        }
        return members;
    }

    static Map<String, String> group(String... keyValues) {
        Map<String, String> group = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            group.put(keyValues[i], keyValues[i + 1]);
        }
        return group;
    }
}
