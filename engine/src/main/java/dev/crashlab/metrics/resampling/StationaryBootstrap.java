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
 * <h2>Aligned to a period</h2>
 * With a period q &gt; 1 ({@link #StationaryBootstrap(int, double, long, int)}) every position i
 * takes a day d with d ≡ i (mod q): a block starts at a uniformly random day among those
 * (d = (i mod q) + q · g.nextInt(c), c the number of such days), and the wrap from day n − 1
 * goes to day i mod q instead of day 0. Consecutive days keep the congruence, so blocks stay as
 * they were otherwise. On a sample of consecutive calendar days, q = 7 keeps every day on its
 * weekday: a Saturday is resampled only from Saturdays, so that instruments closed at weekends
 * stay closed then. q = 1 is the plain bootstrap above.
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
    private final int period;

    /**
     * Creates the bootstrap of a sample of {@code sampleLength} days with blocks of mean length
     * {@code meanBlockLength} days (see {@link BlockLength#automatic} for a default), seeded by
     * {@code seed}.
     *
     * @throws IllegalArgumentException when the sample is empty or the mean block length is not
     *                                  a finite number of at least 1
     */
    public StationaryBootstrap(int sampleLength, double meanBlockLength, long seed) {
        this(sampleLength, meanBlockLength, seed, 1);
    }

    /**
     * Creates the bootstrap of {@link #StationaryBootstrap(int, double, long)} whose paths keep
     * every position's day congruent to it modulo {@code period} (see "Aligned to a period").
     *
     * @throws IllegalArgumentException as the other constructor does, or when the period is below
     *                                  1 or above the sample's length
     */
    public StationaryBootstrap(int sampleLength, double meanBlockLength, long seed, int period) {
        if (sampleLength < 1) {
            throw new IllegalArgumentException("sampleLength: expected at least 1 day, got " + sampleLength);
        }
        if (!(meanBlockLength >= 1) || Double.isInfinite(meanBlockLength)) {
            throw new IllegalArgumentException("meanBlockLength: expected a finite number >= 1, got " + meanBlockLength);
        }
        if (period < 1 || period > sampleLength) {
            throw new IllegalArgumentException("period: expected 1 to the sample's " + sampleLength + " days, got " + period);
        }
        this.sampleLength = sampleLength;
        this.period = period;
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

    /** Returns the period q that every position's day is congruent to it modulo; 1 when not aligned. */
    public int period() {
        return period;
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
            int phase = i % period;
            if (newBlock) {
                days[i] = phase + period * random.nextInt((sampleLength - phase + period - 1) / period);
                if (blocks == starts.length) {
                    starts = Arrays.copyOf(starts, Math.max(16, blocks * 2));
                }
                starts[blocks++] = i;
            } else {
                days[i] = days[i - 1] + 1 == sampleLength ? phase : days[i - 1] + 1;
            }
        }
        return new DayPath(days, Arrays.copyOf(starts, blocks));
    }

    @Override
    public String toString() {
        return "StationaryBootstrap[sampleLength=" + sampleLength + ", meanBlockLength=" + meanBlockLength + ", seed="
                + seed + (period == 1 ? "" : ", period=" + period) + "]";
    }
}
