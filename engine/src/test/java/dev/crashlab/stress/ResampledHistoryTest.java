package dev.crashlab.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.Bar;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.data.Resampler;
import dev.crashlab.metrics.resampling.DayPath;
import dev.crashlab.metrics.resampling.StationaryBootstrap;
import dev.crashlab.testing.TestBars;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The synthetic history along a fixed day path, bar by bar and value by value against numbers
 * worked out by hand (see the comments), and the calendars it keeps.
 */
class ResampledHistoryTest {

    private static final double EXACT = 1e-9;
    private static final LocalDate THU = LocalDate.of(2024, 1, 4);

    /**
     * BTC every day, QQQ on weekdays without Wednesday the 10th (a holiday here), flows on the 4th,
     * 5th, 8th and 10th; the sample runs Friday the 5th (day 0) to Thursday the 11th (day 6), the 4th
     * is history and the 12th lies after it.
     */
    private static MarketData universe() {
        OhlcvSeries btc = OhlcvSeries.builder(TestBars.crypto("BTC-USD"))
                .add(THU, 100, 100, 100, 100, 0)
                .add(THU.plusDays(1), 100, 112, 98, 110, 1)         // day 0, Fri: r 1.1
                .add(THU.plusDays(2), 110, 111, 88, 99, 2)          // day 1, Sat: r 0.9
                .add(THU.plusDays(3), 99, 100, 97, 99, 3)           // day 2, Sun: r 1
                .add(THU.plusDays(4), 99, 120, 99, 118.8, 4)        // day 3, Mon: r 1.2
                .add(THU.plusDays(5), 118.8, 119, 100, 106.92, 5)   // day 4, Tue: r 0.9
                .add(THU.plusDays(6), 106.92, 110, 100, 106.92, 6)  // day 5, Wed: r 1
                .add(THU.plusDays(7), 106.92, 108, 90, 96.228, 7)   // day 6, Thu: r 0.9
                .add(THU.plusDays(8), 96, 97, 95, 96, 8)            // after the sample
                .build();
        OhlcvSeries qqq = OhlcvSeries.builder(TestBars.equity("QQQ"))
                .add(THU, 400, 400, 400, 400, 0)
                .add(THU.plusDays(1), 404, 410, 396, 408, 10)       // day 0, Fri: r 1.02
                .add(THU.plusDays(4), 410, 420, 400, 416.16, 20)    // day 3, Mon: r 1.02
                .add(THU.plusDays(5), 416, 417, 390, 395.352, 30)   // day 4, Tue: r 0.95
                .add(THU.plusDays(7), 395, 400, 380, 395.352, 40)   // day 6, Thu: r 1 (over Tue)
                .build();
        NonPriceSeries flows = NonPriceSeries.of("flows", PublicationRule.NEXT_DAY_UTC,
                new LocalDate[] {THU, THU.plusDays(1), THU.plusDays(4), THU.plusDays(6)}, new double[] {1, 5, 8, 10});
        return MarketData.builder().add(btc).add(qqq).add(flows).build();
    }

    private static ResampledHistory history() {
        return ResampledHistory.of(universe(), THU.plusDays(1), THU.plusDays(7));
    }

    /** Days 3, 1, 2, 0, 2, 4, 5 on the dates of days 0 to 6. */
    private static final DayPath PATH = new DayPath(new int[] {3, 1, 2, 0, 2, 4, 5}, new int[] {0, 1, 3, 4, 5});

    private static void assertBar(OhlcvSeries s, int i, LocalDate date, double o, double h, double l, double c, double v) {
        Bar bar = s.bar(i);
        assertThat(s.date(i)).as("%s bar %d", s.symbol(), i).isEqualTo(date);
        assertThat(new double[] {bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()})
                .as("%s bar %d (%s): open, high, low, close, volume", s.symbol(), i, date)
                .containsExactly(new double[] {o, h, l, c, v}, within(EXACT));
    }

