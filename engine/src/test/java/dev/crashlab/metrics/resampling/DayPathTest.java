package dev.crashlab.metrics.resampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A day path reads series along its days and cannot be changed from outside. */
class DayPathTest {

    @Test
    void readsASeriesAlongItsDays() {
        DayPath path = new DayPath(new int[] {2, 3, 0, 1}, new int[] {0, 2});

        assertThat(path.apply(new double[] {10, 11, 12, 13})).containsExactly(12, 13, 10, 11);
        assertThat(path.length()).isEqualTo(4);
        assertThat(path.toString()).isEqualTo("DayPath[length=4, blocks=2]");
    }

    @Test
    void copiesItsArraysInAndOut() {
        int[] days = {0, 1};
        DayPath path = new DayPath(days, new int[] {0});
        days[0] = 1;
        path.days()[1] = 0;

        assertThat(path.days()).containsExactly(0, 1);
        assertThat(path).isEqualTo(new DayPath(new int[] {0, 1}, new int[] {0}));
        assertThat(path.hashCode()).isEqualTo(new DayPath(new int[] {0, 1}, new int[] {0}).hashCode());
    }

    @Test
    void rejectsASeriesShorterThanTheDaysItVisitsNamingDayAndPosition() {
        assertThatThrownBy(() -> new DayPath(new int[] {0, 5}, new int[] {0, 1}).apply(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the path reaches day 5 at position 1 but the series has 3 days");
    }
}
