package dev.crashlab.report.internal;

import dev.crashlab.results.Metric;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.SweepVariant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the sweep template shows: a heatmap of one metric over two parameters, the best variant,
 * a table of every variant, and a warning that the best of many variants is biased upwards.
 */
public final class SweepPage {

    /** The metrics the variants table lists besides the swept one. */
    public static final List<String> TABLE_METRICS = List.of("totalReturn", "cagr", "sharpe", "maxDrawdown", "calmar",
            "trades", "liquidations");

    /**
     * A row of the variants table.
     *
     * @param index      the variant's position in the sweep, from 1
     * @param href       the link to its report, or {@code null}
     * @param parameters its parameter values as text, in {@link #parameterNames()} order
     * @param values     the raw values of {@link #tableMetrics()}
     * @param texts      the formatted values of {@link #tableMetrics()}
     * @param best       whether it is the best variant
     */
    public record Row(int index, String href, List<String> parameters, List<Double> values, List<String> texts,
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
        this.metric = Metric.of(sweep.metric()).orElseThrow(() -> new IllegalArgumentException("sweep " + sweep.name()
                + ": unknown metric '" + sweep.metric() + "'; known: "
                + Metric.ALL.stream().map(Metric::field).toList()));
        if (metric.better() == 0) {
            throw new IllegalArgumentException("sweep " + sweep.name() + ": metric '" + sweep.metric()
                    + "' has no better direction, so it cannot pick a best variant; use one of "
                    + Metric.ALL.stream().filter(m -> m.better() != 0).map(Metric::field).toList());
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(sweep.xParameter());
        names.add(sweep.yParameter());
        for (int i = 0; i < sweep.variants().size(); i++) {
            List<String> has = List.copyOf(sweep.variants().get(i).parameters().keySet());
            for (String required : List.of(sweep.xParameter(), sweep.yParameter())) {
                if (!has.contains(required)) {
                    throw new IllegalArgumentException("sweep " + sweep.name() + ": variants[" + i
                            + "] has no parameter '" + required + "' (it has " + has + ")");
                }
            }
            names.addAll(has);
        }
        parameterNames = List.copyOf(names);
        tableMetrics.add(metric);
        TABLE_METRICS.stream().filter(f -> !f.equals(metric.field())).forEach(f -> tableMetrics.add(Metric.of(f).get()));

        best = metric.bestOf(sweep.variants().stream().mapToDouble(v -> metric.of(v.metrics())).toArray());
        for (int i = 0; i < sweep.variants().size(); i++) {
            SweepVariant v = sweep.variants().get(i);
            List<String> params = parameterNames.stream().map(n -> text(v.parameters().get(n))).toList();
            List<Double> values = tableMetrics.stream().map(m -> m.of(v.metrics())).toList();
            List<String> texts = new ArrayList<>();
            for (int k = 0; k < tableMetrics.size(); k++) {
                texts.add(Formats.of(tableMetrics.get(k).kind(), values.get(k)));
            }
            rows.add(new Row(i + 1, v.report(), params, values, texts, i == best));
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
        dataJson = PageJson.forScript(data);
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

    /** Returns every parameter name, the two swept ones first. */
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