    @Test
    void aRoundTheClockInstrumentTakesEachSourceDaysReturnShapeAndVolume() {
        OhlcvSeries btc = history().along(PATH).prices().get(0);

        assertThat(btc.size()).as("the history bar and one per day; the 12th is left out").isEqualTo(8);
        assertBar(btc, 0, THU, 100, 100, 100, 100, 0);
        // Fri <- Mon: close 100 x 1.2 = 120; open, high, low = 120 x 99, 120, 99 / 118.8.
        assertBar(btc, 1, THU.plusDays(1), 100, 121.21212121212122, 100, 120, 4);
        // Sat <- Sat: close 120 x 0.9 = 108; 108 x 110, 111, 88 / 99.
        assertBar(btc, 2, THU.plusDays(2), 120, 121.0909090909091, 96, 108, 2);
        // Sun <- Sun: r 1, close 108; 108 x 99, 100, 97 / 99.
        assertBar(btc, 3, THU.plusDays(3), 108, 109.0909090909091, 105.81818181818181, 108, 3);
        // Mon <- Fri: close 108 x 1.1 = 118.8; 118.8 x 100, 112, 98 / 110.
        assertBar(btc, 4, THU.plusDays(4), 108, 120.96, 105.84, 118.8, 1);
        // Tue <- Sun again: close 118.8; 118.8 x 99, 100, 97 / 99.
        assertBar(btc, 5, THU.plusDays(5), 118.8, 120, 116.4, 118.8, 3);
        // Wed <- Tue: close 118.8 x 0.9 = 106.92; 106.92 x 118.8, 119, 100 / 106.92.
        assertBar(btc, 6, THU.plusDays(6), 118.8, 119, 100, 106.92, 5);
        // Thu <- Wed: r 1; 106.92 x 106.92, 110, 100 / 106.92.
        assertBar(btc, 7, THU.plusDays(7), 106.92, 110, 100, 106.92, 6);
    }

    @Test
    void anEquityKeepsItsOwnBarDatesFlatWithoutASourceBarAndCarriesAHolidaysReturnToItsNextBar() {
        OhlcvSeries qqq = history().along(PATH).prices().get(1);

        assertThat(qqq.size()).isEqualTo(5);
        assertBar(qqq, 0, THU, 400, 400, 400, 400, 0);
        // Fri <- Mon: close 400 x 1.02 = 408; 408 x 410, 420, 400 / 416.16 (= 410, 420, 400 / 1.02).
        assertBar(qqq, 1, THU.plusDays(1), 401.9607843137255, 411.7647058823529, 392.15686274509807, 408, 20);
        // Sat and Sun have no bar, and their sources (Sat, Sun) none either. Mon <- Fri: close 408 x 1.02.
        assertBar(qqq, 2, THU.plusDays(4), 412.08, 418.2, 403.92, 416.16, 10);
        // Tue <- Sun, where QQQ did not trade: a flat bar at the previous close, volume 0.
        assertBar(qqq, 3, THU.plusDays(5), 416.16, 416.16, 416.16, 416.16, 0);
        // Wed, a holiday, <- Tue: r 0.95 waits; Thu <- Wed, nothing; so Thu closes 416.16 x 0.95 = 395.352
        // with Tue's shape and volume: 395.352 x 416, 417, 390 / 395.352.
        assertBar(qqq, 4, THU.plusDays(7), 416, 417, 390, 395.352, 30);
    }

