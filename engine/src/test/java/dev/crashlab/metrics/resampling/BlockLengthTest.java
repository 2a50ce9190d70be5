package dev.crashlab.metrics.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Politis–White–Patton block length against the arch package's pinned value, and its fallbacks. */
class BlockLengthTest {

    /** Returns the AR(1) series of arch's test_block_length, 10,000 values (see the file's header). */
    private static double[] archSeries() throws IOException {
        try (var in = BlockLengthTest.class.getResourceAsStream("ar1-phi0.3-numpy-seed0.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.startsWith("#")).mapToDouble(Double::parseDouble).toArray();
        }
    }

    @Test
    void reproducesTheArchPackagesStationaryBlockLengthOnItsAr1Series() throws IOException {
        // arch (K. Sheppard), arch/tests/bootstrap/test_block_length.py: y(t) = 0.3 y(t-1) + e(t),
        // numpy RandomState(0) normals, 10,100 draws less the first 100; optimal_block_length
        // gives 13.635665 for the stationary bootstrap, checked there at rtol 1e-4. Here
        // m̂ = 3 (ρ̂(1) = 0.303, ρ̂(2) = 0.090, then 5 lags inside ±0.04), M = 6.
        double[] series = archSeries();

        assertThat(series).hasSize(10_000);
        assertThat(BlockLength.politisWhite(series)).isCloseTo(13.635665, within(13.635665 * 1e-4));
    }

    @Test
    void anIndependentSeriesNeedsNoLongerBlocksThanItsDependenceAndAPersistentOneLonger() {
        SplittableRandom random = new SplittableRandom(5);
        double[] noise = new double[5_000];
        double[] persistent = new double[5_000];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = random.nextGaussian();
            persistent[t] = (t == 0 ? 0 : 0.8 * persistent[t - 1]) + random.nextGaussian();
        }

        double b = BlockLength.politisWhite(noise);
        double c = BlockLength.politisWhite(persistent);

        assertThat(b).isGreaterThanOrEqualTo(1).isLessThan(3);
        // AR(1) with φ = 0.8: b ≈ (2φ / (1 − φ²))^(2/3) n^(1/3) = 4.44^(2/3) · 17.1 ≈ 46, within the cap ⌈3 √n⌉ = 213.
        assertThat(c).isBetween(25.0, 80.0);
        assertThat(BlockLength.automatic(noise, persistent)).isEqualTo(c);
    }

    @Test
    void isNaNForTooFewOrConstantValuesAndAutomaticThenFallsBackToTheCubeRoot() {
        assertThat(BlockLength.politisWhite(new double[] {1, 2})).isNaN();
        assertThat(BlockLength.politisWhite(new double[] {0.01, 0.01, 0.01, 0.01})).isNaN();
        assertThat(BlockLength.automatic(new double[1_000])).isEqualTo(10.0);
        assertThat(BlockLength.cubeRoot(0)).isEqualTo(1);
    }

    @Test
    void aShortSeriesStillGivesABlockBetweenOneAndItsCap() {
        double[] series = {0.01, -0.02, 0.015, 0.03, -0.01, 0.0, 0.02, -0.03, 0.01, 0.005};

        assertThat(BlockLength.politisWhite(series)).isBetween(1.0, 4.0); // cap ⌈min(3 √10, 10 / 3)⌉ = 4
    }

    @Test
    void rejectsSeriesOfDifferentLengths() {
        assertThatThrownBy(() -> BlockLength.automatic(new double[3], new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series 1 has 4 days but series 0 has 3");
        assertThatThrownBy(BlockLength::automatic).isInstanceOf(IllegalArgumentException.class);
    }
}
