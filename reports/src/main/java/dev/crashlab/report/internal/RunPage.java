package dev.crashlab.report.internal;

import dev.crashlab.results.BenchmarkResults;
import dev.crashlab.results.Candle;
import dev.crashlab.results.CandleSeries;
import dev.crashlab.results.EventRow;
import dev.crashlab.results.FillRow;
import dev.crashlab.results.InstrumentInfo;
import dev.crashlab.results.MaintenanceTier;
import dev.crashlab.results.MarginTerms;
import dev.crashlab.results.Metric;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.RegimeResults;
import dev.crashlab.results.Returns;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.SeriesPoint;
import dev.crashlab.results.SeriesRead;
import dev.crashlab.results.TradeRow;
import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the single-run template shows, prepared from one run's results records: formatted metric rows,
 * the worst drawdowns, per-regime rows, the Signals section ({@link SignalsSection}), the tail risk
 * and crisis scorecard section ({@link TailSection}), and the chart data (as script-safe JSON).
 */
public final class RunPage {

    /** The trailing window of the rolling Sharpe ratio and volatility, calendar days. */
    public static final int ROLLING_DAYS = 90;

    /** The bin width of the histogram of per-step (daily) returns: half a percentage point. */
    public static final double STEP_BIN_WIDTH = 0.005;

    /** The bin width of the histogram of monthly returns: two and a half percentage points. */
    public static final double MONTH_BIN_WIDTH = 0.025;

    /** How many drawdown episodes are listed beside the drawdown chart. */
    public static final int WORST_DRAWDOWNS = 5;

    /** The most events listed; the page says how many more there were. */
    public static final int MAX_EVENTS = 2_000;

    /** The 8-hour funding periods in a 365-day year: a funding rate is charged for every 8 hours a short is held. */
    public static final int FUNDING_PERIODS_PER_YEAR = 3 * 365;

    /** How the warnings of a run allowed to use instruments outside their data ({@code allowPartialData}) end. */
    public static final String PARTIAL_DATA_MARK = "(allowPartialData)";

    /**
     * A row of the metrics table.
     *
     * @param metric    the metric
     * @param footnote  its number in the definitions list
     * @param strategy  the strategy's value, formatted
     * @param benchmark the benchmark's value, formatted (empty without a benchmark)
     */
    public record MetricRow(Metric metric, int footnote, String strategy, String benchmark) {
    }

    /** A group of rows of the metrics table. */
    public record MetricGroup(String name, List<MetricRow> rows) {
    }

    /** A drawdown episode, formatted. */
    public record DrawdownRow(String depth, String peak, String trough, String recovery, String days) {
    }

    /** A row of the per-regime table, formatted. */
    public record RegimeRow(String label, String color, int steps, String share, String totalReturn, String maxDrawdown,
            String timeInMarket) {
    }

    /** A chart container: its element id and caption. */
    public record ChartBox(String id, String caption) {
    }

    private final RunResults results;
    private final Map<String, String> parameters;
    private final Page page;
    private final List<MetricRow> metrics = new ArrayList<>();
    private final List<DrawdownRow> worstDrawdowns = new ArrayList<>();
    private final List<RegimeRow> regimeRows = new ArrayList<>();
    private final List<ChartBox> priceCharts = new ArrayList<>();
    private final List<ChartBox> seriesCharts = new ArrayList<>();
    private final List<ChartBox> candleCharts = new ArrayList<>();
    private final SignalsSection signals;
    private final TailSection tail;
    private final StudiesSection studies;
    private final PathSection pathSensitivity;
    private final int rollingSteps;
    private final String dataJson;

