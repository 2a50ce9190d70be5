package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.testing.SharedData;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SMA crossover and the weekly DCA of {@code ../shared/bench}, on its 1,000,000 bars of seed
 * 42, against the figures of its plain-Python reference (its README): the number of filled orders
 * and the final equity, to 1e-9. The SMA's averages are exact (correctly rounded window sums) and
 * its crossings look back past ties to the last difference, as the reference's are: on this walk
 * a single early or late fill moves the final equity by percents.
 */
class BenchReferenceTest {

    private static final String SHA256 = "a43d08513b1d1ef7d46922f01d2ddae0eb8f19148ae723134d3229cab3bce81a";
    private static final double CASH = 100_000_000;
    private static OhlcvSeries bars;

    @BeforeAll
    static void load() {
        // Consecutive weekdays from 2000-01-03 to the year 5833: no holidays, no gaps.
        Instrument bench = new Instrument(Symbol.of("BENCH"), AssetClass.EQUITY, "USD",
                TradingCalendar.weekdays("WEEKDAYS", ZoneOffset.UTC, 0));
        bars = PriceLoader.load(SharedData.benchBars(1_000_000, 42, SHA256),
                LoadOptions.builder().instrument(bench).build());
    }

    /** All in at the next open on an up-cross while flat, all out on a down-cross while long. */
    static final class SmaCross implements Strategy {
        private FastIndicator fast;
        private FastIndicator slow;

        @Override
        public void init(StrategyContext ctx) {
            fast = ctx.indicators("BENCH").sma(10);
            slow = ctx.indicators("BENCH").sma(30);
        }

        @Override
        public void onBar(StrategyContext ctx) {
            double held = ctx.portfolio().quantity("BENCH");
            if (fast.crossedAbove(slow) && held == 0) {
                ctx.targetWeight("BENCH", 1.0);
            } else if (fast.crossedBelow(slow) && held > 0) {
                ctx.closePosition("BENCH");
            }
        }
    }

    /** Buys 100 at the open of every ISO week's first bar: ordered in init and at each Friday's close. */
    static final class WeeklyDca implements Strategy {
        @Override
        public void init(StrategyContext ctx) {
            ctx.buyValue("BENCH", 100);
        }

        @Override
        public void onBar(StrategyContext ctx) {
            if (ctx.date().getDayOfWeek() == DayOfWeek.FRIDAY) {
                ctx.buyValue("BENCH", 100);
            }
        }
    }

    @Test
    void theSmaCrossoverFillsAndEndsExactlyAsTheReference() {
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(SmaCross::new).initialCash(CASH).build().run();

        assertThat(r.fills()).hasSize(39_517);
        assertThat(r.metrics().finalEquity()).isCloseTo(4.024675424794208, within(1e-9));
    }

    @Test
    void theWeeklyDcaFillsAndEndsExactlyAsTheReference() {
        BacktestResult r = Backtest.builder(MarketData.of(bars)).strategy(WeeklyDca::new).initialCash(CASH).build().run();

        assertThat(r.fills()).hasSize(200_000);
        assertThat(r.metrics().finalEquity()).isCloseTo(105_183_839.18158606, within(1e-9 * 105_183_839.18158606));
    }
}
