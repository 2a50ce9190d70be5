package dev.crashlab.report;

import dev.crashlab.report.internal.ComparisonPage;
import dev.crashlab.report.internal.IndexPage;
import dev.crashlab.report.internal.Page;
import dev.crashlab.report.internal.RunPage;
import dev.crashlab.report.internal.SweepPage;
import dev.crashlab.report.internal.WalkForwardPage;
import dev.crashlab.report.internal.Templates;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.WalkForwardResults;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Renders self-contained HTML reports from results records ({@code dev.crashlab.results}): one
 * page each, which opens offline from {@code file://} and makes no network request (ECharts,
 * script and style are inlined; a Content-Security-Policy forbids loading anything). The input is
 * always the records, made in process from a run or read from its {@code results.json}, so fresh
 * runs and existing result files render the same way. Rendering writes nothing: the jobs
 * ({@code dev.crashlab.jobs}) decide where pages go and write them.
 *
 * <p>Every text taken from results (names, parameters, symbols, event messages) is HTML-escaped,
 * and chart data is embedded as script-safe JSON, never spliced into code. Chart lines are
 * down-sampled for display only; every figure in a table is the engine's, as results.json holds
 * it.
 */
public final class Reports {

    /**
     * A comparison page and an index page of the same runs, rendered together.
     *
     * @param comparison the comparison's HTML, or {@code null} when no run finished
     * @param index      the index's HTML
     */
    public record ComparisonAndIndex(String comparison, String index) {
    }

    private Reports() {
    }

    /**
     * Returns the comparison of {@code runs}, titled {@code title} and a count of the runs, and
     * their index, which links the comparison ({@code comparisonHref}, its file relative to the
     * index), then {@code pages}, beside every run's report, and names each of the {@code failed}
     * runs with its error. Without a finished run there is no comparison, and the index does not link one.
     */
    public static ComparisonAndIndex renderComparisonAndIndex(String title, List<RunLink> runs, List<RunFailure> failed,
            String comparisonHref, List<PageLink> pages, ReportOptions options) {
        List<ComparisonPage.Run> parsed = runs(runs);
        if (parsed.isEmpty()) {
            return new ComparisonAndIndex(null, renderIndexOf(title, parsed, failed, pages, options));
        }
        return new ComparisonAndIndex(renderComparisonOf(title + ", " + runs.size() + " runs compared", parsed, options),
                renderIndexOf(title, parsed, failed, Stream.concat(Stream.of(new PageLink("Comparison", comparisonHref,
                        "every run side by side: equity, drawdown and metrics")), pages.stream()).toList(), options));
    }

    /** Returns the report of one run. */
    public static String renderRun(RunResults results, ReportOptions options) {
        Objects.requireNonNull(options, "options");
        Page page = new Page(results.name() + " — crashlab report", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("run.jte", new RunPage(results, page));
    }

    /** Returns a comparison of {@code runs}, titled {@code title}. */
    public static String renderComparison(String title, List<RunLink> runs, ReportOptions options) {
        return renderComparisonOf(title, runs(runs), options);
    }

    private static String renderComparisonOf(String title, List<ComparisonPage.Run> runs, ReportOptions options) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one run");
        }
        Page page = new Page(title, options.renderedAt(), options.maxPoints(), true);
        return Templates.render("comparison.jte", new ComparisonPage(page, runs));
    }

    /** Returns an index titled {@code title} listing {@code runs} with links to their reports and {@code pages}. */
    public static String renderIndex(String title, List<RunLink> runs, List<PageLink> pages, ReportOptions options) {
        return renderIndexOf(title, runs(runs), List.of(), pages, options);
    }

    private static String renderIndexOf(String title, List<ComparisonPage.Run> runs, List<RunFailure> failed,
            List<PageLink> pages, ReportOptions options) {
        Page page = new Page(title, options.renderedAt(), options.maxPoints(), false);
        List<IndexPage.Link> links = pages.stream().map(l -> new IndexPage.Link(l.title(), l.href(), l.description()))
                .toList();
        List<IndexPage.Failure> failures = failed.stream().map(f -> new IndexPage.Failure(f.name(), f.error())).toList();
        return Templates.render("index.jte", new IndexPage(page, runs, failures, links));
    }

    /** Returns the report of a parameter sweep. */
    public static String renderSweep(SweepResults sweep, ReportOptions options) {
        Page page = new Page(sweep.name() + " — crashlab sweep", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("sweep.jte", new SweepPage(page, sweep));
    }

    /** Returns the report of a walk-forward analysis. */
    public static String renderWalkForward(WalkForwardResults walkForward, ReportOptions options) {
        Page page = new Page(walkForward.name() + " — crashlab walk-forward", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("walkforward.jte", new WalkForwardPage(page, walkForward));
    }

    private static List<ComparisonPage.Run> runs(List<RunLink> runs) {
        return runs.stream().map(l -> new ComparisonPage.Run(l.name(), l.href(), l.results(), null)).toList();
    }
}