    /** Prepares the page of {@code results}. */
    public RunPage(RunResults results, Page page) {
        this.results = results;
        this.page = page;
        this.parameters = results.strategy().parameterTexts();
        this.studies = new StudiesSection(results);
        this.pathSensitivity = new PathSection(results.path().sensitivity());
        BenchmarkResults bench = results.benchmark();
        int footnote = 1;
        for (Metric m : Metric.ALL) {
            String b = bench == null ? "" : Formats.of(m.kind(), m.of(bench.metrics()));
            metrics.add(new MetricRow(m, footnote++, Formats.of(m.kind(), m.of(results.metrics())), b));
        }
        long[] times = results.timeMillis();
        double[] equityValues = results.equityValues();
        double[] contributions = results.contributionValues();
        double[] returns = results.periodReturns();
        double[] index = Returns.index(returns);
        double[] drawdown = Returns.drawdown(index);
        for (Returns.Drawdown d : Returns.worstDrawdowns(times, index, WORST_DRAWDOWNS)) {
            worstDrawdowns.add(new DrawdownRow(Formats.percent(d.depth()), date(times[d.peak()]), date(times[d.trough()]),
                    d.recovery() < 0 ? "not recovered" : date(times[d.recovery()]), Formats.days(d.days())));
        }
        RegimeResults regimes = results.regimes();
        if (regimes != null) {
            // A regime's steps are the periods credited to it (N - 1 in all), so its share is of the periods.
            int periods = results.steps() - 1;
            for (RegimeMetrics s : regimes.metrics()) {
                int i = regimes.labels().indexOf(s.label());
                regimeRows.add(new RegimeRow(s.label(), Charts.regimeColor(Math.max(0, i)), s.steps(),
                        Formats.percent(periods > 0 ? s.steps() / (double) periods : Double.NaN), Formats.percent(s.totalReturn()),
                        Formats.percent(s.maxDrawdown()), Formats.percent(s.timeInMarket())));
            }
        }
        double periodsPerYear = results.period().periodsPerYear();
        double ppy = Double.isFinite(periodsPerYear) && periodsPerYear > 0 ? periodsPerYear : 252;
        rollingSteps = Returns.stepsIn(ROLLING_DAYS, ppy);

        int max = page.maxPoints();
        ObjectNode data = page.baseData("run", times[0], times[times.length - 1], Page.allMidnight(times), regimes, times);
        if (results.synthetic()) {
            // The named windows are dates of market history; drawn over generated data they would
            // claim events the sample does not hold.
            data.putArray("windows");
        }
        ObjectNode charts = data.putObject("charts");
        String currency = accountCurrency();

        ObjectNode equity = Charts.timeChart("chart-equity", "money");
        equity.put("unit", currency);
        equity.put("windowLabels", true);
        Charts.line(equity, "Strategy", times, equityValues, max).put("role", "main");
        double[] benchReturns = results.benchmarkPeriodReturns();
        double[] benchIndex = null;
        if (bench != null) {
            Charts.line(equity, bench.name(), times, bench.equityValues(), max).put("role", "benchmark");
            benchIndex = Returns.index(benchReturns);
        }
        if (results.hasContributions()) {
            double initial = results.account().initialCash();
            double[] invested = new double[times.length];
            for (int s = 0; s < times.length; s++) {
                invested[s] = (Double.isFinite(initial) ? initial : 0) + contributions[s];
            }
            Charts.line(equity, "Net invested", times, invested, max).put("role", "invested");
        }
        signals = new SignalsSection(results.tracked(), times, max);
        if (!signals.shades().isEmpty()) {
            equity.set("shades", signals.shadeSpecs());
        }
        charts.set("equity", equity);

        ObjectNode dd = Charts.timeChart("chart-drawdown", "percent");
        dd.put("unit", "% below the running peak");
        Charts.line(dd, "Strategy", times, drawdown, max).put("role", "main").put("area", true);
        if (benchIndex != null) {
            Charts.line(dd, bench.name(), times, Returns.drawdown(benchIndex), max).put("role", "benchmark");
        }
        charts.set("drawdown", dd);

        ObjectNode exposure = Charts.timeChart("chart-exposure", "percent");
        exposure.put("unit", "% of equity");
        int n = times.length;
        double[] longShare = new double[n];
        double[] shortShare = new double[n];
        double[] leverage = new double[n];
        double[] longs = results.longExposures();
        double[] shorts = results.shortExposures();
        for (int s = 0; s < n; s++) {
            double e = equityValues[s];
            boolean ok = e > 0;
            longShare[s] = ok ? longs[s] / e : Double.NaN;
            shortShare[s] = ok ? -shorts[s] / e : Double.NaN;
            leverage[s] = ok ? (longs[s] + shorts[s]) / e : Double.NaN;
        }
        Charts.line(exposure, "Long", times, longShare, max).put("role", "long").put("area", true);
        Charts.line(exposure, "Short", times, shortShare, max).put("role", "short").put("area", true);
        Charts.line(exposure, "Gross leverage", times, leverage, max).put("role", "leverage");
        charts.set("exposure", exposure);

        ObjectNode rolling = Charts.timeChart("chart-rolling", "ratio");
        double[][] roll = Returns.rolling(returns, rollingSteps, ppy, results.metrics().riskFreeRate());
        Charts.line(rolling, "Sharpe (" + ROLLING_DAYS + "d)", times, roll[0], max).put("role", "main");
        Charts.line(rolling, "Volatility (" + ROLLING_DAYS + "d)", times, roll[1], max).put("role", "volatility")
                .put("axis", 1);
        rolling.put("secondFormat", "percent");
        rolling.put("unit", "Sharpe ratio, annualised");
        rolling.put("secondUnit", "volatility, % a year");
        charts.set("rolling", rolling);

        ArrayNode prices = charts.putArray("prices");
        int p = 0;
        for (String symbol : results.tradedSymbols()) {
            double[] closes = results.priceValues(symbol);
            ChartBox box = new ChartBox("chart-price-" + p++, symbol);
            priceCharts.add(box);
            ObjectNode chart = Charts.timeChart(box.id(), "price");
            chart.put("unit", quoteCurrency(symbol));
            if (closes != null) {
                Charts.line(chart, symbol, times, closes, max).put("role", "price");
            }
            addMarkers(chart, symbol);
            prices.add(chart);
        }
        ArrayNode candles = charts.putArray("candles");
        if (results.candles() != null) {
            int c = 0;
            for (CandleSeries series : results.candles().series()) {
                if (series.bars().isEmpty()) {
                    continue;
                }
                ChartBox box = new ChartBox("chart-candles-" + c++, series.symbol());
                candleCharts.add(box);
                candles.add(candleChart(box.id(), series));
            }
        }
        ArrayNode flows = charts.putArray("series");
        int q = 0;
        for (Map.Entry<String, SeriesRead> s : results.series().entrySet()) {
            ChartBox box = new ChartBox("chart-series-" + q++, s.getKey());
            seriesCharts.add(box);
            ObjectNode chart = Charts.timeChart(box.id(), "number");
            chart.put("unit", s.getValue().unit().isEmpty() ? "no unit declared" : s.getValue().unit());
            List<SeriesPoint> points = s.getValue().values();
            long[] dates = new long[points.size()];
            double[] values = new double[points.size()];
            for (int i = 0; i < values.length; i++) {
                dates[i] = points.get(i).date().toEpochDay() * 86_400_000L;
                values[i] = dates[i] < times[0] || dates[i] > times[n - 1] ? Double.NaN : points.get(i).value();
            }
            Charts.bars(chart, s.getKey(), dates, values).put("role", "flow");
            flows.add(chart);
        }
        if (!signals.isEmpty()) {
            charts.set("signals", signals.chartSpecs());
        }

        if (benchReturns != null) {
            ObjectNode beta = Charts.timeChart("chart-beta", "ratio");
            beta.put("unit", "beta to " + bench.name());
            Charts.line(beta, "Beta (" + ROLLING_DAYS + "d)", times, Returns.rollingBeta(returns, benchReturns, rollingSteps),
                    max).put("role", "main");
            charts.set("beta", beta);
        }
        if (!results.trades().isEmpty()) {
            charts.set("tradePnl", tradePnl(currency));
        }
        double[] stepReturns = java.util.Arrays.copyOfRange(returns, Math.min(1, returns.length), returns.length);
        boolean daily = Page.allMidnight(times);
        charts.set("stepDistribution", distribution("chart-returns-step", Returns.histogram(stepReturns, STEP_BIN_WIDTH),
                daily ? "daily return" : "return per step", daily ? "days" : "steps"));
        double[] monthReturns = Returns.monthly(times, returns).values().stream().mapToDouble(Double::doubleValue).toArray();
        charts.set("monthDistribution", distribution("chart-returns-month", Returns.histogram(monthReturns, MONTH_BIN_WIDTH),
                "monthly return", "months"));
        charts.set("monthly", monthly(times, returns));
        charts.set("yearly", yearly(times, returns, benchReturns, bench == null ? null : bench.name()));
        tail = new TailSection(results);
        if (tail.charted()) {
            charts.set("durations", tail.durationChart());
            charts.set("recovery", tail.recoveryChart());
        }
        dataJson = PageJson.forScript(data);
    }

