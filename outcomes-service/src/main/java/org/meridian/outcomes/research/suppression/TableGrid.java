package org.meridian.outcomes.research.suppression;

import java.util.Arrays;

/**
 * Every cell of a complete table: each coordinate is one value of its dimension or "all" of them (a margin), so a
 * table grouped by sex and age band, with dose bands, has (sexes + 1) x (age bands + 1) x (bands + 1) cells, the
 * total included. A cell whose every coordinate is a value is an <em>interior</em> cell; every cell is the sum of
 * the interior cells it contains (its members). Cells are numbered in mixed radix, the first dimension varying
 * fastest.
 */
public final class TableGrid {

    private final int[] sizes;
    private final int[] strides;
    private final int cellCount;

    /** @param sizes the number of values of each dimension */
    public TableGrid(int... sizes) {
        this.sizes = sizes.clone();
        this.strides = new int[sizes.length];
        long count = 1;
        for (int d = 0; d < sizes.length; d++) {
            if (sizes[d] < 1) {
                throw new IllegalArgumentException("dimension " + d + " has no value");
            }
            strides[d] = (int) count;
            count *= sizes[d] + 1L;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("table too large");
            }
        }
        this.cellCount = (int) count;
    }

    public int dimensions() {
        return sizes.length;
    }

    public int size(int dimension) {
        return sizes[dimension];
    }

    public int cellCount() {
        return cellCount;
    }

    /** The value index of the cell in that dimension, or {@link #size(int)} when the cell is all its values. */
    public int coordinate(int cell, int dimension) {
        return cell / strides[dimension] % (sizes[dimension] + 1);
    }

    public boolean isAll(int cell, int dimension) {
        return coordinate(cell, dimension) == sizes[dimension];
    }

    /** The cell at these coordinates (each a value index, or the dimension's size for all values). */
    public int cell(int... coordinates) {
        if (coordinates.length != sizes.length) {
            throw new IllegalArgumentException(
                    "expected " + sizes.length + " coordinates: " + Arrays.toString(coordinates));
        }
        int cell = 0;
        for (int d = 0; d < sizes.length; d++) {
            if (coordinates[d] < 0 || coordinates[d] > sizes[d]) {
                throw new IllegalArgumentException("coordinate out of range: " + Arrays.toString(coordinates));
            }
            cell += coordinates[d] * strides[d];
        }
        return cell;
    }

    /** The same cell with one coordinate replaced. */
    public int with(int cell, int dimension, int coordinate) {
        return cell + (coordinate - coordinate(cell, dimension)) * strides[dimension];
    }

    /** The dimensions in which the cell is a single value, as a bit mask. */
    public int valueDimensions(int cell) {
        int mask = 0;
        for (int d = 0; d < sizes.length; d++) {
            if (!isAll(cell, d)) {
                mask |= 1 << d;
            }
        }
        return mask;
    }

    /**
     * The cells that are the sum of {@code cell} and others: those equal to it in its value dimensions outside
     * {@code within} and "all" in some of {@code within}'s dimensions where it is a value. {@code cell} included.
     */
    public int[] ancestors(int cell, int within) {
        int[] free = dimensionsOf(within & valueDimensions(cell));
        int[] result = new int[1 << free.length];
        for (int subset = 0; subset < result.length; subset++) {
            int ancestor = cell;
            for (int i = 0; i < free.length; i++) {
                if ((subset & (1 << i)) != 0) {
                    ancestor = with(ancestor, free[i], sizes[free[i]]);
                }
            }
            result[subset] = ancestor;
        }
        return result;
    }

    /**
     * The finest cells inside {@code cell} when the dimensions in {@code within} are broken down: every value of
     * those of them where the cell is "all"; the other coordinates as they are.
     */
    public int[] members(int cell, int within) {
        int[] open = dimensionsOf(within & ~valueDimensions(cell));
        int count = 1;
        for (int d : open) {
            count *= sizes[d];
        }
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            int member = cell;
            int rest = i;
            for (int d : open) {
                member = with(member, d, rest % sizes[d]);
                rest /= sizes[d];
            }
            result[i] = member;
        }
        return result;
    }

    private int[] dimensionsOf(int mask) {
        return java.util.stream.IntStream.range(0, sizes.length)
                .filter(d -> (mask & (1 << d)) != 0)
                .toArray();
    }
}
