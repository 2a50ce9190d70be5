package dev.crashlab.report.internal;

import dev.crashlab.results.RegimeResults;
import dev.crashlab.results.RegimeWindow;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the chart specifications that {@code report.js} draws. A time chart is
 * {@code {id, format, log, series: [{name, type, data: [[t, v], ...], ...}]}} with times in UTC
 * epoch milliseconds; the script adds zoom, hover, and the regime and crisis-window shading of the
 * page to every one. Lines longer than the page's point budget are down-sampled with
 * {@link Lttb}, for display only.
 */
public final class Charts {

    /** The colours of regime labels, by label index (cycled). */
    public static final List<String> REGIME_COLORS = List.of("#4daf4a", "#ff7f00", "#e41a1c", "#984ea3", "#377eb8",
            "#a65628", "#f781bf", "#999999");

    private Charts() {
    }

    /** Returns the colour of regime label {@code index}. */
    public static String regimeColor(int index) {
        return REGIME_COLORS.get(index % REGIME_COLORS.size());
    }

    /** Returns a new time chart with the given id and value format (money, percent, ratio, number, price). */
    public static ObjectNode timeChart(String id, String format) {
        ObjectNode chart = PageJson.object();
        chart.put("id", id);
        chart.put("format", format);
        chart.putArray("series");
        return chart;
    }

    /**
     * Adds a line series of {@code values} at {@code times}, non-finite values left out, at most
     * {@code maxPoints} points, and returns it for further styling.
     */
    public static ObjectNode line(ObjectNode chart, String name, long[] times, double[] values, int maxPoints) {
        ObjectNode series = ((ArrayNode) chart.get("series")).addObject();
        series.put("name", name);
        series.put("type", "line");
        series.set("data", points(times, values, maxPoints));
        return series;
    }

    /** Adds a bar series of {@code values} at {@code times}, every point kept. */
    public static ObjectNode bars(ObjectNode chart, String name, long[] times, double[] values) {
        ObjectNode series = ((ArrayNode) chart.get("series")).addObject();
        series.put("name", name);
        series.put("type", "bar");
        ArrayNode data = series.putArray("data");
        for (int i = 0; i < times.length; i++) {
            if (Double.isFinite(values[i])) {
                ArrayNode p = data.addArray();
                p.add(times[i]);
                PageJson.add(p, values[i]);
            }
        }
        return series;
    }

    /** Returns {@code [[t, v], ...]} of the finite values, down-sampled to {@code maxPoints} with LTTB. */
    public static ArrayNode points(long[] times, double[] values, int maxPoints) {
        int finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        double[] x = new double[finite];
        double[] y = new double[finite];
        long[] t = new long[finite];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                x[k] = times[i];
                y[k] = values[i];
                t[k] = times[i];
                k++;
            }
        }
        int[] kept = Lttb.select(x, y, Math.max(3, maxPoints));
        ArrayNode data = PageJson.array();
        for (int i : kept) {
            ArrayNode p = data.addArray();
            p.add(t[i]);
            PageJson.add(p, y[i]);
        }
        return data;
    }

    /**
     * Returns the regime shading of a page: {@code {labels, colors, runs: [[from, to, label], ...]}}
     * with one run per stretch of consecutive steps with the same label; a run ends where the next
     * begins (the last at the last step).
     */
    public static ObjectNode regimes(RegimeResults regimes, long[] times) {
        ObjectNode out = PageJson.object();
        ArrayNode labels = out.putArray("labels");
        ArrayNode colors = out.putArray("colors");
        for (int i = 0; i < regimes.labels().size(); i++) {
            labels.add(regimes.labels().get(i));
            colors.add(regimeColor(i));
        }
        ArrayNode runs = out.putArray("runs");
        List<Integer> of = regimes.steps();
        int from = 0;
        for (int s = 1; s <= of.size(); s++) {
            if (s == of.size() || !of.get(s).equals(of.get(from))) {
                ArrayNode run = runs.addArray();
                run.add(times[from]);
                run.add(times[Math.min(s, of.size() - 1)]);
                run.add(of.get(from));
                from = s;
            }
        }
        return out;
    }

    /** Returns the crisis windows as {@code [{name, from, to, description}]}, times in epoch milliseconds. */
    public static ArrayNode windows(List<RegimeWindow> windows) {
        ArrayNode out = PageJson.array();
        for (RegimeWindow w : windows) {
            ObjectNode o = out.addObject();
            o.put("name", w.name());
            o.put("from", w.from().toEpochDay() * 86_400_000L);
            o.put("to", (w.to().toEpochDay() + 1) * 86_400_000L - 1);
            o.put("description", w.description());
        }
        return out;
    }
}
