package dev.crashlab.report;

import dev.crashlab.data.AtomicWrite;
import dev.crashlab.report.internal.ComparisonPage;
import dev.crashlab.report.internal.IndexPage;
import dev.crashlab.report.internal.Page;
import dev.crashlab.report.internal.Results;
import dev.crashlab.report.internal.RunPage;
import dev.crashlab.report.internal.SweepPage;
import dev.crashlab.report.internal.Templates;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Writes self-contained HTML reports from {@code results.json} content: one file each, which
 * opens offline from {@code file://} and makes no network request (ECharts, script and style are
 * inlined; a Content-Security-Policy forbids loading anything). The input is always the parsed
 * results.json, so fresh runs and existing result files render the same way.
 *
 * <p>Every text taken from results (names, parameters, symbols, event messages) is HTML-escaped,
 * and chart data is embedded as script-safe JSON, never spliced into code. Files are written
 * atomically with {@link AtomicWrite}. Chart lines are down-sampled for display only; every
 * figure in a table is the engine's, as results.json holds it.
 */
public final class Reports {

    /** The file name {@link #writeIndex} writes in its folder. */
    public static final String INDEX = "index.html";

    /** The file name of the comparison the jobs write beside {@link #INDEX}. */
    static final String COMPARISON = "comparison.html";

    private Reports() {
    }

    /** Writes the report of one run to {@code html}, stamped with the current time. */
    public static void writeRun(JsonNode results, Path html) {
        writeRun(results, html, ReportOptions.now());
    }

    /** Writes the report of one run to {@code html}. */
    public static void writeRun(JsonNode results, Path html, ReportOptions options) {
        AtomicWrite.text(html, renderRun(results, options));
    }

    /** Writes a comparison of {@code runs} to {@code html}, stamped with the current time. */
    public static void writeComparison(List<RunLink> runs, Path html) {
        writeComparison("Comparison of " + runs.size() + " runs", runs, html, ReportOptions.now());
    }

    /** Writes a comparison of {@code runs}, titled {@code title}, to {@code html}. */
    public static void writeComparison(String title, List<RunLink> runs, Path html, ReportOptions options) {
        AtomicWrite.text(html, renderComparison(title, runs, options));
    }

    /** Writes {@code index.html} in {@code folder}, listing {@code runs}; returns its path. */
    public static Path writeIndex(Path folder, List<RunLink> runs) {
        return writeIndex(folder, "crashlab runs", runs, List.of(), ReportOptions.now());
    }

    /**
     * Writes {@code index.html} in {@code folder}, titled {@code title}, listing {@code runs} with
     * links to their reports and {@code pages} (comparisons, sweeps); returns its path.
     */
    public static Path writeIndex(Path folder, String title, List<RunLink> runs, List<PageLink> pages,
            ReportOptions options) {
        Path file = folder.resolve(INDEX);
        AtomicWrite.text(file, renderIndex(title, runs, pages, options));
        return file;
    }

    /**
     * Writes {@code comparison.html} and {@code index.html} into an output folder that holds
     * {@code runs}, as the jobs do, reading each run's results once for both; returns the index.
     */
    static Path writeComparisonAndIndex(Path output, String title, List<RunLink> runs, ReportOptions options) {
        List<ComparisonPage.Run> parsed = runs(runs);
        AtomicWrite.text(output.resolve(COMPARISON),
                renderComparisonOf(title + ", " + runs.size() + " runs compared", parsed, options));
        Path index = output.resolve(INDEX);
        AtomicWrite.text(index, renderIndexOf(title, parsed, List.of(new PageLink("Comparison", COMPARISON,
                "every run side by side: equity, drawdown and metrics")), options));
        return index;
    }

    /** Writes the report of a parameter sweep to {@code html}. */
    public static void writeSweep(Sweep sweep, Path html, ReportOptions options) {
        AtomicWrite.text(html, renderSweep(sweep, options));
    }

    static String renderRun(JsonNode results, ReportOptions options) {
        Objects.requireNonNull(options, "options");
        Results r = Results.of(results);
        Page page = new Page(r.name() + " — crashlab report", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("run.jte", new RunPage(r, page));
    }

    static String renderComparison(String title, List<RunLink> runs, ReportOptions options) {
        return renderComparisonOf(title, runs(runs), options);
    }

    private static String renderComparisonOf(String title, List<ComparisonPage.Run> runs, ReportOptions options) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one run");
        }
        Page page = new Page(title, options.renderedAt(), options.maxPoints(), true);
        return Templates.render("comparison.jte", new ComparisonPage(page, runs));
    }

    static String renderIndex(String title, List<RunLink> runs, List<PageLink> pages, ReportOptions options) {
        return renderIndexOf(title, runs(runs), pages, options);
    }

    private static String renderIndexOf(String title, List<ComparisonPage.Run> runs, List<PageLink> pages,
            ReportOptions options) {
        Page page = new Page(title, options.renderedAt(), options.maxPoints(), false);
        List<IndexPage.Link> links = pages.stream().map(l -> new IndexPage.Link(l.title(), l.href(), l.description()))
                .toList();
        return Templates.render("index.jte", new IndexPage(page, runs, links));
    }

    static String renderSweep(Sweep sweep, ReportOptions options) {
        Page page = new Page(sweep.name() + " — crashlab sweep", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("sweep.jte", new SweepPage(page, sweep));
    }

    private static List<ComparisonPage.Run> runs(List<RunLink> runs) {
        return runs.stream().map(l -> {
            try {
                return new ComparisonPage.Run(l.name(), l.href(), Results.of(l.results()), null);
            } catch (ReportException e) {
                throw e.inRun(l.name());
            }
        }).toList();
    }
}
