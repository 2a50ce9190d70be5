package dev.crashlab.metrics;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-regime statistics of small buy-and-hold backtests, checked against returns compounded by
 * hand from the closes.
 */
class RegimeStatsTest {

    /** Products of a few exact decimal ratios; anything beyond this is a bug, not rounding. */
    private static final double EXACT = 1e-12;

    private static final Instrument BTC = crypto("BTC-USD");

    /** Closes: +10 %, −20 %, +10 %, −20 %, +10 %, −20 %. Each bar opens at the previous close, so no gaps. */
    private static final double[] CLOSES = {100, 110, 88, 96.8, 77.44, 85.184, 68.1472};

    private static final int CALM = 0;
    private static final int CRASH = 1;

    /** Labels a step CRASH when its own close fell more than 10 % from the previous close. */
    static final class OwnFallClassifier implements RegimeClassifier {
        @Override
        public List<String> labels() {
            return List.of("CALM", "CRASH");
        }

        @Override
        public int classify(StrategyContext ctx) {
            Bars bars = ctx.bars("BTC-USD");
            int n = bars.size();
            return n >= 2 && bars.close(n - 1) / bars.close(n - 2) - 1 < -0.10 ? CRASH : CALM;
        }
    }

    /** Buys with all the cash at the first step; the order fills at the second bar's open. */
    static final class BuyAll implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            if (ctx.step() == 0) {
                ctx.targetWeight("BTC-USD", 1.0);
            }
        }
    }

    private static OhlcvSeries bars() {
        double[] ohlc = new double[CLOSES.length * 4];
        for (int t = 0; t < CLOSES.length; t++) {
            double open = t == 0 ? CLOSES[0] : CLOSES[t - 1];
            ohlc[4 * t] = open;
            ohlc[4 * t + 1] = Math.max(open, CLOSES[t]);
            ohlc[4 * t + 2] = Math.min(open, CLOSES[t]);
            ohlc[4 * t + 3] = CLOSES[t];
        }
        return ohlc(BTC, LocalDate.of(2024, 1, 1), ohlc);
    }

    private static BacktestResult buyAndHold() {
        return Backtest.builder(MarketData.of(bars())).strategy(BuyAll::new).initialCash(1_000)
                .regime(OwnFallClassifier::new).build().run();
    }

    private static double change(int t) {
        return CLOSES[t] / CLOSES[t - 1] - 1;
    }

    @Test
    void aPeriodsReturnCountsForTheRegimeKnownAtThePreviousClose() {
        BacktestResult r = buyAndHold();
        BacktestResult.Regimes regimes = r.regimes().orElseThrow();
        assertThat(regimes.ofStep()).as("labels by each step's own close")
                .containsExactly(CALM, CALM, CRASH, CALM, CRASH, CALM, CRASH);

        RegimeStats crash = regimes.stats().get(CRASH);
        // Crash-labelled steps 2 and 4: the periods that follow them are 2→3 and 4→5, both +10 %.
        // Step 6 is labelled CRASH too, but no period follows it.
        assertThat(crash.label()).isEqualTo("CRASH");
        assertThat(crash.totalReturn()).isCloseTo((1 + change(3)) * (1 + change(5)) - 1, within(EXACT))
                .isCloseTo(0.21, within(EXACT));
        assertThat(crash.steps()).isEqualTo(2);
        assertThat(crash.maxDrawdown()).isCloseTo(0, within(EXACT));
        assertThat(crash.timeInMarket()).isEqualTo(1.0);
    }

    @Test
    void aCrashDaysOwnFallCountsForTheLabelOfTheDayBefore() {
        BacktestResult r = buyAndHold();

        RegimeStats calm = r.regimes().orElseThrow().stats().get(CALM);
        // CALM steps 0, 1, 3, 5 are followed by 0→1 (+10 %) and by the three −20 % crash days.
        double growth1 = 1 + change(1);
        double growth2 = growth1 * (1 + change(2));
        double growth4 = growth2 * (1 + change(4));
        double growth6 = growth4 * (1 + change(6));
        assertThat(calm.totalReturn()).isCloseTo(growth6 - 1, within(EXACT)).isCloseTo(1.1 * 0.8 * 0.8 * 0.8 - 1, within(EXACT));
        assertThat(calm.steps()).isEqualTo(4);
        assertThat(calm.maxDrawdown()).as("from the peak after 0→1 to the last crash day")
                .isCloseTo(growth6 / growth1 - 1, within(EXACT));
        assertThat(calm.timeInMarket()).as("step 0 ends flat (the buy fills at step 1's open), so 0→1 counts as out of the market")
                .isCloseTo(3 / 4.0, within(EXACT));
    }
}
