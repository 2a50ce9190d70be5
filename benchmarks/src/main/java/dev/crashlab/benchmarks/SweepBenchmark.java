package dev.crashlab.benchmarks;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestBatch;
import dev.crashlab.backtest.VariantOutcome;
import dev.crashlab.clock.Schedule;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.execution.Costs;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.strategies.CrashRegime;
import dev.crashlab.strategies.DcaOnDrawdown;
import dev.crashlab.strategy.BuyAndHold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Variants per second of a {@value #VARIANTS}-variant sweep of {@code DcaOnDrawdown} on the real
 * {@code ../shared/data/BTC-USD.csv}, on 1 and 2 threads: the {@code dca-on-drawdown} run of
 * {@code examples/crashlab-real.yaml} (2018-01-01 to 2025-11-21, 100 a week from no cash, tiers
 * 20/35/50 %, fees, slippage and carry, the buy-and-hold benchmark and the {@code CrashRegime}
 * classifier) on BTC alone, over a grid of 100 thresholds (0.005 to 0.5) by 100 look-backs (0 to
 * 1,485 days): the real config's sweep, 100 times denser.
 *
 * <p>{@code sweep} runs the variants as a {@code BacktestBatch}, as {@code crashlab:sweep} does;
 * {@code sweepOfFullRuns} runs each as its own {@code Backtest.run()}, as it did before the
 * batch. Each worker takes the next variant not yet taken. One operation is one variant. The
 * setup checks that a few variants' batch metrics equal their full runs'.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SweepBenchmark.VARIANTS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SweepBenchmark {

    /** The variants of one sweep. */
    static final int VARIANTS = 10_000;

    /** The worker threads. */
    @Param({"1", "2"})
    public int threads;

    private Backtest base;
    private final List<DcaOnDrawdown.Params> grid = new ArrayList<>();
    private ExecutorService pool;

    /** Plans the base run and the grid, and checks a few variants. */
    @Setup
    public void setUp() {
        OhlcvSeries btc = PriceLoader.load(SharedFiles.requireDataFolder("SweepBenchmark").resolve("BTC-USD.csv"));
        BuyAndHold.Params hold = new BuyAndHold.Params(List.of("BTC-USD"));
        List<DcaOnDrawdown.Tier> tiers = List.of(new DcaOnDrawdown.Tier(0.2, 1), new DcaOnDrawdown.Tier(0.35, 2),
                new DcaOnDrawdown.Tier(0.5, 3));
        for (int t = 1; t <= 100; t++) {
            // Thresholds as the config writes them, exact decimals: 0.005 × t.
            double threshold = BigDecimal.valueOf(5, 3).multiply(BigDecimal.valueOf(t)).doubleValue();
            for (int days = 0; days <= 1_485; days += 15) {
                grid.add(new DcaOnDrawdown.Params("BTC-USD", 100, Schedule.WEEKLY, threshold, days, tiers, 0));
            }
        }
        base = Backtest.builder(MarketData.of(btc)).name("dca-on-drawdown")
                .start(Instant.parse("2018-01-01T00:00:00Z")).end(Instant.parse("2025-11-21T23:59:59.999Z"))
                .initialCash(0).contributions(Contributions.every(Schedule.WEEKLY, 100))
                .costs(Costs.DEFAULTS.withFeeRate(0.001).withSlippageBps(5).withBorrowRate(0.08).withFundingRate(0.0001))
                .benchmark("buy-and-hold BTC-USD", () -> new BuyAndHold(hold))
                .regime(() -> new CrashRegime(CrashRegime.Params.DEFAULTS))
                .strategy(() -> new DcaOnDrawdown(grid.getFirst())).build();
        pool = Executors.newFixedThreadPool(threads);
        BacktestBatch batch = BacktestBatch.of(base);
        for (int k : new int[] {0, 1_234, 5_555, 9_999}) {
            RunMetrics fromBatch = batch.run(k, () -> new DcaOnDrawdown(grid.get(k))).metrics();
            RunMetrics alone = RunMetrics.of(base.toBuilder().strategy(() -> new DcaOnDrawdown(grid.get(k))).build().run().metrics());
            if (!fromBatch.equals(alone)) {
                throw new IllegalStateException("variant " + k + ": the batch gives " + fromBatch + ", a run alone " + alone);
            }
        }
    }

    /** Stops the workers. */
    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    /** The sweep as {@code crashlab:sweep} runs it: a batch sharing clock, benchmark and indicators. */
    @Benchmark
    public double sweep() {
        BacktestBatch batch = BacktestBatch.of(base);
        return runAll(k -> {
            VariantOutcome outcome = batch.run(k, () -> new DcaOnDrawdown(grid.get(k)));
            return outcome.metrics().sharpe();
        });
    }

    /** The sweep as a full backtest per variant. */
    @Benchmark
    public double sweepOfFullRuns() {
        return runAll(k -> base.toBuilder().strategy(() -> new DcaOnDrawdown(grid.get(k))).build().run().metrics().sharpe());
    }

    /** Runs {@code variant} for every index on the workers, each taking the next index; returns the sum of the finite results. */
    private double runAll(IntToDoubleFunction variant) {
        AtomicInteger next = new AtomicInteger();
        List<Future<Double>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(pool.submit(() -> {
                double sum = 0;
                for (int k = next.getAndIncrement(); k < VARIANTS; k = next.getAndIncrement()) {
                    double x = variant.applyAsDouble(k);
                    sum += Double.isFinite(x) ? x : 0;
                }
                return sum;
            }));
        }
        double total = 0;
        try {
            for (Future<Double> worker : workers) {
                total += worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return total;
    }
}
