package org.meridian.outcomes.research;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximises c·x over x >= 0 subject to linear constraints (=, <=, >=), in exact rational arithmetic: a dense
 * two-phase tableau simplex with Bland's rule, which cannot cycle. Written for the disclosure tests, apart from the
 * production code (which is a floating-point revised simplex over sums of cells); slow, and meant for small tables.
 */
final class ExactLinearProgram {

    enum Relation {
        EQ,
        LEQ,
        GEQ
    }

    private record Constraint(long[] coefficients, Relation relation, long bound) {}

    private final int variables;
    private final List<Constraint> constraints = new ArrayList<>();

    ExactLinearProgram(int variables) {
        this.variables = variables;
    }

    void add(long[] coefficients, Relation relation, long bound) {
        constraints.add(new Constraint(coefficients.clone(), relation, bound));
    }

    /** The maximum of c·x, or {@link Double#POSITIVE_INFINITY} when unbounded; fails when infeasible. */
    double maximize(long[] objective) {
        return solve(objective).toDouble();
    }

    /** The minimum of c·x. */
    double minimize(long[] objective) {
        long[] negated = new long[objective.length];
        for (int i = 0; i < objective.length; i++) {
            negated[i] = -objective[i];
        }
        return -solve(negated).toDouble();
    }

    private Q solve(long[] objective) {
        int m = constraints.size();
        int slacks = 0;
        int artificials = 0;
        for (Constraint constraint : constraints) {
            Relation relation = normalized(constraint);
            if (relation != Relation.EQ) {
                slacks++;
            }
            if (relation != Relation.LEQ) {
                artificials++;
            }
        }
        int columns = variables + slacks + artificials;
        Q[][] t = new Q[m + 1][columns + 1]; // last row: objective; last column: right-hand side
        for (Q[] row : t) {
            java.util.Arrays.fill(row, Q.ZERO);
        }
        int[] basis = new int[m];
        int slack = variables;
        int artificial = variables + slacks;
        for (int i = 0; i < m; i++) {
            Constraint constraint = constraints.get(i);
            long sign = constraint.bound() < 0 ? -1 : 1;
            for (int j = 0; j < variables; j++) {
                t[i][j] = Q.of(sign * constraint.coefficients()[j]);
            }
            t[i][columns] = Q.of(sign * constraint.bound());
            Relation relation = normalized(constraint);
            if (relation == Relation.LEQ) {
                t[i][slack] = Q.ONE;
                basis[i] = slack++;
            } else {
                if (relation == Relation.GEQ) {
                    t[i][slack++] = Q.of(-1);
                }
                t[i][artificial] = Q.ONE;
                basis[i] = artificial++;
            }
        }
        // phase one: maximise -(sum of artificials), priced out against the artificial basis
        for (int i = 0; i < m; i++) {
            if (basis[i] >= variables + slacks) {
                for (int j = 0; j <= columns; j++) {
                    if (j < variables + slacks || j == columns) {
                        t[m][j] = t[m][j].subtract(t[i][j]);
                    }
                }
            }
        }
        run(t, basis, columns, columns);
        if (t[m][columns].signum() != 0) {
            throw new IllegalStateException("the constraints are infeasible");
        }
        // drive artificials out of the basis (they are at zero); a row where none can leave is redundant
        for (int i = 0; i < m; i++) {
            if (basis[i] >= variables + slacks) {
                for (int j = 0; j < variables + slacks; j++) {
                    if (t[i][j].signum() != 0) {
                        pivot(t, basis, i, j, columns);
                        break;
                    }
                }
            }
        }
        // phase two over the original and slack columns: the objective row is -c, priced out against the basis
        for (int j = 0; j <= columns; j++) {
            t[m][j] = j < variables ? Q.of(-objective[j]) : Q.ZERO;
        }
        for (int i = 0; i < m; i++) {
            if (basis[i] < variables + slacks && t[m][basis[i]].signum() != 0) {
                Q factor = t[m][basis[i]];
                for (int j = 0; j <= columns; j++) {
                    t[m][j] = t[m][j].subtract(factor.multiply(t[i][j]));
                }
            }
        }
        if (!run(t, basis, columns, variables + slacks)) {
            return Q.INFINITY;
        }
        return t[m][columns];
    }

