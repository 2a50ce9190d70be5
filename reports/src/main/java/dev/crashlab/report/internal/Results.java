package dev.crashlab.report.internal;

import dev.crashlab.report.ReportException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The read-model of one {@code results.json} (schema {@code crashlab-results/1}): the fields a
 * report shows, parsed once, with arrays of primitives for the per-step series. Undefined figures
 * ({@code null} in the file) are NaN. A missing or mistyped field fails with a
 * {@link ReportException} naming its path.
 */
public final class Results {

    /** The layout version this read-model understands. */
    public static final String SCHEMA = "crashlab-results/1";

    /** An instrument of the universe. */
    public record Instrument(String symbol, String assetClass, String quoteCurrency, String calendar) {
    }

    /** A data file the run rests on. */
    public record Source(String path, String sha256, String format, boolean synthetic) {
    }

    /** A funding series applied to an instrument's position. */
    public record Funding(String symbol, String series, double scale) {
    }

    /** A fill; {@code quantity} is signed (negative for sells). */
    public record Fill(long orderId, Instant time, String symbol, String side, double quantity, double price, double fee,
            String kind, String tag) {
    }

    /** A round-trip trade; {@code pnl} includes the {@code carry} charged while it was open. */
    public record Trade(String symbol, String side, Instant entryTime, Instant exitTime, double entryPrice,
            double exitPrice, double quantity, double pnl, double tradeReturn, double fees, double holdingDays,
            boolean open, boolean liquidated, double carry) {

        /** Returns open, liquidated or closed. */
        public String status() {
            return liquidated ? "liquidated" : open ? "open" : "closed";
        }
    }

    /** An event of the run. */
    public record Event(Instant time, String kind, String symbol, String message, double value) {
    }

    /** The benchmark's name, metrics and equity at each step. */
    public record Benchmark(String name, JsonNode metrics, double[] equity) {
    }

    /** A named crisis window. */
    public record Window(String name, LocalDate from, LocalDate to, String description) {
    }

    /** The run's performance within one regime. */
    public record RegimeStat(String label, int steps, double totalReturn, double maxDrawdown, double timeInMarket) {
    }

    /** The regime labels of a run. */
    public record Regimes(List<String> labels, int[] steps, List<Window> windows, List<RegimeStat> stats) {
    }

    /** A non-price series the strategy read. */
    public record Series(String name, String publication, long[] dates, double[] values) {
    }

    private final JsonNode root;
    private final String name;
    private final String strategyName;
    private final Map<String, String> parameters;
    private final Instant start;
    private final Instant end;
    private final double periodsPerYear;
    private final List<Instrument> universe;
    private final boolean synthetic;
    private final List<Source> data;
    private final long[] times;
    private final double[] equity;
    private final double[] contributions;
    private final double[] longs;
    private final double[] shorts;
    private final Map<String, double[]> prices;
    private final List<Fill> fills;
    private final List<Trade> trades;
    private final List<Event> events;
    private final Benchmark benchmark;
    private final Regimes regimes;
    private final List<Series> series;

