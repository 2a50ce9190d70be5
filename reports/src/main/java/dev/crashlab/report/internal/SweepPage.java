package dev.crashlab.report.internal;

import dev.crashlab.results.Metric;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.SweepSelection;
import dev.crashlab.results.SweepVariant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the sweep template shows: how far the chosen variant's figures can be trusted (its
 * probabilistic and deflated Sharpe ratios, the probability of backtest overfitting with the
 * histogram of its logits and the in-sample against out-of-sample scatter, the metric's drop to
 * the neighbouring cells and whether the chosen cell sits on the grid's edge), a heatmap of one
 * metric over two parameters, the chosen variant, and a table of every variant. Every figure is
 * the sweep's, as sweep.json holds it.
 */
public final class SweepPage {

    /** The metrics the variants table lists besides the swept one. */
    public static final List<String> TABLE_METRICS = List.of("totalReturn", "cagr", "sharpe", "maxDrawdown", "calmar",
            "trades", "liquidations");

    /**
     * A row of the variants table.
     *
     * @param index      the variant's index in the sweep, from 0 in grid order
     * @param id         its id, as the log, variants.csv and sweep.json give it
     * @param href       the link to its report, or {@code null}
     * @param parameters its parameter values as text, in {@link #parameterNames()} order
     * @param values     the raw values of {@link #tableMetrics()}
     * @param texts      the formatted values of {@link #tableMetrics()}
     * @param best       whether it is the best variant
     */
    public record Row(int index, String id, String href, List<String> parameters, List<Double> values, List<String> texts,
            boolean best) {
    }

    private final Page page;
    private final SweepResults sweep;
    private final Metric metric;
    private final List<String> parameterNames;
    private final List<Metric> tableMetrics = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final int best;
    private final int sharedCells;
    private final String dataJson;

