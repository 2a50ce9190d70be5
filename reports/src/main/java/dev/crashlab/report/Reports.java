package dev.crashlab.report;

import dev.crashlab.report.internal.ComparisonPage;
import dev.crashlab.report.internal.IndexPage;
import dev.crashlab.report.internal.Page;
import dev.crashlab.report.internal.RunPage;
import dev.crashlab.report.internal.StressPage;
import dev.crashlab.report.internal.SweepPage;
import dev.crashlab.report.internal.WalkForwardPage;
import dev.crashlab.report.internal.Templates;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.WalkForwardResults;
import java.util.List;
import java.util.Objects;

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

    private Reports() {
    }

    /** Returns the report of one run. */
    public static String renderRun(RunResults results, ReportOptions options) {
        Objects.requireNonNull(options, "options");
        Page page = new Page(results.name() + " — crashlab report", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("run.jte", new RunPage(results, page));
    }

    /** Returns a comparison of {@code runs}, titled {@code title}. */
    public static String renderComparison(String title, List<RunLink> runs, ReportOptions options) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one run");
        }
        Page page = new Page(title, options.renderedAt(), options.maxPoints(), true);
        return Templates.render("comparison.jte", new ComparisonPage(page, runs.stream()
                .map(l -> new ComparisonPage.Run(l.name(), l.href(), l.results(), null)).toList()));
    }

    /** Returns an index of {@code runs} and {@code pages} without failed runs: {@link #renderIndex(String, List, List, List, ReportOptions)}. */
    public static String renderIndex(String title, List<RunLink> runs, List<PageLink> pages, ReportOptions options) {
        return renderIndex(title, runs, List.of(), pages, options);
    }

    /**
     * Returns an index titled {@code title} listing {@code runs} with links to their reports,
     * the {@code failed} runs each with its error, and {@code pages}, marking those the rendering
     * invocation wrote ({@link RunLink#written()}, {@link PageLink#written()}).
     */
    public static String renderIndex(String title, List<RunLink> runs, List<RunFailure> failed, List<PageLink> pages,
            ReportOptions options) {
        Page page = new Page(title, options.renderedAt(), options.maxPoints(), false);
        List<IndexPage.Entry> entries = runs.stream()
                .map(l -> new IndexPage.Entry(l.name(), l.href(), l.results(), l.written())).toList();
        List<IndexPage.Failure> failures = failed.stream().map(f -> new IndexPage.Failure(f.name(), f.error())).toList();
        List<IndexPage.Link> links = pages.stream()
                .map(l -> new IndexPage.Link(l.title(), l.href(), l.description(), l.written())).toList();
        return Templates.render("index.jte", new IndexPage(page, entries, failures, links));
    }

    /** Returns the report of a parameter sweep. */
    public static String renderSweep(SweepResults sweep, ReportOptions options) {
        Page page = new Page(sweep.name() + " — crashlab sweep", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("sweep.jte", new SweepPage(page, sweep));
    }

    /** Returns the page of a run's stress paths: an equity fan, a histogram per figure, probabilities and quantiles. */
    public static String renderStress(StressResults stress, ReportOptions options) {
        Page page = new Page(stress.name() + " — crashlab stress paths", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("stress.jte", new StressPage(page, stress));
    }

    /** Returns the report of a walk-forward analysis. */
    public static String renderWalkForward(WalkForwardResults walkForward, ReportOptions options) {
        Page page = new Page(walkForward.name() + " — crashlab walk-forward", options.renderedAt(), options.maxPoints(), true);
        return Templates.render("walkforward.jte", new WalkForwardPage(page, walkForward));
    }
}