    @Test
    void aPublishedSeriesTakesTheSourceDaysValueAndStaysMissingWhereItHasNone() {
        NonPriceSeries flows = history().along(PATH).series().get("flows");

        // History on the 4th; Fri <- Mon's 8; Mon <- Fri's 5; Thu <- Wed's 10; the others' sources have none.
        assertThat(flows.size()).isEqualTo(4);
        assertThat(List.of(flows.date(0), flows.date(1), flows.date(2), flows.date(3)))
                .containsExactly(THU, THU.plusDays(1), THU.plusDays(4), THU.plusDays(7));
        assertThat(new double[] {flows.value(0), flows.value(1), flows.value(2), flows.value(3)})
                .containsExactly(1, 8, 5, 10);
        assertThat(flows.rule()).isEqualTo(PublicationRule.NEXT_DAY_UTC);
        assertThat(flows.publishedAt(1)).isEqualTo(THU.plusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    @Test
    void theIdentityPathGivesTheRealHistoryBack() {
        DayPath identity = new DayPath(new int[] {0, 1, 2, 3, 4, 5, 6}, new int[] {0});

        MarketData again = history().along(identity);

        for (int i = 0; i < 2; i++) {
            OhlcvSeries real = universe().prices().get(i).between(java.time.Instant.EPOCH,
                    THU.plusDays(7).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            OhlcvSeries rebuilt = again.prices().get(i);
            assertThat(rebuilt.size()).isEqualTo(real.size());
            for (int b = 0; b < real.size(); b++) {
                Bar r = real.bar(b);
                assertBar(rebuilt, b, real.date(b), r.open(), r.high(), r.low(), r.close(), r.volume());
            }
        }
    }

    @Test
    void anInstrumentWhoseDataBeginsInsideTheSampleKeepsItsFirstBarAndChainsFromItsClose() {
        OhlcvSeries sol = OhlcvSeries.builder(TestBars.crypto("SOL-USD"))
                .add(THU.plusDays(3), 10, 11, 9, 10, 1)             // day 2: its first bar, no return
                .add(THU.plusDays(4), 10, 13, 10, 12, 2)            // day 3: r 1.2
                .add(THU.plusDays(5), 12, 12, 6, 6, 3)              // day 4: r 0.5
                .build();
        MarketData data = MarketData.of(sol);
        ResampledHistory history = ResampledHistory.of(data, THU.plusDays(1), THU.plusDays(5));

        // Days 4, 3, 0, 4, 3 on days 0..4: days 0 and 1 have no bar (before its data), day 2 is its
        // first bar as it is (what days 0 and 1 brought is dropped), day 3 <- day 4: 10 x 0.5 = 5, day 4 <- day 3: 6.
        OhlcvSeries rebuilt = history.along(new DayPath(new int[] {4, 3, 0, 4, 3}, new int[] {0, 1, 2, 3, 4}))
                .prices().getFirst();

        assertThat(rebuilt.size()).isEqualTo(3);
        assertBar(rebuilt, 0, THU.plusDays(3), 10, 11, 9, 10, 1);
        assertBar(rebuilt, 1, THU.plusDays(4), 10, 10, 5, 5, 3);
        assertBar(rebuilt, 2, THU.plusDays(5), 5, 6.5, 5, 6, 2);
    }

    @Test
    void dataClosedAtWeekendsMakesPathsKeepWeekdaysAndRoundTheClockDataDoesNot() {
        assertThat(history().period()).as("QQQ and the flows never have a weekend date").isEqualTo(7);
        assertThat(history().days()).isEqualTo(7);
        assertThat(history().dates()).first().isEqualTo(THU.plusDays(1));

        MarketData crypto = MarketData.of(universe().prices().getFirst());
        assertThat(ResampledHistory.of(crypto, THU.plusDays(1), THU.plusDays(7)).period()).isEqualTo(1);
    }

    @Test
    void onEveryBootstrapPathAnEquityTradesExactlyOnItsRealDatesNeverAtAWeekendAndMovesOnItsSourceDays() {
        // 200 days of a random walk for BTC every day and QQQ on NYSE days, 300 aligned bootstrap paths.
        SplittableRandom random = new SplittableRandom(5);
        LocalDate first = LocalDate.of(2024, 1, 1);
        OhlcvSeries.Builder btc = OhlcvSeries.builder(TestBars.crypto("BTC-USD"));
        OhlcvSeries.Builder qqq = OhlcvSeries.builder(TestBars.equity("QQQ"));
        double b = 100;
        double q = 400;
        for (int d = 0; d < 200; d++) {
            LocalDate date = first.plusDays(d);
            double nb = b * (1 + 0.04 * (random.nextDouble() - 0.5));
            btc.add(date, b, Math.max(b, nb) * 1.01, Math.min(b, nb) * 0.99, nb, 1);
            b = nb;
            if (TestBars.equity("QQQ").calendar().isTradingDay(date)) {
                double nq = q * (1 + 0.02 * (random.nextDouble() - 0.5));
                qqq.add(date, q, Math.max(q, nq), Math.min(q, nq), nq, 1);
                q = nq;
            }
        }
        MarketData data = MarketData.builder().add(btc.build()).add(qqq.build()).build();
        ResampledHistory history = ResampledHistory.of(data, first, first.plusDays(199));
        StationaryBootstrap bootstrap = new StationaryBootstrap(history.days(), 10, 3, history.period());
        List<LocalDate> realDates = new ArrayList<>();
        OhlcvSeries real = data.prices().get(1);
        for (int i = 0; i < real.size(); i++) {
            realDates.add(real.date(i));
        }

        int flat = 0;
        int bars = 0;
        for (int k = 0; k < 300; k++) {
            OhlcvSeries rebuilt = history.along(bootstrap.path(k)).prices().get(1);
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < rebuilt.size(); i++) {
                dates.add(rebuilt.date(i));
                flat += rebuilt.volume(i) == 0 ? 1 : 0;
            }
            bars += rebuilt.size();
            assertThat(dates).as("path %d", k).isEqualTo(realDates);
            assertThat(dates).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        }
        // Flat bars only where a holiday (here New Year, MLK day, Presidents' day, Good Friday, Memorial
        // day) is the source of a weekday: about 5 of the 142 weekdays.
        assertThat((double) flat / bars).isLessThan(0.08);
    }

    @Test
    void refusesBarsThatAreNotDailyAndPathsOfTheWrongLength() {
        assertThatThrownBy(() -> history().along(new DayPath(new int[] {0, 1}, new int[] {0})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a path of 2 positions for a sample of 7 days");
        OhlcvSeries weekly = Resampler.resample(universe().prices().getFirst(), Resampler.Period.WEEK);
        assertThatThrownBy(() -> ResampledHistory.of(MarketData.of(weekly), THU, THU.plusDays(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stress paths resample daily bars, but BTC-USD has bars of ");
    }
}
