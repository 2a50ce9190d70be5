package dev.crashlab.jobs;

import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.RunLink;
import dev.crashlab.results.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Re-renders the reports of an output folder from the {@code results.json} files already in it
 * ({@code <run>/results.json}, read into results records, {@code crashlab-results/1} files
 * converted), without running anything: each {@code report.html}, then
 * {@code comparison.html} and {@code index.html}. The Maven goal {@code crashlab:report} is a
 * thin shell over it.
 */
public final class ReportJob {

    private ReportJob() {
    }

    /** Re-renders every report under {@code output}, stamped with {@code clock}'s time; fails when it holds no results. */
    public static BacktestJob.Outcome run(Path output, java.time.Clock clock, JobLog log) {
        ReportOptions options = ReportOptions.at(clock.instant());
        List<Path> files;
        try (Stream<Path> children = Files.list(output)) {
            files = children.map(d -> d.resolve(RunFolder.RESULTS)).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + output + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no results.json under " + output.toAbsolutePath()
                    + ": run crashlab:backtest first");
        }
        List<RunSummary> summaries = new ArrayList<>();
        List<RunLink> links = new ArrayList<>();
        for (Path file : files) {
            Path folder = file.getParent();
            RunResults results = RunFolder.read(folder);
            RunFolder.render(results, folder, options);
            RunSummary summary = RunFolder.summary(results, folder);
            summaries.add(summary);
            links.add(RunFolder.link(results, folder));
            log.info(summary.line());
            log.info("  " + summary.report());
        }
        Path index = RunFolder.writeComparisonAndIndex(output, "crashlab: " + output.getFileName(), links, List.of(), options);
        log.info("Index: " + index);
        return new BacktestJob.Outcome(summaries, output.resolve(RunFolder.COMPARISON), index);
    }
}
