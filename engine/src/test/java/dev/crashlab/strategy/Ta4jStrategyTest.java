package dev.crashlab.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Fill;
import dev.crashlab.testing.TestBars;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

class Ta4jStrategyTest {

    @Test
    void runsATa4jStrategyUnchangedOnOneInstrument() {
        OhlcvSeries btc = TestBars.closes(TestBars.crypto("BTC-USD"), LocalDate.of(2024, 1, 1),
                10, 10, 10, 9, 8, 9, 11, 13, 14, 13, 11, 9, 8, 8, 9);
        Ta4jStrategy adapter = new Ta4jStrategy("BTC-USD", series -> {
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            SMAIndicator fast = new SMAIndicator(close, 2);
            SMAIndicator slow = new SMAIndicator(close, 4);
            return new BaseStrategy("sma 2/4", new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow));
        }, 1.0);

        BacktestResult r = Backtest.builder(MarketData.of(btc)).strategy(() -> adapter).initialCash(1000).build().run();

        // fast crosses above slow at the close of day 7 (index 6): bought at day 8's open (13);
        // crosses below at index 10 (close 11): sold at day 12's open (9).
        assertThat(r.fills()).extracting(Fill::price).containsExactly(13.0, 9.0);
        assertThat(r.fills().get(0).tag()).isEqualTo("sma 2/4 entry");
        assertThat(r.strategyName()).isEqualTo("ta4j sma 2/4");
    }
}
