package org.meridian.outcomes.research.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A revised simplex for the linear programs of {@link TableProtection}: maximise c·x subject to A x = b, x >= 0,
 * where every coefficient of A is +1 or -1 (a column lists its rows, a negative entry {@code ~row} meaning -1) and
 * b >= 0. Phase one runs once, from one artificial variable per row; afterwards the program can be relaxed without
 * losing the feasible basis: a row freed (two slack columns), or a new row whose own new variable is basic (a
 * bound on a variable, or an equation that holds at zero). The basis inverse is dense and recomputed every
 * {@value #REFACTOR_EVERY} pivots; Dantzig's rule, Bland's after a run of degenerate pivots so that it cannot cycle.
 * Floating point: callers verify the points it returns against the exact sums.
 */
final class Simplex {

    enum Outcome {
        /** the objective reached the target */
        REACHED,
        /** optimal below the target */
        OPTIMAL,
        /** the objective grows without bound along {@link #ray()} */
        UNBOUNDED,
        /** out of budget, or numerically singular */
        GAVE_UP
    }

    private static final double TOLERANCE = 1e-9;
    private static final int REFACTOR_EVERY = 100;
    private static final int DEGENERATE_BEFORE_BLAND = 30;

    private int rows;
    private final List<int[]> columns = new ArrayList<>();
    /** artificial columns: basic at zero after phase one, never entering again */
    private final List<Boolean> artificial = new ArrayList<>();

    private double[] rhs;
    private double[][] inverse;
    private int[] basis;
    private double[] values;
    private final List<Boolean> basic = new ArrayList<>();
    private boolean phaseTwo;
    private long work;
    private int sinceRefactor;
    private int rayColumn = -1;
    private double[] rayAlpha;

    /**
     * @param columns for each variable, its rows ({@code ~row} for a coefficient of -1)
     * @param rhs each equation's right-hand side, >= 0
     */
    Simplex(List<int[]> columns, double[] rhs) {
        this.rows = rhs.length;
        this.rhs = rhs.clone();
        for (int[] column : columns) {
            this.columns.add(column);
            this.artificial.add(false);
            this.basic.add(false);
        }
        this.inverse = new double[rows][rows];
        this.basis = new int[rows];
        this.values = this.rhs.clone();
        for (int i = 0; i < rows; i++) {
            inverse[i][i] = 1;
            basis[i] = this.columns.size();
            this.columns.add(new int[] {i});
            this.artificial.add(true);
            this.basic.add(true);
        }
    }

    /** Arithmetic done so far, in multiply-adds (roughly): what budgets are counted in. */
    long work() {
        return work;
    }

    int columnCount() {
        return columns.size();
    }

    /** Phase one: a feasible basis; artificial variables left at zero are driven out where the rows allow. */
    boolean findFeasible(long maxWork) {
        double[] cost = new double[columns.size()];
        for (int j = 0; j < cost.length; j++) {
            cost[j] = artificial.get(j) ? -1 : 0;
        }
        Outcome outcome = iterate(cost, -TOLERANCE * Math.max(1, rows), maxWork);
        if (outcome != Outcome.REACHED && outcome != Outcome.OPTIMAL || objective(cost) < -1e-6) {
            return false;
        }
        phaseTwo = true;
        for (int i = 0; i < rows; i++) {
            if (!artificial.get(basis[i])) {
                continue;
            }
            for (int j = 0; j < columns.size(); j++) {
                if (!basic.get(j) && !artificial.get(j)) {
                    double entry = 0;
                    for (int r : columns.get(j)) {
                        entry += r >= 0 ? inverse[i][r] : -inverse[i][~r];
                    }
                    if (Math.abs(entry) > 1e-7) {
                        pivot(i, j, column(j));
                        break;
                    }
                }
            }
        }
        return true;
    }

    /** Frees row {@code row}: two slack columns of +1 and -1, at zero. The basis stays feasible. */
    void freeRow(int row) {
        addColumn(new int[] {row});
        addColumn(new int[] {~row});
    }

    /** A new column, non-basic at zero; returns its index. */
    int addColumn(int[] signedRows) {
        columns.add(signedRows);
        artificial.add(false);
        basic.add(false);
        return columns.size() - 1;
    }

    /**
     * A new row {@code sum of entries + own = rhs}: {@code entries} lists non-basic columns (index, or {@code ~index}
     * for -1) that get this row, and the row's own new variable starts basic at {@code rhs}: a slack (>= 0) when
     * {@code rhs > 0}, an artificial held at zero when it is 0. Returns the new row's index.
     */
    int addRow(double rhs, int... entries) {
        int row = rows;
        for (int entry : entries) {
            int j = entry >= 0 ? entry : ~entry;
            if (basic.get(j)) {
                throw new IllegalStateException("a new row may only involve non-basic columns");
            }
            int[] old = columns.get(j);
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = entry >= 0 ? row : ~row;
            columns.set(j, grown);
        }
        rows++;
        this.rhs = Arrays.copyOf(this.rhs, rows);
        this.rhs[row] = rhs;
        double[][] grownInverse = new double[rows][];
        for (int i = 0; i < row; i++) {
            grownInverse[i] = Arrays.copyOf(inverse[i], rows);
        }
        grownInverse[row] = new double[rows];
        grownInverse[row][row] = 1;
        inverse = grownInverse;
        basis = Arrays.copyOf(basis, rows);
        values = Arrays.copyOf(values, rows);
        columns.add(new int[] {row});
        artificial.add(rhs == 0);
        basic.add(true);
        basis[row] = columns.size() - 1;
        values[row] = rhs;
        work += (long) rows * rows;
        return row;
    }

    /** Phase two from the current feasible basis: maximise {@code cost}·x, stopping once it reaches {@code target}. */
    Outcome maximize(double[] cost, double target, long maxWork) {
        double[] full = Arrays.copyOf(cost, columns.size());
        for (int j = 0; j < full.length; j++) {
            if (artificial.get(j)) {
                full[j] = 0;
            }
        }
        return iterate(full, target, maxWork);
    }

    /** The current value of {@code cost}·x. */
    double objective(double[] cost) {
        double z = 0;
        for (int i = 0; i < rows; i++) {
            if (basis[i] < cost.length) {
                z += cost[basis[i]] * values[i];
            }
        }
        return z;
    }

    /** Every column's value at the current basis. */
    double[] point() {
        double[] x = new double[columns.size()];
        for (int i = 0; i < rows; i++) {
            x[basis[i]] = Math.max(0, values[i]);
        }
        return x;
    }

    /** After {@link Outcome#UNBOUNDED}: a direction keeping A x = b and x >= 0. */
    double[] ray() {
        double[] direction = new double[columns.size()];
        if (rayColumn < 0) {
            return direction;
        }
        direction[rayColumn] = 1;
        for (int i = 0; i < rows; i++) {
            direction[basis[i]] = -rayAlpha[i];
        }
        direction[rayColumn] = 1;
        return direction;
    }

    /** The row prices (dual values) for {@code cost} at the current basis. */
    double[] duals(double[] cost) {
        return prices(Arrays.copyOf(cost, columns.size()));
    }

    private Outcome iterate(double[] cost, double target, long maxWork) {
        int degenerate = 0;
        while (true) {
            if (objective(cost) >= target) {
                return Outcome.REACHED;
            }
            if (work >= maxWork) {
                return Outcome.GAVE_UP;
            }
            boolean bland = degenerate > DEGENERATE_BEFORE_BLAND;
            double[] price = prices(cost);
            work += 2L * rows * rows + 4L * columns.size();
            int entering = -1;
            double best = TOLERANCE;
            for (int j = 0; j < columns.size(); j++) {
                if (basic.get(j) || artificial.get(j)) {
                    continue;
                }
                double reduced = j < cost.length ? cost[j] : 0;
                for (int r : columns.get(j)) {
                    reduced -= r >= 0 ? price[r] : -price[~r];
                }
                if (reduced > best) {
                    entering = j;
                    best = reduced;
                    if (bland) {
                        break;
                    }
                }
            }
            if (entering < 0) {
                return Outcome.OPTIMAL;
            }
            double[] alpha = column(entering);
            int leaving = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                double candidate;
                if (phaseTwo && artificial.get(basis[i]) && Math.abs(alpha[i]) > TOLERANCE) {
                    candidate = 0; // an artificial variable must stay at zero
                } else if (alpha[i] > TOLERANCE) {
                    candidate = Math.max(0, values[i]) / alpha[i];
                } else {
                    continue;
                }
                if (candidate < ratio - 1e-12
                        || (Math.abs(candidate - ratio) <= 1e-12
                                && leaving >= 0
                                && (bland
                                        ? basis[i] < basis[leaving]
                                        : Math.abs(alpha[i]) > Math.abs(alpha[leaving])))) {
                    ratio = candidate;
                    leaving = i;
                }
            }
            if (leaving < 0) {
                rayColumn = entering;
                rayAlpha = alpha;
                return Outcome.UNBOUNDED;
            }
            degenerate = ratio <= 1e-12 ? degenerate + 1 : 0;
            pivot(leaving, entering, alpha);
            if (sinceRefactor >= REFACTOR_EVERY && !refactor()) {
                return Outcome.GAVE_UP;
            }
        }
    }

    private double[] prices(double[] cost) {
        double[] price = new double[rows];
        for (int i = 0; i < rows; i++) {
            double c = basis[i] < cost.length ? cost[basis[i]] : 0;
            if (c != 0) {
                double[] row = inverse[i];
                for (int r = 0; r < rows; r++) {
                    price[r] += c * row[r];
                }
            }
        }
        return price;
    }

    private double[] column(int variable) {
        double[] alpha = new double[rows];
        int[] entries = columns.get(variable);
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            double[] row = inverse[i];
            for (int r : entries) {
                sum += r >= 0 ? row[r] : -row[~r];
            }
            alpha[i] = sum;
        }
        return alpha;
    }

    private void pivot(int leaving, int entering, double[] alpha) {
        double pivot = alpha[leaving];
        double[] pivotRow = inverse[leaving];
        for (int r = 0; r < rows; r++) {
            pivotRow[r] /= pivot;
        }
        values[leaving] /= pivot;
        for (int i = 0; i < rows; i++) {
            if (i == leaving || alpha[i] == 0) {
                continue;
            }
            double factor = alpha[i];
            double[] row = inverse[i];
            for (int r = 0; r < rows; r++) {
                row[r] -= factor * pivotRow[r];
            }
            values[i] -= factor * values[leaving];
        }
        basic.set(basis[leaving], false);
        basic.set(entering, true);
        basis[leaving] = entering;
        sinceRefactor++;
    }

    /** Recomputes the basis inverse and the basic values from scratch (Gauss-Jordan, partial pivoting). */
    private boolean refactor() {
        work += 2L * rows * rows * rows;
        double[][] matrix = new double[rows][2 * rows];
        for (int i = 0; i < rows; i++) {
            for (int r : columns.get(basis[i])) {
                if (r >= 0) {
                    matrix[r][i] += 1;
                } else {
                    matrix[~r][i] -= 1;
                }
            }
            matrix[i][rows + i] = 1;
        }
        for (int c = 0; c < rows; c++) {
            int best = c;
            for (int r = c + 1; r < rows; r++) {
                if (Math.abs(matrix[r][c]) > Math.abs(matrix[best][c])) {
                    best = r;
                }
            }
            if (Math.abs(matrix[best][c]) < 1e-12) {
                return false;
            }
            double[] swap = matrix[c];
            matrix[c] = matrix[best];
            matrix[best] = swap;
            double pivot = matrix[c][c];
            for (int j = 0; j < 2 * rows; j++) {
                matrix[c][j] /= pivot;
            }
            for (int r = 0; r < rows; r++) {
                if (r != c && matrix[r][c] != 0) {
                    double factor = matrix[r][c];
                    for (int j = 0; j < 2 * rows; j++) {
                        matrix[r][j] -= factor * matrix[c][j];
                    }
                }
            }
        }
        double[][] fresh = new double[rows][rows];
        double[] freshValues = new double[rows];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(matrix[i], rows, fresh[i], 0, rows);
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                sum += fresh[i][r] * rhs[r];
            }
            freshValues[i] = sum;
        }
        inverse = fresh;
        values = freshValues;
        sinceRefactor = 0;
        return true;
    }
}
