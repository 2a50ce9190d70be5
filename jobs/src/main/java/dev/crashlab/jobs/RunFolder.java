package dev.crashlab.jobs;

import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.report.RunLink;
import dev.crashlab.results.ResultsException;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import java.nio.file.Path;
import java.time.Instant;

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
        return write(result.toResults(now), folder, now);
    }

    /** Writes {@code results} as {@code folder}'s results.json and its report beside it, and returns them. */
    static RunResults write(RunResults results, Path folder, Instant now) {
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

    /** Returns the summary of the run in {@code folder}, from its results. */
    static RunSummary summary(RunResults results, Path folder) {
        return RunSummary.of(results, folder.resolve(RESULTS), folder.resolve(REPORT));
    }

    /** Returns the link to the report in {@code folder}, as the output folder's own pages list it. */
    static RunLink link(RunResults results, Path folder) {
        return new RunLink(results.name(), results, folder.getFileName() + "/" + REPORT);
    }
}