    private static Relation normalized(Constraint constraint) {
        if (constraint.bound() >= 0 || constraint.relation() == Relation.EQ) {
            return constraint.relation();
        }
        return constraint.relation() == Relation.LEQ ? Relation.GEQ : Relation.LEQ;
    }

    /** Bland's rule over the first {@code eligible} columns; false when unbounded. */
    private static boolean run(Q[][] t, int[] basis, int columns, int eligible) {
        int m = basis.length;
        while (true) {
            int entering = -1;
            for (int j = 0; j < eligible; j++) {
                if (t[m][j].signum() < 0) {
                    entering = j;
                    break;
                }
            }
            if (entering < 0) {
                return true;
            }
            int leaving = -1;
            Q best = null;
            for (int i = 0; i < m; i++) {
                if (t[i][entering].signum() > 0) {
                    Q ratio = t[i][columns].divide(t[i][entering]);
                    int order = best == null ? -1 : ratio.compareTo(best);
                    if (order < 0 || (order == 0 && basis[i] < basis[leaving])) {
                        best = ratio;
                        leaving = i;
                    }
                }
            }
            if (leaving < 0) {
                return false;
            }
            pivot(t, basis, leaving, entering, columns);
        }
    }

    private static void pivot(Q[][] t, int[] basis, int row, int column, int columns) {
        Q pivot = t[row][column];
        for (int j = 0; j <= columns; j++) {
            t[row][j] = t[row][j].divide(pivot);
        }
        for (int i = 0; i < t.length; i++) {
            if (i != row && t[i][column].signum() != 0) {
                Q factor = t[i][column];
                for (int j = 0; j <= columns; j++) {
                    if (t[row][j].signum() != 0) {
                        t[i][j] = t[i][j].subtract(factor.multiply(t[row][j]));
                    }
                }
            }
        }
        basis[row] = column;
    }

    /** An exact rational: numerator over a positive denominator, reduced; overflow fails loudly. */
    private record Q(long numerator, long denominator) {

        static final Q ZERO = new Q(0, 1);
        static final Q ONE = new Q(1, 1);
        static final Q INFINITY = new Q(1, 0);

        static Q of(long value) {
            return new Q(value, 1);
        }

        static Q reduced(long numerator, long denominator) {
            if (denominator < 0) {
                numerator = Math.negateExact(numerator);
                denominator = Math.negateExact(denominator);
            }
            long gcd = gcd(Math.abs(numerator), denominator);
            return gcd <= 1 ? new Q(numerator, denominator) : new Q(numerator / gcd, denominator / gcd);
        }

        Q add(Q other) {
            return reduced(
                    Math.addExact(
                            Math.multiplyExact(numerator, other.denominator),
                            Math.multiplyExact(other.numerator, denominator)),
                    Math.multiplyExact(denominator, other.denominator));
        }

        Q subtract(Q other) {
            return add(new Q(Math.negateExact(other.numerator), other.denominator));
        }

        Q multiply(Q other) {
            if (numerator == 0 || other.numerator == 0) {
                return ZERO;
            }
            long g1 = gcd(Math.abs(numerator), other.denominator);
            long g2 = gcd(Math.abs(other.numerator), denominator);
            return reduced(
                    Math.multiplyExact(numerator / g1, other.numerator / g2),
                    Math.multiplyExact(denominator / g2, other.denominator / g1));
        }

        Q divide(Q other) {
            if (other.numerator == 0) {
                throw new ArithmeticException("division by zero");
            }
            return multiply(reduced(other.denominator, other.numerator));
        }

        int signum() {
            return Long.signum(numerator);
        }

        int compareTo(Q other) {
            return subtract(other).signum();
        }

        double toDouble() {
            return denominator == 0 ? Double.POSITIVE_INFINITY : (double) numerator / denominator;
        }

        private static long gcd(long a, long b) {
            while (b != 0) {
                long r = a % b;
                a = b;
                b = r;
            }
            return a == 0 ? 1 : a;
        }
    }
}
