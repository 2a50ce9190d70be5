package dev.crashlab.benchmarks;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * Where crashlab's time goes on the {@link SmaCrossBenchmark} data (the bench bars): the engine loop alone and the
 * full {@code run()} (loop plus result and metrics), for a strategy that does nothing, one that
 * only declares the two averages, one that also reads their crossings, one that trades as often
 * as the crossover without reading anything, and the crossover itself. Scores are bars per
 * second; each step is a cost added to the one before, except that the crossover's is not the
 * sum of its parts (see README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SharedFiles.BENCH_BARS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class EngineBreakdownBenchmark {

    /** The strategy run. */
    @Param({"nothing", "indicators", "crossings", "orders", "smaCross"})
    public String strategy;

    private Backtest spec;

    /** Builds the data and the backtest. */
    @Setup
    public void setUp() {
        OhlcvSeries bars = SharedFiles.benchBars("EngineBreakdownBenchmark");
        Supplier<? extends Strategy> make = switch (strategy) {
            case "nothing" -> Nothing::new;
            case "indicators" -> IndicatorsOnly::new;
            case "crossings" -> CrossingsOnly::new;
            case "orders" -> OrdersOnly::new;
            case "smaCross" -> () -> new CrashlabSmaCross(SharedFiles.BENCH);
            default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        };
        spec = Backtest.builder(MarketData.of(bars)).strategy(make).initialCash(SmaCross.INITIAL_CASH).build();
    }

    /** The engine loop alone. */
    @Benchmark
    public double engineLoop() {
        double[] equity = spec.runEquityOnly();
        return equity[equity.length - 1];
    }

    /** The full run: loop, result and metrics. */
    @Benchmark
    public BacktestResult fullRun() {
        return spec.run();
    }

    /** Does nothing. */
    public static final class Nothing implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
        }
    }

    /** Declares the two averages and never reads them. */
    public static final class IndicatorsOnly implements Strategy {
        @Override
        public void init(StrategyContext ctx) {
            ctx.indicators(SharedFiles.BENCH).sma(SmaCross.FAST);
            ctx.indicators(SharedFiles.BENCH).sma(SmaCross.SLOW);
        }

        @Override
        public void onBar(StrategyContext ctx) {
        }
    }

    /** Trades as often as the crossover does (every 25 bars on average), without reading anything. */
    public static final class OrdersOnly implements Strategy {
        @Override
        public void onBar(StrategyContext ctx) {
            int phase = ctx.step() % 50;
            if (phase == 0) {
                ctx.targetWeight(SharedFiles.BENCH, 1.0);
            } else if (phase == 25) {
                ctx.closePosition(SharedFiles.BENCH);
            }
        }
    }

    /** Reads the crossings of the two averages and never trades. */
    public static final class CrossingsOnly implements Strategy {
        private FastIndicator fast;
        private FastIndicator slow;
        private int crossings;

        @Override
        public void init(StrategyContext ctx) {
            fast = ctx.indicators(SharedFiles.BENCH).sma(SmaCross.FAST);
            slow = ctx.indicators(SharedFiles.BENCH).sma(SmaCross.SLOW);
        }

        @Override
        public void onBar(StrategyContext ctx) {
            if (fast.crossedAbove(slow) || fast.crossedBelow(slow)) {
                crossings++;
            }
        }
    }
}
