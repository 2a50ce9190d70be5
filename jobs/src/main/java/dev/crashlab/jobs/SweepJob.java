package dev.crashlab.jobs;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestBatch;
import dev.crashlab.backtest.VariantOutcome;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.config.SweepConfig;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.results.Metric;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.SweepVariant;
import dev.crashlab.strategy.Strategy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;


/**
 * Runs a config's parameter sweep: every combination of the swept values, in parallel on the
 * given number of threads, with progress in the log and the rate at the end. Writes into
 * {@code <output>/sweep-<run>/} one table of all variants ({@code variants.csv}), the sweep report
 * ({@code sweep.html}: a heatmap of the ranking metric over two parameters, the table, the best
 * variant and a warning about selection bias) and the best variant's {@code results.json} and
 * {@code report.html}. The Maven goal {@code crashlab:sweep} is a thin shell over it.
 *
 * <p>The variants run as a {@link BacktestBatch}: data, clock, benchmark run and indicators are
 * shared, and each variant keeps its metrics and period returns; only the best variant is run
 * again in full, for its results and report. Every variant's parameters are bound and checked
 * before any runs.
 *
 * <p>The best variant is the one with the best value of the metric in the metric's better
 * direction (higher Sharpe, shallower drawdown); undefined values rank last and ties keep grid
 * order. Runs are deterministic, so the best variant run alone gives the same metrics.
 */
public final class SweepJob {

    /**
     * What the sweep wrote.
     *
     * @param sweep    the sweep's results: every variant's parameters and metrics
     * @param best     the index of the best variant
     * @param csv      the table of all variants
     * @param report   the sweep report
     * @param bestRun  the best variant's run summary
     * @param outcomes every variant's metrics and period returns, in grid order
     */
    public record Outcome(SweepResults sweep, int best, Path csv, Path report, RunSummary bestRun,
            List<VariantOutcome> outcomes) {
        public Outcome {
            outcomes = List.copyOf(outcomes);
        }
    }

    private SweepJob() {
    }

