package dev.crashlab.metrics.resampling;

import java.util.SplittableRandom;

/**
 * The random numbers of one resampled path, derived from the seed and the path's number alone,
 * so that path k of seed s is the same whichever thread generates it, in whatever order.
 *
 * <p>Rule: path k's generator is {@code new SplittableRandom(z)} with z the (k + 1)-th output of
 * a SplitMix64 generator started at s (Steele, Lea and Flood 2014; the generator behind
 * {@link SplittableRandom}): z = mix64(s + (k + 1) · 0x9E3779B97F4A7C15), mix64 being Stafford's
 * variant 13 finaliser. Different k give well-mixed, different seeds; no state is shared.
 */
final class PathRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private PathRandom() {
    }

    /** Returns the generator of path {@code path} of seed {@code seed}. */
    static SplittableRandom of(long seed, long path) {
        return new SplittableRandom(mix64(seed + (path + 1) * GOLDEN_GAMMA));
    }

    /** Returns Stafford's variant 13 of the MurmurHash3 finaliser, as SplitMix64 outputs it. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
