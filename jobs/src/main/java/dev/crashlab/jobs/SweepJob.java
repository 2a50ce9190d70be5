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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;


/**
 * Runs a config's parameter sweep: every combination of the swept values, on a
 * {@link UnitExecutor} (by default the {@link LocalExecutor} on the given number of threads),
 * with progress in the log and the rate at the end. Writes into
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
 * <p>A sweep may be cut into shards ({@link #runShard}, {@code -Dcrashlab.shard=i/n}) run on
 * different machines, each writing a part; {@link #merge} combines the parts into exactly the
 * output of the unsharded run. Whatever runs the variants, their outcomes are collected in grid
 * order and aggregated here, so that the output is the same to the byte.
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
        try (UnitExecutor local = new LocalExecutor(threads, loader)) {
            return run(config, output, loader, local, clock, log);
        }
    }

    /**
     * Runs the sweep of {@code config} on {@code executor} and writes into {@code output}; the
     * best variant is run again here, for its results and report.
     */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, UnitExecutor executor, Clock clock,
            JobLog log) {
        Setup setup = setup(config, loader);
        List<VariantOutcome> outcomes = execute(setup, executor, Shard.ALL, log);
        return finish(setup, outcomes, output, clock.instant(), log);
    }

    /**
     * Runs shard {@code shard} of the sweep of {@code config} on {@code executor} and writes its
     * outcomes as a part into {@code <output>/sweep-<run>/parts/}, for {@link #merge}; returns the
     * part's file.
     */
    public static Path runShard(CrashlabConfig config, Path output, ClassLoader loader, UnitExecutor executor, Shard shard,
            Clock clock, JobLog log) {
        Setup setup = setup(config, loader);
        List<VariantOutcome> outcomes = execute(setup, executor, shard, log);
        Path part = SweepParts.write(folder(output, setup.run()).resolve(SweepParts.FOLDER), new SweepParts.Part(
                setup.run().name(), shard, setup.grid().size(), SweepParts.fingerprint(setup.plan()), clock.instant(),
                outcomes));
        log.info("sweep shard " + shard + ": " + outcomes.size() + " of " + setup.grid().size() + " variants written to "
                + part + "; run every shard, then crashlab:merge");
        return part;
    }

    /**
     * Combines the parts in {@code parts} (every shard of one sweep of {@code config}, as
     * {@link #runShard} wrote them) into the sweep's output in {@code output}, exactly what the
     * unsharded run writes: the time written is the latest of the parts'.
     *
     * @throws IllegalArgumentException naming the files when parts are missing, overlap, or come
     *                                  from another config or other data
     */
    public static Outcome merge(CrashlabConfig config, Path output, ClassLoader loader, Path parts, JobLog log) {
        Setup setup = setup(config, loader);
        SweepParts.Merged merged = SweepParts.merge(parts, setup.run().name(), setup.grid().size(),
                SweepParts.fingerprint(setup.plan()));
        log.info("sweep: merged " + merged.files() + " parts of " + setup.grid().size() + " variants from " + parts);
        return finish(setup, merged.outcomes(), output, merged.generatedAt(), log);
    }

    /** Returns the folder in {@code output} where shards write their parts. */
    public static Path partsFolder(CrashlabConfig config, Path output) {
        return output.resolve("sweep-" + sweepOf(config).run()).resolve(SweepParts.FOLDER);
    }

    private static SweepConfig sweepOf(CrashlabConfig config) {
        if (config.sweep() == null) {
            throw new ConfigException("sweep", "missing: this config has no sweep section");
        }
        return config.sweep();
    }

    /** A sweep ready to run: its metric, run, grid, the plan of its variants and the variants opened here. */
    private record Setup(Metric metric, RunConfig run, RunPlanner planner, List<Map<String, JsonNode>> grid,
            List<String> parameters, SweepPlan plan, SweepPlan.Variants variants) {
    }

    private static Setup setup(CrashlabConfig config, ClassLoader loader) {
        SweepConfig sweep = sweepOf(config);
        Metric metric = Metric.of(sweep.metric()).filter(m -> m.better() != 0).orElseThrow(() -> new ConfigException(
                sweep.path() + ".metric", "expected a metric with a better direction, such as sharpe, cagr, totalReturn,"
                        + " maxDrawdown or calmar, got \"" + sweep.metric() + "\""));
        RunConfig run = config.run(sweep.run()).orElseThrow();
        RunPlanner planner = new RunPlanner(new StrategyFactory(loader));
        List<Map<String, JsonNode>> grid = sweep.variants();
        List<String> parameters = sweep.axes().stream().map(SweepConfig.Axis::parameter).toList();
        return new Setup(metric, run, planner, grid, parameters, SweepPlan.of(config, run, grid.size()),
                new SweepPlan.Variants(planner, run, grid));
    }

    private static Path folder(Path output, RunConfig run) {
        return output.resolve("sweep-" + run.name());
    }

    /** Runs the variants of {@code shard} on {@code executor}; returns their outcomes in grid order. */
    private static List<VariantOutcome> execute(Setup setup, UnitExecutor executor, Shard shard, JobLog log) {
        int[] units = shard.units(setup.grid().size());
        log.info(String.format(Locale.ROOT, "sweep of %s: %d variants over %s on %s%s", setup.run().name(), units.length,
                setup.parameters(), executor.describe(), shard.all() ? "" : " (shard " + shard + " of " + setup.grid().size()
                        + " variants)"));
        long started = System.nanoTime();
        List<VariantOutcome> outcomes = executor.run(setup.plan(), setup.variants(), units, log);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(String.format(Locale.ROOT, "sweep: %d variants in %.2f s, %.0f variants/s on %s", units.length, seconds,
                units.length / Math.max(seconds, 1e-9), executor.describe()));
        return outcomes;
    }

    /** Aggregates the outcomes of every variant, in grid order, and writes the sweep's folder as of {@code now}. */
    private static Outcome finish(Setup setup, List<VariantOutcome> outcomes, Path output, Instant now, JobLog log) {
        RunConfig run = setup.run();
        List<Map<String, JsonNode>> grid = setup.grid();
        Metric metric = setup.metric();
        List<String> parameters = setup.parameters();
        List<RunMetrics> metrics = outcomes.stream().map(VariantOutcome::metrics).toList();
        int best = best(metrics, metric);
        Path folder = folder(output, run);
        List<SweepVariant> variants = new ArrayList<>();
        for (int k = 0; k < grid.size(); k++) {
            variants.add(new SweepVariant(grid.get(k), metrics.get(k), k == best ? "best/" + RunFolder.REPORT : null));
        }
        SweepResults table = new SweepResults("sweep of " + run.name(), parameters, metric.field(), variants);
        Path csv = folder.resolve("variants.csv");
        AtomicWrite.text(csv, csv(run.name(), grid, parameters, metrics));
        Path bestFolder = folder.resolve("best");
        Backtest bestRun = setup.planner().plan(run, variantName(run.name(), best, grid.size()), grid.get(best));
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