    /** Runs the sweep of {@code config} with {@code threads} threads and writes into {@code output}. */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, int threads, Clock clock, JobLog log) {
        SweepConfig sweep = config.sweep();
        if (sweep == null) {
            throw new ConfigException("sweep", "missing: this config has no sweep section");
        }
        Metric metric = Metric.of(sweep.metric()).filter(m -> m.better() != 0).orElseThrow(() -> new ConfigException(
                sweep.path() + ".metric", "expected a metric with a better direction, such as sharpe, cagr, totalReturn,"
                        + " maxDrawdown or calmar, got \"" + sweep.metric() + "\""));
        RunConfig run = config.run(sweep.run()).orElseThrow();
        RunPlanner planner = new RunPlanner(new StrategyFactory(loader));
        List<Map<String, JsonNode>> grid = sweep.variants();
        List<String> parameters = sweep.axes().stream().map(SweepConfig.Axis::parameter).toList();
        log.info(String.format(Locale.ROOT, "sweep of %s: %d variants over %s on %d threads", run.name(), grid.size(),
                parameters, threads));
        int total = grid.size();
        int workers = Math.max(1, Math.min(threads, total));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<VariantOutcome> outcomes;
        double seconds;
        try {
            // Every variant's parameters are bound and checked before any variant runs.
            @SuppressWarnings("unchecked")
            Supplier<Strategy>[] strategies = new Supplier[total];
            forEachVariant(pool, workers, total, k -> strategies[k] = planner.strategy(run, grid.get(k)));
            long started = System.nanoTime();
            Progress progress = new Progress("sweep", "done", "runs", total, 20, log);
            BacktestBatch batch = BacktestBatch.of(planner.plan(run, run.name(), grid.getFirst()));
            VariantOutcome[] outcome = new VariantOutcome[total];
            forEachVariant(pool, workers, total, k -> {
                outcome[k] = batch.run(k, strategies[k]);
                progress.done();
            });
            seconds = (System.nanoTime() - started) / 1e9;
            outcomes = List.of(outcome);
        } finally {
            pool.shutdownNow();
        }
        log.info(String.format(Locale.ROOT, "sweep: %d variants in %.2f s, %.0f variants/s on %d threads", total, seconds,
                total / Math.max(seconds, 1e-9), threads));
        List<RunMetrics> metrics = outcomes.stream().map(VariantOutcome::metrics).toList();
        int best = best(metrics, metric);
        Path folder = output.resolve("sweep-" + run.name());
        List<SweepVariant> variants = new ArrayList<>();
        for (int k = 0; k < grid.size(); k++) {
            variants.add(new SweepVariant(grid.get(k), metrics.get(k), k == best ? "best/" + RunFolder.REPORT : null));
        }
        SweepResults table = new SweepResults("sweep of " + run.name(), parameters, metric.field(), variants);
        Path csv = folder.resolve("variants.csv");
        AtomicWrite.text(csv, csv(run.name(), grid, parameters, metrics));
        Instant now = clock.instant();
        Path bestFolder = folder.resolve("best");
        Backtest bestRun = planner.plan(run, variantName(run.name(), best, grid.size()), grid.get(best));
        RunResults bestResults = RunFolder.write(bestRun.run(), bestFolder, now);
        Path report = folder.resolve("sweep.html");
        AtomicWrite.text(report, Reports.renderSweep(table, ReportOptions.at(now)));
        RunSummary summary = RunFolder.summary(bestResults, bestFolder);
        log.info("best by " + metric.field() + ": " + grid.get(best) + " -> " + summary.line());
        log.warn("the best of " + grid.size() + " variants is chosen with hindsight: expect it to do worse out of sample"
                + " (selection bias)");
        log.info("Sweep report: " + report);
        log.info("All variants: " + csv);
        return new Outcome(table, best, csv, report, summary, outcomes);
    }

    /**
     * Does {@code work} for every variant index on {@code workers} tasks of {@code pool}, each
     * taking the next index not yet taken, so that no variant waits behind a slow one. A failure
     * stops the taking; the failure of the lowest index is rethrown once every task has stopped
     * (all lower indices were taken, so which one that is does not depend on timing).
     */
    static void forEachVariant(ExecutorService pool, int workers, int total, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(total);
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(pool.submit(() -> {
                for (int k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                    try {
                        work.accept(k);
                    } catch (RuntimeException e) {
                        failures.set(k, e);
                        next.set(total);
                    }
                }
            }));
        }
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        for (int k = 0; k < total; k++) {
            if (failures.get(k) != null) {
                throw failures.get(k);
            }
        }
    }

    /** Returns the index of the best variant; undefined values rank last, ties keep grid order. */
    static int best(List<RunMetrics> metrics, Metric metric) {
        return Math.max(0, metric.bestOf(metrics.stream().mapToDouble(metric::of).toArray()));
    }

    private static String variantName(String run, int k, int total) {
        int width = Integer.toString(total - 1).length();
        return run + "-" + String.format(Locale.ROOT, "%0" + width + "d", k);
    }

    /** Returns the table of all variants: name, parameters, then every metric as results.json writes it (empty when undefined). */
    private static String csv(String run, List<Map<String, JsonNode>> grid, List<String> parameters,
            List<RunMetrics> figures) {
        List<JsonNode> metrics = figures.stream().map(ResultsJson::toTree).toList();
        StringBuilder out = new StringBuilder("variant");
        parameters.forEach(p -> out.append(',').append(p));
        List<String> fields = new ArrayList<>();
        metrics.getFirst().propertyNames().forEach(fields::add);
        fields.forEach(f -> out.append(',').append(f));
        out.append('\n');
        for (int k = 0; k < grid.size(); k++) {
            out.append(variantName(run, k, grid.size()));
            for (String p : parameters) {
                out.append(',').append(grid.get(k).get(p).toString().replace(",", ";"));
            }
            for (String f : fields) {
                JsonNode value = metrics.get(k).get(f);
                out.append(',').append(value == null || value.isNull() ? "" : value.asString());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
