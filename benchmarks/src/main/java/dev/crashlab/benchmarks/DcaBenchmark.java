package dev.crashlab.benchmarks;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.metrics.tail.TailMetrics;
import dev.crashlab.strategies.DcaOnDrawdown;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one weekly-DCA run over 1,000,000 bars, the full {@code Backtest.run()} with its
 * result and metrics, on two inputs:
 * <ul>
 *   <li>{@code walk}: the seed strategy {@code DcaOnDrawdown} as plain weekly DCA (threshold 0,
 *       100 a week from 1,000,000 cash) on {@link RandomWalk}'s one-minute bars, 99 purchases:
 *       what the engine costs per bar;</li>
 *   <li>{@code bench}: the {@code dca} strategy of {@code ../shared/bench} on its daily bars,
 *       100 at the open of every ISO week's first bar, 200,000 purchases: what an order costs.</li>
 * </ul>
 * One operation is one bar, so scores are bars per second and {@code gc.alloc.rate.norm} under
 * {@code -prof gc} is bytes per bar. The setup checks the answer first: the walk's purchases and
 * final equity against a loop that buys at the same opens, the bench's against its reference
 * (200,000 fills, 105,183,839.18158606), both to 1e-9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DcaBenchmark.BARS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class DcaBenchmark {

    /** The bars of a run: both inputs have this many. */
    static final int BARS = 1_000_000;

    private static final double AMOUNT = 100;
    private static final double WALK_CASH = 1_000_000;
    private static final double BENCH_CASH = 100_000_000;
    private static final int BENCH_FILLS = 200_000;
    private static final double BENCH_EQUITY = 105_183_839.18158606;
    private static final long DAY = 86_400_000L;
    private static final long WEEK = 7 * DAY;

    /** The input: {@code walk} or {@code bench}. */
    @Param({"walk", "bench"})
    public String data;

    private Backtest backtest;

    /** Builds the backtest and checks its answer. */
    @Setup
    public void setUp() {
        double[] expected;
        if (data.equals("walk")) {
            OhlcvSeries walk = RandomWalk.generate(RandomWalk.BARS, RandomWalk.SEED).toSeries();
            DcaOnDrawdown.Params weekly = new DcaOnDrawdown.Params(RandomWalk.SYMBOL, AMOUNT, Schedule.WEEKLY, 0, 0, List.of(), 0);
            backtest = Backtest.builder(MarketData.of(walk)).name("weekly-dca").strategy(() -> new DcaOnDrawdown(weekly))
                    .initialCash(WALK_CASH).build();
            expected = walkByHand(walk);
        } else {
            backtest = Backtest.builder(MarketData.of(SharedFiles.benchBars("DcaBenchmark"))).name("weekly-dca")
                    .strategy(BenchDca::new).initialCash(BENCH_CASH).build();
            expected = new double[] {BENCH_FILLS, BENCH_EQUITY};
        }
        BacktestResult result = crashlab();
        int fills = result.fills().size();
        double equity = result.metrics().finalEquity();
        System.out.printf("%nweekly DCA on %s: %,d fills, final equity %.17g; expected %,d and %.17g%n", data, fills, equity,
                (int) expected[0], expected[1]);
        if (fills != (int) expected[0] || Math.abs(equity - expected[1]) > 1e-9 * expected[1]) {
            throw new IllegalStateException("weekly DCA on " + data + " is not the expected answer");
        }
    }

    /**
     * Returns the fills and final equity of plain weekly DCA on {@code bars}: 100 buys at the open
     * after each step on or after a Monday 00:00 UTC, no fees, no purchase on the last bar.
     */
    private static double[] walkByHand(OhlcvSeries bars) {
        long monday = 4 * DAY; // 1970-01-05 was a Monday
        long next = bars.timeMillis(0) + Math.floorMod(monday - bars.timeMillis(0), WEEK);
        double cash = WALK_CASH;
        double units = 0;
        int fills = 0;
        for (int b = 0; b < bars.size(); b++) {
            if (bars.timeMillis(b) >= next) {
                while (next <= bars.timeMillis(b)) {
                    next += WEEK;
                }
                if (b + 1 < bars.size()) {
                    units += AMOUNT / bars.open(b + 1);
                    cash -= AMOUNT;
                    fills++;
                }
            }
        }
        return new double[] {fills, cash + units * bars.close(bars.size() - 1)};
    }

    /**
     * The full run: loop, result and metrics (the tail scorecard is derived when first read: see
     * {@link #crashlabAndTail}).
     */
    @Benchmark
    public BacktestResult crashlab() {
        return backtest.run();
    }

    /**
     * The full run and its tail and pain figures (VaR, CVaR, moments, ulcer and pain index,
     * drawdown episodes), which {@code results.json} holds: what writing a run's results costs
     * beyond its metrics.
     */
    @Benchmark
    public TailMetrics crashlabAndTail() {
        return backtest.run().tail();
    }

    /**
     * The bench's {@code dca}: 100 at the open of every ISO week's first bar. On its weekday bars
     * that is an order placed in {@code init} (for the first Monday) and at every Friday's close.
     */
    static final class BenchDca implements Strategy {
        // The Friday at or after the last step, [from, until) in UTC epoch ms: steps only move
        // forward, so a step before `until` is on that Friday exactly when it is at or after
        // `from`. The weekday is worked out once a week, not by two divisions every bar (a
        // twentieth of the run).
        private long fridayFrom;
        private long fridayUntil = Long.MIN_VALUE;

        @Override
        public void init(StrategyContext ctx) {
            ctx.buyValue(SharedFiles.BENCH, AMOUNT);
        }

        @Override
        public void onBar(StrategyContext ctx) {
            long t = ctx.timeMillis();
            if (t >= fridayUntil) {
                // 1970-01-01 was a Thursday: day d of the epoch is a Friday when d mod 7 is 1.
                long day = Math.floorDiv(t, DAY);
                fridayFrom = (day + Math.floorMod(1 - day, 7)) * DAY;
                fridayUntil = fridayFrom + DAY;
            }
            if (t >= fridayFrom) {
                ctx.buyValue(SharedFiles.BENCH, AMOUNT);
            }
        }
    }
}
