package org.meridian.outcomes.research.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Protects the small counts of one table of the family (one set of grouped dimensions, always with dose bands) by
 * interval auditing. Each cell's count is split into layers: one layer for the patient-episode counts themselves;
 * for a rate, the episodes meeting its rule, those not meeting it and (for a percent rule) those where it is
 * undefined, which add up to the cell's count. A layer value of 1 to k-1 must stay consistent with everything known
 * (the shown counts and rates, each cell being the sum of its members, no value below zero) being 0 and being k:
 * each bound is certified by an explicit table of non-negative values that reproduces every known cell (found by
 * {@link Simplex}, then checked here against the exact sums). While one is missing, the known cell that limits it
 * (by the linear program's dual prices) and is smallest is hidden too. Hiding never narrows any other range, so one
 * pass suffices and every certificate found stays valid; the linear program is relaxed in place rather than solved
 * again from scratch.
 */
final class TableProtection {

    /** How far a value got protected. */
    enum Level {
        /** also against what the coarser tables of the family show */
        FAMILY,
        /** by this response alone (what the coarser tables show could narrow it) */
        RESPONSE,
        /** the work budget ran out */
        UNKNOWN
    }

    private static final double EPSILON = 1e-6;
    /** How many other values of each dimension the local programs free around a target, in turn. */
    private static final int[] LOCAL_PARTNERS = {1, 2};
    /** Tables with more hidden-able values than this are never solved whole, only locally. */
    private static final int FULL_PROGRAM_LIMIT = 600;

    private final TableGrid grid;
    private final int tableMask;
    private final long[][] layers;
    private final int depth;
    private final long[] totals;
    private final boolean[] totalKnown;
    private final int k;
    private final boolean[] hidden;
    private final boolean[] knownElsewhere;
    private final boolean[] owned;
    private final int[] interior;
    private final int[] interiorIndex;
    private final int[] tableCells;
    private final List<double[]> familyPoints = new ArrayList<>();
    private final List<double[]> responsePoints = new ArrayList<>();
    private final WorkBudget budget;
    private Session familySession;
    private Session responseSession;

    /**
     * @param tableMask the dimensions this table breaks down (a bit per dimension of the grid, dose band included)
     * @param layers for each layer, every cell's value; the layers of a cell add up to its count
     * @param totalKnown for layered tables, the cells whose count (sum of the layers) is known whatever is decided
     *        here; null when there is one layer, the count itself
     * @param hidden the cells whose layers are hidden so far, updated in place
     * @param knownElsewhere cells whose layers coarser tables of the family show
     * @param owned cells this table decides (the others are decided by a coarser table)
     */
    TableProtection(
            TableGrid grid,
            int tableMask,
            long[][] layers,
            boolean[] totalKnown,
            int k,
            boolean[] hidden,
            boolean[] knownElsewhere,
            boolean[] owned,
            WorkBudget budget) {
        this.grid = grid;
        this.tableMask = tableMask;
        this.layers = layers;
        this.depth = layers.length;
        this.totals = new long[grid.cellCount()];
        for (long[] layer : layers) {
            for (int cell = 0; cell < totals.length; cell++) {
                totals[cell] += layer[cell];
            }
        }
        this.totalKnown = totalKnown;
        this.k = k;
        this.hidden = hidden;
        this.knownElsewhere = knownElsewhere;
        this.owned = owned;
        this.budget = budget;
        List<Integer> inner = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        interiorIndex = new int[grid.cellCount()];
        Arrays.fill(interiorIndex, -1);
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            int values = grid.valueDimensions(cell);
            if ((values & ~tableMask) != 0) {
                continue;
            }
            all.add(cell);
            if (values == tableMask) {
                interiorIndex[cell] = inner.size();
                inner.add(cell);
            }
        }
        interior = inner.stream().mapToInt(Integer::intValue).toArray();
        tableCells = all.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Hides cells until {@code layer} of {@code cell} ranges over [0, k]: against the family if this table's own
     * cells can achieve it, else (when {@code responseFallback}) by hiding any cell of this response.
     *
     * @return how far it got, or null when nothing left to hide helps
     */
    Level protect(int cell, int layer, boolean responseFallback) {
        if (protectAgainst(cell, layer, true)) {
            return Level.FAMILY;
        }
        if (budget.left <= 0) {
            return Level.UNKNOWN;
        }
        if (responseFallback && protectAgainst(cell, layer, false)) {
            return Level.RESPONSE;
        }
        return budget.left <= 0 ? Level.UNKNOWN : null;
    }

    private boolean protectAgainst(int cell, int layer, boolean family) {
        int[] members = grid.members(cell, tableMask);
        while (true) {
            Certificate low = certify(members, layer, family, false);
            if (low.result == Result.FAILED) {
                return false;
            }
            Certificate high = low.result == Result.CERTIFIED ? certify(members, layer, family, true) : low;
            if (high.result == Result.FAILED) {
                return false;
            }
            if (high.result == Result.CERTIFIED) {
                return true;
            }
            if (high.complement < 0) {
                return false; // nothing left this level may hide
            }
            hide(high.complement);
        }
    }

    private void hide(int cell) {
        hidden[cell] = true;
        for (Session session : new Session[] {familySession, responseSession}) {
            if (session != null) {
                long before = session.simplex.work();
                session.hide(cell);
                budget.left -= session.simplex.work() - before;
                session.charged = session.simplex.work();
            }
        }
    }

    private enum Result {
        CERTIFIED,
        BLOCKED,
        FAILED
    }

    /** A certified bound, or the cell to hide next. */
    private record Certificate(Result result, int complement) {}

    /** Whether a table consistent with what is known puts the layer's sum over the members at 0 (at k or more: upper). */
    private Certificate certify(int[] members, int layer, boolean family, boolean upper) {
        if (certified(members, layer, family, upper)) {
            return new Certificate(Result.CERTIFIED, -1);
        }
        // first with only the cells around the target free, the rest held at their true values: a small program,
        // and any table it finds is as good a certificate
        Local last = null;
        for (int partners : LOCAL_PARTNERS) {
            last = local(members, layer, family, upper, partners);
            if (last.point != null) {
                (family ? familyPoints : responsePoints).add(last.point);
                if (meets(last.point, members, layer, upper)) {
                    return new Certificate(Result.CERTIFIED, -1);
                }
            }
            if (budget.left <= 0) {
                return new Certificate(Result.FAILED, -1);
            }
        }
        if (interior.length * depth > FULL_PROGRAM_LIMIT) {
            // too large to solve whole: hide what limits the local program (or next to the target) and try again
            int complement = last.complement;
            if (complement < 0) {
                for (int member : members) {
                    for (int ancestor : grid.ancestors(member, tableMask)) {
                        complement = smallerHideable(complement, ancestor, family);
                    }
                }
            }
            return new Certificate(Result.BLOCKED, complement);
        }
        Session session = session(family);
        if (session == null) {
            return new Certificate(Result.FAILED, -1);
        }
        double[] objective = new double[session.simplex.columnCount()];
        double constant = session.objective(members, layer, upper ? 1 : -1, objective);
        // the layer's sum is (upper) constant + objective.x, or (lower) -(constant + objective.x)
        double[] point = solve(session, objective, upper ? k - constant : -constant - EPSILON);
        if (budget.left <= 0) {
            return new Certificate(Result.FAILED, -1);
        }
        if (point != null) {
            (family ? familyPoints : responsePoints).add(point);
            if (meets(point, members, layer, upper)) {
                return new Certificate(Result.CERTIFIED, -1);
            }
        }
        return new Certificate(Result.BLOCKED, session.complement(session.simplex.duals(objective), members, layer));
    }

    /** The current linear program of a level, built and made feasible once; null when out of budget. */
    private Session session(boolean family) {
        Session current = family ? familySession : responseSession;
        if (current != null) {
            return current;
        }
        Session session = new Session(family);
        boolean feasible = session.simplex.findFeasible(Math.max(0, budget.left));
        budget.left -= session.simplex.work();
        session.charged = session.simplex.work();
        if (!feasible) {
            return null;
        }
        if (family) {
            familySession = session;
        } else {
            responseSession = session;
        }
        return session;
    }

    /**
     * Maximises the objective (stopping at the target) and returns the verified point, or null. After an optimum
     * below the target, the session's simplex holds its dual prices.
     */
    private double[] solve(Session session, double[] objective, double target) {
        Simplex simplex = session.simplex;
        Simplex.Outcome outcome = simplex.maximize(objective, target, simplex.work() + Math.max(0, budget.left));
        budget.left -= simplex.work() - session.charged;
        session.charged = simplex.work();
        if (outcome == Simplex.Outcome.GAVE_UP) {
            return null;
        }
        double[] values = simplex.point();
        if (outcome == Simplex.Outcome.UNBOUNDED) {
            double[] ray = simplex.ray();
            double gain = 0;
            for (int v = 0; v < ray.length; v++) {
                gain += objective[v] * ray[v];
            }
            double step = gain > 0 ? (k + 1) / gain : 0;
            for (int v = 0; v < values.length; v++) {
                values[v] = Math.max(0, values[v] + step * ray[v]);
            }
        }
        double[] point = session.point(values);
        return consistent(point, session.family) ? point : null;
    }

    /**
     * A program over the hidden cells of a box around the target (the target's values and {@code partners} others in
     * each dimension where it has one value; every value where it has all), every other cell at its true value. Its
     * rows are the known cells containing a freed cell, whose right-hand side is then the freed cells' true sum.
     * Returns the verified table it reaches, or null.
     */
    private record Local(double[] point, int complement) {}

    private Local local(int[] members, int layer, boolean family, boolean upper, int partners) {
        List<Integer> box = box(members, partners);
        int[] variableOf = new int[grid.cellCount()];
        Arrays.fill(variableOf, -1);
        int variables = 0;
        for (int cell : box) {
            if (hidden[cell]) {
                variableOf[cell] = variables;
                variables += depth;
            }
        }
        if (variables == 0) {
            return new Local(null, -1);
        }
        // rows: each known cell containing a freed cell, for its count and (layers known) each layer but the last
        int[] countRowOf = new int[grid.cellCount()];
        Arrays.fill(countRowOf, -1);
        int[][] layerRowOf = new int[grid.cellCount()][];
        List<Double> rhs = new ArrayList<>();
        List<List<Integer>> columnRows = new ArrayList<>();
        for (int v = 0; v < variables; v++) {
            columnRows.add(new ArrayList<>());
        }
        for (int cell : box) {
            if (variableOf[cell] < 0) {
                continue;
            }
            for (int ancestor : grid.ancestors(cell, tableMask)) {
                if (!countKnown(ancestor, family)) {
                    continue;
                }
                if (countRowOf[ancestor] < 0) {
                    countRowOf[ancestor] = rhs.size();
                    rhs.add(0.0);
                }
                int row = countRowOf[ancestor];
                rhs.set(row, rhs.get(row) + totals[cell]);
                for (int l = 0; l < depth; l++) {
                    columnRows.get(variableOf[cell] + l).add(row);
                }
                if (depth > 1 && layersKnown(ancestor, family)) {
                    if (layerRowOf[ancestor] == null) {
                        layerRowOf[ancestor] = new int[depth - 1];
                        for (int l = 0; l < depth - 1; l++) {
                            layerRowOf[ancestor][l] = rhs.size();
                            rhs.add(0.0);
                        }
                    }
                    for (int l = 0; l < depth - 1; l++) {
                        int layerRow = layerRowOf[ancestor][l];
                        rhs.set(layerRow, rhs.get(layerRow) + layers[l][cell]);
                        columnRows.get(variableOf[cell] + l).add(layerRow);
                    }
                }
            }
        }
        List<int[]> columns = new ArrayList<>();
        for (List<Integer> rows : columnRows) {
            columns.add(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        double[] objective = new double[variables];
        double constant = 0;
        for (int member : members) {
            if (variableOf[member] >= 0) {
                objective[variableOf[member] + layer] = upper ? 1 : -1;
            } else {
                constant += layers[layer][member];
            }
        }
        Simplex simplex = new Simplex(
                columns, rhs.stream().mapToDouble(Double::doubleValue).toArray());
        boolean feasible = simplex.findFeasible(Math.max(0, budget.left));
        Simplex.Outcome outcome = feasible
                ? simplex.maximize(objective, upper ? k - constant : constant - EPSILON, Math.max(0, budget.left))
                : null;
        budget.left -= simplex.work();
        if (outcome == Simplex.Outcome.OPTIMAL) {
            return new Local(
                    null,
                    localComplement(
                            simplex.duals(objective),
                            countRowOf,
                            layerRowOf,
                            box,
                            variableOf,
                            members,
                            layer,
                            upper,
                            family));
        }
        if (outcome != Simplex.Outcome.REACHED && outcome != Simplex.Outcome.UNBOUNDED) {
            return new Local(null, -1);
        }
        double[] values = simplex.point();
        if (outcome == Simplex.Outcome.UNBOUNDED) {
            double[] ray = simplex.ray();
            double gain = 0;
            for (int v = 0; v < objective.length; v++) {
                gain += objective[v] * ray[v];
            }
            double step = gain > 0 ? (k + 1) / gain : 0;
            for (int v = 0; v < values.length; v++) {
                values[v] = Math.max(0, values[v] + step * ray[v]);
            }
        }
        double[] point = new double[interior.length * depth];
        for (int i = 0; i < interior.length; i++) {
            int cell = interior[i];
            for (int l = 0; l < depth; l++) {
                point[i * depth + l] = variableOf[cell] >= 0 ? values[variableOf[cell] + l] : layers[l][cell];
            }
        }
        return new Local(consistent(point, family) ? point : null, -1);
    }

    /**
     * What limits a local program: the smallest hideable known cell whose row has a non-zero dual price, or a known
     * interior cell of the box whose freeing would improve the objective.
     */
    private int localComplement(
            double[] duals,
            int[] countRowOf,
            int[][] layerRowOf,
            List<Integer> box,
            int[] variableOf,
            int[] members,
            int layer,
            boolean upper,
            boolean family) {
        int best = -1;
        double[] price = new double[grid.cellCount()];
        double[][] layerPrice = new double[grid.cellCount()][];
        for (int cell : tableCells) {
            if (countRowOf[cell] >= 0) {
                price[cell] = duals[countRowOf[cell]];
                if (Math.abs(price[cell]) > 1e-9) {
                    best = smallerHideable(best, cell, family);
                }
            }
            if (layerRowOf[cell] != null) {
                layerPrice[cell] = new double[depth];
                for (int l = 0; l < depth - 1; l++) {
                    layerPrice[cell][l] = duals[layerRowOf[cell][l]];
                    if (Math.abs(layerPrice[cell][l]) > 1e-9) {
                        best = smallerHideable(best, cell, family);
                    }
                }
            }
        }
        boolean[] member = new boolean[grid.cellCount()];
        for (int m : members) {
            member[m] = true;
        }
        for (int cell : box) {
            if (variableOf[cell] >= 0) {
                continue;
            }
            for (int l = 0; l < depth; l++) {
                double reduced = member[cell] && l == layer ? (upper ? 1 : -1) : 0;
                for (int ancestor : grid.ancestors(cell, tableMask)) {
                    reduced -= price[ancestor];
                    if (layerPrice[ancestor] != null && l < depth - 1) {
                        reduced -= layerPrice[ancestor][l];
                    }
                }
                if (Math.abs(reduced) > 1e-9) {
                    best = smallerHideable(best, cell, family);
                }
            }
        }
        return best;
    }

    private int smallerHideable(int best, int cell, boolean family) {
        if (cell < 0 || hidden[cell] || (family && !owned[cell])) {
            return best;
        }
        if (best < 0 || totals[cell] < totals[best] || (totals[cell] == totals[best] && cell < best)) {
            return cell;
        }
        return best;
    }

    /** The interior cells around the members: see {@link #local}. */
    private List<Integer> box(int[] members, int partners) {
        int target = members[0];
        List<List<Integer>> values = new ArrayList<>();
        for (int dimension = 0; dimension < grid.dimensions(); dimension++) {
            int d = dimension;
            List<Integer> chosen = new ArrayList<>();
            if ((tableMask & (1 << d)) == 0) {
                chosen.add(grid.size(d));
            } else if (Arrays.stream(members)
                    .anyMatch(member -> grid.coordinate(member, d) != grid.coordinate(target, d))) {
                for (int v = 0; v < grid.size(d); v++) {
                    chosen.add(v);
                }
            } else {
                int own = grid.coordinate(target, d);
                chosen.add(own);
                List<Integer> others = new ArrayList<>();
                for (int v = 0; v < grid.size(d); v++) {
                    if (v != own) {
                        others.add(v);
                    }
                }
                // the other values whose slice next to the target holds the most that is hidden: room to move
                double[] room = new double[grid.size(d)];
                for (int member : members) {
                    for (int v : others) {
                        int neighbour = grid.with(member, d, v);
                        room[v] += hidden[neighbour] ? 1 + totals[neighbour] : 0;
                    }
                }
                others.sort((a, b) -> room[a] != room[b] ? Double.compare(room[b], room[a]) : Integer.compare(a, b));
                chosen.addAll(others.subList(0, Math.min(partners, others.size())));
            }
            values.add(chosen);
        }
        List<Integer> box = new ArrayList<>();
        box.add(0);
        for (int d = 0; d < grid.dimensions(); d++) {
            List<Integer> next = new ArrayList<>();
            for (int partial : box) {
                for (int v : values.get(d)) {
                    next.add(grid.with(partial, d, v));
                }
            }
            box = next;
        }
        return box;
    }

    private boolean certified(int[] members, int layer, boolean family, boolean upper) {
        for (double[] point : familyPoints) {
            if (meets(point, members, layer, upper)) {
                return true;
            }
        }
        if (!family) {
            for (double[] point : responsePoints) {
                if (meets(point, members, layer, upper)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean meets(double[] point, int[] members, int layer, boolean upper) {
        double sum = 0;
        for (int member : members) {
            sum += point[interiorIndex[member] * depth + layer];
        }
        return upper ? sum >= k - EPSILON : sum <= EPSILON;
    }

    private boolean layersKnown(int cell, boolean family) {
        return !hidden[cell] || (family && knownElsewhere[cell]);
    }

    private boolean countKnown(int cell, boolean family) {
        return layersKnown(cell, family) || (totalKnown != null && totalKnown[cell]);
    }

    /** Whether the point is non-negative and reproduces every known count and layer exactly (within rounding). */
    private boolean consistent(double[] point, boolean family) {
        for (double value : point) {
            if (value < -EPSILON) {
                return false;
            }
        }
        for (int cell : tableCells) {
            boolean layersKnown = layersKnown(cell, family);
            if (!countKnown(cell, family)) {
                continue;
            }
            double[] sums = new double[depth];
            for (int member : grid.members(cell, tableMask)) {
                for (int l = 0; l < depth; l++) {
                    sums[l] += point[interiorIndex[member] * depth + l];
                }
            }
            double total = 0;
            for (int l = 0; l < depth; l++) {
                total += sums[l];
                if (layersKnown && Math.abs(sums[l] - layers[l][cell]) > EPSILON * Math.max(1, layers[l][cell])) {
                    return false;
                }
            }
            if (Math.abs(total - totals[cell]) > EPSILON * Math.max(1, totals[cell])) {
                return false;
            }
        }
        return true;
    }

    /**
     * What an attacker has, as a linear program over the interior cells' layer values: each hidden value is a
     * column; each known cell with a hidden member gives a row for its count (the sum of all layers over its
     * members) and, when its layers are known, a row per layer but the last (which the count implies). A value
     * hidden later becomes its old value plus an increase and minus a decrease no larger than it; a cell hidden
     * later frees its layer rows.
     */
    private final class Session {
        final boolean family;
        final Simplex simplex;
        /** per interior position x layer: the known part of the value, and the columns ({@code ~column}: minus) */
        final double[] base;

        final int[][] terms;
        final int[] countRow;
        final int[][] layerRow;
        final List<Integer> rowCell = new ArrayList<>();
        long charged;

        Session(boolean family) {
            this.family = family;
            base = new double[interior.length * depth];
            terms = new int[interior.length * depth][];
            countRow = new int[grid.cellCount()];
            layerRow = new int[grid.cellCount()][];
            Arrays.fill(countRow, -1);
            List<List<Integer>> columnRows = new ArrayList<>();
            for (int i = 0; i < interior.length; i++) {
                for (int l = 0; l < depth; l++) {
                    if (hidden[interior[i]]) {
                        terms[i * depth + l] = new int[] {columnRows.size()};
                        columnRows.add(new ArrayList<>());
                    } else {
                        base[i * depth + l] = layers[l][interior[i]];
                    }
                }
            }
            List<Double> rhs = new ArrayList<>();
            for (int cell : tableCells) {
                layerRow[cell] = new int[depth];
                Arrays.fill(layerRow[cell], -1);
                if (!countKnown(cell, family)) {
                    continue;
                }
                int[] members = grid.members(cell, tableMask);
                boolean anyHidden = false;
                for (int member : members) {
                    anyHidden |= hidden[member];
                }
                if (!anyHidden) {
                    continue;
                }
                countRow[cell] = newRow(rhs, cell, members, -1, columnRows);
                if (depth > 1 && layersKnown(cell, family)) {
                    for (int l = 0; l < depth - 1; l++) {
                        layerRow[cell][l] = newRow(rhs, cell, members, l, columnRows);
                    }
                }
            }
            List<int[]> columns = new ArrayList<>();
            for (List<Integer> rows : columnRows) {
                columns.add(rows.stream().mapToInt(Integer::intValue).toArray());
            }
            simplex = new Simplex(
                    columns, rhs.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** A row over the members' hidden values (one layer, or all when {@code layer} is -1). */
        private int newRow(List<Double> rhs, int cell, int[] members, int layer, List<List<Integer>> columnRows) {
            int row = rhs.size();
            double rest = layer < 0 ? totals[cell] : layers[layer][cell];
            for (int member : members) {
                int i = interiorIndex[member];
                for (int l = 0; l < depth; l++) {
                    if (layer >= 0 && l != layer) {
                        continue;
                    }
                    if (terms[i * depth + l] != null) {
                        columnRows.get(terms[i * depth + l][0]).add(row);
                    } else {
                        rest -= base[i * depth + l];
                    }
                }
            }
            rhs.add(Math.max(0, rest));
            rowCell.add(cell);
            return row;
        }

        /** Adds the cell's layer over the members to {@code objective} (times {@code sign}); returns the known part. */
        double objective(int[] members, int layer, int sign, double[] objective) {
            double constant = 0;
            for (int member : members) {
                int at = interiorIndex[member] * depth + layer;
                constant += sign * base[at];
                if (terms[at] != null) {
                    for (int term : terms[at]) {
                        if (term >= 0) {
                            objective[term] += sign;
                        } else {
                            objective[~term] -= sign;
                        }
                    }
                }
            }
            return constant;
        }

        /** The interior values, layer by layer, at the columns' values. */
        double[] point(double[] values) {
            double[] point = base.clone();
            for (int at = 0; at < point.length; at++) {
                if (terms[at] != null) {
                    for (int term : terms[at]) {
                        point[at] += term >= 0 ? values[term] : -values[~term];
                    }
                }
            }
            return point;
        }

        /** Brings the program in line with {@code cell} just hidden. */
        void hide(int cell) {
            if (interiorIndex[cell] >= 0) {
                releaseInterior(interiorIndex[cell]);
                return;
            }
            if (depth == 1) {
                free(countRow, cell);
            } else if (layerRow[cell] != null) {
                for (int l = 0; l < depth - 1; l++) {
                    if (layerRow[cell][l] >= 0) {
                        simplex.freeRow(layerRow[cell][l]);
                        layerRow[cell][l] = -1;
                    }
                }
            }
        }

        private void free(int[] rowOf, int cell) {
            if (rowOf[cell] >= 0) {
                simplex.freeRow(rowOf[cell]);
                rowOf[cell] = -1;
            }
        }

        /** A known interior cell becomes hidden: each layer its value plus an increase and minus a bounded decrease. */
        private void releaseInterior(int i) {
            int cell = interior[i];
            int[] ancestors = grid.ancestors(cell, tableMask);
            int[][] deviations = new int[depth][];
            for (int l = 0; l < depth; l++) {
                int at = i * depth + l;
                if (terms[at] != null) {
                    return; // already a variable
                }
                List<Integer> rows = new ArrayList<>();
                for (int ancestor : ancestors) {
                    if (countRow[ancestor] >= 0) {
                        rows.add(countRow[ancestor]);
                    }
                    if (depth > 1 && l < depth - 1 && layerRow[ancestor][l] >= 0) {
                        rows.add(layerRow[ancestor][l]);
                    }
                }
                int[] up = rows.stream().mapToInt(Integer::intValue).toArray();
                int increase = simplex.addColumn(up);
                if (base[at] > 0) {
                    int decrease =
                            simplex.addColumn(Arrays.stream(up).map(r -> ~r).toArray());
                    addRow(base[at], -1, decrease); // the decrease is at most the old value
                    deviations[l] = new int[] {increase, ~decrease};
                } else {
                    deviations[l] = new int[] {increase};
                }
                terms[at] = deviations[l];
            }
            // known cells containing it that had no row (no hidden member until now): their sums must not move
            for (int ancestor : ancestors) {
                if (countRow[ancestor] < 0 && countKnown(ancestor, family)) {
                    countRow[ancestor] = addRow(0, ancestor, allTerms(deviations, -1));
                }
                if (depth > 1 && ancestor != cell && layersKnown(ancestor, family)) {
                    for (int l = 0; l < depth - 1; l++) {
                        if (layerRow[ancestor][l] < 0) {
                            layerRow[ancestor][l] = addRow(0, ancestor, allTerms(deviations, l));
                        }
                    }
                }
            }
        }

        /** A row added to the running program, for {@code cell} (-1: a bound, no cell). */
        private int addRow(double rhs, int cell, int... entries) {
            int row = simplex.addRow(rhs, entries);
            rowCell.add(cell);
            if (row != rowCell.size() - 1) {
                throw new IllegalStateException("rows out of step");
            }
            return row;
        }

        private int[] allTerms(int[][] deviations, int layer) {
            List<Integer> entries = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                if (layer < 0 || l == layer) {
                    for (int term : deviations[l]) {
                        entries.add(term);
                    }
                }
            }
            return entries.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The next cell to hide: among those this level may hide whose row limits the objective (a non-zero dual
         * price, or a known interior cell whose release would improve it), the smallest; failing that, the smallest
         * hideable cell of any row, or of the target's surroundings.
         */
        int complement(double[] duals, int[] members, int layer) {
            int best = -1;
            if (duals != null) {
                double[] price = new double[grid.cellCount()];
                double[][] layerPrice = new double[grid.cellCount()][];
                for (int cell : tableCells) {
                    layerPrice[cell] = new double[depth];
                    if (countRow[cell] >= 0 && countRow[cell] < duals.length) {
                        price[cell] = duals[countRow[cell]];
                    }
                    for (int l = 0; l < depth - 1; l++) {
                        if (layerRow[cell][l] >= 0 && layerRow[cell][l] < duals.length) {
                            layerPrice[cell][l] = duals[layerRow[cell][l]];
                        }
                    }
                }
                for (int row = 0; row < rowCell.size() && row < duals.length; row++) {
                    if (Math.abs(duals[row]) > 1e-9) {
                        best = smallerHideable(best, rowCell.get(row), family);
                    }
                }
                double[] cost = new double[depth * interior.length];
                for (int member : members) {
                    cost[interiorIndex[member] * depth + layer] = 1;
                }
                for (int i = 0; i < interior.length; i++) {
                    if (terms[i * depth] != null) {
                        continue;
                    }
                    for (int l = 0; l < depth; l++) {
                        double reduced = cost[i * depth + l];
                        for (int ancestor : grid.ancestors(interior[i], tableMask)) {
                            reduced -= price[ancestor] + (depth > 1 && l < depth - 1 ? layerPrice[ancestor][l] : 0);
                        }
                        if (Math.abs(reduced) > 1e-9) {
                            best = smallerHideable(best, interior[i], family);
                        }
                    }
                }
            }
            if (best >= 0) {
                return best;
            }
            for (int cell : rowCell) {
                best = smallerHideable(best, cell, family);
            }
            for (int member : members) {
                for (int ancestor : grid.ancestors(member, tableMask)) {
                    best = smallerHideable(best, ancestor, family);
                }
            }
            return best;
        }
    }
}
