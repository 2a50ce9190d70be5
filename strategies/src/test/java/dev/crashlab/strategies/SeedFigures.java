package dev.crashlab.strategies;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.clock.Schedule;
import dev.crashlab.execution.Margin;
import dev.crashlab.metrics.Metrics;
import dev.crashlab.portfolio.Contributions;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Prints the key figures of each seed strategy on the real data, 2018-01-01 to 2025-11-21, next
 * to buy-and-hold BTC run with the same cash, flows and costs: a main, run by hand
 * ({@code java -cp ... dev.crashlab.strategies.SeedFigures}), not a test.
 */
public final class SeedFigures {

    private SeedFigures() {
    }

    /** The runs the figures are printed for: 10,000 of cash, or 0 plus 100 a week for the DCA variants. */
    static List<Backtest> runs() {
        Contributions weekly = Contributions.every(Schedule.WEEKLY, 100);
        DcaOnDrawdown.Params plain = new DcaOnDrawdown.Params("BTC-USD", 100, Schedule.WEEKLY, 0, 0, List.of(), 0);
        DcaOnDrawdown.Params tiered = new DcaOnDrawdown.Params("BTC-USD", 100, Schedule.WEEKLY, 0.2, 0, List.of(
                new DcaOnDrawdown.Tier(0.2, 1), new DcaOnDrawdown.Tier(0.35, 2), new DcaOnDrawdown.Tier(0.5, 3)), 0);
        return List.of(
                run("BuyAndHold BTC-USD", RealData::buyAndHold).build(),
                run("weekly DCA (threshold 0)", () -> new DcaOnDrawdown(plain)).initialCash(0).contributions(weekly).build(),
                run("DcaOnDrawdown (defaults)", () -> new DcaOnDrawdown(DcaOnDrawdown.Params.DEFAULTS)).initialCash(0)
                        .contributions(weekly).build(),
                run("DcaOnDrawdown tiers 20/35/50%", () -> new DcaOnDrawdown(tiered)).initialCash(0).contributions(weekly).build(),
                run("EtfOutflowFilter SKIP(weekly DCA)", () -> new EtfOutflowFilter(new DcaOnDrawdown(plain),
                        EtfOutflowFilter.Params.DEFAULTS)).initialCash(0).contributions(weekly).build(),
                run("EtfOutflowFilter DEFER(weekly DCA)", () -> new EtfOutflowFilter(new DcaOnDrawdown(plain),
                        new EtfOutflowFilter.Params("etf_flows", 7, 0, EtfOutflowFilter.Policy.DEFER)))
                        .initialCash(0).contributions(weekly).build(),
                run("DecemberReboundThenShort", () -> new DecemberReboundThenShort(DecemberReboundThenShort.Params.DEFAULTS))
                        .build(),
                run("Leveraged 2x BuyAndHold", () -> new Leveraged(RealData.buyAndHold(), new Leveraged.Params(2)))
                        .margin(Margin.forLeverage(2, 0.05, 0.01)).build(),
                run("Leveraged 10x BuyAndHold", () -> new Leveraged(RealData.buyAndHold(), new Leveraged.Params(10)))
                        .margin(new Margin(0.1, 0.05, 0.01)).build());
    }

    private static Backtest.Builder run(String name, Supplier<? extends dev.crashlab.strategy.Strategy> strategy) {
        return RealData.backtest(strategy).name(name);
    }

    public static void main(String[] args) {
        System.out.println("| run | totalReturn | CAGR | maxDrawdown | Sharpe | liquidations | final equity | BTC B&H totalReturn | CAGR | maxDrawdown | Sharpe |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Backtest b : runs()) {
            BacktestResult r = b.run();
            Metrics m = r.metrics();
            Metrics bm = r.benchmark().orElseThrow().metrics();
            System.err.println(b.name() + ": RealData.assertPinned(m, " + m.totalReturn() + ", " + m.cagr() + ", "
                    + m.maxDrawdown() + ", " + m.sharpe() + ", " + m.finalEquity() + ", " + m.liquidations() + ");");
            System.out.println(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.3f | %d | %.2f | %.4f | %.4f | %.4f | %.3f |",
                    b.name(), m.totalReturn(), m.cagr(), m.maxDrawdown(), m.sharpe(), m.liquidations(), m.finalEquity(),
                    bm.totalReturn(), bm.cagr(), bm.maxDrawdown(), bm.sharpe()));
        }
    }
}
