package dev.crashlab.data.sample;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A seeded stream of random shocks: uniforms, standard normals and fat-tailed Student-t draws
 * of unit variance.
 *
 * <p>Every number is derived from {@link RandomGenerator#nextLong()} of an
 * {@code L64X128MixRandom} with arithmetic in {@link StrictMath}, not from the generator's own
 * {@code nextDouble} or {@code nextGaussian}: their algorithms are not part of their contract,
 * and the committed sample files must come out byte for byte the same on every JDK and CPU.
 */
final class Shocks {

    /** Degrees of freedom of {@link #fatTailed()}. */
    static final int DEGREES_OF_FREEDOM = 4;
    /** Where {@link #fatTailed()} cuts its tails, in standard deviations of the uncut variable. */
    static final double TAIL_CAP = 6;

    private static final String ALGORITHM = "L64X128MixRandom";
    /** Scales t(4), of variance 2, to unit variance. */
    private static final double T4_UNIT_SCALE = StrictMath.sqrt(0.5);
    /**
     * Scales the unit-variance t(4) cut at 6 back to unit variance: the cut variable's variance
     * is 12/13 (numerical integration of the t(4) density, to 30 digits).
     */
    private static final double CAPPED_UNIT_SCALE = StrictMath.sqrt(13.0 / 12.0);

    private final RandomGenerator random;

    private Shocks(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Returns the stream {@code stream} of the generator seeded with {@code seed}. Each asset
     * and each model part draws from a stream of its own, so adding an asset or a draw to one
     * part leaves the numbers of every other part unchanged.
     */
    static Shocks stream(long seed, int stream) {
        return new Shocks(RandomGeneratorFactory.of(ALGORITHM).create(mix(seed, stream)));
    }

    /** Mixes seed and stream number with the SplitMix64 finaliser, so nearby pairs give unrelated seeds. */
    static long mix(long seed, int stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Returns a uniform draw in (0, 1]: never 0, so that its logarithm is finite. */
    double uniform() {
        return ((random.nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** Returns a standard normal draw (Box-Muller, one of the pair). */
    double normal() {
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(uniform()));
        return radius * StrictMath.cos(2.0 * StrictMath.PI * uniform());
    }

    /**
     * Returns a fat-tailed draw with mean 0 and variance 1: Student-t with
     * {@link #DEGREES_OF_FREEDOM} degrees of freedom (a normal over the root of a chi-square of
     * four squared normals), scaled to unit variance, drawn again while it lies beyond
     * {@link #TAIL_CAP} standard deviations, and scaled back to unit variance.
     *
     * <p>The cap is there because a t(4) variable has no fourth moment: in a few thousand days one
     * draw of 20 standard deviations would otherwise now and then make a single bar, and through
     * the GARCH feedback a whole year, dominate the sample. Capped at 6, the excess kurtosis of
     * the draw is about 3.1 (a normal's is 0) and one draw in about 950 is redrawn.
     */
    double fatTailed() {
        while (true) {
            double numerator = normal();
            double chiSquare = 0;
            for (int k = 0; k < DEGREES_OF_FREEDOM; k++) {
                double z = normal();
                chiSquare += z * z;
            }
            double t = numerator / StrictMath.sqrt(chiSquare / DEGREES_OF_FREEDOM) * T4_UNIT_SCALE;
            if (Math.abs(t) <= TAIL_CAP) {
                return t * CAPPED_UNIT_SCALE;
            }
        }
    }
}