    /**
     * Returns the candlestick chart of {@code series}: its bars as {@code [t, open, close, low,
     * high]} over the window's time range, its overlays as lines, and the fills as markers.
     */
    private ObjectNode candleChart(String id, CandleSeries series) {
        ObjectNode chart = Charts.timeChart(id, "price");
        chart.put("unit", quoteCurrency(series.symbol()));
        chart.put("from", results.candles().from().toEpochMilli());
        chart.put("to", results.candles().to().toEpochMilli());
        ArrayNode bars = PageJson.array();
        for (Candle c : series.bars()) {
            ArrayNode bar = bars.addArray();
            bar.add(c.time().toEpochMilli());
            PageJson.add(bar, c.open());
            PageJson.add(bar, c.close());
            PageJson.add(bar, c.low());
            PageJson.add(bar, c.high());
        }
        Charts.series(chart, series.symbol(), "candlestick", bars).put("role", "candles");
        long[] times = series.bars().stream().mapToLong(c -> c.time().toEpochMilli()).toArray();
        int palette = 0;
        for (Map.Entry<String, List<Double>> o : series.overlays().entrySet()) {
            double[] values = o.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            Charts.line(chart, o.getKey(), times, values, page.maxPoints()).put("role", "overlay-" + palette++);
        }
        addMarkers(chart, series.symbol());
        return chart;
    }

