package dev.crashlab.report.internal;

import dev.crashlab.report.internal.RunPage.ChartBox;
import dev.crashlab.results.Figures;
import dev.crashlab.results.TrackedSeries;
import dev.crashlab.results.TrackedSeries.Lapse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the "Signals" section of a run's page shows of the figures and states the strategy
 * tracked (results.json {@code tracked}): a summary row for each, a chart for each of the first
 * {@link #MAX_CHARTS} (a figure as a line with gaps where it was not recorded, a state as a step
 * line of 1 and 0), each charted state's lapses (its periods not holding) as a table, and the
 * lapses of the first {@link #MAX_SHADED} states as shading on the equity chart. Every figure
 * comes from {@link TrackedSeries}; this class only formats and selects.
 */
public final class SignalsSection {

    /** The most tracked series charted; the summary lists them all. */
    public static final int MAX_CHARTS = 20;

    /** The colours of the states' shading on the equity chart, one per state shaded. */
    public static final List<String> SHADE_COLORS = List.of("#7b3294", "#c2185b", "#8c564b", "#1f78b4", "#b8860b",
            "#4d4d4d");

    /** The most states shaded on the equity chart. */
    public static final int MAX_SHADED = SHADE_COLORS.size();

    /** The most lapses listed for one state; the page says how many more there were. */
    public static final int MAX_LAPSE_ROWS = 200;

    /** A figure's row of the summary, formatted. */
    public record FigureRow(String name, String last, String min, String max, int recorded) {
    }

    /** A state's row of the summary, formatted. */
    public record StateRow(String name, String held, int lapses, int recorded) {
    }

    /** A lapse of a state, formatted: first and last step's time, steps and calendar days. */
    public record LapseRow(String from, String to, int steps, String days) {
    }

    /**
     * A charted series: its chart, and for a state its share held and its lapses.
     *
     * @param chart    the chart container, captioned with the series' name
     * @param state    whether it is a state
     * @param recorded the number of steps where it was recorded
     * @param held     a state's share of recorded steps held, formatted (empty for a figure)
     * @param lapses   a state's first {@link #MAX_LAPSE_ROWS} lapses
     * @param total    a state's number of lapses
     */
    public record Signal(ChartBox chart, boolean state, int recorded, String held, List<LapseRow> lapses, int total) {
    }

    /** A state shaded on the equity chart: the legend's name for its shading, and its colour. */
    public record Shade(String name, String color) {
    }

    private final int count;
    private final int steps;
    private final List<FigureRow> figures = new ArrayList<>();
    private final List<StateRow> states = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<Shade> shades = new ArrayList<>();
    private final ArrayNode chartSpecs = PageJson.array();
    private final ArrayNode shadeSpecs = PageJson.array();

    /** Prepares the section for {@code tracked}, of steps at {@code times}, lines of at most {@code maxPoints}. */
    public SignalsSection(List<TrackedSeries> tracked, long[] times, int maxPoints) {
        this.count = tracked.size();
        this.steps = times.length;
        for (TrackedSeries t : tracked) {
            double[] values = Figures.array(t.values());
            List<Lapse> lapses = t.lapses();
            if (t.isState()) {
                states.add(new StateRow(t.name(), Formats.percent(t.heldShare()), lapses.size(), t.recordedSteps()));
            } else {
                figures.add(new FigureRow(t.name(), Formats.figure(t.lastRecorded()), Formats.figure(t.min()),
                        Formats.figure(t.max()), t.recordedSteps()));
            }
            if (signals.size() < MAX_CHARTS) {
                ChartBox box = new ChartBox("chart-signal-" + signals.size(), t.name());
                ObjectNode chart = Charts.timeChart(box.id(), t.isState() ? "state" : "figure");
                ObjectNode line = Charts.series(chart, t.name(), "line",
                        t.isState() ? Charts.steps(times, values) : Charts.pointsWithGaps(times, values, maxPoints));
                if (t.isState()) {
                    line.put("step", true);
                }
                if (Charts.hasLonePoints(values)) {
                    line.put("dots", true);
                }
                chartSpecs.add(chart);
                List<LapseRow> rows = lapses.stream().limit(MAX_LAPSE_ROWS).map(l -> row(l, times)).toList();
                signals.add(new Signal(box, t.isState(), t.recordedSteps(), t.isState() ? Formats.percent(t.heldShare()) : "", rows,
                        lapses.size()));
            }
            if (t.isState() && shades.size() < MAX_SHADED) {
                Shade shade = new Shade(t.name() + " not holding", SHADE_COLORS.get(shades.size()));
                shades.add(shade);
                ObjectNode spec = shadeSpecs.addObject();
                spec.put("name", shade.name());
                spec.put("color", shade.color());
                spec.set("areas", Charts.lapses(lapses, times));
            }
        }
    }

    private static LapseRow row(Lapse lapse, long[] times) {
        return new LapseRow(Formats.time(Instant.ofEpochMilli(times[lapse.first()])),
                Formats.time(Instant.ofEpochMilli(times[lapse.last()])), lapse.steps(),
                Formats.days(lapse.calendarDays(times)));
    }

    /** Returns whether the strategy tracked nothing, so the page has no Signals section. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Returns the number of series tracked. */
    public int count() {
        return count;
    }

    /** Returns the number of steps of the run. */
    public int steps() {
        return steps;
    }

    /** Returns the summary rows of the figures, in the order first recorded. */
    public List<FigureRow> figures() {
        return figures;
    }

    /** Returns the summary rows of the states, in the order first recorded. */
    public List<StateRow> states() {
        return states;
    }

    /** Returns the charted series, in the order first recorded: at most {@link #MAX_CHARTS}. */
    public List<Signal> signals() {
        return signals;
    }

    /** Returns the states shaded on the equity chart: at most {@link #MAX_SHADED}. */
    public List<Shade> shades() {
        return shades;
    }

    /** Returns the number of states tracked. */
    public int stateCount() {
        return states.size();
    }

    /** Returns the chart specifications of the charted series, for {@code report.js}. */
    ArrayNode chartSpecs() {
        return chartSpecs;
    }

    /** Returns the shading of the equity chart, {@code [{name, color, areas: [[from, to], ...]}]}, for {@code report.js}. */
    ArrayNode shadeSpecs() {
        return shadeSpecs;
    }
}
