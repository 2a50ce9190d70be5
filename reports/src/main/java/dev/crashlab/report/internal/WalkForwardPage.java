package dev.crashlab.report.internal;

import dev.crashlab.results.CurvePoint;
import dev.crashlab.results.Metric;
import dev.crashlab.results.WalkForwardCurve;
import dev.crashlab.results.WalkForwardFold;
import dev.crashlab.results.WalkForwardResults;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the walk-forward template shows: the stitched out-of-sample equity against the
 * in-sample-optimised and fixed-parameter curves, the walk-forward efficiency, the three curves'
 * figures, the chosen parameters per fold (one drift chart per numeric parameter) and a table of
 * the folds, each saying whether its out-of-sample segment meets a crisis regime. Every figure is
 * the walk-forward's, as walkforward.json holds it.
 */
public final class WalkForwardPage {

    /** The figures of each curve the curves table lists, by {@link dev.crashlab.results.CurveMetrics} field. */
    public static final List<String> CURVE_FIGURES = List.of("totalReturn", "cagr", "sharpe", "maxDrawdown", "calmar",
            "finalEquity", "feesPaid", "liquidations");

    /**
     * A row of the folds table.
     *
     * @param index       the fold's number
     * @param inSample    its in-sample window, {@code from – to}
     * @param outOfSample its out-of-sample segment
     * @param parameters  the chosen values, in axis order, as text
     * @param chosenIn    the chosen variant's metric in sample, formatted
     * @param chosenOut   its metric out of sample, formatted
     * @param efficiency  the fold's efficiency, formatted
     * @param crisis      what crisis regimes the segment holds, or "none"
     * @param isCrisis    whether it holds one
     */
    public record FoldRow(int index, String inSample, String outOfSample, List<String> parameters, String chosenIn,
            String chosenOut, String efficiency, String crisis, boolean isCrisis) {
    }

    /**
     * A row of the curves table.
     *
     * @param name  the curve's name
     * @param texts its figures, formatted, in {@link #CURVE_FIGURES} order
     */
    public record CurveRow(String name, List<String> texts) {
    }

    private final Page page;
    private final WalkForwardResults wf;
    private final Metric metric;
    private final List<FoldRow> folds = new ArrayList<>();
    private final List<CurveRow> curves = new ArrayList<>();
    private final List<Metric> curveMetrics;
    private final String dataJson;

    /** Prepares the page of {@code wf}. */
    public WalkForwardPage(Page page, WalkForwardResults wf) {
        this.page = page;
        this.wf = wf;
        // The record guarantees a metric with a better direction.
        this.metric = Metric.of(wf.metric()).orElseThrow();
        curveMetrics = CURVE_FIGURES.stream().map(f -> Metric.of(f).orElseThrow()).toList();
        for (WalkForwardFold f : wf.folds()) {
            String crisis = f.regimes() == null ? "no regimes" : f.crisisPeriods() == 0 ? "none"
                    : String.join(", ", wf.crisisLabels().stream().filter(l -> f.regimes().get(l) > 0)
                            .map(l -> l + " (" + f.regimes().get(l) + " periods)").toList());
            folds.add(new FoldRow(f.index(), f.inSampleFrom() + " – " + f.inSampleTo(),
                    f.outOfSampleFrom() + " – " + f.outOfSampleTo(),
                    wf.axes().stream().map(a -> SweepPage.text(f.parameters().get(a.parameter()))).toList(),
                    Formats.of(metric.kind(), metric.of(f.inSample())), Formats.of(metric.kind(), metric.of(f.outOfSample())),
                    Formats.ratio(f.efficiency()), crisis, f.crisis()));
        }
        for (WalkForwardCurve c : List.of(wf.outOfSampleCurve(), wf.inSampleBestCurve(), wf.fixedCurve())) {
            curves.add(new CurveRow(c.name(), curveMetrics.stream()
                    .map(m -> Formats.of(m.kind(), c.metrics().figure(m.field()))).toList()));
        }

        List<CurvePoint> points = wf.outOfSampleCurve().points();
        long[] times = points.stream().mapToLong(p -> p.time().toEpochMilli()).toArray();
        ObjectNode data = page.baseData("walkforward", times[0], times[times.length - 1], Page.allMidnight(times), null,
                null);
        ObjectNode charts = data.putObject("charts");
        ObjectNode equity = Charts.timeChart("chart-wf-equity", "money");
        equity.put("palette", "runs");
        for (WalkForwardCurve c : List.of(wf.outOfSampleCurve(), wf.inSampleBestCurve(), wf.fixedCurve())) {
            Charts.line(equity, c.name(), times, c.equityValues(), page.maxPoints());
        }
        charts.set("equity", equity);
        ObjectNode drift = charts.putObject("drift");
        var list = drift.putArray("charts");
        for (var axis : wf.axes()) {
            if (!axis.values().stream().allMatch(JsonNode::isNumber)) {
                continue;
            }
            ObjectNode chart = Charts.timeChart("chart-drift-" + list.size(), "figure");
            long[] starts = new long[wf.folds().size() + 1];
            double[] values = new double[starts.length];
            for (int k = 0; k < wf.folds().size(); k++) {
                WalkForwardFold f = wf.folds().get(k);
                starts[k] = f.outOfSampleFrom().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                values[k] = f.parameters().get(axis.parameter()).asDouble();
            }
            // The last segment's value holds to its end.
            starts[starts.length - 1] = times[times.length - 1];
            values[values.length - 1] = values[values.length - 2];
            Charts.series(chart, "chosen " + axis.parameter(), "line", Charts.steps(starts, values)).put("step", true);
            JsonNode fixed = wf.fixedParameters().get(axis.parameter());
            if (fixed != null && fixed.isNumber()) {
                double[] constant = new double[starts.length];
                java.util.Arrays.fill(constant, fixed.asDouble());
                Charts.series(chart, "fixed " + axis.parameter(), "line", Charts.steps(starts, constant)).put("step", true);
            }
            chart.put("parameter", axis.parameter());
            list.add(chart);
        }
        dataJson = PageJson.forScript(data);
    }

