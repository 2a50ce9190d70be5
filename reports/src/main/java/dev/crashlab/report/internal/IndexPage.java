package dev.crashlab.report.internal;

import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.RunResults;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index template shows: every run of an output folder, with links, and its other pages,
 * each marked when the invocation rendering the index wrote it.
 */
public final class IndexPage {

    /**
     * A run of the folder, its key figures formatted.
     *
     * @param name        the name shown
     * @param href        the link to its report, or {@code null}
     * @param results     its results
     * @param totalReturn total return
     * @param cagr        CAGR
     * @param maxDrawdown max drawdown
     * @param sharpe      Sharpe ratio
     * @param finalEquity final equity
     * @param written     whether the invocation rendering the index wrote it
     */
    public record Row(String name, String href, RunResults results, String totalReturn, String cagr, String maxDrawdown,
            String sharpe, String finalEquity, boolean written) {
    }

    /** A run to list: its name, the link to its report (or {@code null}), its results, and whether it was just written. */
    public record Entry(String name, String href, RunResults results, boolean written) {
    }

    /** A link to another page of the folder, and whether the invocation rendering the index wrote it. */
    public record Link(String title, String href, String description, boolean written) {
    }

    /** A run that did not finish: its name and the error that stopped it. */
    public record Failure(String name, String error) {
    }

    private final Page page;
    private final List<Row> rows = new ArrayList<>();
    private final List<Failure> failures;
    private final List<Link> links;

    /** Prepares the index of {@code runs}, the runs that {@code failures} stopped, and {@code links}. */
    public IndexPage(Page page, List<Entry> runs, List<Failure> failures, List<Link> links) {
        this.failures = List.copyOf(failures);
        this.page = page;
        for (Entry r : runs) {
            RunMetrics m = r.results().metrics();
            rows.add(new Row(r.name(), r.href(), r.results(), Formats.percent(m.totalReturn()), Formats.percent(m.cagr()),
                    Formats.percent(m.maxDrawdown()), Formats.ratio(m.sharpe()), Formats.money(m.finalEquity()), r.written()));
        }
        this.links = List.copyOf(links);
    }

    /** Returns what every page shares. */
    public Page page() {
        return page;
    }

    /** Returns one row per run. */
    public List<Row> rows() {
        return rows;
    }

    /** Returns the runs that did not finish. */
    public List<Failure> failures() {
        return failures;
    }

    /** Returns the other pages listed. */
    public List<Link> links() {
        return links;
    }

    /** Returns how many runs the invocation rendering the index wrote (finished). */
    public long writtenRuns() {
        return rows.stream().filter(Row::written).count();
    }

    /** Returns how many runs and pages the invocation rendering the index wrote. */
    public long writtenCount() {
        return rows.stream().filter(Row::written).count() + links.stream().filter(Link::written).count();
    }

    /** Returns whether some run or page listed was not written by the invocation rendering the index. */
    public boolean anyEarlier() {
        return rows.stream().anyMatch(r -> !r.written()) || links.stream().anyMatch(l -> !l.written());
    }

    /** Returns whether any run rests on synthetic data. */
    public boolean anySynthetic() {
        return rows.stream().anyMatch(r -> r.results().synthetic());
    }

    /** Returns the (empty) chart data of the page. */
    public String dataJson() {
        return "{\"kind\":\"index\",\"charts\":{}}";
    }
}
