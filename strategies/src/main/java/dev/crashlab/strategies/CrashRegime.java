package dev.crashlab.strategies;

import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import dev.crashlab.strategy.condition.Condition;
import dev.crashlab.strategy.condition.Signal;
import java.util.Arrays;
import java.util.List;

/**
 * Labels each step CALM, DRAWDOWN, CRASH or LIQUIDITY_CRISIS from transparent rules on what is
 * known at the step: bitcoin's fall from its highs and realised volatility (fast indicators over
 * its bars so far), the spot-ETF outflow streak (flows as published), and whether Nasdaq and gold
 * fall with it. The first matching rule wins ("drop below the N-bar high" is {@code 1 − close /}
 * the highest close of the last N bars, the current one included):
 *
 * <table>
 *   <caption>Rules, in order</caption>
 *   <tr><th>label</th><th>when</th><th>needs</th></tr>
 *   <tr><td>LIQUIDITY_CRISIS</td><td>CRASH holds, Nasdaq and gold are each at least {@code jointDrop} below their
 *       {@code jointBars} high, and BTC's returns correlate with Nasdaq's at least {@code minCorrelation} over
 *       {@code correlationBars} common bars</td><td>nasdaq, gold</td></tr>
 *   <tr><td>CRASH</td><td>BTC is at least {@code crashDrop} below its {@code crashBars} high; or DRAWDOWN holds and
 *       BTC's {@code volatilityBars} realised volatility is at least {@code crashVolatility}, or the last
 *       {@code outflowStreak} published ETF flows were all negative</td><td>flows, for the streak only</td></tr>
 *   <tr><td>DRAWDOWN</td><td>BTC is at least {@code drawdown} below its {@code highBars} high</td><td></td></tr>
 *   <tr><td>CALM</td><td>otherwise (also while an indicator is still warming up)</td><td></td></tr>
 * </table>
 *
 * A rule part whose input is missing from the universe (no gold, no Nasdaq, no flow series) is
 * skipped: without gold or Nasdaq there is no LIQUIDITY_CRISIS; without flows, no streak. BTC is
 * required.
 */
@StrategyName
public final class CrashRegime implements RegimeClassifier {

    /** The labels, in report order. */
    public enum Regime { CALM, DRAWDOWN, CRASH, LIQUIDITY_CRISIS }

    /** The parameters of {@link CrashRegime}; strategies/README.md gives their meanings. */
    public record Params(String btc, String nasdaq, String gold, String flows, @Range(min = 1) int highBars,
            @Range(min = 0, max = 1) double drawdown, @Range(min = 1) int crashBars, @Range(min = 0, max = 1) double crashDrop,
            @Range(min = 2) int volatilityBars, @Range(min = 0) double crashVolatility, @Range(min = 1) int outflowStreak,
            @Range(min = 1) int jointBars, @Range(min = 0, max = 1) double jointDrop, @Range(min = 2) int correlationBars,
            @Range(min = -1, max = 1) double minCorrelation) {
        public static final Params DEFAULTS = new Params("BTC-USD", "QQQ", "GLD", "etf_flows", 365, 0.20, 14, 0.20, 30, 0.80, 5,
                20, 0.05, 30, 0.3);
    }

    private final Params p;
    private Condition drawdown;
    private Condition crash;
    private Condition liquidityCrisis;

    public CrashRegime(Params params) {
        this.p = Parameters.check(params);
    }

    @Override
    public List<String> labels() {
        return Arrays.stream(Regime.values()).map(Regime::name).toList();
    }

    @Override
    public void init(StrategyContext ctx) {
        var btc = ctx.indicators(p.btc());
        Signal outflowDays = c -> c.hasSeries(p.flows()) ? c.series(p.flows()).negativeStreak() : 0;
        drawdown = Signal.of(btc.drawdownFromHigh(p.highBars())).atMost(-p.drawdown());
        crash = Signal.of(btc.drawdownFromHigh(p.crashBars())).atMost(-p.crashDrop()).or(drawdown.and(
                Signal.of(btc.realizedVolatility(p.volatilityBars())).atLeast(p.crashVolatility())
                        .or(outflowDays.atLeast(p.outflowStreak()))));
        liquidityCrisis = !ctx.symbols().containsAll(List.of(p.nasdaq(), p.gold())) ? c -> false : crash
                .and(Signal.of(ctx.indicators(p.nasdaq()).drawdownFromHigh(p.jointBars())).atMost(-p.jointDrop()))
                .and(Signal.of(ctx.indicators(p.gold()).drawdownFromHigh(p.jointBars())).atMost(-p.jointDrop()))
                .and(Signal.of(btc.correlation(p.nasdaq(), p.correlationBars())).atLeast(p.minCorrelation()));
    }

    @Override
    public int classify(StrategyContext ctx) {
        return (liquidityCrisis.isTrue(ctx) ? Regime.LIQUIDITY_CRISIS : crash.isTrue(ctx) ? Regime.CRASH
                : drawdown.isTrue(ctx) ? Regime.DRAWDOWN : Regime.CALM).ordinal();
    }

    /** Returns the crisis windows of crypto's 2020–2025 history, {@link CrisisWindow#BUILT_IN}. */
    @Override
    public List<CrisisWindow> namedWindows() {
        return CrisisWindow.BUILT_IN;
    }
}