    /**
     * The marker series of fills, by kind, with their legend names: a fill that takes a position
     * across zero (long to short, short to long) is a flip, named for both sides it trades.
     */
    private static final Map<String, String> MARKER_NAMES = markerNames();

    private static Map<String, String> markerNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("buy", "Buy");
        names.put("sell", "Sell");
        names.put("short", "Short");
        names.put("cover", "Cover");
        names.put("sell-short", "Sell → Short");
        names.put("cover-buy", "Cover → Buy");
        names.put("liquidation", "Liquidation");
        return java.util.Collections.unmodifiableMap(names);
    }

    /** Adds the fills of {@code symbol} as marker series: buy, sell, short, cover, the two flips and liquidation. */
    private void addMarkers(ObjectNode chart, String symbol) {
        Map<String, ArrayNode> byKind = new java.util.LinkedHashMap<>();
        for (String kind : MARKER_NAMES.keySet()) {
            byKind.put(kind, PageJson.array());
        }
        Map<String, Double> held = new HashMap<>();
        for (FillRow f : results.fills()) {
            double before = held.getOrDefault(f.symbol(), 0.0);
            held.put(f.symbol(), before + f.quantity());
            if (!f.symbol().equals(symbol)) {
                continue;
            }
            double after = before + f.quantity();
            String kind;
            if ("liquidation".equals(f.kind())) {
                kind = "liquidation";
            } else if (f.quantity() > 0) {
                kind = before < 0 ? (after > 0 ? "cover-buy" : "cover") : "buy";
            } else {
                kind = before > 0 ? (after < 0 ? "sell-short" : "sell") : "short";
            }
            ArrayNode point = byKind.get(kind).addArray();
            point.add(f.time().toEpochMilli());
            PageJson.add(point, f.price());
            PageJson.add(point, Math.abs(f.quantity()));
            PageJson.add(point, f.fee());
            point.add(f.tag());
        }
        ArrayNode series = (ArrayNode) chart.get("series");
        byKind.forEach((kind, points) -> {
            if (!points.isEmpty()) {
                ObjectNode s = series.addObject();
                s.put("name", MARKER_NAMES.get(kind));
                s.put("type", "scatter");
                s.put("role", kind);
                s.set("data", points);
            }
        });
    }

    /**
     * Returns the per-trade P&L chart: one bar per trade at its exit (the end of the run for an
     * open trade), its P&L after fees and carry, in the account currency.
     */
    private ObjectNode tradePnl(String currency) {
        List<TradeRow> trades = results.trades().stream()
                .sorted(java.util.Comparator.comparing(TradeRow::exitTime)).toList();
        long[] exits = new long[trades.size()];
        double[] pnl = new double[trades.size()];
        for (int k = 0; k < exits.length; k++) {
            exits[k] = trades.get(k).exitTime().toEpochMilli();
            pnl[k] = trades.get(k).pnl();
        }
        ObjectNode chart = Charts.timeChart("chart-trade-pnl", "money");
        chart.put("unit", "P&L per trade, " + currency);
        Charts.bars(chart, "Trade P&L", exits, pnl).put("role", "pnl");
        return chart;
    }

    /** Returns a histogram chart: its bins' lower edges (fractions), their counts, and the names of its axes. */
    private static ObjectNode distribution(String id, Returns.Histogram h, String what, String counted) {
        ObjectNode out = PageJson.object();
        out.put("id", id);
        out.put("xName", what + ", % (bin's lower edge)");
        out.put("yName", counted);
        out.put("width", h.width());
        ArrayNode bins = out.putArray("bins");
        for (int k = 0; k < h.counts().length; k++) {
            ArrayNode bin = bins.addArray();
            PageJson.add(bin, h.from() + k * h.width());
            bin.add(h.counts()[k]);
        }
        out.put("total", h.total());
        return out;
    }

    private static ObjectNode monthly(long[] times, double[] returns) {
        Map<Integer, Double> months = Returns.monthly(times, returns);
        TreeSet<Integer> years = new TreeSet<>();
        months.keySet().forEach(k -> years.add(k / 12));
        List<Integer> yearList = new ArrayList<>(years);
        ObjectNode out = PageJson.object();
        out.put("id", "chart-monthly");
        ArrayNode ys = out.putArray("years");
        yearList.forEach(y -> ys.add(String.valueOf(y)));
        ArrayNode ms = out.putArray("months");
        for (Month m : Month.values()) {
            ms.add(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        ArrayNode cells = out.putArray("cells");
        months.forEach((key, r) -> {
            ArrayNode cell = cells.addArray();
            cell.add(key % 12);
            cell.add(yearList.indexOf(key / 12));
            PageJson.add(cell, r);
        });
        return out;
    }

    private static ObjectNode yearly(long[] times, double[] returns, double[] benchReturns, String benchName) {
        Map<Integer, Double> years = Returns.yearly(times, returns);
        ObjectNode out = PageJson.object();
        out.put("id", "chart-yearly");
        ArrayNode ys = out.putArray("years");
        years.keySet().forEach(y -> ys.add(String.valueOf(y)));
        ArrayNode series = out.putArray("series");
        ObjectNode main = series.addObject();
        main.put("name", "Strategy");
        main.put("role", "main");
        ArrayNode values = main.putArray("data");
        years.values().forEach(v -> PageJson.add(values, v));
        if (benchReturns != null) {
            ObjectNode b = series.addObject();
            b.put("name", benchName);
            b.put("role", "benchmark");
            ArrayNode bv = b.putArray("data");
            Returns.yearly(times, benchReturns).values().forEach(v -> PageJson.add(bv, v));
        }
        return out;
    }

    private static String date(long millis) {
        return Formats.time(Instant.ofEpochMilli(millis));
    }

    /** Returns the results shown. */
    public RunResults results() {
        return results;
    }

    /** Returns the strategy's parameters, each value as text. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Returns what every page shares: title, assets, options. */
    public Page page() {
        return page;
    }

    /** Returns the rows of the metrics table. */
    public List<MetricRow> metrics() {
        return metrics;
    }

    /** Returns the rows of the metrics table by group, in order. */
    public List<MetricGroup> metricGroups() {
        return Metric.groups().stream()
                .map(g -> new MetricGroup(g, metrics.stream().filter(m -> m.metric().group().equals(g)).toList()))
                .toList();
    }

    /** Returns the worst drawdown episodes, deepest first. */
    public List<DrawdownRow> worstDrawdowns() {
        return worstDrawdowns;
    }

    /** Returns the rows of the per-regime table; empty without regimes. */
    public List<RegimeRow> regimeRows() {
        return regimeRows;
    }

    /** Returns the price charts, one per traded instrument. */
    public List<ChartBox> priceCharts() {
        return priceCharts;
    }

    /** Returns the candlestick charts of the traded instruments over the results' candle window. */
    public List<ChartBox> candleCharts() {
        return candleCharts;
    }

    /** Returns the candle window in words: its dates and how it was chosen. */
    public String candleWindowText() {
        var w = results.candles();
        return w == null ? "" : date(w.from().toEpochMilli()) + " → " + date(w.to().toEpochMilli()) + ", " + switch (w.chosenBy()) {
            case dev.crashlab.results.CandleWindow.DEEPEST_DRAWDOWN -> "around the strategy's deepest drawdown ("
                    + dev.crashlab.results.CandleWindow.PADDING_DAYS + " days before its peak to "
                    + dev.crashlab.results.CandleWindow.PADDING_DAYS + " days after its trough)";
            case dev.crashlab.results.CandleWindow.LAST_DAYS -> "the last " + dev.crashlab.results.CandleWindow.DEFAULT_DAYS
                    + " days (the strategy's index never fell)";
            case dev.crashlab.results.CandleWindow.CONFIGURED -> "the window the run's config names (candles:)"
                    + (w.series().stream().allMatch(c -> c.bars().isEmpty())
                            ? "; it lies outside the run's period, so there are no bars to draw" : "");
            default -> w.chosenBy();
        };
    }

    /** Returns the charts of the non-price series the strategy read. */
    public List<ChartBox> seriesCharts() {
        return seriesCharts;
    }

    /** Returns the Signals section: the figures and states the strategy tracked. */
    public SignalsSection signals() {
        return signals;
    }

    /** Returns whether the run's steps are days (all at midnight UTC). */
    public boolean dailySteps() {
        return Page.allMidnight(results.timeMillis());
    }

    /** Returns whether the page draws a rolling beta: the run has a benchmark. */
    public boolean hasBeta() {
        return results.benchmark() != null;
    }

    /** Returns the bin widths of the two return histograms, in percentage points, as text. */
    public String binWidths() {
        return Formats.ratio(STEP_BIN_WIDTH * 100) + " and " + Formats.ratio(MONTH_BIN_WIDTH * 100);
    }

    /** Returns the tail risk and crisis scorecard section. */
    public TailSection tail() {
        return tail;
    }

    /** Returns the section of the run's stress paths, sweep and walk-forward, when its results carry any. */
    public StudiesSection studies() {
        return studies;
    }

    /** Returns the path sensitivity section (absent unless the run configured {@code path.sensitivity}). */
    public PathSection pathSensitivity() {
        return pathSensitivity;
    }

    /** Returns the length of the rolling window in steps. */
    public int rollingSteps() {
        return rollingSteps;
    }

    /** Returns the chart data as JSON safe inside a script element. */
    public String dataJson() {
        return dataJson;
    }

    /** Returns the warnings about instruments used outside their data, those ending with {@value #PARTIAL_DATA_MARK}. */
    public List<String> partialDataWarnings() {
        return results.warnings().stream().filter(w -> w.endsWith(PARTIAL_DATA_MARK)).toList();
    }

    /** Returns the other warnings, such as the strategy's own ({@code ctx.warn}), in order. */
    public List<String> otherWarnings() {
        return results.warnings().stream().filter(w -> !w.endsWith(PARTIAL_DATA_MARK)).toList();
    }

    /** Returns the events shown, at most {@link #MAX_EVENTS}. */
    public List<EventRow> shownEvents() {
        List<EventRow> all = results.events();
        return all.size() <= MAX_EVENTS ? all : all.subList(0, MAX_EVENTS);
    }

    /**
     * Returns the funding rate in its unit, per 8 hours, with the simple annual rate it comes to:
     * {@code 0.0001} gives {@code 0.0100 % per 8 hours (≈ 10.95 % a year)}.
     */
    public String fundingRate() {
        double per8Hours = results.costs().fundingRate();
        return Formats.ratePercent(per8Hours) + " per 8 hours (≈ " + Formats.percent(per8Hours * FUNDING_PERIODS_PER_YEAR)
                + " a year)";
    }

    /**
     * Returns the margin terms in words: mode, initial margin with the leverage it allows, the
     * maintenance rate or tiers by notional, and the liquidation fee.
     */
    public String marginText() {
        MarginTerms margin = results.account().margin();
        double initial = margin.initial();
        String mode = margin.mode();
        List<MaintenanceTier> tiers = margin.maintenanceTiers().isEmpty()
                ? List.of(new MaintenanceTier(0, margin.maintenance())) : margin.maintenanceTiers();
        StringBuilder maintenance = new StringBuilder();
        if (tiers.size() == 1) {
            maintenance.append(Formats.percent(tiers.getFirst().rate())).append(" of notional");
        } else {
            maintenance.append("by notional ");
            for (int k = 0; k < tiers.size(); k++) {
                maintenance.append(k == 0 ? "" : ", ").append(Formats.percent(tiers.get(k).rate()));
                maintenance.append(k + 1 < tiers.size() ? " to " + Formats.count(tiers.get(k + 1).floor()) : " beyond");
            }
        }
        return (mode.isEmpty() ? "cross" : mode) + " margin; initial " + Formats.percent(initial) + " of gross exposure ("
                + Formats.ratio(1 / initial) + "× at most); maintenance " + maintenance + "; liquidation fee "
                + Formats.percent(margin.liquidationFee()) + " of notional, at most what the"
                + " liquidated positions leave";
    }

    /** Returns the intrabar path rule in words. */
    public String pathRuleText() {
        String rule = results.costs().pathRule();
        return switch (rule) {
            case "high-first" -> "high-first: open → high → low → close";
            case "low-first" -> "low-first: open → low → high → close";
            case "unknown" -> "not recorded";
            default -> rule + ": open → the extreme nearer the open → the other → close";
        };
    }

    /**
     * Returns how the bars where something could happen were resolved, in words: on detail bars
     * (with their intervals) or by the rule, with the counts of {@code results.path}.
     */
    public String pathResolutionText() {
        var path = results.path();
        if (path.mode().equals("unknown")) {
            return "not recorded";
        }
        String counts = Formats.count(path.ruleBars()) + " bars resolved by the rule (" + Formats.count(path.ambiguousBars())
                + " ambiguous steps: a trigger level on each side of a bar's open)";
        if (path.mode().equals("rule")) {
            return "no detail bars; " + counts;
        }
        List<String> detail = new ArrayList<>();
        path.detail().forEach((symbol, interval) -> detail.add(symbol + " " + interval));
        return "detail bars (" + String.join(", ", detail) + "): " + Formats.count(path.detailBars()) + " bars on detail, "
                + counts + " where detail was incomplete";
    }

    /**
     * Returns the currency a fixed fee is paid in, the quote currency of the instrument filled: the
     * one currency of the universe, or the rule and the list when instruments differ.
     */
    public String fixedFeeCurrency() {
        List<String> currencies = results.universe().stream().map(InstrumentInfo::quoteCurrency).distinct().toList();
        return currencies.size() == 1 ? currencies.getFirst()
                : "the filled instrument's quote currency (" + String.join(", ", currencies) + ")";
    }

    /**
     * Returns the currency equity and cash are counted in: the quote currency of the universe when
     * it has one, else a description of the rule.
     */
    public String accountCurrency() {
        List<String> currencies = results.universe().stream().map(InstrumentInfo::quoteCurrency).distinct().toList();
        return currencies.size() == 1 ? currencies.getFirst() : "quote currency";
    }

    /** Returns the quote currency of {@code symbol}, the unit of its prices. */
    private String quoteCurrency(String symbol) {
        return results.universe().stream().filter(i -> i.symbol().equals(symbol)).map(InstrumentInfo::quoteCurrency)
                .findFirst().orElse("quote currency");
    }

    /** Returns the distinct event kinds, in order of first appearance. */
    public List<String> eventKinds() {
        return results.events().stream().map(EventRow::kind).distinct().toList();
    }

    /** Returns the distinct traded symbols of the trades, in order of first appearance. */
    public List<String> tradeSymbols() {
        return results.trades().stream().map(TradeRow::symbol).distinct().toList();
    }
}
