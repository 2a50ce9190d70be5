package dev.crashlab.metrics.resampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-path seed is the (k + 1)-th output of SplitMix64 started at the seed, as the JDK computes it. */
class PathRandomTest {

    @Test
    void pathKsSeedIsTheKPlusFirstSplitMix64OutputOfTheSeed() {
        // new SplittableRandom(s).nextLong() returns mix64(s + γ), then mix64(s + 2γ), …: the
        // JDK's own SplitMix64, an independent check of the rule PathRandom documents.
        long seed = 20_261_203L;
        SplittableRandom splitMix = new SplittableRandom(seed);
        for (long k = 0; k < 5; k++) {
            long z = splitMix.nextLong();
            assertThat(PathRandom.of(seed, k).nextLong()).isEqualTo(new SplittableRandom(z).nextLong());
        }
    }
}
