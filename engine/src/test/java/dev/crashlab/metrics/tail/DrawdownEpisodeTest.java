package dev.crashlab.metrics.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.testing.TestTimes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drawdown episodes of small indices, every field worked by hand. */
class DrawdownEpisodeTest {

    private static final long DAY = TestTimes.DAY;
    private static final long START = TestTimes.START;

    private static Instant day(int i) {
        return Instant.ofEpochMilli(START + i * DAY);
    }

    @Test
    void anEpisodeRunsFromTheLastStepAtThePeakToTheFirstStepBackAtIt() {
        // Steps 0..8, one a day: I = 1, 0.9, 1.0, 1.2, 0.6, 0.9, 1.3, 1.1, 1.2.
        // Episode 1: peak step 0 (1.0), trough step 1 (0.9, -10 %), back at 1.0 on step 2.
        // Episode 2: peak step 3 (1.2), trough step 4 (0.6, -50 %), above on step 6.
        // Episode 3: peak step 6 (1.3), trough step 7 (1.1), still under at step 8.
        long[] times = TestTimes.daily(9);
        double[] index = {1, 0.9, 1.0, 1.2, 0.6, 0.9, 1.3, 1.1, 1.2};

        List<DrawdownEpisode> episodes = DrawdownEpisode.of(times, index);

        assertThat(episodes).hasSize(3);
        assertThat(episodes.get(0)).isEqualTo(new DrawdownEpisode(0, 1, 2, day(0), day(1), day(2), 0.9 - 1, 1, 1, 2));
        assertThat(episodes.get(1)).isEqualTo(new DrawdownEpisode(3, 4, 6, day(3), day(4), day(6), 0.6 / 1.2 - 1, 1, 2, 3));
        DrawdownEpisode open = episodes.get(2);
        assertThat(open.recovered()).isFalse();
        assertThat(open.recoveryStep()).isEqualTo(-1);
        assertThat(open.recovery()).isNull();
        assertThat(open.depth()).isCloseTo(1.1 / 1.3 - 1, within(1e-15));
        assertThat(open.daysToRecover()).isNaN();
        assertThat(open.underwaterDays()).isEqualTo(2); // from the peak on day 6 to the last step, day 8
    }

    @Test
    void theTroughIsTheFirstStepAtTheLowestValueAndDaysAreFractionalBetweenIntradaySteps() {
        // Steps 6 hours apart: I = 1, 0.8, 0.8, 1.0. Trough at step 1 (the first 0.8); recovered
        // at step 3, 18 hours after the peak.
        long quarter = DAY / 4;
        long[] times = {START, START + quarter, START + 2 * quarter, START + 3 * quarter};

        DrawdownEpisode e = DrawdownEpisode.of(times, new double[] {1, 0.8, 0.8, 1.0}).getFirst();

        assertThat(e.troughStep()).isEqualTo(1);
        assertThat(e.daysToTrough()).isEqualTo(0.25);
        assertThat(e.daysToRecover()).isEqualTo(0.5);
        assertThat(e.underwaterDays()).isEqualTo(0.75);
    }

    @Test
    void anIndexThatNeverFallsHasNoEpisodeAndAFlatStretchIsNotOne() {
        long[] times = {START, START + DAY, START + 2 * DAY};

        assertThat(DrawdownEpisode.of(times, new double[] {1, 1, 1.1})).isEmpty();
        assertThat(DrawdownEpisode.of(new long[0], new double[0])).isEmpty();
    }

    @Test
    void rejectsTimesAndIndexOfDifferentLengths() {
        assertThatThrownBy(() -> DrawdownEpisode.of(new long[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index has 3 steps but times has 2");
    }
}