    /** Prepares the page of {@code sweep}. */
    public SweepPage(Page page, SweepResults sweep) {
        this.page = page;
        this.sweep = sweep;
        // The record guarantees a metric with a better direction and every swept parameter in every variant.
        this.metric = Metric.of(sweep.metric()).orElseThrow();
        parameterNames = sweep.parameters();
        tableMetrics.add(metric);
        TABLE_METRICS.stream().filter(f -> !f.equals(metric.field())).forEach(f -> tableMetrics.add(Metric.of(f).get()));

        best = sweep.best();
        for (int i = 0; i < sweep.variants().size(); i++) {
            SweepVariant v = sweep.variants().get(i);
            List<String> params = parameterNames.stream().map(n -> text(v.parameters().get(n))).toList();
            List<Double> values = tableMetrics.stream().map(m -> m.of(v.metrics())).toList();
            List<String> texts = new ArrayList<>();
            for (int k = 0; k < tableMetrics.size(); k++) {
                texts.add(Formats.of(tableMetrics.get(k).kind(), values.get(k)));
            }
            rows.add(new Row(i, v.id(), v.report(), params, values, texts, i == best));
        }

        List<JsonNode> xs = axis(sweep.xParameter());
        List<JsonNode> ys = axis(sweep.yParameter());
        Map<String, Double> cells = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SweepVariant v : sweep.variants()) {
            String key = xs.indexOf(v.parameters().get(sweep.xParameter())) + ","
                    + ys.indexOf(v.parameters().get(sweep.yParameter()));
            double value = metric.of(v.metrics());
            counts.merge(key, 1, Integer::sum);
            if (Double.isFinite(value)) {
                cells.merge(key, value, (a, b) -> metric.beats(b, a) ? b : a);
            }
        }
        sharedCells = (int) counts.values().stream().filter(c -> c > 1).count();
        ObjectNode data = page.baseData("sweep", 0, 0, true, null, null);
        ObjectNode charts = data.putObject("charts");
        ObjectNode heat = charts.putObject("sweep");
        heat.put("id", "chart-sweep");
        heat.put("xName", sweep.xParameter());
        heat.put("yName", sweep.yParameter());
        heat.put("format", Charts.format(metric.kind()));
        heat.put("better", metric.better());
        // The colour scale spans the values the grid has, not 0..max: values from 0.42 to 0.81 would look alike.
        PageJson.put(heat, "min", cells.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        PageJson.put(heat, "max", cells.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        ArrayNode xa = heat.putArray("xs");
        xs.forEach(x -> xa.add(text(x)));
        ArrayNode ya = heat.putArray("ys");
        ys.forEach(y -> ya.add(text(y)));
        ArrayNode ca = heat.putArray("cells");
        cells.forEach((key, value) -> {
            String[] xy = key.split(",");
            ArrayNode cell = ca.addArray();
            cell.add(Integer.parseInt(xy[0]));
            cell.add(Integer.parseInt(xy[1]));
            PageJson.add(cell, value);
        });
        SweepSelection.Overfitting pbo = sweep.selection().overfitting();
        if (pbo.defined()) {
            ObjectNode logits = charts.putObject("logits");
            logits.put("id", "chart-logits");
            ArrayNode bins = logits.putArray("bins");
            for (SweepSelection.LogitBin b : pbo.logits()) {
                ArrayNode bin = bins.addArray();
                PageJson.add(bin, b.from());
                PageJson.add(bin, b.to());
                bin.add(b.count());
            }
            ObjectNode scatter = charts.putObject("degradation");
            scatter.put("id", "chart-degradation");
            ArrayNode points = scatter.putArray("points");
            for (int c = 0; c < pbo.inSample().size(); c++) {
                if (Double.isFinite(pbo.inSample().get(c)) && Double.isFinite(pbo.outOfSample().get(c))) {
                    ArrayNode point = points.addArray();
                    PageJson.add(point, pbo.inSample().get(c));
                    PageJson.add(point, pbo.outOfSample().get(c));
                }
            }
            PageJson.put(scatter, "slope", pbo.degradationSlope());
            PageJson.put(scatter, "intercept", pbo.degradationIntercept());
        }
        dataJson = PageJson.forScript(data);
    }

    /**
     * Returns the page's description, which an output folder's index shows beside its link: the
     * sweep's size, the chosen variant and its selection statistics.
     */
    public String description() {
        SweepSelection s = sweep.selection();
        return String.format(Locale.ROOT, "%d variants ranked by %s; the chosen one's deflated Sharpe ratio %s, PBO %s",
                sweep.variants().size(), sweep.metric(), Formats.ratio(s.deflatedSharpe()),
                Formats.ratio(s.overfitting().probability()));
    }

    /** Returns the selection statistics of the chosen variant. */
    public SweepSelection selection() {
        return sweep.selection();
    }

    /** Returns whether the figures call for caution: DSR below 0.95, PBO above 0.5, or the chosen cell on the grid's edge. */
    public boolean caution() {
        SweepSelection s = sweep.selection();
        return !(s.deflatedSharpe() >= 0.95) || s.overfitting().probability() > 0.5 || s.stability().onEdge();
    }

    /** Returns a ratio with two decimals. */
    public String two(double value) {
        return Formats.ratio(value);
    }

    /** Returns a probability with three decimals. */
    public String probability(double value) {
        return Formats.probability(value);
    }

    /** Returns a small figure (a per-period Sharpe ratio, a variance) to six significant digits. */
    public String small(double value) {
        return Formats.figure(value);
    }

    /** Returns a share as percent. */
    public String percent(double value) {
        return Formats.percent(value);
    }

    /** Returns a count with separators. */
    public String count(double value) {
        return Formats.count(value);
    }

    /** Returns a figure of the sweep's metric, formatted as the metric is. */
    public String metricText(double value) {
        return Formats.of(metric.kind(), value);
    }

    /** Returns a parameter value as text. */
    public String value(JsonNode value) {
        return text(value);
    }

    /** Returns the distinct values of {@code parameter}, numbers in numeric order, else in order of appearance. */
    private List<JsonNode> axis(String parameter) {
        List<JsonNode> values = new ArrayList<>(new LinkedHashSet<>(
                sweep.variants().stream().map(v -> v.parameters().get(parameter)).toList()));
        if (values.stream().allMatch(v -> v != null && v.isNumber())) {
            values.sort(Comparator.comparing(JsonNode::decimalValue));
        }
        return values;
    }

    /** Returns a parameter value as text: text as it is, numbers and booleans as written. */
    static String text(JsonNode value) {
        return value == null ? Formats.MISSING : value.isString() ? value.asString() : value.toString();
    }

    /** Returns what every page shares. */
    public Page page() {
        return page;
    }

    /** Returns the sweep. */
    public SweepResults sweep() {
        return sweep;
    }

    /** Returns the swept metric. */
    public Metric metric() {
        return metric;
    }

    /** Returns every swept parameter's name, in axis order. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Returns the metrics the variants table lists, the swept one first. */
    public List<Metric> tableMetrics() {
        return tableMetrics;
    }

    /** Returns one row per variant, in sweep order. */
    public List<Row> rows() {
        return rows;
    }

    /** Returns the best variant's row, or {@code null} when no variant has a value of the metric. */
    public Row best() {
        return best < 0 ? null : rows.get(best);
    }

    /** Returns how many heatmap cells stand for more than one variant (they show the best of them). */
    public int sharedCells() {
        return sharedCells;
    }

    /** Returns the chart data as JSON safe inside a script element. */
    public String dataJson() {
        return dataJson;
    }
}