    private Results(JsonNode root) {
        this.root = root;
        String schema = text(root, "schema");
        if (!SCHEMA.equals(schema)) {
            throw new ReportException("schema", "expected \"" + SCHEMA + "\", got \"" + schema + "\"");
        }
        name = text(root, "name");
        JsonNode strategy = object(root, "strategy", "strategy");
        strategyName = text(strategy, "name", "strategy.name");
        parameters = new LinkedHashMap<>();
        JsonNode params = strategy.path("parameters");
        if (params.isObject()) {
            for (Map.Entry<String, JsonNode> e : params.properties()) {
                JsonNode v = e.getValue();
                parameters.put(e.getKey(), v.isString() ? v.asString() : v.toString());
            }
        }
        JsonNode period = object(root, "period", "period");
        start = instant(period, "start", "period.start");
        end = instant(period, "end", "period.end");
        periodsPerYear = number(period, "periodsPerYear");
        universe = new ArrayList<>();
        JsonNode u = root.path("universe");
        for (int i = 0; i < u.size(); i++) {
            JsonNode o = u.get(i);
            universe.add(new Instrument(text(o, "symbol", "universe[" + i + "].symbol"), o.path("assetClass").asString(""),
                    o.path("quoteCurrency").asString(""), o.path("calendar").asString("")));
        }
        synthetic = root.path("synthetic").asBoolean(false);
        data = new ArrayList<>();
        JsonNode d = root.path("data");
        for (int i = 0; i < d.size(); i++) {
            JsonNode o = d.get(i);
            data.add(new Source(o.path("path").asString(""), o.path("sha256").asString(""), o.path("format").asString(""),
                    o.path("synthetic").asBoolean(false)));
        }
        JsonNode eq = array(root, "equity", "equity");
        int n = eq.size();
        if (n == 0) {
            throw new ReportException("equity", "no steps");
        }
        times = new long[n];
        equity = new double[n];
        contributions = new double[n];
        longs = new double[n];
        shorts = new double[n];
        for (int s = 0; s < n; s++) {
            JsonNode row = eq.get(s);
            String at = "equity[" + s + "]";
            times[s] = instant(row, "time", at + ".time").toEpochMilli();
            if (s > 0 && times[s] <= times[s - 1]) {
                throw new ReportException(at + ".time", "times must increase, but " + row.path("time").asString()
                        + " follows " + Instant.ofEpochMilli(times[s - 1]));
            }
            equity[s] = number(row, "equity");
            contributions[s] = orZero(number(row, "contributions"));
            longs[s] = orZero(number(row, "long"));
            shorts[s] = orZero(number(row, "short"));
        }
        prices = new LinkedHashMap<>();
        JsonNode p = root.path("prices");
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            JsonNode values = e.getValue();
            if (values.size() != n) {
                throw new ReportException("prices." + e.getKey(), values.size() + " values for " + n + " steps");
            }
            double[] closes = new double[n];
            for (int s = 0; s < n; s++) {
                closes[s] = numberValue(values.get(s));
            }
            prices.put(e.getKey(), closes);
        }
        fills = new ArrayList<>();
        JsonNode f = root.path("fills");
        for (int i = 0; i < f.size(); i++) {
            JsonNode o = f.get(i);
            String at = "fills[" + i + "]";
            fills.add(new Fill(o.path("orderId").asLong(0), instant(o, "time", at + ".time"), text(o, "symbol", at + ".symbol"),
                    o.path("side").asString(""), number(o, "quantity"), number(o, "price"), number(o, "fee"),
                    o.path("kind").asString("order"), o.path("tag").asString("")));
        }
        trades = new ArrayList<>();
        JsonNode t = root.path("trades");
        for (int i = 0; i < t.size(); i++) {
            JsonNode o = t.get(i);
            String at = "trades[" + i + "]";
            trades.add(new Trade(text(o, "symbol", at + ".symbol"), o.path("side").asString(""),
                    instant(o, "entryTime", at + ".entryTime"), instant(o, "exitTime", at + ".exitTime"),
                    number(o, "entryPrice"), number(o, "exitPrice"), number(o, "quantity"), number(o, "pnl"),
                    number(o, "return"), number(o, "fees"), number(o, "holdingDays"), o.path("open").asBoolean(false),
                    o.path("liquidated").asBoolean(false), o.path("carry").isNumber() ? number(o, "carry") : 0));
        }
        events = new ArrayList<>();
        JsonNode ev = root.path("events");
        for (int i = 0; i < ev.size(); i++) {
            JsonNode o = ev.get(i);
            String at = "events[" + i + "]";
            JsonNode symbol = o.path("symbol");
            events.add(new Event(instant(o, "time", at + ".time"), o.path("kind").asString(""),
                    symbol.isString() ? symbol.asString() : null, o.path("message").asString(""), number(o, "value")));
        }
        JsonNode b = root.path("benchmark");
        if (b.isObject()) {
            JsonNode values = array(b, "equity", "benchmark.equity");
            if (values.size() != n) {
                throw new ReportException("benchmark.equity", values.size() + " values for " + n + " steps");
            }
            double[] be = new double[n];
            for (int s = 0; s < n; s++) {
                be[s] = numberValue(values.get(s));
            }
            benchmark = new Benchmark(b.path("name").asString("benchmark"), b.path("metrics"), be);
        } else {
            benchmark = null;
        }
        JsonNode r = root.path("regimes");
        if (r.isObject()) {
            List<String> labels = new ArrayList<>();
            r.path("labels").forEach(l -> labels.add(l.asString("")));
            JsonNode st = array(r, "steps", "regimes.steps");
            if (st.size() != n) {
                throw new ReportException("regimes.steps", st.size() + " labels for " + n + " steps");
            }
            int[] of = new int[n];
            for (int s = 0; s < n; s++) {
                of[s] = st.get(s).asInt(0);
                if (of[s] < 0 || of[s] >= labels.size()) {
                    throw new ReportException("regimes.steps[" + s + "]", "label index " + of[s] + " outside 0.."
                            + (labels.size() - 1));
                }
            }
            List<Window> windows = new ArrayList<>();
            JsonNode w = r.path("windows");
            for (int i = 0; i < w.size(); i++) {
                JsonNode o = w.get(i);
                String at = "regimes.windows[" + i + "]";
                windows.add(new Window(o.path("name").asString(""), date(o, "from", at + ".from"), date(o, "to", at + ".to"),
                        o.path("description").asString("")));
            }
            List<RegimeStat> stats = new ArrayList<>();
            for (JsonNode o : r.path("metrics")) {
                stats.add(new RegimeStat(o.path("label").asString(""), o.path("steps").asInt(0), number(o, "totalReturn"),
                        number(o, "maxDrawdown"), number(o, "timeInMarket")));
            }
            regimes = new Regimes(List.copyOf(labels), of, List.copyOf(windows), List.copyOf(stats));
        } else {
            regimes = null;
        }
        series = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.path("series").properties()) {
            JsonNode values = e.getValue().path("values");
            long[] dates = new long[values.size()];
            double[] vals = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                JsonNode o = values.get(i);
                dates[i] = date(o, "date", "series." + e.getKey() + ".values[" + i + "].date").toEpochDay() * 86_400_000L;
                vals[i] = number(o, "value");
            }
            series.add(new Series(e.getKey(), e.getValue().path("publication").asString(""), dates, vals));
        }
    }

    /** Returns the read-model of {@code root}, a parsed results.json. */
    public static Results of(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ReportException("(root)", "expected a JSON object");
        }
        return new Results(root);
    }

    /** Returns the run's name. */
    public String name() {
        return name;
    }

    /** Returns the strategy's name. */
    public String strategyName() {
        return strategyName;
    }

    /** Returns the strategy's parameters, each value as text (JSON text for non-strings). */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Returns the parameters as one line, {@code a=1, b=x}. */
    public String parametersLine() {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Returns the first step's time. */
    public Instant start() {
        return start;
    }

    /** Returns the last step's time. */
    public Instant end() {
        return end;
    }

    /** Returns the number of steps. */
    public int steps() {
        return times.length;
    }

    /** Returns the periods per year used to annualise. */
    public double periodsPerYear() {
        return periodsPerYear;
    }

    /** Returns the instruments of the universe. */
    public List<Instrument> universe() {
        return universe;
    }

    /** Returns whether the data is generated sample data. */
    public boolean synthetic() {
        return synthetic;
    }

    /** Returns the data files. */
    public List<Source> data() {
        return data;
    }

    /** Returns the text at {@code path} (dot-separated fields), or {@code ""}. */
    public String textAt(String path) {
        return at(path).asString("");
    }

    /** Returns the number at {@code path} (dot-separated fields), or NaN. */
    public double numberAt(String path) {
        return numberValue(at(path));
    }

    /** Returns whether the boolean at {@code path} is true. */
    public boolean flagAt(String path) {
        return at(path).asBoolean(false);
    }

    private JsonNode at(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** A maintenance tier: from {@code floor} of notional, {@code rate} of it. */
    public record Tier(double floor, double rate) {
    }

    /** Returns the maintenance tiers of the margin; one tier of {@code account.margin.maintenance} in older files. */
    public List<Tier> maintenanceTiers() {
        List<Tier> out = new ArrayList<>();
        for (JsonNode t : root.path("account").path("margin").path("maintenanceTiers")) {
            out.add(new Tier(number(t, "floor"), number(t, "rate")));
        }
        if (out.isEmpty()) {
            out.add(new Tier(0, numberAt("account.margin.maintenance")));
        }
        return out;
    }

    /** Returns the run's warnings (partial data a run was allowed to use); empty in older files. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (JsonNode w : root.path("warnings")) {
            out.add(w.asString(""));
        }
        return out;
    }

    /** Returns the funding series of the costs, by symbol. */
    public List<Funding> fundingSeries() {
        List<Funding> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.path("costs").path("fundingSeries").properties()) {
            out.add(new Funding(e.getKey(), e.getValue().path("series").asString(""), number(e.getValue(), "scale")));
        }
        return out;
    }

    /** Returns the metrics object. */
    public JsonNode metrics() {
        return root.path("metrics");
    }

    /** Returns metric {@code field}, or NaN. */
    public double metric(String field) {
        return numberValue(metrics().path(field));
    }

    /** Returns the final positions, symbol to quantity, non-zero ones only. */
    public Map<String, Double> openPositions() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("positions").properties()) {
            double q = numberValue(e.getValue());
            if (q != 0 && Double.isFinite(q)) {
                out.put(e.getKey(), q);
            }
        }
        return out;
    }

    /** Returns the number of orders placed. */
    public int orderCount() {
        return root.path("orders").size();
    }

    /** Returns the number of orders still open at the end. */
    public int openOrderCount() {
        return root.path("openOrders").size();
    }

    /** Returns the time of each step, UTC epoch milliseconds. */
    public long[] times() {
        return times;
    }

    /** Returns the equity at each step's close. */
    public double[] equity() {
        return equity;
    }

    /** Returns the cumulative external flows up to each step. */
    public double[] contributions() {
        return contributions;
    }

    /** Returns the value of long positions at each step's close. */
    public double[] longExposure() {
        return longs;
    }

    /** Returns the value of short positions at each step's close, positive. */
    public double[] shortExposure() {
        return shorts;
    }

    /** Returns whether the run had external flows (a DCA run). */
    public boolean hasContributions() {
        for (double c : contributions) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns the close of each instrument at each step (NaN before its first bar), by symbol. */
    public Map<String, double[]> prices() {
        return prices;
    }

    /** Returns the fills, in order. */
    public List<Fill> fills() {
        return fills;
    }

    /** Returns the trades, open ones included. */
    public List<Trade> trades() {
        return trades;
    }

    /** Returns the events, in order. */
    public List<Event> events() {
        return events;
    }

    /** Returns the benchmark, or {@code null}. */
    public Benchmark benchmark() {
        return benchmark;
    }

    /** Returns the regimes, or {@code null}. */
    public Regimes regimes() {
        return regimes;
    }

    /** Returns the non-price series the strategy read. */
    public List<Series> series() {
        return series;
    }

    /** Returns the crashlab version that wrote the results. */
    public String crashlabVersion() {
        return root.path("crashlabVersion").asString("unknown");
    }

    /** Returns when the results were written, as written. */
    public String generatedAt() {
        return root.path("generatedAt").asString("");
    }

    /** Returns the symbols that have fills, in universe order. */
    public List<String> tradedSymbols() {
        List<String> out = new ArrayList<>();
        for (String symbol : prices.keySet()) {
            if (fills.stream().anyMatch(f -> f.symbol().equals(symbol))) {
                out.add(symbol);
            }
        }
        for (Fill f : fills) {
            if (!out.contains(f.symbol()) && !prices.containsKey(f.symbol())) {
                out.add(f.symbol());
            }
        }
        return out;
    }

    static double numberValue(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static double number(JsonNode node, String field) {
        return numberValue(node.path(field));
    }

    private static double orZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode v = node.path(field);
        if (!v.isString()) {
            throw new ReportException(path, v.isMissingNode() ? "missing" : "expected text, got " + v);
        }
        return v.asString();
    }

    private static JsonNode object(JsonNode node, String field, String path) {
        JsonNode v = node.path(field);
        if (!v.isObject()) {
            throw new ReportException(path, v.isMissingNode() ? "missing" : "expected an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode node, String field, String path) {
        JsonNode v = node.path(field);
        if (!v.isArray()) {
            throw new ReportException(path, v.isMissingNode() ? "missing" : "expected an array");
        }
        return v;
    }

    private static Instant instant(JsonNode node, String field, String path) {
        String text = text(node, field, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ReportException(path, "expected an ISO-8601 instant such as 2024-01-02T00:00:00Z, got \"" + text + "\"");
        }
    }

    private static LocalDate date(JsonNode node, String field, String path) {
        String text = text(node, field, path);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ReportException(path, "expected a date such as 2024-01-02, got \"" + text + "\"");
        }
    }
}
