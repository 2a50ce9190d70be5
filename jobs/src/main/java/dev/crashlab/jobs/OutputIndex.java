package dev.crashlab.jobs;

import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.PageLink;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.report.RunFailure;
import dev.crashlab.report.RunLink;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.WalkForwardResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The index and comparison of an output folder: every run folder ({@code <run>/results.json}),
 * and beside them the pages of the sweeps ({@code sweep-<run>/sweep.json}) and walk-forwards
 * found there, each described from its document. Written after every job that adds to the
 * folder, so that the index links whatever the folder holds.
 */
final class OutputIndex {

    private OutputIndex() {
    }

    /** Returns the run folders of {@code output} (those holding a results.json), in name order. */
    static List<Path> runFolders(Path output) {
        return children(output).stream().filter(d -> Files.isRegularFile(d.resolve(RunFolder.RESULTS))).toList();
    }

    /** Returns the sweep folders of {@code output} (those holding a sweep.json), in name order. */
    static List<Path> sweepFolders(Path output) {
        return children(output).stream().filter(d -> Files.isRegularFile(d.resolve(SweepJob.JSON))).toList();
    }

    /** Returns the walk-forward folders of {@code output} (those holding a walkforward.json), in name order. */
    static List<Path> walkForwardFolders(Path output) {
        return children(output).stream().filter(d -> Files.isRegularFile(d.resolve(WalkForwardJob.JSON))).toList();
    }

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

    /** Returns the links to the sweep and walk-forward pages of {@code output}, each described from its document. */
    static List<PageLink> pages(Path output) {
        List<PageLink> out = new ArrayList<>();
        for (Path folder : sweepFolders(output)) {
            SweepResults sweep = ResultsJson.readSweep(folder.resolve(SweepJob.JSON));
            out.add(new PageLink("Sweep of " + sweep.run(), folder.getFileName() + "/" + SweepJob.PAGE, describe(sweep)));
        }
        for (Path folder : walkForwardFolders(output)) {
            WalkForwardResults wf = ResultsJson.readWalkForward(folder.resolve(WalkForwardJob.JSON));
            out.add(new PageLink("Walk-forward of " + wf.run(), folder.getFileName() + "/" + WalkForwardJob.PAGE, describe(wf)));
        }
        return out;
    }

    /** Returns a sweep's description in the index: its size, the chosen variant and its selection statistics. */
    static String describe(SweepResults sweep) {
        var s = sweep.selection();
        return String.format(Locale.ROOT, "%d variants ranked by %s; the chosen one's deflated Sharpe ratio %s, PBO %s",
                sweep.variants().size(), sweep.metric(), fixed(s.deflatedSharpe()), fixed(s.overfitting().probability()));
    }

    /** Returns a walk-forward's description in the index: its folds, efficiency and the folds that meet a crisis regime. */
    static String describe(WalkForwardResults wf) {
        String crisis = wf.regimeLabels() == null ? "no regime classifier"
                : wf.crisisFolds().size() + " of them with a crisis regime out of sample";
        return String.format(Locale.ROOT, "%d folds chosen by %s (%s); walk-forward efficiency %s", wf.folds().size(),
                wf.metric(), crisis, fixed(wf.efficiency()));
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Writes {@code comparison.html} (when there are runs) and {@code index.html} into
     * {@code output}: the {@code runs}, the {@code failed} runs with their errors, the comparison and
     * every sweep and walk-forward page of the folder; returns the index. Without a finished run, a
     * comparison left from an earlier build is removed rather than shown beside an index that lists
     * none of its runs.
     */
    static Path write(Path output, String title, List<RunLink> runs, List<RunFailure> failed, ReportOptions options) {
        Reports.ComparisonAndIndex pages = Reports.renderComparisonAndIndex(title, runs, failed, RunFolder.COMPARISON,
                pages(output), options);
        Path comparison = output.resolve(RunFolder.COMPARISON);
        if (pages.comparison() != null) {
            AtomicWrite.text(comparison, pages.comparison());
        } else {
            try {
                Files.deleteIfExists(comparison);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale " + comparison + ": " + e.getMessage(), e);
            }
        }
        Path file = output.resolve(RunFolder.INDEX);
        AtomicWrite.text(file, pages.index());
        return file;
    }

    /** Rewrites the index (and comparison) of {@code output} from the results already in it, after a job added a page. */
    static Path refresh(Path output, String title, ReportOptions options) {
        List<RunLink> runs = new ArrayList<>();
        for (Path folder : runFolders(output)) {
            runs.add(RunFolder.link(RunFolder.read(folder), folder));
        }
        return write(output, title, runs, List.of(), options);
    }
}
