package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.metrics.PerformanceMetrics;
import dev.crashlab.metrics.Trade;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.strategy.Strategy;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A batch runs many variants of one backtest, each the base backtest with another strategy (a
 * sweep's grid of parameters), sharing what does not depend on the strategy: the data, the clock,
 * the periods per year, the benchmark's run (once for the batch, not once per variant), and the
 * fast indicators and calendar-window highs computed ahead on the bars, once for equal
 * parameters. Each variant keeps only its {@link VariantOutcome}, metrics and period returns; its
 * orders, events, cash curve, regime labels and result are not built. To open a variant (write
 * its results and report), run its backtest alone: {@link Backtest#run()} gives the same metrics.
 *
 * <pre>{@code
 * BacktestBatch batch = BacktestBatch.of(base);
 * VariantOutcome outcome = batch.run(k, () -> new DcaOnDrawdown(params.get(k)));
 * }</pre>
 *
 * <h2>Equal to a run alone</h2>
 * A variant's metrics and period returns equal, to the bit, those of
 * {@code base.toBuilder().strategy(strategy).build().run()}: the engine loop and the metrics are
 * the same code, and what a variant skips (the regime classifier, which cannot trade; orders and
 * events, which are only recorded) changes no equity, fill or flow.
 *
 * <h2>Threads</h2>
 * {@link #run} may be called from several threads at once. Variants share no mutable state: each
 * has its own strategy, account and views, and what they share is computed once (the clock and
 * the benchmark by {@link #of}, values ahead by the first variant that asks for them) and only
 * read afterwards.
 */
public final class BacktestBatch {

    private final Backtest base;
    private final SharedInputs shared;
    private final Run.Outcome benchmark;
    private final long[] periodEnds;

    private BacktestBatch(Backtest base) {
        this.base = base;
        this.shared = new SharedInputs(base);
        this.benchmark = base.benchmark() == null ? null : new Run(base, shared, base.benchmark().get(), null, false).execute();
        MarketClock clock = shared.clock;
        this.periodEnds = new long[Math.max(0, clock.size() - 1)];
        for (int t = 1; t < clock.size(); t++) {
            periodEnds[t - 1] = clock.timeMillis(t);
        }
    }

    /**
     * Returns a batch of variants of {@code base}: its clock is built and its benchmark run now,
     * once for all the variants.
     *
     * @throws IllegalArgumentException if no bar of the data falls between the base's start and end
     */
    public static BacktestBatch of(Backtest base) {
        return new BacktestBatch(Objects.requireNonNull(base, "base"));
    }

    /** Returns the backtest whose variants this batch runs. */
    public Backtest base() {
        return base;
    }

    /**
     * Runs variant {@code index}, the base backtest with the strategy {@code strategy} makes, and
     * returns its outcome. Failures are named by the variant's index: {@code variant 17: ...}.
     *
     * @throws BacktestException if the strategy fails or the run is refused (see {@link Backtest#run()})
     */
    public VariantOutcome run(int index, Supplier<? extends Strategy> strategy) {
        return outcome(index, execute(index, strategy));
    }

    /**
     * Runs variant {@code index} as {@link #run} does and returns its outcome with its equity
     * curve: what a stress path needs to draw its fan.
     *
     * @throws BacktestException if the strategy fails or the run is refused (see {@link Backtest#run()})
     */
    public VariantCurve runCurve(int index, Supplier<? extends Strategy> strategy) {
        Run.Outcome outcome = execute(index, strategy);
        double[] contributed = outcome.contributed() == null ? new double[outcome.equity().length] : outcome.contributed();
        return new VariantCurve(outcome(index, outcome), outcome.equity(), contributed);
    }

    private Run.Outcome execute(int index, Supplier<? extends Strategy> strategy) {
        try {
            return new Run(base, shared, strategy.get(), null, false).execute();
        } catch (BacktestException e) {
            throw new BacktestException("variant " + index + ": " + e.getMessage(), e);
        }
    }

    private VariantOutcome outcome(int index, Run.Outcome outcome) {
        List<Trade> trades = BacktestResult.trades(base, outcome);
        RunMetrics metrics = RunMetrics.of(BacktestResult.metrics(base, shared.periodsPerYear, outcome, trades, benchmark));
        return new VariantOutcome(index, metrics, PerformanceMetrics.periodReturns(outcome.equity(), outcome.contributed()),
                periodEnds);
    }
}
