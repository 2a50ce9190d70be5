package dev.crashlab.jobs;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.RunLink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.crashlab.results.RunResults;
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
        for (Backtest backtest : planned) {
            BacktestResult result = backtest.run();
            Path folder = output.resolve(result.name());
            RunResults results = RunFolder.write(result, folder, now);
            RunSummary summary = RunFolder.summary(results, folder);
            summaries.add(summary);
            links.add(RunFolder.link(results, folder));
            log.info(summary.line());
            log.info("  " + summary.report());
            if (result.synthetic()) {
                synthetic.add(result.name());
            }
        }
        if (!synthetic.isEmpty()) {
            log.warn(synthetic.size() + " of " + planned.size() + " runs used synthetic sample data (" + String.join(", ", synthetic)
                    + "): their figures say nothing about markets");
        }
        Path index = OutputIndex.write(output, title(config), links, ReportOptions.at(now));
        Path comparison = output.resolve(RunFolder.COMPARISON);
        log.info("Comparison: " + comparison);
        log.info("Index: " + index);
        return new Outcome(summaries, comparison, index);
    }

    /** Returns the title of the index of {@code config}'s output folder. */
    static String title(CrashlabConfig config) {
        return "crashlab: " + config.file().getFileName();
    }
}
