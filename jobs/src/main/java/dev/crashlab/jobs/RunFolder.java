package dev.crashlab.jobs;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.PathSensitivity;
import dev.crashlab.config.RunConfig;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.report.RunLink;
import dev.crashlab.results.ResultsException;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One run's folder in an output folder, as the jobs write it: {@code results.json} and
 * {@code report.html} side by side, the folder named after the run.
 *
 * <p>A run's results.json also carries what other goals computed about the run (its stress paths,
 * the sweep of its parameters, its walk-forward analysis: {@link RunResults#stress()} and the
 * sections beside it). Each such goal adds its section with {@link #addStudy}; writing the run
 * again keeps the sections of the results already in the folder when they are of the same run
 * ({@link RunResults#withStudiesOf}). Both hold the output folder's {@link OutputLock}, so goals
 * run at the same time on one folder add their sections one after the other.
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
     * Writes {@code results} as {@code folder}'s results.json and its report beside it, with the
     * study sections of the results already there when they are of the same run, and returns what
     * it wrote.
     */
    static RunResults write(RunResults results, Path folder, Instant now, JobLog log) {
        return OutputLock.holding(folder.getParent(), () -> store(results.withStudiesOf(previous(folder, log)), folder, now));
    }

    /**
     * Adds {@code study} (such as {@code r -> r.withStress(summary)}) to the results of
     * {@code backtest}, planned from {@code run}, in {@code output}, given its {@code result}: to the
     * results already in its folder when they are of the same run ({@link RunResults#sameRun}: the
     * same outcome too), keeping all they hold, else to the run's own results as
     * {@code crashlab:backtest} writes them (with its path sensitivity when configured), which
     * replace them. A run's results.json then always holds the run the study was made on.
     */
    static RunResults addStudy(Backtest backtest, BacktestResult result, RunConfig run, Path output,
            UnaryOperator<RunResults> study, Instant now, JobLog log) {
        Path folder = output.resolve(backtest.name());
        RunResults fresh = result.toResults(now);
        return OutputLock.holding(output, () -> {
            RunResults previous = previous(folder, log);
            RunResults base;
            if (previous != null && previous.sameRun(fresh)) {
                base = previous;
            } else if (run.sensitivity() == null) {
                base = fresh;
            } else {
                base = result.toResults(now, PathSensitivity.of(backtest, run.sensitivity().options()));
            }
            return store(study.apply(base), folder, now);
        });
    }

    private static RunResults store(RunResults results, Path folder, Instant now) {
        ResultsJson.write(results, folder.resolve(RESULTS));
        render(results, folder, ReportOptions.at(now));
        return results;
    }

    /**
     * Returns the results in {@code folder}, or null when there are none or they cannot be read
     * (written by another version, or broken), saying so in {@code log}: new results then
     * replace them whole.
     */
    private static RunResults previous(Path folder, JobLog log) {
        Path file = folder.resolve(RESULTS);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ResultsJson.read(file);
        } catch (ResultsException e) {
            log.warn(file + " cannot be read (" + e.getMessage() + "): it is replaced, and the stress, sweep and"
                    + " walk-forward figures it may hold with it");
            return null;
        }
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
