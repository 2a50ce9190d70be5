package dev.crashlab.jobs;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestException;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.PathSensitivity;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.RunFailure;
import dev.crashlab.report.RunLink;
import dev.crashlab.results.RunResults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs every backtest of a config and writes, into an output folder, each run's
 * {@code <run>/results.json} and {@code <run>/report.html}, then {@code comparison.html} and
 * {@code index.html}. The Maven goal {@code crashlab:backtest} is a thin shell over it.
 */
public final class BacktestJob {

    /**
     * What the job wrote.
     *
     * @param runs       each run, in config order
     * @param comparison the comparison report
     * @param index      the index of the output folder
     */
    public record Outcome(List<RunSummary> runs, Path comparison, Path index) {
    }

    private BacktestJob() {
    }

    /**
     * Runs the backtests of {@code config} (all, or those named in {@code only} when it is not
     * empty), finding strategies through {@code loader}, and writes into {@code output}.
     *
     * <p>A run that fails does not stop the others: every run that finished is written and listed
     * in the index and the comparison, the index names each failed run with its error, and then
     * a {@link BacktestException} names every failed run (its cause the first failure).
     */
    public static Outcome run(CrashlabConfig config, Path output, ClassLoader loader, Set<String> only, Clock clock,
            JobLog log) {
        List<RunConfig> runs = config.runs().stream().filter(r -> only.isEmpty() || only.contains(r.name())).toList();
        if (runs.isEmpty()) {
            throw new ConfigException("runs", "no run is called " + only + "; the runs are "
                    + config.runs().stream().map(RunConfig::name).toList());
        }
        RunPlanner planner = new RunPlanner(new StrategyFactory(loader));
        List<Backtest> planned = new ArrayList<>();
        for (RunConfig run : runs) {
            planned.add(planner.plan(run));
        }
        Instant now = clock.instant();
        List<RunSummary> summaries = new ArrayList<>();
        List<RunLink> links = new ArrayList<>();
        List<String> synthetic = new ArrayList<>();
        List<RunFailure> failed = new ArrayList<>();
        RuntimeException firstFailure = null;
        for (int i = 0; i < planned.size(); i++) {
            Backtest backtest = planned.get(i);
            BacktestResult result;
            PathSensitivity.Report sensitivity = null;
            long sensitivityNanos = 0;
            try {
                result = backtest.run();
                if (runs.get(i).sensitivity() != null) {
                    long started = System.nanoTime();
                    sensitivity = PathSensitivity.of(backtest, runs.get(i).sensitivity().options());
                    sensitivityNanos = System.nanoTime() - started;
                }
            } catch (RuntimeException e) {
                // The other runs go on, and the index and comparison list those that finished, so a
                // failure leaves a consistent folder; the build fails below, naming every failed run.
                String error = e instanceof BacktestException ? e.getMessage() : e.toString();
                failed.add(new RunFailure(backtest.name(), error));
                firstFailure = firstFailure == null ? e : firstFailure;
                log.warn("run '" + backtest.name() + "' failed: " + error);
                continue;
            }
            Path folder = output.resolve(result.name());
            RunResults results = RunFolder.write(sensitivity == null ? result.toResults(now) : result.toResults(now, sensitivity),
                    folder, now, log);
            RunSummary summary = RunFolder.summary(results, folder);
            summaries.add(summary);
            links.add(RunFolder.link(results, folder));
            log.info(summary.line());
            log.info("  " + summary.report());
            if (sensitivity != null) {
                log(sensitivity, backtest.name(), sensitivityNanos, log);
            }
            if (result.synthetic()) {
                synthetic.add(result.name());
            }
        }
        if (!synthetic.isEmpty()) {
            log.warn(synthetic.size() + " of " + planned.size() + " runs used synthetic sample data (" + String.join(", ", synthetic)
                    + "): their figures say nothing about markets");
        }
        Path index = OutputIndex.writeComparisonAndIndex(output, title(config), links, failed, Set.of(),
                ReportOptions.at(now));
        Path comparison = links.isEmpty() ? null : output.resolve(RunFolder.COMPARISON);
        if (comparison != null) {
            log.info("Comparison: " + comparison);
        }
        log.info("Index: " + index);
        if (!failed.isEmpty()) {
            StringBuilder message = new StringBuilder().append(failed.size()).append(" of ").append(planned.size())
                    .append(" runs failed; ").append(links.size()).append(" finished and are listed in ").append(index)
                    .append(links.isEmpty() ? "" : " and compared in " + comparison).append(':');
            failed.forEach(f -> message.append(System.lineSeparator()).append("  ").append(f.error()));
            throw new BacktestException(message.toString(), firstFailure);
        }
        return new Outcome(summaries, comparison, index);
    }

    /**
     * Logs {@code report} of run {@code name}: the options, how long it took (wall time: the
     * log's, never the results'), how many bridge paths were liquidated, then one line per event.
     */
    private static void log(PathSensitivity.Report report, String name, long nanos, JobLog log) {
        PathSensitivity.Options options = report.options();
        log.info(String.format(Locale.ROOT, "  path sensitivity: high-first, low-first and %d bridge paths of %d sub-bars"
                + " (seed %d) in %.1f s; %d of %d bridge paths liquidated", options.bridges(), options.subBars(), options.seed(),
                nanos / 1e9, report.liquidatedBridges(), options.bridges()));
        report.events().forEach(e -> log.info("    " + e));
    }

    /** Returns the title of the index of {@code config}'s output folder. */
    static String title(CrashlabConfig config) {
        return "crashlab: " + config.file().getFileName();
    }
}
