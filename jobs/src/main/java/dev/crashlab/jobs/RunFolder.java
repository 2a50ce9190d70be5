package dev.crashlab.jobs;

import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.ResultsJson;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.ReportException;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.report.RunLink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

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

    /** Writes {@code result}'s results.json into {@code folder} and its report beside it; returns the results tree. */
    static JsonNode write(BacktestResult result, Path folder, Instant now) {
        JsonNode tree = ResultsJson.toTree(result, now);
        AtomicWrite.bytes(folder.resolve(RESULTS), ResultsJson.toBytes(tree));
        render(tree, folder, ReportOptions.at(now));
        return tree;
    }

    /** Writes {@code folder}'s report from its results tree; a broken tree is named by the folder's run. */
    static void render(JsonNode results, Path folder, ReportOptions options) {
        try {
            AtomicWrite.text(folder.resolve(REPORT), Reports.renderRun(results, options));
        } catch (ReportException e) {
            throw e.inRun(folder.getFileName().toString());
        }
    }

    /**
     * Writes {@code comparison.html} and {@code index.html} into {@code output}, the folder that
     * holds the run folders of {@code runs}; returns the index.
     */
    static Path writeComparisonAndIndex(Path output, String title, List<RunLink> runs, ReportOptions options) {
        Reports.ComparisonAndIndex pages = Reports.renderComparisonAndIndex(title, runs, COMPARISON, options);
        AtomicWrite.text(output.resolve(COMPARISON), pages.comparison());
        Path index = output.resolve(INDEX);
        AtomicWrite.text(index, pages.index());
        return index;
    }

    /** Returns the summary of the run in {@code folder}, from its results tree. */
    static RunSummary summary(JsonNode results, Path folder) {
        return RunSummary.of(results, folder.resolve(RESULTS), folder.resolve(REPORT));
    }

    /** Returns the link to the report in {@code folder}, as the output folder's own pages list it. */
    static RunLink link(JsonNode results, Path folder) {
        return new RunLink(results.get("name").asString(), results, folder.getFileName() + "/" + REPORT);
    }
}
