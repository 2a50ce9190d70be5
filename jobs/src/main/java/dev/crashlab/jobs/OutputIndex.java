package dev.crashlab.jobs;

import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.PageLink;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.report.RunFailure;
import dev.crashlab.report.RunLink;
import dev.crashlab.results.ResultsException;
import dev.crashlab.results.RunResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code index.html} (and {@code comparison.html}) of an output folder, the one place that
 * decides what the folder's index lists: every run folder present (a child folder holding a
 * {@code results.json}, whichever invocation wrote it) and every other crashlab page in it or one
 * folder down (comparison, sweep, walk-forward, stress, whatever a job writes), found by their
 * files, so a page a new job writes is listed without a change here. Runs and pages the calling
 * invocation wrote are marked, and the runs it could not finish are named with their errors.
 *
 * <p>A page is a crashlab page when its head names crashlab as generator; its title is the page's
 * {@code <title>} and its description the page's {@code <meta name="description">} (a sweep's size
 * and selection statistics, a walk-forward's folds and efficiency), else the kicker above its
 * heading ("crashlab comparison"). A run folder whose {@code results.json} cannot be read is
 * listed among the pages with the error, so one stale or broken folder does not hide the others.
 */
final class OutputIndex {

    /** How much of a page is read to find its title, description and kicker: all stand before the inlined scripts. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final Pattern GENERATOR = Pattern.compile("<meta name=\"generator\" content=\"crashlab");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern DESCRIPTION = Pattern.compile("<meta name=\"description\" content=\"(.*?)\">", Pattern.DOTALL);
    private static final Pattern KICKER = Pattern.compile("<div class=\"kicker\">(.*?)</div>", Pattern.DOTALL);

    private OutputIndex() {
    }

    /** Returns the run folders of {@code output} (those holding a results.json), in name order. */
    static List<Path> runFolders(Path output) {
        return folders(output, RunFolder.RESULTS);
    }

    /** Returns the sweep folders of {@code output} (those holding a sweep.json), in name order. */
    static List<Path> sweepFolders(Path output) {
        return folders(output, SweepJob.JSON);
    }

    /** Returns the walk-forward folders of {@code output} (those holding a walkforward.json), in name order. */
    static List<Path> walkForwardFolders(Path output) {
        return folders(output, WalkForwardJob.JSON);
    }

    private static List<Path> folders(Path output, String document) {
        return children(output).stream().filter(d -> Files.isRegularFile(d.resolve(document))).toList();
    }

    /**
     * Writes {@code comparison.html} of {@code runs}, the runs the calling invocation finished,
     * into {@code output}, the folder holding their run folders, then {@code index.html} of
     * everything the folder holds ({@link #write}), marking {@code runs}, the comparison and
     * {@code pagesWritten} (other pages the invocation wrote, as {@link #href}) as just written and naming the {@code failed} runs with their errors; returns the index.
     * Without a finished run there is no comparison: one left from an earlier invocation is
     * removed rather than shown as if it compared this invocation's runs.
     */
    static Path writeComparisonAndIndex(Path output, String title, List<RunLink> runs, List<RunFailure> failed,
            Set<String> pagesWritten, ReportOptions options) {
        return OutputLock.holding(output, () -> comparisonAndIndex(output, title, runs, failed, pagesWritten, options));
    }

    private static Path comparisonAndIndex(Path output, String title, List<RunLink> runs, List<RunFailure> failed,
            Set<String> pagesWritten, ReportOptions options) {
        Path comparison = output.resolve(RunFolder.COMPARISON);
        Set<String> written = new HashSet<>(pagesWritten);
        if (runs.isEmpty()) {
            try {
                Files.deleteIfExists(comparison);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale " + comparison + ": " + e.getMessage(), e);
            }
        } else {
            AtomicWrite.text(comparison, Reports.renderComparison(title + ", " + runs.size() + " runs compared", runs,
                    options));
            written.add(RunFolder.COMPARISON);
        }
        runs.forEach(r -> written.add(r.href()));
        return index(output, title, written, failed, options);
    }

    /**
     * Writes {@code output/index.html}, titled {@code title}, listing what the folder holds;
     * {@code written} are the paths, relative to {@code output} with {@code /} separators
     * ({@code dca/report.html}, {@code sweep-dca/sweep.html}), that the calling invocation wrote,
     * and {@code failed} the runs it could not finish. Returns the index.
     */
    static Path write(Path output, String title, Set<String> written, List<RunFailure> failed, ReportOptions options) {
        // Under the output's lock: another goal's pages, written meanwhile, are then listed too.
        return OutputLock.holding(output, () -> index(output, title, written, failed, options));
    }

    private static Path index(Path output, String title, Set<String> written, List<RunFailure> failed, ReportOptions options) {
        List<RunLink> runs = new ArrayList<>();
        List<PageLink> pages = new ArrayList<>();
        List<PageLink> nested = new ArrayList<>();
        for (Path child : children(output)) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                boolean runFolder = false;
                if (Files.isRegularFile(child.resolve(RunFolder.RESULTS))) {
                    String href = name + "/" + RunFolder.REPORT;
                    try {
                        RunResults results = RunFolder.read(child);
                        runs.add(new RunLink(results.name(), results, Files.isRegularFile(child.resolve(RunFolder.REPORT))
                                ? href : null, written.contains(href)));
                        runFolder = true;
                    } catch (ResultsException e) {
                        pages.add(new PageLink(name, name + "/" + RunFolder.RESULTS, "a run folder whose results cannot be read: "
                                + e.getMessage(), false));
                    }
                }
                for (Path file : children(child)) {
                    boolean runReport = runFolder && file.getFileName().toString().equals(RunFolder.REPORT);
                    if (!runReport) {
                        page(file, name + "/" + file.getFileName(), written).ifPresent(nested::add);
                    }
                }
            } else if (!name.equals(RunFolder.INDEX)) {
                page(child, name, written).ifPresent(pages::add);
            }
        }
        pages.addAll(nested);
        Path index = output.resolve(RunFolder.INDEX);
        AtomicWrite.text(index, Reports.renderIndex(title, runs, failed, pages, options));
        return index;
    }

    /** Returns the link from {@code output}'s index to {@code file}, a file under {@code output}: relative, {@code /}-separated. */
    static String href(Path output, Path file) {
        return output.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** Returns the link to {@code file} when it is a crashlab page. */
    private static Optional<PageLink> page(Path file, String href, Set<String> written) {
        if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".html")) {
            return Optional.empty();
        }
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!GENERATOR.matcher(head).find()) {
            return Optional.empty();
        }
        return Optional.of(new PageLink(text(TITLE, head, href), href, text(DESCRIPTION, head, text(KICKER, head, "")),
                written.contains(href)));
    }

    /** Returns the text of {@code pattern}'s group in {@code html}, its entities decoded, or {@code otherwise}. */
    private static String text(Pattern pattern, String html, String otherwise) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            return otherwise;
        }
        // The page escaped its text; the index escapes again, so decode to avoid showing "&amp;".
        return m.group(1).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }

    /** Returns the entries of {@code folder} sorted by name; none when it is not a folder. */
    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
