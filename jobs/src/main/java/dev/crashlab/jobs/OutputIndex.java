package dev.crashlab.jobs;

import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.report.PageLink;
import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
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
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code index.html} of an output folder: every run folder present (a child folder holding a
 * {@code results.json}) and every other crashlab page in it or one folder down (comparison,
 * sweep, stress, walk-forward, whatever a job writes), found by their files, so a page a new job
 * writes is listed without a change here. Runs and pages the calling invocation wrote are marked.
 *
 * <p>A page is a crashlab page when its head names crashlab as generator; its title is the page's
 * {@code <title>} and its description the kicker above its heading ("crashlab sweep"). A run
 * folder whose {@code results.json} cannot be read is listed among the pages with the error,
 * so one stale or broken folder does not hide the others.
 */
final class OutputIndex {

    /** How much of a page is read to find its title and kicker: both stand before the inlined scripts. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final Pattern GENERATOR = Pattern.compile("<meta name=\"generator\" content=\"crashlab");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern KICKER = Pattern.compile("<div class=\"kicker\">(.*?)</div>", Pattern.DOTALL);

    private OutputIndex() {
    }

    /**
     * Writes {@code output/index.html}, titled {@code title}, listing what the folder holds;
     * {@code written} are the paths, relative to {@code output} with {@code /} separators
     * ({@code dca/report.html}, {@code comparison.html}), that the calling invocation wrote.
     * Returns the index.
     */
    static Path write(Path output, String title, Set<String> written, ReportOptions options) {
        List<RunLink> runs = new ArrayList<>();
        List<PageLink> pages = new ArrayList<>();
        List<PageLink> nested = new ArrayList<>();
        List<String> runFolders = new ArrayList<>();
        for (Path child : children(output)) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                if (Files.isRegularFile(child.resolve(RunFolder.RESULTS))) {
                    String href = name + "/" + RunFolder.REPORT;
                    try {
                        RunResults results = RunFolder.read(child);
                        runs.add(new RunLink(results.name(), results, Files.isRegularFile(child.resolve(RunFolder.REPORT))
                                ? href : null, written.contains(href)));
                        runFolders.add(name);
                    } catch (ResultsException e) {
                        pages.add(new PageLink(name, name + "/" + RunFolder.RESULTS, "a run folder whose results cannot be read: "
                                + e.getMessage(), false));
                    }
                }
                for (Path file : children(child)) {
                    String href = name + "/" + file.getFileName();
                    boolean runReport = runFolders.contains(name) && file.getFileName().toString().equals(RunFolder.REPORT);
                    if (!runReport) {
                        page(file, href, written).ifPresent(nested::add);
                    }
                }
            } else if (!name.equals(RunFolder.INDEX)) {
                page(child, name, written).ifPresent(pages::add);
            }
        }
        pages.addAll(nested);
        Path index = output.resolve(RunFolder.INDEX);
        AtomicWrite.text(index, Reports.renderIndex(title, runs, pages, options));
        return index;
    }

    /** Returns the link to {@code file} when it is a crashlab page. */
    private static java.util.Optional<PageLink> page(Path file, String href, Set<String> written) {
        if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".html")) {
            return java.util.Optional.empty();
        }
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!GENERATOR.matcher(head).find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new PageLink(text(TITLE, head, href), href, text(KICKER, head, ""),
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
