package dev.crashlab.jobs;

import dev.crashlab.Crashlab;
import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestBatch;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.VariantOutcome;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.config.SweepConfig;
import dev.crashlab.config.WalkForwardConfig;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.results.Metric;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.WalkForwardCurve;
import dev.crashlab.results.WalkForwardFold;
import dev.crashlab.results.WalkForwardResults;
import dev.crashlab.results.WalkForwardSummary;
import dev.crashlab.strategy.Strategy;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Runs a config's walk-forward analysis ({@link WalkForwardConfig}) and writes into
 * {@code <output>/walkforward-<run>/} its results ({@code walkforward.json},
 * {@link WalkForwardResults}) and its report ({@code walkforward.html}); then rewrites the output
 * folder's index, which links the report. The Maven goal {@code crashlab:walkforward} is a thin
 * shell over it.
 *
 * <h2>What runs</h2>
 * <ol>
 * <li>The run with its own parameters over its whole span, once: its first and last days give
 * the folds, its regime labels say which out-of-sample segments meet a crisis regime.</li>
 * <li>The grid over the whole span, as a sweep ({@link BacktestBatch}): its best variant is the
 * in-sample-optimised one, chosen with hindsight.</li>
 * <li>Each fold ({@link #fold}, a function of the fold alone): the grid over the in-sample
 * window as a sweep, whose best variant by the metric is chosen; then the chosen, the
 * in-sample-optimised and the fixed parameters each trade the out-of-sample segment as a run of
 * its own, from the last bar before the segment's first day.</li>
 * <li>The three curves, stitched from the segments' period returns
 * ({@link WalkForwardCurve#stitch}), with the run's flows from the whole-span run.</li>
 * </ol>
 * The whole-span grid runs on a {@link UnitExecutor} (by default the {@link LocalExecutor}) as a
 * sweep's units ({@link SweepPlan} over the {@code walkforward} grid, which binds and checks every
 * variant before any runs); then the folds, independent units of work ({@link WalkForwardPlan}),
 * run on the same executor, each in one task with its in-sample grid in grid order, and their
 * results are collected in fold order, so that the output is the same to the byte whatever the
 * executor or thread count. The whole-span run and the aggregation run here.
 */
public final class WalkForwardJob {

    /** The walk-forward's results in its folder. */
    static final String JSON = "walkforward.json";
    /** The walk-forward's report in its folder. */
    static final String PAGE = "walkforward.html";

    /** Labels of a regime classifier that mark a crisis, when the classifier has them. */
    static final List<String> CRISIS_LABELS = List.of("CRASH", "LIQUIDITY_CRISIS");

    /**
     * What the walk-forward wrote.
     *
     * @param results its results
     * @param json    walkforward.json
     * @param report  walkforward.html
     */
    public record Outcome(WalkForwardResults results, Path json, Path report) {
    }

    private WalkForwardJob() {
    }

    /** Returns the folder the walk-forward of run {@code run} writes into. */
    static Path folder(Path output, String run) {
        return output.resolve("walkforward-" + run);
    }

    /**
     * What every fold shares: the run, its grid and strategies, and how to rank.
     *
     * @param planner    binds and plans the run
     * @param run        the run
     * @param grid       the grid's parameter values, in grid order
     * @param strategies each variant's strategy maker, in grid order
     * @param fixed      the run's own strategy maker
     * @param best       the in-sample-optimised variant's strategy maker
     * @param metric     the ranking metric
     */
    record Context(RunPlanner planner, RunConfig run, List<Map<String, JsonNode>> grid, List<Supplier<Strategy>> strategies,
            Supplier<Strategy> fixed, Supplier<Strategy> best, Metric metric) {
    }

    /**
     * What one fold found.
     *
     * @param fold        the fold's dates
     * @param chosen      the variant its in-sample sweep chose, −1 when none had a value of the metric
     * @param inSample    the chosen variant's in-sample metrics (the fixed parameters' when none was chosen)
     * @param outOfSample the chosen variant's segment run
     * @param best        the in-sample-optimised variant's segment run
     * @param fixed       the fixed parameters' segment run
     */
    record FoldRun(WalkForwardConfig.Fold fold, int chosen, RunMetrics inSample, VariantOutcome outOfSample,
            VariantOutcome best, VariantOutcome fixed) implements Serializable {
    }

    /**
     * Returns what every fold shares: {@code strategies} are the grid's, in grid order, and
     * {@code bestVariant} the whole-span sweep's choice, −1 for none (the run's own parameters
     * then stand in).
     */
    static Context context(RunPlanner planner, RunConfig run, List<Map<String, JsonNode>> grid,
            List<Supplier<Strategy>> strategies, int bestVariant, Metric metric) {
        Supplier<Strategy> fixed = planner.strategy(run, Map.of());
        return new Context(planner, run, grid, strategies, fixed, bestVariant < 0 ? fixed : strategies.get(bestVariant),
                metric);
    }

    /** Runs the walk-forward of {@code config} with {@code threads} threads and writes into {@code output}. */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, int threads, Clock clock, JobLog log) {
        try (UnitExecutor local = new LocalExecutor(threads, loader)) {
            return run(config, output, loader, local, clock, log);
        }
    }

    /**
     * Runs the walk-forward of {@code config}, its whole-span sweep and its folds on
     * {@code executor}, and writes into {@code output}.
     */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, UnitExecutor executor, Clock clock,
            JobLog log) {
        WalkForwardConfig wf = config.walkForward();
        if (wf == null) {
            throw new ConfigException("walkforward", "missing: this config has no walkforward section (README, \"Walk-forward\")");
        }
        Metric metric = SweepJob.rankingMetric(wf.metric(), wf.path() + ".metric");
        RunConfig run = config.run(wf.run()).orElseThrow();
        RunPlanner planner = new RunPlanner(new StrategyFactory(loader));
        List<Map<String, JsonNode>> grid = wf.variants();
        List<String> parameters = wf.axes().stream().map(SweepConfig.Axis::parameter).toList();
        Map<String, JsonNode> fixedParameters = planner.boundValues(run, parameters);

        Backtest planned = planner.plan(run);
        BacktestResult whole = planned.run();
        LocalDate first = day(whole.timeMillis(0));
        LocalDate last = day(whole.timeMillis(whole.size() - 1));
        List<WalkForwardConfig.Fold> folds = wf.folds(first, last);
        log.info(String.format(Locale.ROOT, "walk-forward of %s: %d folds (%s, in sample %s, out of sample %s, purge %d days),"
                + " %d variants over %s each, on %s", run.name(), folds.size(), wf.mode().label(), wf.inSample(),
                wf.outOfSample(), wf.purgeDays(), grid.size(), parameters, executor.describe()));

        Instant now = clock.instant();
        SweepPlan.Variants variants = new SweepPlan.Variants(planner, run, grid);
        List<VariantOutcome> overall = executor.run(SweepPlan.of(config, run, SweepPlan.Grid.WALK_FORWARD, grid.size()),
                variants, IntStream.range(0, grid.size()).toArray(), log);
        List<Supplier<Strategy>> strategies = IntStream.range(0, grid.size()).mapToObj(variants::strategy).toList();
        int bestVariant = metric.bestOf(overall.stream().mapToDouble(o -> metric.of(o.metrics())).toArray());
        log.info("walk-forward: in-sample-optimised over the whole span: " + (bestVariant < 0 ? "none (no variant has a"
                + " value of " + metric.field() + "; the run's own parameters stand in)" : grid.get(bestVariant)));
        // Every variant was bound and checked by the whole-span sweep.
        WalkForwardPlan plan = new WalkForwardPlan(ShippedRun.of(config, run), first, last, bestVariant, folds.size());
        List<FoldRun> runs = executor.run(plan, new WalkForwardPlan.Folds(context(planner, run, grid, strategies,
                bestVariant, metric), folds), IntStream.range(0, folds.size()).toArray(), log);
        for (FoldRun done : runs) {
            WalkForwardConfig.Fold fold = done.fold();
            log.info(String.format(Locale.ROOT, "fold %d: in sample %s..%s chose %s (%s %s); out of sample %s..%s: %s %s",
                    fold.index(), fold.inSampleFrom(), fold.inSampleTo(), done.chosen() < 0 ? "the run's own parameters"
                    : grid.get(done.chosen()), metric.field(), g(metric.of(done.inSample())), fold.outOfSampleFrom(),
                    fold.outOfSampleTo(), metric.field(), g(metric.of(done.outOfSample().metrics()))));
        }
        WalkForwardResults results = results(wf, run, whole, runs, fixedParameters, bestVariant, now);
        Path folder = folder(output, run.name());
        Path json = folder.resolve(JSON);
        ResultsJson.write(results, json);
        Path report = folder.resolve(PAGE);
        AtomicWrite.text(report, Reports.renderWalkForward(results, ReportOptions.at(now)));
        WalkForwardSummary study = WalkForwardSummary.of(results, OutputIndex.href(output, json));
        // The whole-span run is the run itself: its results are those the study is added to.
        RunFolder.addStudy(planned, whole, run, output, r -> r.withWalkForward(study), now, log);
        for (String line : summary(results)) {
            log.info(line);
        }
        Path index = OutputIndex.write(output, BacktestJob.title(config), Set.of(OutputIndex.href(output, report)), List.of(),
                ReportOptions.at(now));
        log.info("Walk-forward report: " + report);
        log.info("Walk-forward results: " + json);
        log.info("Index: " + index);
        return new Outcome(results, json, report);
    }

    /**
     * Runs one fold: the grid over its in-sample window, then the chosen, the in-sample-optimised
     * and the fixed parameters over its out-of-sample segment. Depends on nothing but its
     * arguments, so that folds can run anywhere and in any order.
     */
    static FoldRun fold(Context c, WalkForwardConfig.Fold fold) {
        Backtest base = c.planner().plan(c.run(), c.run().name(), c.grid().getFirst());
        Backtest window = between(base, fold.inSampleFrom(), fold.inSampleTo());
        BacktestBatch inSampleBatch = BacktestBatch.of(window);
        List<VariantOutcome> inSample = new ArrayList<>();
        for (int k = 0; k < c.grid().size(); k++) {
            inSample.add(inSampleBatch.run(k, c.strategies().get(k)));
        }
        int chosen = c.metric().bestOf(inSample.stream().mapToDouble(o -> c.metric().of(o.metrics())).toArray());
        // The segment runs from the last bar before its first day, so that its first period ends in the segment.
        BacktestBatch segment = BacktestBatch.of(between(base, fold.outOfSampleFrom().minusDays(1), fold.outOfSampleTo()));
        // Indices past the grid's name the fixed and in-sample-optimised runs in a failure's message.
        int fixedIndex = c.grid().size();
        VariantOutcome fixed = segment.run(fixedIndex, c.fixed());
        RunMetrics chosenInSample = chosen < 0
                ? BacktestBatch.of(window).run(fixedIndex, c.fixed()).metrics() : inSample.get(chosen).metrics();
        VariantOutcome outOfSample = chosen < 0 ? fixed : segment.run(chosen, c.strategies().get(chosen));
        return new FoldRun(fold, chosen, chosenInSample, outOfSample, segment.run(fixedIndex + 1, c.best()), fixed);
    }

    /** Re-renders the walk-forward report in {@code folder} from its walkforward.json; returns the report. */
    static Path render(Path folder, ReportOptions options) {
        WalkForwardResults results = ResultsJson.readWalkForward(folder.resolve(JSON));
        Path page = folder.resolve(PAGE);
        AtomicWrite.text(page, Reports.renderWalkForward(results, options));
        return page;
    }

    /** Returns {@code base} limited to the days {@code from} to {@code to}, inclusive (UTC). */
    private static Backtest between(Backtest base, LocalDate from, LocalDate to) {
        return base.toBuilder().start(from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .end(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)).build();
    }

    private static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Returns the results of the fold runs: the folds, the three stitched curves and the efficiencies. */
    static WalkForwardResults results(WalkForwardConfig wf, RunConfig run, BacktestResult whole, List<FoldRun> runs,
            Map<String, JsonNode> fixedParameters, int bestVariant, Instant now) {
        long[] wholeTimes = new long[whole.size()];
        for (int s = 0; s < wholeTimes.length; s++) {
            wholeTimes[s] = whole.timeMillis(s);
        }
        List<String> regimeLabels = whole.regimes().map(BacktestResult.Regimes::labels).orElse(null);
        List<String> crisisLabels = regimeLabels == null ? List.of()
                : CRISIS_LABELS.stream().filter(regimeLabels::contains).toList();
        List<Long> times = new ArrayList<>();
        List<Double> oos = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        List<Double> fixed = new ArrayList<>();
        List<WalkForwardFold> folds = new ArrayList<>();
        double inSampleCagr = 0;
        double inSampleSharpe = 0;
        for (FoldRun r : runs) {
            long from = r.fold().outOfSampleFrom().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long[] ends = r.outOfSample().periodEnds();
            double[] oosReturns = r.outOfSample().periodReturns();
            double[] bestReturns = r.best().periodReturns();
            double[] fixedReturns = r.fixed().periodReturns();
            Map<String, Integer> regimes = null;
            if (regimeLabels != null) {
                regimes = new LinkedHashMap<>();
                for (String label : regimeLabels) {
                    regimes.put(label, 0);
                }
            }
            for (int p = 0; p < ends.length; p++) {
                if (ends[p] < from) {
                    continue;
                }
                int end = step(wholeTimes, ends[p]);
                if (times.isEmpty()) {
                    times.add(wholeTimes[end - 1]);
                }
                times.add(ends[p]);
                oos.add(oosReturns[p]);
                best.add(bestReturns[p]);
                fixed.add(fixedReturns[p]);
                if (regimes != null) {
                    // A period is credited to the label of the step it starts at, as the run's regime figures are.
                    regimes.merge(whole.regimes().get().label(end - 1), 1, Integer::sum);
                }
            }
            int crisis = regimes == null ? 0 : crisisLabels.stream().mapToInt(regimes::get).sum();
            RunMetrics is = r.inSample();
            RunMetrics os = r.outOfSample().metrics();
            inSampleCagr += is.cagr();
            inSampleSharpe += is.sharpe();
            folds.add(new WalkForwardFold(r.fold().index(), r.fold().inSampleFrom(), r.fold().inSampleTo(),
                    r.fold().outOfSampleFrom(), r.fold().outOfSampleTo(), r.chosen(), r.chosen() < 0 ? fixedParameters
                    : wf.variants().get(r.chosen()), is, os, ratio(os.cagr(), is.cagr()), regimes, crisis));
        }
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        double[] contributed = new double[t.length];
        int first = step(wholeTimes, t[0]);
        for (int s = 0; s < t.length; s++) {
            contributed[s] = whole.contributions(step(wholeTimes, t[s])) - whole.contributions(first);
        }
        double p = whole.metrics().periodsPerYear();
        double rf = run.riskFreeRate();
        // The curves start with the account the whole-span run holds there, as the run's flows continue from it.
        double initial = whole.equity(first);
        WalkForwardCurve oosCurve = WalkForwardCurve.stitch("walk-forward, out of sample", t, initial, contributed,
                unbox(oos), p, rf, costs(runs, FoldRun::outOfSample));
        WalkForwardCurve bestCurve = WalkForwardCurve.stitch("in-sample-optimised", t, initial, contributed, unbox(best), p,
                rf, costs(runs, FoldRun::best));
        WalkForwardCurve fixedCurve = WalkForwardCurve.stitch("fixed parameters", t, initial, contributed, unbox(fixed), p,
                rf, costs(runs, FoldRun::fixed));
        int n = runs.size();
        return new WalkForwardResults(WalkForwardResults.SCHEMA, Crashlab.version(), now, "walk-forward of " + run.name(),
                run.name(), wf.metric(), wf.mode().label(), wf.inSample().toString(), wf.outOfSample().toString(),
                wf.purgeDays(), SweepJob.axes(wf.axes()), fixedParameters, bestVariant,
                bestVariant < 0 ? fixedParameters : wf.variants().get(bestVariant), regimeLabels, crisisLabels, folds,
                oosCurve, bestCurve, fixedCurve, ratio(oosCurve.metrics().cagr(), inSampleCagr / n),
                ratio(oosCurve.metrics().sharpe(), inSampleSharpe / n));
    }

    /** Returns the step of the whole-span run at {@code time}; a segment's bars are the whole run's. */
    private static int step(long[] wholeTimes, long time) {
        int s = Arrays.binarySearch(wholeTimes, time);
        if (s < 0) {
            throw new IllegalStateException("a segment has a step at " + Instant.ofEpochMilli(time)
                    + ", which is not a step of the whole-span run");
        }
        return s;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Returns numerator / denominator, NaN when the denominator is not positive: a ratio to a loss says nothing. */
    static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    /** Returns the costs of the segment runs {@code which} picks, summed over the folds. */
    private static WalkForwardCurve.Costs costs(List<FoldRun> runs, java.util.function.Function<FoldRun, VariantOutcome> which) {
        double fees = 0;
        double funding = 0;
        int liquidations = 0;
        for (FoldRun r : runs) {
            RunMetrics m = which.apply(r).metrics();
            fees += m.feesPaid();
            funding += m.fundingPaid();
            liquidations += m.liquidations();
        }
        return new WalkForwardCurve.Costs(fees, funding, liquidations);
    }

    /** Returns the log's summary of a walk-forward: its efficiency, the three curves, and the folds that meet a crisis. */
    static List<String> summary(WalkForwardResults r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "walk-forward efficiency %s (out-of-sample CAGR over the folds' mean in-sample"
                + " CAGR), of Sharpe ratios %s", g(r.efficiency()), g(r.sharpeEfficiency())));
        for (WalkForwardCurve c : List.of(r.outOfSampleCurve(), r.inSampleBestCurve(), r.fixedCurve())) {
            lines.add(String.format(Locale.ROOT, "  %s: CAGR %s, Sharpe %s, max drawdown %s, final equity %s", c.name(),
                    g(c.metrics().cagr()), g(c.metrics().sharpe()), g(c.metrics().maxDrawdown()), g(c.metrics().finalEquity())));
        }
        lines.add(crisisLine(r));
        return lines;
    }

    /** Returns which folds' out-of-sample segments meet a crisis regime, or that none does, or that the run has no regimes. */
    static String crisisLine(WalkForwardResults r) {
        if (r.regimeLabels() == null) {
            return "crisis regimes: the run has no regime classifier, so no fold can be said to meet a crisis";
        }
        if (r.crisisLabels().isEmpty()) {
            return "crisis regimes: the run's classifier has none of " + CRISIS_LABELS + " among " + r.regimeLabels();
        }
        List<Integer> crisis = r.crisisFolds().stream().map(WalkForwardFold::index).toList();
        return crisis.isEmpty() ? "crisis regimes: no fold's out-of-sample segment contains a " + String.join(" or ",
                r.crisisLabels()) + " period" : "crisis regimes: the out-of-sample segments of folds " + crisis + " contain "
                + String.join(" or ", r.crisisLabels()) + " periods";
    }

    /** Returns a figure to 3 significant digits for the log, "undefined" for NaN. */
    private static String g(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.3g", value);
    }
}
