package dev.crashlab.jobs;

import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.PageLink;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.report.RunLink;
import dev.crashlab.results.ResultsException;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run's folder in an output folder, as the jobs write it: {@code results.json} and
 * {@code report.html} side by side, the folder named after the run.
 */
final class RunFolder {

    static final String RESULTS = "results.json";
    static final String REPORT = "report.html";
    /** The output folder's comparison of its runs. */
    static final String COMPARISON = "comparison.html";
    /** The output folder's index. */
    static final String INDEX = "index.html";

    private RunFolder() {
    }

    /**
     * Writes {@code result}'s results.json into {@code folder} and its report beside it, both from
     * the same records, which it returns.
     */
    static RunResults write(BacktestResult result, Path folder, Instant now) {
        RunResults results = result.toResults(now);
        ResultsJson.write(results, folder.resolve(RESULTS));
        render(results, folder, ReportOptions.at(now));
        return results;
    }

    /** Reads the results.json in {@code folder}; a broken file is named by the folder's run. */
    static RunResults read(Path folder) {
        try {
            return ResultsJson.read(folder.resolve(RESULTS));
        } catch (ResultsException e) {
            throw e.inRun(folder.getFileName().toString());
        }
    }

    /** Writes {@code folder}'s report from its results. */
    static void render(RunResults results, Path folder, ReportOptions options) {
        AtomicWrite.text(folder.resolve(REPORT), Reports.renderRun(results, options));
    }

    /**
     * Writes {@code comparison.html} and {@code index.html} into {@code output}, the folder that
     * holds the run folders of {@code runs}; returns the index.
     */
    static Path writeComparisonAndIndex(Path output, String title, List<RunLink> runs, ReportOptions options) {
        Reports.ComparisonAndIndex pages = Reports.renderComparisonAndIndex(title, runs, COMPARISON, pages(output), options);
        AtomicWrite.text(output.resolve(COMPARISON), pages.comparison());
        Path index = output.resolve(INDEX);
        AtomicWrite.text(index, pages.index());
        return index;
    }

    /**
     * Writes {@code index.html} into {@code output} from what the folder holds: its runs' results,
     * its comparison when there is one, and its other pages ({@link #pages}); returns the index.
     * For a job that adds a page without running the backtests, such as the stress paths.
     */
    static Path writeIndex(Path output, String title, ReportOptions options) {
        List<RunLink> runs = new ArrayList<>();
        for (Path folder : children(output)) {
            if (Files.isRegularFile(folder.resolve(RESULTS))) {
                runs.add(link(read(folder), folder));
            }
        }
        List<PageLink> links = new ArrayList<>();
        if (Files.isRegularFile(output.resolve(COMPARISON))) {
            links.add(new PageLink("Comparison", COMPARISON, "every run side by side: equity, drawdown and metrics"));
        }
        links.addAll(pages(output));
        Path index = output.resolve(INDEX);
        AtomicWrite.text(index, Reports.renderIndex(title, runs, links, options));
        return index;
    }

    /** Returns the links to the pages of {@code output} besides its runs and comparison: each run's stress paths, by folder name. */
    static List<PageLink> pages(Path output) {
        List<PageLink> out = new ArrayList<>();
        for (Path folder : children(output)) {
            String name = folder.getFileName().toString();
            if (name.startsWith("stress-") && Files.isRegularFile(folder.resolve(StressJob.DOCUMENT))) {
                out.add(new PageLink("Stress paths of " + name.substring("stress-".length()), name + "/" + StressJob.PAGE,
                        "the run on resampled histories: equity fan, distributions, probability of liquidation"));
            }
        }
        return out;
    }

    /** Returns the folders directly in {@code output}, sorted by name; none when it does not exist. */
    private static List<Path> children(Path output) {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(output)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + output + ": " + e.getMessage(), e);
        }
    }

    /** Returns the summary of the run in {@code folder}, from its results. */
    static RunSummary summary(RunResults results, Path folder) {
        return RunSummary.of(results, folder.resolve(RESULTS), folder.resolve(REPORT));
    }

    /** Returns the link to the report in {@code folder}, as the output folder's own pages list it. */
    static RunLink link(RunResults results, Path folder) {
        return new RunLink(results.name(), results, folder.getFileName() + "/" + REPORT);
    }
}
