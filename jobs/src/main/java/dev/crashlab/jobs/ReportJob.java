package dev.crashlab.jobs;

import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.RunLink;
import dev.crashlab.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-renders the reports of an output folder from the documents already in it, without running
 * anything: each run's {@code report.html} from its {@code <run>/results.json} (read into results
 * records, {@code crashlab-results/1} files converted), each sweep's {@code sweep.html} from its
 * {@code sweep-<run>/sweep.json} and its chosen variant's report, each walk-forward's
 * {@code walkforward.html} from its {@code walkforward-<run>/walkforward.json}, then {@code comparison.html} and
 * {@code index.html}. The Maven goal {@code crashlab:report} is a thin shell over it.
 */
public final class ReportJob {

    private ReportJob() {
    }

    /** Re-renders every report under {@code output}, stamped with {@code clock}'s time; fails when it holds no results. */
    public static BacktestJob.Outcome run(Path output, java.time.Clock clock, JobLog log) {
        ReportOptions options = ReportOptions.at(clock.instant());
        List<Path> runs = OutputIndex.runFolders(output);
        List<Path> sweeps = OutputIndex.sweepFolders(output);
        List<Path> walkForwards = OutputIndex.walkForwardFolders(output);
        if (runs.isEmpty() && sweeps.isEmpty() && walkForwards.isEmpty()) {
            throw new IllegalArgumentException("no results.json, sweep.json or walkforward.json under "
                    + output.toAbsolutePath() + ": run crashlab:backtest, crashlab:sweep or crashlab:walkforward first");
        }
        List<RunSummary> summaries = new ArrayList<>();
        List<RunLink> links = new ArrayList<>();
        for (Path folder : runs) {
            RunResults results = RunFolder.read(folder);
            RunFolder.render(results, folder, options);
            RunSummary summary = RunFolder.summary(results, folder);
            summaries.add(summary);
            links.add(RunFolder.link(results, folder));
            log.info(summary.line());
            log.info("  " + summary.report());
        }
        Set<String> pages = new HashSet<>();
        for (Path folder : sweeps) {
            Path page = SweepJob.render(folder, options);
            pages.add(OutputIndex.href(output, page));
            log.info("  " + page);
        }
        for (Path folder : walkForwards) {
            Path page = WalkForwardJob.render(folder, options);
            pages.add(OutputIndex.href(output, page));
            log.info("  " + page);
        }
        Path index = OutputIndex.writeComparisonAndIndex(output, "crashlab: " + output.getFileName(), links, List.of(), pages,
                options);
        log.info("Index: " + index);
        return new BacktestJob.Outcome(summaries, links.isEmpty() ? null : output.resolve(RunFolder.COMPARISON), index);
    }
}
