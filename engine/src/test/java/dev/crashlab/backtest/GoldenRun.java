package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Margin;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.StrategyContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small deterministic run whose {@code results.json} is pinned byte for byte: two crypto
 * instruments on inline daily bars, a buy-and-hold benchmark, a two-label regime classifier with
 * a named window, a published flow series the strategy reads, an ETH short that pays borrow and
 * funding (a trade with carry), a 5× BTC long liquidated on a crash bar, an order held back, an
 * ETH buy after ETH's data ended, allowed with {@code allowPartialData}, so the results carry a
 * warning, and a crisis scorecard of three windows: a built-in one outside the run's period, one
 * around the crash (with carry, the liquidation and the held-back order), and one the run ends in.
 */
final class GoldenRun {

    /** The {@code generatedAt} stamp of the pinned file. */
    static final Instant GENERATED = Instant.parse("2026-01-02T03:04:05Z");

    private static final LocalDate FIRST = LocalDate.of(2024, 3, 1);

    private GoldenRun() {
    }

    /** Returns the run's result. */
    static BacktestResult run() {
        OhlcvSeries btc = ohlc(crypto("BTC-USD"), FIRST,
                100, 102, 99, 101,
                101, 104, 100, 103,
                103, 105, 102, 104,
                104, 104, 78, 80,
                80, 86, 79, 85,
                85, 88, 84, 87,
                87, 90, 86, 89,
                89, 91, 88, 90);
        OhlcvSeries eth = ohlc(crypto("ETH-USD"), FIRST,
                10, 10.5, 9.8, 10.2,
                10.2, 10.4, 9.9, 10,
                10, 10.1, 9.5, 9.6,
                9.6, 9.7, 8, 8.2,
                8.2, 8.8, 8.1, 8.6);
        LocalDate[] dates = new LocalDate[8];
        for (int d = 0; d < dates.length; d++) {
            dates[d] = FIRST.plusDays(d - 2);
        }
        NonPriceSeries flows = NonPriceSeries.of("etf_flows", PublicationRule.NEXT_DAY_UTC, dates,
                new double[] {120, -40, 15.5, 0.25, -250, 30, 0, 75});
        MarketData data = MarketData.builder().add(btc).add(eth).add(flows).build();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("leverage", 5);
        parameters.put("short", "ETH-USD");
        parameters.put("fraction", 0.25);
        Scripted strategy = new Scripted()
                .at(0, ctx -> ctx.sellValue("ETH-USD", 1_000).withTag("short eth"))
                .at(1, ctx -> ctx.buyValue("BTC-USD", 4.8 * ctx.portfolio().equity()).withTag("5x btc"))
                .at(2, ctx -> ctx.note("flows over 3 days: " + ctx.series("etf_flows").sumOverDays(ctx.date(), 3)))
                .at(2, ctx -> ctx.closePosition("ETH-USD").withTag("cover"))
                .at(4, ctx -> ctx.record(Event.Kind.HELD_BACK, "ETH-USD", "a dip buy held back", -234.25))
                .at(6, ctx -> ctx.buyValue("ETH-USD", 50).withTag("late eth"));
        // Tracked figures and states with gaps (steps 0, 2, 5.. untracked), a warning given twice.
        for (int step : new int[] {1, 3, 4}) {
            strategy.at(step, ctx -> ctx.track("flows 3d", ctx.series("etf_flows").sumOverDays(ctx.date(), 3)))
                    .at(step, ctx -> ctx.track("flows gate", ctx.series("etf_flows").latest() >= 0));
        }
        strategy.at(3, ctx -> ctx.warn("etf_flows: an outflow published on " + ctx.series("etf_flows").latestDate()))
                .at(4, ctx -> ctx.warn("etf_flows: an outflow published on 2024-03-03"));
        return Backtest.builder(data).name("golden")
                .strategy(() -> strategy)
                .parameters(parameters)
                .initialCash(10_000)
                .costs(Costs.DEFAULTS.withFeeRate(0.001).withFixedFee(0.5).withSlippageBps(5).withBorrowRate(0.05)
                        .withFundingRate(0.0001))
                .margin(Margin.forLeverage(5))
                .benchmark("buy-and-hold BTC-USD", () -> new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1)))
                .regime(TwoRegimes::new)
                .allowPartialData(true)
                .crises(List.of(CrisisWindow.builtInNamed("COVID crash"),
                        new CrisisWindow("Golden crash", FIRST.plusDays(2), FIRST.plusDays(4),
                                "The crash bar and the day after: carry, the liquidation, a held-back order."),
                        new CrisisWindow("Golden tail", FIRST.plusDays(6), FIRST.plusDays(11), "")))
                .build().run();
    }

    /** Labels a step {@code crash} once BTC closes below 90, else {@code calm}; names the crash week. */
    static final class TwoRegimes implements RegimeClassifier {

        @Override
        public List<String> labels() {
            return List.of("calm", "crash");
        }

        @Override
        public int classify(StrategyContext ctx) {
            return ctx.bars("BTC-USD").close() < 90 ? 1 : 0;
        }

        @Override
        public List<CrisisWindow> namedWindows() {
            return List.of(new CrisisWindow("Golden crash", FIRST.plusDays(3), FIRST.plusDays(5),
                    "BTC falls 23 % in a day; the 5x long is liquidated."));
        }
    }
}
