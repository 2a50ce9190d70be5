package dev.crashlab.jobs;

import dev.crashlab.Crashlab;
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
import dev.crashlab.results.SweepAxis;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.SweepSelection;
import dev.crashlab.results.SweepSummary;
import dev.crashlab.results.SweepVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Runs a config's parameter sweep: every combination of the swept values, on a
 * {@link UnitExecutor} (by default the {@link LocalExecutor} on the given number of threads),
 * with progress in the log and the rate at the end. Writes into {@code <output>/sweep-<run>/}
 * the sweep's results ({@code sweep.json}: every variant's parameters and metrics and the
 * selection statistics of the chosen one), one table of all variants ({@code variants.csv}), the
 * sweep report ({@code sweep.html}) and the chosen variant's {@code results.json} and
 * {@code report.html} under {@code best/}; then rewrites the output folder's index, which links
 * the sweep report. The Maven goal {@code crashlab:sweep} is a thin shell over it.
 *
 * <p>The variants run as a {@link BacktestBatch} ({@link SweepPlan}): data, clock, benchmark run
 * and indicators are shared, and each variant keeps its metrics and period returns; only the
 * chosen variant is run again in full, for its results and report. Every variant's parameters
 * are bound and checked before any runs.
 *
 * <p>A sweep may be cut into shards ({@link #runShard}, {@code -Dcrashlab.shard=i/n}) run on
 * different machines, each writing a part with its variants' metrics and period returns;
 * {@link #merge} combines the parts into exactly the output of the unsharded run, sweep.json's
 * selection statistics included. Whatever runs the variants, their outcomes are collected in
 * grid order and aggregated here, so that the output is the same to the byte.
 *
 * <p>The chosen variant is the one with the best value of the metric in the metric's better
 * direction (higher Sharpe, shallower drawdown); undefined values rank last and ties keep grid
 * order. Runs are deterministic, so the chosen variant run alone gives the same metrics. Its
 * selection statistics ({@link SweepSelection}: probabilistic and deflated Sharpe ratio, the
 * probability of backtest overfitting by CSCV over {@code sweep.pbo.blocks} blocks, the
 * parameter stability around it) are computed from the variants × periods matrix of period
 * returns, which the outcomes hold once and the statistics read without a copy.
 */
public final class SweepJob {

    /** The sweep's results in its folder. */
    static final String JSON = "sweep.json";
    /** The sweep's report in its folder. */
    static final String PAGE = "sweep.html";
    /** The chosen variant's run folder inside the sweep's folder. */
    static final String BEST = "best";

    /**
     * What the sweep wrote.
     *
     * @param sweep    the sweep's results: every variant's parameters and metrics, the selection statistics
     * @param best     the index of the chosen variant
     * @param json     the sweep's results file, sweep.json
     * @param csv      the table of all variants
     * @param report   the sweep report
     * @param bestRun  the chosen variant's run summary
     * @param outcomes every variant's metrics and period returns, in grid order
     */
    public record Outcome(SweepResults sweep, int best, Path json, Path csv, Path report, RunSummary bestRun,
            List<VariantOutcome> outcomes) {
        public Outcome {
            outcomes = List.copyOf(outcomes);
        }
    }

    private SweepJob() {
    }

    /** Returns the folder the sweep of run {@code run} writes into. */
    static Path folder(Path output, String run) {
        return output.resolve("sweep-" + run);
    }

    /** Returns the metric of {@code field} at {@code path}, which must have a better direction to rank variants. */
    static Metric rankingMetric(String field, String path) {
        return Metric.of(field).filter(m -> m.better() != 0).orElseThrow(() -> new ConfigException(path,
                "expected a metric with a better direction, such as sharpe, cagr, totalReturn, maxDrawdown or calmar, got \""
                        + field + "\""));
    }

    /** Returns the axes of {@code sweep} as results record them. */
    static List<SweepAxis> axes(List<SweepConfig.Axis> axes) {
        return axes.stream().map(a -> new SweepAxis(a.parameter(), a.values())).toList();
    }

    /** Runs the sweep of {@code config} with {@code threads} threads and writes into {@code output}. */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, int threads, Clock clock, JobLog log) {
        try (UnitExecutor local = new LocalExecutor(threads, loader)) {
            return run(config, output, loader, local, clock, log);
        }
    }

    /**
     * Runs the sweep of {@code config} on {@code executor} and writes into {@code output}; the
     * chosen variant is run again here, for its results and report.
     */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, UnitExecutor executor, Clock clock,
            JobLog log) {
        Setup setup = setup(config, loader);
        List<VariantOutcome> outcomes = execute(setup, executor, Shard.ALL, log);
        return finish(config, setup, outcomes, output, clock.instant(), log);
    }

    /**
     * Runs shard {@code shard} of the sweep of {@code config} on {@code executor} and writes its
     * outcomes (metrics and period returns, which the selection statistics need) as a part into
     * {@code <output>/sweep-<run>/parts/}, for {@link #merge}; returns the part's file.
     */
    public static Path runShard(CrashlabConfig config, Path output, ClassLoader loader, UnitExecutor executor, Shard shard,
            Clock clock, JobLog log) {
        Setup setup = setup(config, loader);
        List<VariantOutcome> outcomes = execute(setup, executor, shard, log);
        Path part = SweepParts.write(folder(output, setup.run().name()).resolve(SweepParts.FOLDER), new SweepParts.Part(
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
        return finish(config, setup, merged.outcomes(), output, merged.generatedAt(), log);
    }

    /** Returns the folder in {@code output} where shards write their parts. */
    public static Path partsFolder(CrashlabConfig config, Path output) {
        return folder(output, sweepOf(config).run()).resolve(SweepParts.FOLDER);
    }

    private static SweepConfig sweepOf(CrashlabConfig config) {
        if (config.sweep() == null) {
            throw new ConfigException("sweep", "missing: this config has no sweep section");
        }
        return config.sweep();
    }

    /** A sweep ready to run: its config, metric, run, grid, the plan of its variants and the variants opened here. */
    private record Setup(SweepConfig sweep, Metric metric, RunConfig run, RunPlanner planner,
            List<Map<String, JsonNode>> grid, List<String> parameters, SweepPlan plan, SweepPlan.Variants variants) {
    }

    private static Setup setup(CrashlabConfig config, ClassLoader loader) {
        SweepConfig sweep = sweepOf(config);
        Metric metric = rankingMetric(sweep.metric(), sweep.path() + ".metric");
        RunConfig run = config.run(sweep.run()).orElseThrow();
        RunPlanner planner = new RunPlanner(new StrategyFactory(loader));
        List<Map<String, JsonNode>> grid = sweep.variants();
        List<String> parameters = sweep.axes().stream().map(SweepConfig.Axis::parameter).toList();
        return new Setup(sweep, metric, run, planner, grid, parameters, SweepPlan.of(config, run, SweepPlan.Grid.SWEEP, grid.size()),
                new SweepPlan.Variants(planner, run, grid));
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
    private static Outcome finish(CrashlabConfig config, Setup setup, List<VariantOutcome> outcomes, Path output,
            Instant now, JobLog log) {
        RunConfig run = setup.run();
        List<Map<String, JsonNode>> grid = setup.grid();
        Metric metric = setup.metric();
        List<RunMetrics> metrics = outcomes.stream().map(VariantOutcome::metrics).toList();
        List<SweepAxis> axes = axes(setup.sweep().axes());
        long started = System.nanoTime();
        SweepSelection selection = SweepSelection.of(VariantOutcome.returnMatrix(outcomes), axes, metrics, metric,
                setup.sweep().pboBlocks());
        log.info(String.format(Locale.ROOT, "selection statistics in %.2f s", (System.nanoTime() - started) / 1e9));
        int best = Math.max(0, selection.variant());
        Path folder = folder(output, run.name());
        List<SweepVariant> variants = new ArrayList<>();
        for (int k = 0; k < grid.size(); k++) {
            variants.add(new SweepVariant(SweepResults.variantId(run.name(), k, grid.size()), grid.get(k), metrics.get(k),
                    k == best ? BEST + "/" + RunFolder.REPORT : null));
        }
        SweepResults results = new SweepResults(SweepResults.SCHEMA, Crashlab.version(), now, "sweep of " + run.name(),
                run.name(), metric.field(), axes, selection.variant(), variants, selection);
        Path csv = folder.resolve("variants.csv");
        AtomicWrite.text(csv, csv(run.name(), grid, setup.parameters(), metrics));
        Path bestFolder = folder.resolve(BEST);
        Backtest bestRun = setup.planner().plan(run, variants.get(best).id(), grid.get(best));
        RunResults bestResults = RunFolder.write(bestRun.run().toResults(now), bestFolder, now, log);
        Path json = folder.resolve(JSON);
        ResultsJson.write(results, json);
        Path report = folder.resolve(PAGE);
        AtomicWrite.text(report, Reports.renderSweep(results, ReportOptions.at(now)));
        SweepSummary study = SweepSummary.of(results, OutputIndex.href(output, json));
        Backtest swept = setup.planner().plan(run);
        RunFolder.addStudy(swept, swept.run(), run, output, r -> r.withSweep(study), now, log);
        RunSummary summary = RunFolder.summary(bestResults, bestFolder);
        log.info("best by " + metric.field() + ": " + variants.get(best).id() + " " + grid.get(best) + " -> " + summary.line());
        for (LogLine line : selectionLines(results)) {
            if (line.warning()) {
                log.warn(line.text());
            } else {
                log.info(line.text());
            }
        }
        Path index = OutputIndex.write(output, BacktestJob.title(config), Set.of(OutputIndex.href(output, report)), List.of(),
                ReportOptions.at(now));
        log.info("Sweep report: " + report);
        log.info("Sweep results: " + json);
        log.info("All variants: " + csv);
        log.info("Index: " + index);
        return new Outcome(results, best, json, csv, report, summary, outcomes);
    }

    /** A line of the log, and whether it is a warning. */
    record LogLine(boolean warning, String text) {
    }

    /**
     * Returns the log lines that say how far the chosen variant's figures can be trusted: its
     * probabilistic and deflated Sharpe ratios with what they rest on, the probability of backtest
     * overfitting, the metric's drop to the neighbouring cells, and warnings when the chosen cell
     * is on the grid's edge or its deflated Sharpe ratio is below 0.95.
     */
    static List<LogLine> selectionLines(SweepResults sweep) {
        SweepSelection s = sweep.selection();
        SweepSelection.Overfitting pbo = s.overfitting();
        SweepSelection.Stability st = s.stability();
        List<LogLine> lines = new ArrayList<>();
        lines.add(new LogLine(false, String.format(Locale.ROOT, "selection: probabilistic Sharpe ratio %s, deflated Sharpe ratio %s (best of %d"
                        + " trials: per-period Sharpe %s, trials' Sharpe variance %s, expected maximum %s, skewness %s,"
                        + " kurtosis %s, %d periods)", g(s.probabilisticSharpe()), g(s.deflatedSharpe()), s.trials(),
                g(s.sharpe()), g(s.trialSharpeVariance()), g(s.expectedMaximumSharpe()), g(s.skewness()), g(s.kurtosis()),
                s.periods())));
        lines.add(new LogLine(false, pbo.defined()
                ? String.format(Locale.ROOT, "selection: probability of backtest overfitting %s (CSCV, %d blocks, %d splits;"
                        + " probability of loss out of sample %s, degradation slope %s)", g(pbo.probability()), pbo.blocks(),
                        pbo.combinations(), g(pbo.probabilityOfLoss()), g(pbo.degradationSlope()))
                : "selection: probability of backtest overfitting undefined (" + (s.trials() < 2 ? "one variant"
                        : "fewer periods than " + pbo.blocks() + " blocks") + ")"));
        if (st.neighbours() > 0) {
            lines.add(new LogLine(false, String.format(Locale.ROOT, "selection: the %d neighbouring cells' %s is %s worse on"
                    + " average (%s at worst)", st.neighbours(), sweep.metric(), g(st.dropToMean()), g(st.dropToWorst()))));
        }
        for (SweepSelection.Edge e : st.edges()) {
            lines.add(new LogLine(true, "selection: the chosen variant sits on the grid's edge, " + e.parameter() + " = "
                    + e.value() + " (the " + e.end() + " value): the best may lie beyond it; widen the grid"));
        }
        if (!(s.deflatedSharpe() >= 0.95)) {
            lines.add(new LogLine(true, String.format(Locale.ROOT, "selection: the chosen variant's deflated Sharpe ratio %s"
                    + " is below 0.95: its Sharpe ratio is not significant against %d trials (selection bias)",
                    g(s.deflatedSharpe()), s.trials())));
        }
        return lines;
    }

    /** Returns a figure to 3 significant digits for the log, "undefined" for NaN. */
    private static String g(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.3g", value);
    }

    /**
     * Re-renders the sweep report in {@code folder} from its sweep.json, and its chosen variant's
     * report from its results.json; returns the sweep report.
     */
    static Path render(Path folder, ReportOptions options) {
        SweepResults sweep = ResultsJson.readSweep(folder.resolve(JSON));
        Path best = folder.resolve(BEST);
        if (Files.isRegularFile(best.resolve(RunFolder.RESULTS))) {
            RunFolder.render(RunFolder.read(best), best, options);
        }
        Path page = folder.resolve(PAGE);
        AtomicWrite.text(page, Reports.renderSweep(sweep, options));
        return page;
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
            out.append(SweepResults.variantId(run, k, grid.size()));
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
