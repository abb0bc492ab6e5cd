package org.meridian.outcomes.research.suppression;

/** Why a cell's statistics are withheld. */
public enum SuppressionReason {
    /** The cell itself has fewer than k patients. */
    PRIMARY,
    /** The cell is large enough, but showing it would let a suppressed cell be recovered by subtraction. */
    COMPLEMENTARY
}
