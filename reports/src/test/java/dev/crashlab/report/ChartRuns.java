package dev.crashlab.report;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.clock.Schedule;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.strategies.DcaOnDrawdown;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.SeriesLoader;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Margin;
import dev.crashlab.results.RunResults;
import dev.crashlab.strategies.CrashRegime;
import dev.crashlab.strategy.BuyAndHold;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.testing.SharedData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Runs whose charts the browser test measures: buy-and-hold BTC on the real history of
 * {@code ../shared/data} with the crash regime and its named crisis windows, as
 * {@code examples/crashlab-real.yaml} runs it, and a long that flips short on the synthetic
 * sample. Built once per test JVM.
 */
final class ChartRuns {

    private static RunResults realBuyAndHold;
    private static RunResults flip;
    private static RunResults tiered;

    private ChartRuns() {
    }

    /**
     * Returns buy-and-hold BTC-USD, 2018-01-01 to 2025-11-21, on {@code ../shared/data} (BTC, QQQ,
     * GLD, spot-BTC-ETF flows), with {@link CrashRegime} (which reads the flows; the strategy
     * reads none) and buy-and-hold BTC-USD as benchmark.
     */
    static synchronized RunResults realBuyAndHold() {
        if (realBuyAndHold == null) {
            MarketData data = MarketData.builder().add(PriceLoader.load(SharedData.file("BTC-USD.csv")))
                    .add(PriceLoader.load(SharedData.file("QQQ.csv"))).add(PriceLoader.load(SharedData.file("GLD.csv")))
                    .add(SeriesLoader.load(SharedData.file("etf_flows_btc.csv"), "total", "etf_flows",
                            PublicationRule.NEXT_DAY_UTC))
                    .build();
            BuyAndHold.Params btc = new BuyAndHold.Params(List.of("BTC-USD"));
            realBuyAndHold = Backtest.builder(data).name("buy-and-hold-btc").strategy(() -> new BuyAndHold(btc))
                    .start(Instant.parse("2018-01-01T00:00:00Z")).end(Instant.parse("2025-11-21T00:00:00Z"))
                    .initialCash(10_000).costs(Costs.DEFAULTS.withFeeRate(0.001).withSlippageBps(5))
                    .benchmark("buy-and-hold BTC-USD", () -> new BuyAndHold(btc))
                    .regime(() -> new CrashRegime(CrashRegime.Params.DEFAULTS))
                    .build().run().toResults(SampleRuns.GENERATED);
        }
        return realBuyAndHold;
    }

    /**
     * Returns weekly DCA into BTC dips on the sample with three drawdown tiers: a long parameters
     * line, as {@code examples/crashlab-real.yaml}'s dca-on-drawdown has.
     */
    static synchronized RunResults tieredDca() {
        if (tiered == null) {
            DcaOnDrawdown.Params params = new DcaOnDrawdown.Params("BTC-USD", 100, Schedule.WEEKLY, 0.2, 0,
                    List.of(new DcaOnDrawdown.Tier(0.2, 1), new DcaOnDrawdown.Tier(0.35, 2), new DcaOnDrawdown.Tier(0.5, 3)), 0);
            tiered = Backtest.builder(SampleRuns.sample()).name("dca-on-drawdown").strategy(() -> new DcaOnDrawdown(params))
                    .parameters(SampleRuns.inOrder("symbol", "BTC-USD", "amount", 100, "period", "weekly", "threshold", 0.2,
                            "lookbackDays", 0, "tiers", List.of(SampleRuns.inOrder("drawdown", 0.2, "multiplier", 1),
                                    SampleRuns.inOrder("drawdown", 0.35, "multiplier", 2),
                                    SampleRuns.inOrder("drawdown", 0.5, "multiplier", 3)), "takeProfit", 0))
                    .initialCash(0).contributions(Contributions.every(Schedule.WEEKLY, 100))
                    .costs(Costs.DEFAULTS.withFeeRate(0.001)).build().run().toResults(SampleRuns.GENERATED);
        }
        return tiered;
    }

    /** Returns a BTC long on the sample that flips to a half-equity short on 2022-01-03 in one order. */
    static synchronized RunResults longThenShort() {
        if (flip == null) {
            flip = Backtest.builder(SampleRuns.sample()).name("long-then-short").strategy(LongThenShort::new)
                    .initialCash(10_000).costs(Costs.DEFAULTS.withFeeRate(0.001))
                    .margin(Margin.forLeverage(2, 0.1, 0.01))
                    .build().run().toResults(SampleRuns.GENERATED);
        }
        return flip;
    }

    /** Long BTC from the first bar; a target weight of −0.5 from 2022-01-03 sells the long and opens the short at once. */
    private static final class LongThenShort implements Strategy {
        private static final LocalDate FLIP = LocalDate.of(2022, 1, 3);

        @Override
        public void onBar(StrategyContext ctx) {
            if (ctx.step() == 0) {
                ctx.targetWeight("BTC-USD", 1.0);
            } else if (ctx.date().equals(FLIP)) {
                ctx.targetWeight("BTC-USD", -0.5);
            }
        }
    }
}
