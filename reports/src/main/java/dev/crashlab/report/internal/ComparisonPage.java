package dev.crashlab.report.internal;

import dev.crashlab.results.Metric;
import dev.crashlab.results.Returns;
import dev.crashlab.results.RunResults;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the comparison template shows: several runs side by side, one equity chart, one drawdown
 * chart, and one metrics table with the best value of each row marked.
 */
public final class ComparisonPage {

    /**
     * A run of the comparison.
     *
     * @param name    the name shown
     * @param href    the link to its own report, or {@code null}
     * @param results its results
     * @param color   its colour on the charts
     */
    public record Run(String name, String href, RunResults results, String color) {
    }

    /**
     * A cell of the metrics table.
     *
     * @param text the formatted value
     * @param best whether it is the best of its row
     */
    public record Cell(String text, boolean best) {
    }

    /** A row of the metrics table. */
    public record Row(Metric metric, List<Cell> cells) {
    }

    /** The colours of runs on comparison charts, in order (cycled); the script uses the same. */
    public static final List<String> RUN_COLORS = List.of("#1f4e79", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
            "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22");

    private final Page page;
    private final List<Run> runs = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final String shadingSource;
    private final String dataJson;

    /** Prepares the comparison of {@code runs}: name, link and results of each. */
    public ComparisonPage(Page page, List<Run> input) {
        this.page = page;
        for (int i = 0; i < input.size(); i++) {
            Run r = input.get(i);
            runs.add(new Run(r.name(), r.href(), r.results(), RUN_COLORS.get(i % RUN_COLORS.size())));
        }
        for (Metric m : Metric.ALL) {
            double[] values = new double[runs.size()];
            int finite = 0;
            for (int i = 0; i < runs.size(); i++) {
                values[i] = m.of(runs.get(i).results().metrics());
                finite += Double.isFinite(values[i]) ? 1 : 0;
            }
            int bestIndex = m.bestOf(values);
            double best = bestIndex < 0 ? Double.NaN : values[bestIndex];
            List<Cell> cells = new ArrayList<>();
            for (double v : values) {
                cells.add(new Cell(Formats.of(m.kind(), v), m.better() != 0 && finite >= 2 && v == best));
            }
            rows.add(new Row(m, cells));
        }
        Run shadingRun = runs.stream().filter(r -> r.results().regimes() != null).findFirst().orElse(null);
        RunResults shading = shadingRun == null ? null : shadingRun.results();
        shadingSource = shadingRun == null ? null : shadingRun.name();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Run r : runs) {
            long[] t = r.results().timeMillis();
            start = Math.min(start, t[0]);
            end = Math.max(end, t[t.length - 1]);
        }
        boolean daily = shading != null ? Page.allMidnight(shading.timeMillis())
                : runs.stream().allMatch(r -> Page.allMidnight(r.results().timeMillis()));
        ObjectNode data = page.baseData("comparison", start, end, daily, shading == null ? null : shading.regimes(),
                shading == null ? null : shading.timeMillis());
        if (shading != null && shading.synthetic()) {
            // Named windows are dates of market history, not events of generated data.
            data.putArray("windows");
        }
        ObjectNode charts = data.putObject("charts");
        ObjectNode equity = Charts.timeChart("chart-equity", "money");
        equity.put("palette", "runs");
        // The index compares runs with different cash and flows fairly, as the caption says: shown first.
        equity.put("mode", "index");
        equity.put("unit", "account currency");
        equity.put("indexUnit", "index, start = 1");
        equity.put("windowLabels", true);
        ObjectNode drawdown = Charts.timeChart("chart-drawdown", "percent");
        drawdown.put("palette", "runs");
        drawdown.put("unit", "% below the running peak");
        for (Run r : runs) {
            RunResults res = r.results();
            long[] times = res.timeMillis();
            double[] index = Returns.index(res.periodReturns());
            ObjectNode s = Charts.line(equity, r.name(), times, res.equityValues(), page.maxPoints());
            s.set("index", Charts.points(times, index, page.maxPoints()));
            Charts.line(drawdown, r.name(), times, Returns.drawdown(index), page.maxPoints());
        }
        charts.set("equity", equity);
        charts.set("drawdown", drawdown);
        dataJson = PageJson.forScript(data);
    }

    /** Returns what every page shares. */
    public Page page() {
        return page;
    }

    /** Returns the runs, with their colours. */
    public List<Run> runs() {
        return runs;
    }

    /** Returns the rows of the metrics table. */
    public List<Row> rows() {
        return rows;
    }

    /** Returns the name of the run whose regimes shade the charts, or {@code null} when none has regimes. */
    public String shadingSource() {
        return shadingSource;
    }

    /** Returns whether any run had external flows, so that equity curves are not comparable as such. */
    public boolean anyContributions() {
        return runs.stream().anyMatch(r -> r.results().hasContributions());
    }

    /** Returns the chart data as JSON safe inside a script element. */
    public String dataJson() {
        return dataJson;
    }
}
