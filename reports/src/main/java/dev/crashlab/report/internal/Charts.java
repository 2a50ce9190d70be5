package dev.crashlab.report.internal;

import dev.crashlab.results.MetricKind;
import dev.crashlab.results.RegimeResults;
import dev.crashlab.results.RegimeWindow;
import dev.crashlab.results.TrackedSeries;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the chart specifications that {@code report.js} draws. A time chart is
 * {@code {id, format, log, series: [{name, type, data: [[t, v], ...], ...}]}} with times in UTC
 * epoch milliseconds; the script adds zoom, hover, and the regime and crisis-window shading of the
 * page to every one. A line may be drawn as steps ({@code step}), with its points shown
 * ({@code dots}, where a value stands alone between gaps) and broken where a value is
 * {@code null}; a chart may shade more stretches ({@code shades: [{name, color, areas: [[from,
 * to], ...]}]}, each named in the legend). Lines longer than the page's point budget are
 * down-sampled with {@link Lttb}, for display only.
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

    /** Returns the format the page script draws a figure of {@code kind} in: percent, money, ratio or number. */
    public static String format(MetricKind kind) {
        return switch (kind) {
            case PERCENT -> "percent";
            case MONEY -> "money";
            case RATIO -> "ratio";
            case DAYS, COUNT -> "number";
        };
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
        return series(chart, name, "line", points(times, values, maxPoints));
    }

    /** Adds a bar series of {@code values} at {@code times}, every point kept. */
    public static ObjectNode bars(ObjectNode chart, String name, long[] times, double[] values) {
        ArrayNode data = PageJson.array();
        for (int i = 0; i < times.length; i++) {
            if (Double.isFinite(values[i])) {
                ArrayNode p = data.addArray();
                p.add(times[i]);
                PageJson.add(p, values[i]);
            }
        }
        return series(chart, name, "bar", data);
    }

    /** Adds a series of {@code type} (line, bar) drawing {@code data}, {@code [[t, v], ...]}, and returns it for further styling. */
    public static ObjectNode series(ObjectNode chart, String name, String type, ArrayNode data) {
        ObjectNode series = ((ArrayNode) chart.get("series")).addObject();
        series.put("name", name);
        series.put("type", type);
        series.set("data", data);
        return series;
    }

    /** Returns {@code [[t, v], ...]} of the finite values, down-sampled to {@code maxPoints} with LTTB. */
    public static ArrayNode points(long[] times, double[] values, int maxPoints) {
        int finite = countFinite(values);
        double[] y = new double[finite];
        long[] t = new long[finite];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                y[k] = values[i];
                t[k] = times[i];
                k++;
            }
        }
        ArrayNode data = PageJson.array();
        addSampled(data, t, y, maxPoints);
        return data;
    }

    /**
     * Returns {@code [[t, v], ...]} of a line that keeps its gaps: each run of finite values
     * down-sampled with LTTB to its share of {@code maxPoints} (by its length; every point of a
     * run within its share, at least three of a longer one), and {@code [t, null]} at the first
     * step of each gap between two runs, where a line drawn without connecting nulls breaks.
     * Many short runs can make more points than {@code maxPoints}: a gap is never dropped.
     */
    public static ArrayNode pointsWithGaps(long[] times, double[] values, int maxPoints) {
        int finite = countFinite(values);
        ArrayNode data = PageJson.array();
        int from = -1;
        int gap = -1;
        for (int i = 0; i <= values.length; i++) {
            boolean known = i < values.length && Double.isFinite(values[i]);
            if (known && from < 0) {
                if (gap >= 0) {
                    ArrayNode p = data.addArray();
                    p.add(times[gap]);
                    p.addNull();
                }
                from = i;
            } else if (!known && from >= 0) {
                int share = (int) ((long) maxPoints * (i - from) / finite);
                addSampled(data, Arrays.copyOfRange(times, from, i), Arrays.copyOfRange(values, from, i), share);
                gap = i;
                from = -1;
            }
        }
        return data;
    }

    /**
     * Returns {@code [[t, v], ...]} of a series that keeps its value until it changes, such as a
     * state: its first value, each change, the last value before each gap and at the end, and
     * {@code [t, null]} where a gap begins. A line drawn as steps through these points (each value
     * held until the next point) is the series itself, with no point left out.
     */
    public static ArrayNode steps(long[] times, double[] values) {
        ArrayNode data = PageJson.array();
        for (int s = 0; s < values.length; s++) {
            boolean known = Double.isFinite(values[s]);
            boolean knownBefore = s > 0 && Double.isFinite(values[s - 1]);
            boolean knownAfter = s + 1 < values.length && Double.isFinite(values[s + 1]);
            if (known ? !knownBefore || values[s] != values[s - 1] || !knownAfter : knownBefore) {
                ArrayNode p = data.addArray();
                p.add(times[s]);
                PageJson.add(p, values[s]);
            }
        }
        return data;
    }

    /** Returns whether some finite value stands alone between gaps: a line through it draws nothing. */
    public static boolean hasLonePoints(double[] values) {
        for (int s = 0; s < values.length; s++) {
            if (Double.isFinite(values[s]) && (s == 0 || !Double.isFinite(values[s - 1]))
                    && (s + 1 == values.length || !Double.isFinite(values[s + 1]))) {
                return true;
            }
        }
        return false;
    }

    private static int countFinite(double[] values) {
        int finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        return finite;
    }

    /** Adds the points {@code (t, y)}, down-sampled to {@code maxPoints} (at least 3) with LTTB. */
    private static void addSampled(ArrayNode data, long[] t, double[] y, int maxPoints) {
        double[] x = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            x[i] = t[i];
        }
        for (int i : Lttb.select(x, y, Math.max(3, maxPoints))) {
            ArrayNode p = data.addArray();
            p.add(t[i]);
            PageJson.add(p, y[i]);
        }
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

    /**
     * Returns the lapses of a state as shading, {@code [[from, to], ...]} in epoch milliseconds: a
     * lapse runs from its first step to the step after its last (to the last step at the end), as
     * each step stands for the time until the next.
     */
    public static ArrayNode lapses(List<TrackedSeries.Lapse> lapses, long[] times) {
        ArrayNode out = PageJson.array();
        for (TrackedSeries.Lapse l : lapses) {
            ArrayNode area = out.addArray();
            area.add(times[l.first()]);
            area.add(times[Math.min(l.last() + 1, times.length - 1)]);
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
