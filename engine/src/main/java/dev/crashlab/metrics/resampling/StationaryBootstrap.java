package dev.crashlab.metrics.resampling;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The stationary bootstrap (Politis and Romano 1994, "The Stationary Bootstrap", JASA 89(428))
 * resamples a history of n days in blocks of random, geometrically distributed length, keeping
 * the dependence within each block (volatility clusters, crash sequences) while the resampled
 * series stays stationary.
 *
 * <h2>Generation</h2>
 * A path of length L starts at a uniformly random day. At each further position, with
 * probability p = 1 / meanBlockLength it jumps to a new uniformly random day, starting a block;
 * otherwise it takes the next day, wrapping from day n − 1 to day 0 (the circular sample). The
 * block lengths are therefore geometric on 1, 2, … with mean 1 / p (the last block is cut by
 * the path's end). Exactly, with path k's generator g ({@link PathRandom}): days[0] =
 * g.nextInt(n); for i &gt;= 1, u = g.nextDouble(); if u &lt; p then days[i] = g.nextInt(n),
 * else days[i] = (days[i − 1] + 1) mod n.
 *
 * <h2>Reproducibility</h2>
 * Path k of seed s depends on (s, k) alone: the same whatever the thread count or the order in
 * which paths are asked for. The instance holds no mutable state and is safe to share.
 *
 * <h2>Joint resampling</h2>
 * A path is a {@link DayPath} of day indices: apply the same path to every instrument's returns
 * and every published series, never a path per series.
 */
public final class StationaryBootstrap {

    private final int sampleLength;
    private final double meanBlockLength;
    private final double jump;
    private final long seed;

    /**
     * Creates the bootstrap of a sample of {@code sampleLength} days with blocks of mean length
     * {@code meanBlockLength} days (see {@link BlockLength#automatic} for a default), seeded by
     * {@code seed}.
     *
     * @throws IllegalArgumentException when the sample is empty or the mean block length is not
     *                                  a finite number of at least 1
     */
    public StationaryBootstrap(int sampleLength, double meanBlockLength, long seed) {
        if (sampleLength < 1) {
            throw new IllegalArgumentException("sampleLength: expected at least 1 day, got " + sampleLength);
        }
        if (!(meanBlockLength >= 1) || Double.isInfinite(meanBlockLength)) {
            throw new IllegalArgumentException("meanBlockLength: expected a finite number >= 1, got " + meanBlockLength);
        }
        this.sampleLength = sampleLength;
        this.meanBlockLength = meanBlockLength;
        this.jump = 1 / meanBlockLength;
        this.seed = seed;
    }

    /** Returns n, the number of days of the sample. */
    public int sampleLength() {
        return sampleLength;
    }

    /** Returns the mean block length 1 / p, in days. */
    public double meanBlockLength() {
        return meanBlockLength;
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns path {@code k} (k &gt;= 0) as long as the sample. */
    public DayPath path(long k) {
        return path(k, sampleLength);
    }

    /**
     * Returns path {@code k} (k &gt;= 0) of {@code length} positions (a path may be longer or
     * shorter than the sample).
     *
     * @throws IllegalArgumentException when {@code k} or {@code length} is negative
     */
    public DayPath path(long k, int length) {
        if (k < 0 || length < 0) {
            throw new IllegalArgumentException("expected a path number and length >= 0, got path " + k + " of length " + length);
        }
        SplittableRandom random = PathRandom.of(seed, k);
        int[] days = new int[length];
        int[] starts = new int[Math.min(length, 16)];
        int blocks = 0;
        for (int i = 0; i < length; i++) {
            boolean newBlock = i == 0 || random.nextDouble() < jump;
            if (newBlock) {
                days[i] = random.nextInt(sampleLength);
                if (blocks == starts.length) {
                    starts = Arrays.copyOf(starts, Math.max(16, blocks * 2));
                }
                starts[blocks++] = i;
            } else {
                days[i] = days[i - 1] + 1 == sampleLength ? 0 : days[i - 1] + 1;
            }
        }
        return new DayPath(days, Arrays.copyOf(starts, blocks));
    }

    @Override
    public String toString() {
        return "StationaryBootstrap[sampleLength=" + sampleLength + ", meanBlockLength=" + meanBlockLength + ", seed="
                + seed + "]";
    }
}