    /** Returns what every page shares. */
    public Page page() {
        return page;
    }

    /**
     * Returns the page's description, which an output folder's index shows beside its link: its
     * folds, the metric that chose them, the folds meeting a crisis regime and the efficiency.
     */
    public String description() {
        String crisis = wf.regimeLabels() == null ? "no regime classifier"
                : wf.crisisFolds().size() + " of them with a crisis regime out of sample";
        return String.format(Locale.ROOT, "%d folds chosen by %s (%s); walk-forward efficiency %s", wf.folds().size(),
                wf.metric(), crisis, Formats.ratio(wf.efficiency()));
    }

    /** Returns the walk-forward's results. */
    public WalkForwardResults wf() {
        return wf;
    }

    /** Returns the metric that chose each fold's variant. */
    public Metric metric() {
        return metric;
    }

    /** Returns one row per fold. */
    public List<FoldRow> folds() {
        return folds;
    }

    /** Returns one row per curve: out of sample, in-sample-optimised, fixed. */
    public List<CurveRow> curves() {
        return curves;
    }

    /** Returns the metrics of {@link #CURVE_FIGURES}, for their labels. */
    public List<Metric> curveMetrics() {
        return curveMetrics;
    }

    /** Returns the swept parameters, in axis order. */
    public List<String> parameterNames() {
        return wf.axes().stream().map(a -> a.parameter()).toList();
    }

    /** Returns the numeric swept parameters, one drift chart each. */
    public List<String> driftParameters() {
        return wf.axes().stream().filter(a -> a.values().stream().allMatch(JsonNode::isNumber)).map(a -> a.parameter()).toList();
    }

    /** Returns a ratio with two decimals. */
    public String ratio(double value) {
        return Formats.ratio(value);
    }

    /** Returns a parameter value as text. */
    public String value(JsonNode value) {
        return SweepPage.text(value);
    }

    /** Returns the parameter values of {@code parameters} in axis order, as {@code name = value} text. */
    public String parameters(Map<String, JsonNode> parameters) {
        return String.join(", ", wf.axes().stream().map(a -> a.parameter() + " = " + value(parameters.get(a.parameter())))
                .toList());
    }

    /** Returns the sentence about crisis regimes in the out-of-sample segments. */
    public String crisisNote() {
        if (wf.regimeLabels() == null) {
            return "The run has no regime classifier, so no fold can be said to meet a crisis regime.";
        }
        if (wf.crisisLabels().isEmpty()) {
            return "The run's regime classifier has no crisis label (CRASH or LIQUIDITY_CRISIS) among " + wf.regimeLabels() + ".";
        }
        int n = wf.crisisFolds().size();
        String labels = String.join(" or ", wf.crisisLabels());
        return n == 0 ? "No fold's out-of-sample segment contains a " + labels + " regime: the walk-forward says nothing"
                + " about how the chosen parameters fare in a crisis."
                : n + " of " + wf.folds().size() + " folds' out-of-sample segments contain a " + labels + " regime.";
    }

    /** Returns the chart data as JSON safe inside a script element. */
    public String dataJson() {
        return dataJson;
    }
}
