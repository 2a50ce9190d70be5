package dev.crashlab.metrics.resampling;

import java.util.Arrays;

/**
 * A day path is a sequence of day indices into a sample: position i of the resampled history
 * takes day {@code days[i]} of the original. It is applied to every series of the sample alike
 * (each instrument's returns, each published series' values), which keeps their joint behaviour
 * on a day: resample with indices, never series by series.
 *
 * <p>A block is a run of consecutive positions copied from consecutive days; {@code blockStarts}
 * holds the position of each block's first day, ascending, 0 first. A day path from a
 * {@link StationaryBootstrap} starts a block at each jump; one from a {@link CrisisReplay} at
 * each seam between the original sample and a spliced window.
 *
 * @param days        the sample day of each position
 * @param blockStarts the position where each block begins
 */
public record DayPath(int[] days, int[] blockStarts) {

    /** Copies the arrays, so that a path cannot change after it is made. */
    public DayPath {
        days = days.clone();
        blockStarts = blockStarts.clone();
    }

    /** Returns a copy of the day of each position. */
    @Override
    public int[] days() {
        return days.clone();
    }

    /** Returns a copy of the positions where the blocks begin. */
    @Override
    public int[] blockStarts() {
        return blockStarts.clone();
    }

    /** Returns the number of positions. */
    public int length() {
        return days.length;
    }

    /** Returns the sample day at position {@code position}. */
    public int day(int position) {
        return days[position];
    }

    /**
     * Returns {@code series} read along this path: element i is {@code series[days[i]]}. Call it
     * with every series of the sample to resample them jointly.
     *
     * @throws IllegalArgumentException when the path reaches a day {@code series} does not have
     */
    public double[] apply(double[] series) {
        double[] out = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            if (days[i] >= series.length) {
                throw new IllegalArgumentException("the path reaches day " + days[i] + " at position " + i
                        + " but the series has " + series.length + " days");
            }
            out[i] = series[days[i]];
        }
        return out;
    }

    /** Day paths are equal when they visit the same days with the same blocks. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DayPath p && Arrays.equals(days, p.days) && Arrays.equals(blockStarts, p.blockStarts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(days) + Arrays.hashCode(blockStarts);
    }

    /** Returns the path as {@code DayPath[length=…, blocks=…]}; a path can be long, so not its days. */
    @Override
    public String toString() {
        return "DayPath[length=" + days.length + ", blocks=" + blockStarts.length + "]";
    }
}
