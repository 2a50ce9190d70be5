package dev.crashlab.jobs;

import dev.crashlab.config.ConfigException;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.config.StressConfig;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.StressDistribution;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import dev.crashlab.results.StressSummary;
import dev.crashlab.stress.StressTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Runs a config's stress paths: each stressed run re-simulated on many resampled histories
 * ({@link StressTest}), on a {@link UnitExecutor} (by default the {@link LocalExecutor} on the
 * given number of threads), with progress in the log and the wall time at the end. Writes into
 * {@code <output>/stress-<run>/} the stress document ({@code stress.json}, schema
 * {@code crashlab-stress/1}) and its page ({@code stress.html}: an equity fan and a histogram per
 * figure), then the output folder's index, which links the page.
 * The Maven goal {@code crashlab:stress} is a thin shell over it.
 *
 * <h2>Units of work</h2>
 * A path is one unit of a run's {@link StressPlan}: {@link StressTest#path(int)}, a plain
 * function of the path's index that any executor may run in any JVM, on any thread; path k
 * depends on (seed, k) alone, so the numbers are the same on any executor and any number of
 * threads. Paths are collected in index order and aggregated here.
 */
public final class StressJob {

    /** The stress page's file name in a run's stress folder. */
    static final String PAGE = "stress.html";
    /** The stress document's file name in a run's stress folder. */
    static final String DOCUMENT = "stress.json";

    /**
     * One run's stress paths, as written.
     *
     * @param results  the stress document
     * @param document its file
     * @param page     the stress page
     * @param seconds  the wall time of its paths (the historical run included), seconds
     */
    public record Stressed(StressResults results, Path document, Path page, double seconds) {
    }

    /**
     * What the job wrote.
     *
     * @param runs  each stressed run, in config order
     * @param index the output folder's index
     */
    public record Outcome(List<Stressed> runs, Path index) {
        public Outcome {
            runs = List.copyOf(runs);
        }
    }

    private StressJob() {
    }

    /** Returns the folder of {@code run}'s stress paths in {@code output}. */
    static Path folder(Path output, String run) {
        return output.resolve("stress-" + run);
    }

    /**
     * Runs the stress paths of {@code config}'s {@code stress} section for its runs (those named in
     * {@code only} when it is not empty) on {@code threads} threads, finding strategies through
     * {@code loader}, and writes into {@code output}.
     *
     * @throws ConfigException when the config has no stress section or {@code only} names no run it stresses
     */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, Set<String> only, int threads,
            Clock clock, JobLog log) {
        try (UnitExecutor local = new LocalExecutor(threads, loader)) {
            return run(config, output, loader, only, local, clock, log);
        }
    }

    /**
     * Runs the stress paths as {@link #run(CrashlabConfig, Path, ClassLoader, Set, int, Clock, JobLog)}
     * does, the paths on {@code executor}: each run's historical path and the aggregation run here.
     *
     * @throws ConfigException when the config has no stress section or {@code only} names no run it stresses
     */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, Set<String> only,
            UnitExecutor executor, Clock clock, JobLog log) {
        StressConfig stress = config.stress();
        if (stress == null) {
            throw new ConfigException("stress", "missing: this config has no stress section (README, \"Stress paths\")");
        }
        List<String> stressed = stress.runs().isEmpty() ? config.runs().stream().map(RunConfig::name).toList() : stress.runs();
        List<String> names = stressed.stream().filter(n -> only.isEmpty() || only.contains(n)).toList();
        if (names.isEmpty()) {
            throw new ConfigException(stress.path() + ".run", "no stressed run is called " + only + "; the stressed runs are "
                    + stressed);
        }
        RunPlanner planner = new RunPlanner(new StrategyFactory(loader));
        // Every run is planned (data read, parameters bound) before any path runs.
        List<StressTest> tests = new ArrayList<>();
        List<StressPlan> plans = new ArrayList<>();
        for (String name : names) {
            RunConfig run = config.run(name).orElseThrow();
            // Crisis replay splices the windows the run scores (planned from its crises: the built-in ones, then its own).
            StressTest test = StressTest.of(planner.plan(run), stress.options());
            tests.add(test);
            plans.add(new StressPlan(ShippedRun.of(config, run), test.size()));
        }
        Instant now = clock.instant();
        List<Stressed> out = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            out.add(stress(tests.get(i), config.run(names.get(i)).orElseThrow(), plans.get(i), output, executor, now, log));
        }
        Set<String> written = new HashSet<>();
        out.forEach(s -> written.add(OutputIndex.href(output, s.page())));
        Path index = OutputIndex.write(output, BacktestJob.title(config), written, List.of(), ReportOptions.at(now));
        log.info("Index: " + index);
        return new Outcome(out, index);
    }

    private static Stressed stress(StressTest test, RunConfig run, StressPlan plan, Path output, UnitExecutor executor,
            Instant now, JobLog log) {
        String name = test.backtest().name();
        int total = test.size();
        log.info(String.format(Locale.ROOT, "stress of %s: %d paths (%s, seed %d, mean block %s days, period %d) on %s",
                name, total, test.options().methods(), test.options().seed(), Double.isNaN(test.meanBlockDays()) ? "-"
                        : String.format(Locale.ROOT, "%.1f", test.meanBlockDays()), test.history().period(),
                executor.describe()));
        StressTest.Path historical = test.historical();
        long started = System.nanoTime();
        List<StressTest.Path> paths = executor.run(plan, new StressPlan.Paths(test), IntStream.range(0, total).toArray(), log);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(String.format(Locale.ROOT, "stress: %d paths of %s in %.2f s, %.1f paths/s on %s", total, name, seconds,
                total / Math.max(seconds, 1e-9), executor.describe()));
        StressResults results = test.results(historical, paths, now);
        Path folder = folder(output, name);
        Path document = folder.resolve(DOCUMENT);
        ResultsJson.write(results, document);
        Path page = folder.resolve(PAGE);
        AtomicWrite.text(page, Reports.renderStress(results, ReportOptions.at(now)));
        // After the page, so that the run's report never links to a page not yet written.
        StressSummary summary = StressSummary.of(results, OutputIndex.href(output, document));
        RunFolder.addStudy(test.backtest(), test.backtest().run(), run, output, r -> r.withStress(summary), now, log);
        results.terms().notes().forEach(note -> log.warn("stress of " + name + ": " + note));
        for (StressSet set : results.sets()) {
            log.info(summary(name, set));
        }
        log.info("Stress report: " + page);
        return new Stressed(results, document, page, seconds);
    }

    /** Returns the log's line for one set: P(liquidation), P(below contributions), and the 5/50/95 % final equity and CAGR. */
    static String summary(String run, StressSet set) {
        StressDistribution equity = distribution(set, "finalEquity");
        StressDistribution cagr = distribution(set, "cagr");
        return String.format(Locale.ROOT, "stress %s (%s, %d paths): P(liquidation) %.3f, P(below contributions) %.3f,"
                + " final equity 5/50/95%% %.0f / %.0f / %.0f, CAGR 5/50/95%% %.1f%% / %.1f%% / %.1f%%", run, set.method(),
                set.paths().size(), set.probabilities().liquidation(), set.probabilities().belowContributions(),
                equity.quantile(0.05), equity.quantile(0.5), equity.quantile(0.95), 100 * cagr.quantile(0.05),
                100 * cagr.quantile(0.5), 100 * cagr.quantile(0.95));
    }

    private static StressDistribution distribution(StressSet set, String metric) {
        return set.distributions().stream().filter(d -> d.metric().equals(metric)).findFirst().orElseThrow();
    }
}
