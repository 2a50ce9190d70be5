package dev.crashlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crashlab.config.WalkForwardConfig.Fold;
import dev.crashlab.config.WalkForwardConfig.Mode;
import dev.crashlab.config.WalkForwardConfig.Span;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The folds of a walk-forward, to the day, anchored and rolling, with and without a purge. */
class WalkForwardConfigTest {

    private static WalkForwardConfig config(Mode mode, String inSample, String outOfSample, int purgeDays) {
        return new WalkForwardConfig("dca", "sharpe", List.of(), mode, Span.parse(inSample), Span.parse(outOfSample),
                purgeDays, "walkforward");
    }

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void anchoredWindowsStartAtTheRunsFirstDayAndSegmentsFollowEachOtherToItsLastDay() {
        List<Fold> folds = config(Mode.ANCHORED, "100", "50d", 0).folds(d("2020-01-01"), d("2020-06-30"));

        // 2020-01-01 + 100 days = 2020-04-10; segments of 50 days; the last ends with the run.
        assertThat(folds).extracting(Fold::index, Fold::inSampleFrom, Fold::inSampleTo, Fold::outOfSampleFrom,
                Fold::outOfSampleTo).containsExactly(
                        tuple(0, d("2020-01-01"), d("2020-04-09"), d("2020-04-10"), d("2020-05-29")),
                        tuple(1, d("2020-01-01"), d("2020-05-29"), d("2020-05-30"), d("2020-06-30")));
    }

    @Test
    void rollingWindowsKeepTheirLengthAndAPurgeLeavesItsDaysOutBeforeEachSegment() {
        List<Fold> folds = config(Mode.ROLLING, "100d", "50d", 10).folds(d("2020-01-01"), d("2020-08-31"));

        // T0 = 2020-01-01 + 100 + 10 days = 2020-04-20; each window is the 100 days ending 10 days before its segment.
        assertThat(folds).extracting(Fold::inSampleFrom, Fold::inSampleTo, Fold::outOfSampleFrom, Fold::outOfSampleTo)
                .containsExactly(
                        tuple(d("2020-01-01"), d("2020-04-09"), d("2020-04-20"), d("2020-06-08")),
                        tuple(d("2020-02-20"), d("2020-05-29"), d("2020-06-09"), d("2020-07-28")),
                        tuple(d("2020-04-10"), d("2020-07-18"), d("2020-07-29"), d("2020-08-31")));
        for (Fold f : folds) {
            assertThat(f.inSampleFrom().until(f.inSampleTo().plusDays(1), ChronoUnit.DAYS)).isEqualTo(100);
            assertThat(f.inSampleTo().until(f.outOfSampleFrom(), ChronoUnit.DAYS)).as("the purged days and one").isEqualTo(11);
        }
        for (int k = 1; k < folds.size(); k++) {
            assertThat(folds.get(k).outOfSampleFrom()).isEqualTo(folds.get(k - 1).outOfSampleTo().plusDays(1));
        }
    }

    @Test
    void monthlySegmentsAreCountedFromTheFirstBoundarySoThatMonthEndsDoNotDrift() {
        List<Fold> folds = config(Mode.ROLLING, "1m", "1m", 0).folds(d("2019-12-31"), d("2020-04-30"));

        assertThat(folds).extracting(Fold::inSampleFrom, Fold::outOfSampleFrom, Fold::outOfSampleTo).containsExactly(
                tuple(d("2019-12-31"), d("2020-01-31"), d("2020-02-28")),
                tuple(d("2020-01-29"), d("2020-02-29"), d("2020-03-30")),
                tuple(d("2020-02-29"), d("2020-03-31"), d("2020-04-29")),
                tuple(d("2020-03-30"), d("2020-04-30"), d("2020-04-30")));
    }

    @Test
    void spansAreDaysWeeksMonthsOrYearsAndWriteThemselvesAsRead() {
        assertThat(Span.parse("730")).isEqualTo(new Span(730, ChronoUnit.DAYS)).hasToString("730d");
        assertThat(Span.parse(" 26W ")).isEqualTo(new Span(26, ChronoUnit.WEEKS)).hasToString("26w");
        assertThat(Span.parse("6m")).hasToString("6m");
        assertThat(Span.parse("2y").after(d("2020-02-29"), 1)).isEqualTo(d("2022-02-28"));
        assertThatThrownBy(() -> Span.parse("6 months")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a span such as 730 (days), 730d, 26w, 6m or 2y, got \"6 months\"");
        assertThatThrownBy(() -> Span.parse("0d")).hasMessage("a span must be at least 1, got 0");
    }

    @Test
    void aRunTooShortForItsInSampleSpanHasNoFoldAndSaysWhy() {
        assertThatThrownBy(() -> config(Mode.ANCHORED, "2y", "6m", 30).folds(d("2020-01-01"), d("2021-12-31")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("walkforward.inSample: the run covers 2020-01-01 to 2021-12-31; an in-sample span of 2y and a"
                        + " purge of 30 days leave no out-of-sample day (the first would be 2022-01-31)");
        assertThatThrownBy(() -> config(Mode.ANCHORED, "1d", "1d", 0).folds(d("2020-01-01"), d("2024-01-01")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("walkforward.outOfSample: more than 1000 folds");
    }
}
