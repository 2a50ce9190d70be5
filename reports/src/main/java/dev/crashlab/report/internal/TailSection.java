package dev.crashlab.report.internal;

import dev.crashlab.results.BenchmarkResults;
import dev.crashlab.results.CrisisBenchmark;
import dev.crashlab.results.CrisisMetrics;
import dev.crashlab.results.DrawdownRow;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.RegimeResults;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.TailFigures;
import dev.crashlab.results.TailMetric;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the "Tail risk and crises" section of a run's page shows: the tail and pain figures
 * (results.json {@code tail}) of the run, its benchmark and each regime side by side, the
 * distribution of drawdown durations ({@link TailFigures#durationCounts}) and each episode's time
 * under water against its depth as charts, and the crisis scorecard ({@code crises}), one row per
 * window scored, a window outside the run's data included and said so. Every number comes from
 * the results records; this class only formats and selects.
 */
public final class TailSection {

    /** The id of the chart of drawdown durations. */
    public static final String DURATIONS_CHART = "chart-dd-durations";

    /** The id of the chart of time under water against depth. */
    public static final String RECOVERY_CHART = "chart-dd-recovery";

    /** A column of the tail table: whose figures, and the colour chip of a regime (empty otherwise). */
    public record Column(String name, String color) {
    }

    /** A row of the tail table: the figure, and its value in each column, formatted. */
    public record FigureRow(TailMetric metric, List<String> values) {
    }

    /**
     * A row of the crisis scorecard, formatted; a window the run's data does not reach has only
     * its name, dates and coverage.
     *
     * @param name          the window's name
     * @param builtIn       whether it is built in (else it is the config's)
     * @param from          its first day
     * @param to            its last day
     * @param description   what happened
     * @param coverage      full, partial or none
     * @param periods       the period returns within it
     * @param totalReturn   the run's return over it
     * @param benchReturn   the benchmark's (empty without one)
     * @param maxDrawdown   the run's deepest drawdown within it
     * @param daysToRecover days after its last close until the run was back at its level before it
     * @param cvar95        the run's CVaR 95 % over its periods
     * @param liquidations  liquidations within it
     * @param fundingPaid   carry charged within it
     * @param heldBack      orders held back within it
     * @param negative      whether the run's return was below 0, for colouring
     */
    public record CrisisRow(String name, boolean builtIn, String from, String to, String description, String coverage,
            int periods, String totalReturn, String benchReturn, String maxDrawdown, String daysToRecover, String cvar95,
            int liquidations, String fundingPaid, int heldBack, boolean negative) {

        /** Returns whether the run's data reaches into the window, so the row has figures. */
        public boolean covered() {
            return !CrisisMetrics.NONE.equals(coverage);
        }
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<FigureRow> figures = new ArrayList<>();
    private final List<CrisisRow> crises = new ArrayList<>();
    private final int episodes;
    private final boolean charted;
    private final ObjectNode durationChart;
    private final ObjectNode recoveryChart;

    /** Prepares the section for {@code results}. */
    public TailSection(RunResults results) {
        BenchmarkResults bench = results.benchmark();
        List<TailFigures> tails = new ArrayList<>();
        columns.add(new Column("Strategy", ""));
        tails.add(results.tail());
        if (bench != null) {
            columns.add(new Column(bench.name(), ""));
            tails.add(bench.tail());
        }
        RegimeResults regimes = results.regimes();
        if (regimes != null) {
            for (RegimeMetrics m : regimes.metrics()) {
                columns.add(new Column(m.label(), Charts.regimeColor(Math.max(0, regimes.labels().indexOf(m.label())))));
                tails.add(m.tail());
            }
        }
        for (TailMetric metric : TailMetric.ALL) {
            figures.add(new FigureRow(metric, tails.stream().map(t -> Formats.of(metric.kind(), metric.of(t))).toList()));
        }
        for (CrisisMetrics c : results.crises()) {
            CrisisBenchmark b = c.benchmark();
            crises.add(new CrisisRow(c.name(), c.builtIn(), c.from().toString(), c.to().toString(), c.description(),
                    c.coverage(), c.periods(), Formats.percent(c.totalReturn()),
                    b == null ? "" : Formats.percent(b.totalReturn()), Formats.percent(c.maxDrawdown()), recovery(c),
                    Formats.percent(c.tail().cvar95()), c.liquidations(), Formats.money(c.fundingPaid()), c.heldBack(),
                    c.totalReturn() < 0));
        }
        episodes = results.tail().drawdowns().size();
        charted = episodes > 0 || bench != null && !bench.tail().drawdowns().isEmpty();

        durationChart = PageJson.object();
        durationChart.put("id", DURATIONS_CHART);
        durationChart.put("format", "count");
        ArrayNode bins = durationChart.putArray("years");
        binLabels().forEach(bins::add);
        ArrayNode durations = durationChart.putArray("series");
        durations(durations, "Strategy", "main", results.tail());
        if (bench != null) {
            durations(durations, bench.name(), "benchmark", bench.tail());
        }

        recoveryChart = PageJson.object();
        recoveryChart.put("id", RECOVERY_CHART);
        ArrayNode recovery = recoveryChart.putArray("series");
        episodes(recovery, "Strategy", "main", results.tail());
        if (bench != null) {
            episodes(recovery, bench.name(), "benchmark", bench.tail());
        }
    }

    private static String recovery(CrisisMetrics c) {
        if (c.periods() == 0) {
            return Formats.MISSING;
        }
        return Double.isNaN(c.daysToRecover()) ? "not recovered" : Formats.days(c.daysToRecover());
    }

    /** Returns the labels of the duration bins, {@link TailFigures#DURATION_BINS} as ranges of days. */
    static List<String> binLabels() {
        List<Double> ends = TailFigures.DURATION_BINS;
        List<String> out = new ArrayList<>();
        for (int k = 0; k <= ends.size(); k++) {
            String low = k == 0 ? "0" : Formats.count(ends.get(k - 1));
            out.add(k == ends.size() ? "≥ " + low + " d" : low + "–" + Formats.count(ends.get(k)) + " d");
        }
        return out;
    }

    private static void durations(ArrayNode series, String name, String role, TailFigures tail) {
        ObjectNode s = series.addObject();
        s.put("name", name);
        s.put("role", role);
        ArrayNode data = s.putArray("data");
        for (int count : tail.durationCounts()) {
            data.add(count);
        }
    }

    /**
     * Adds two scatter series of {@code tail}'s episodes, {@code [depth, days under water, peak
     * time]}: the recovered ones, and those not recovered by the end (their days counted to the
     * end, so a lower bound).
     */
    private static void episodes(ArrayNode series, String name, String role, TailFigures tail) {
        ArrayNode recovered = PageJson.array();
        ArrayNode open = PageJson.array();
        for (DrawdownRow d : tail.drawdowns()) {
            ArrayNode point = (d.recovered() ? recovered : open).addArray();
            PageJson.add(point, d.depth());
            PageJson.add(point, d.underwaterDays());
            point.add(d.peak().toEpochMilli());
        }
        ObjectNode r = series.addObject();
        r.put("name", name);
        r.put("role", role);
        r.set("data", recovered);
        if (!open.isEmpty()) {
            ObjectNode o = series.addObject();
            o.put("name", name + ", not recovered");
            o.put("role", role);
            o.put("open", true);
            o.set("data", open);
        }
    }

    /** Returns the columns of the tail table: the strategy, its benchmark, then each regime. */
    public List<Column> columns() {
        return columns;
    }

    /** Returns the rows of the tail table, in {@link TailMetric#ALL}'s order. */
    public List<FigureRow> figures() {
        return figures;
    }

    /** Returns the crisis scorecard's rows, in the order scored. */
    public List<CrisisRow> crises() {
        return crises;
    }

    /** Returns the number of the run's drawdown episodes. */
    public int episodes() {
        return episodes;
    }

    /**
     * Returns whether the strategy's or the benchmark's index ever fell below a peak, so that the
     * drawdown charts have a point to show; without, the page says so instead of drawing empty axes.
     */
    public boolean charted() {
        return charted;
    }

    /** Returns the windows scored that the run's data does not reach. */
    public List<CrisisRow> outside() {
        return crises.stream().filter(c -> !c.covered()).toList();
    }

    /** Returns the chart of drawdown durations, for {@code report.js}'s category bars. */
    ObjectNode durationChart() {
        return durationChart;
    }

    /** Returns the chart of time under water against depth, for {@code report.js}. */
    ObjectNode recoveryChart() {
        return recoveryChart;
    }
}
