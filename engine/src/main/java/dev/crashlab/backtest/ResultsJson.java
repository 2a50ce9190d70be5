package dev.crashlab.backtest;

import dev.crashlab.Crashlab;
import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.MaintenanceTiers;
import dev.crashlab.metrics.Metrics;
import dev.crashlab.metrics.RegimeStats;
import dev.crashlab.metrics.Trade;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link BacktestResult} as {@code results.json}: everything a report needs, in a
 * documented, stable layout (see README, "results.json"). Numbers are written in Java's
 * shortest round-trip form; undefined figures (NaN) are {@code null}; times are ISO-8601 UTC.
 * The same result gives the same bytes, apart from the {@code generatedAt} field.
 */
public final class ResultsJson {

    /** The layout version; it changes when a field changes meaning or moves. */
    public static final String SCHEMA = "crashlab-results/1";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsJson() {
    }

    /** Writes {@code result} to {@code file} atomically, stamped with {@code generatedAt}. */
    public static void write(BacktestResult result, Path file, Instant generatedAt) {
        AtomicWrite.bytes(file, toBytes(result, generatedAt));
    }

    /** Returns the JSON bytes of {@code result}. */
    public static byte[] toBytes(BacktestResult result, Instant generatedAt) {
        return toBytes(toTree(result, generatedAt));
    }

    /** Returns the JSON bytes of a tree from {@link #toTree}, for callers that also read the tree. */
    public static byte[] toBytes(JsonNode tree) {
        return JSON.writeValueAsBytes(tree);
    }

    /** Returns the JSON tree of {@code result}. */
    public static ObjectNode toTree(BacktestResult result, Instant generatedAt) {
        Backtest spec = result.spec();
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("crashlabVersion", Crashlab.version());
        root.put("generatedAt", generatedAt.toString());
        root.put("name", result.name());
        ObjectNode strategy = root.putObject("strategy");
        strategy.put("name", result.strategyName());
        strategy.set("parameters", JSON.valueToTree(spec.parameters()));
        root.set("config", JSON.valueToTree(spec.config()));
        ObjectNode period = root.putObject("period");
        period.put("start", result.time(0).toString());
        period.put("end", result.time(result.size() - 1).toString());
        period.put("steps", result.size());
        period.put("periodsPerYear", spec.effectivePeriodsPerYear());
        period.put("interval", MarketClock.finestInterval(spec.data().prices()).toString());
        ArrayNode universe = root.putArray("universe");
        for (Instrument instrument : result.instruments()) {
            ObjectNode o = universe.addObject();
            o.put("symbol", instrument.symbol().value());
            o.put("assetClass", instrument.assetClass().label());
            o.put("quoteCurrency", instrument.quoteCurrency());
            o.put("calendar", instrument.calendar().id());
        }
        root.put("synthetic", result.synthetic());
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        ArrayNode data = root.putArray("data");
        for (DataSource source : result.sources()) {
            ObjectNode o = data.addObject();
            o.put("path", source.path());
            o.put("sha256", source.sha256());
            o.put("format", source.format());
            o.put("synthetic", source.synthetic());
        }
        ObjectNode account = root.putObject("account");
        number(account, "initialCash", spec.initialCash());
        ObjectNode contributions = account.putObject("contributions");
        number(contributions, "amount", spec.contributions().amount());
        contributions.put("period", spec.contributions().schedule().name().toLowerCase(Locale.ROOT));
        ObjectNode margin = account.putObject("margin");
        margin.put("mode", spec.margin().mode().label());
        number(margin, "initial", spec.margin().initial());
        number(margin, "maintenance", spec.margin().maintenance().firstRate());
        ArrayNode tiers = margin.putArray("maintenanceTiers");
        for (MaintenanceTiers.Tier tier : spec.margin().maintenance().tiers()) {
            ObjectNode t = tiers.addObject();
            number(t, "floor", tier.floor());
            number(t, "rate", tier.rate());
        }
        number(margin, "liquidationFee", spec.margin().liquidationFee());
        Costs c = spec.costs();
        ObjectNode costs = root.putObject("costs");
        number(costs, "feeRate", c.feeRate());
        number(costs, "fixedFee", c.fixedFee());
        number(costs, "slippageBps", c.slippageBps());
        costs.put("fillMode", c.fillMode().name().toLowerCase(Locale.ROOT));
        costs.put("optimistic", c.fillMode().isOptimistic());
        costs.put("pathRule", c.pathRule().label());
        number(costs, "borrowRate", c.borrowRate());
        number(costs, "fundingRate", c.fundingRate());
        ObjectNode fundingSeries = costs.putObject("fundingSeries");
        c.fundingSeries().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode o = fundingSeries.putObject(e.getKey().value());
            o.put("series", e.getValue().series());
            number(o, "scale", e.getValue().scale());
        });
        root.set("metrics", metrics(result.metrics()));
        ObjectNode positions = root.putObject("positions");
        result.finalPositions().forEach((symbol, quantity) -> number(positions, symbol.value(), quantity));
        ArrayNode equity = root.putArray("equity");
        for (int s = 0; s < result.size(); s++) {
            ObjectNode o = equity.addObject();
            o.put("time", result.time(s).toString());
            number(o, "equity", result.equity(s));
            number(o, "cash", result.cash(s));
            number(o, "contributions", result.contributions(s));
            number(o, "long", result.longExposure(s));
            number(o, "short", result.shortExposure(s));
        }
        ObjectNode prices = root.putObject("prices");
        List<Instrument> instruments = result.instruments();
        for (int i = 0; i < instruments.size(); i++) {
            ArrayNode values = prices.putArray(instruments.get(i).symbol().value());
            for (int s = 0; s < result.size(); s++) {
                // Closes are positive (the bar rules) or NaN before the first bar: never -0.0.
                addNumber(values, result.price(i, s));
            }
        }
        ArrayNode orders = root.putArray("orders");
        for (Order order : result.orders()) {
            orders.add(order(order));
        }
        ArrayNode open = root.putArray("openOrders");
        for (Order order : result.openOrders()) {
            open.add(order.id());
        }
        ArrayNode fills = root.putArray("fills");
        for (Fill fill : result.fills()) {
            ObjectNode o = fills.addObject();
            o.put("orderId", fill.orderId());
            o.put("time", fill.time().toString());
            o.put("symbol", fill.symbol().value());
            o.put("side", fill.quantity() > 0 ? "buy" : "sell");
            number(o, "quantity", fill.quantity());
            number(o, "price", fill.price());
            number(o, "fee", fill.fee());
            o.put("kind", fill.kind().name().toLowerCase(Locale.ROOT));
            o.put("tag", fill.tag());
            number(o, "liquidationPrice", fill.liquidationPrice());
        }
        ArrayNode trades = root.putArray("trades");
        for (Trade trade : result.trades()) {
            ObjectNode o = trades.addObject();
            o.put("symbol", trade.symbol().value());
            o.put("side", trade.side().name().toLowerCase(Locale.ROOT));
            o.put("entryTime", trade.entryTime().toString());
            o.put("exitTime", trade.exitTime().toString());
            number(o, "entryPrice", trade.entryPrice());
            number(o, "exitPrice", trade.exitPrice());
            number(o, "quantity", trade.quantity());
            number(o, "pnl", trade.pnl());
            number(o, "return", trade.tradeReturn());
            number(o, "fees", trade.fees());
            number(o, "carry", trade.carry());
            number(o, "holdingDays", trade.holdingDays());
            o.put("open", trade.open());
            o.put("liquidated", trade.liquidated());
        }
        ArrayNode events = root.putArray("events");
        for (Event event : result.events()) {
            ObjectNode o = events.addObject();
            o.put("time", event.time().toString());
            o.put("kind", event.kind().label());
            if (event.symbol() == null) {
                o.putNull("symbol");
            } else {
                o.put("symbol", event.symbol());
            }
            o.put("message", event.message());
            number(o, "value", event.value());
        }
        if (result.benchmark().isPresent()) {
            BacktestResult.Benchmark b = result.benchmark().get();
            ObjectNode bench = root.putObject("benchmark");
            bench.put("name", b.name());
            bench.set("metrics", metrics(b.metrics()));
            ArrayNode values = bench.putArray("equity");
            for (double v : b.equity()) {
                addNumber(values, v);
            }
        } else {
            root.putNull("benchmark");
        }
        if (result.regimes().isPresent()) {
            BacktestResult.Regimes r = result.regimes().get();
            ObjectNode regimes = root.putObject("regimes");
            ArrayNode labels = regimes.putArray("labels");
            r.labels().forEach(labels::add);
            ArrayNode steps = regimes.putArray("steps");
            for (int label : r.ofStep()) {
                steps.add(label);
            }
            ArrayNode windows = regimes.putArray("windows");
            for (CrisisWindow w : r.windows()) {
                ObjectNode o = windows.addObject();
                o.put("name", w.name());
                o.put("from", w.from().toString());
                o.put("to", w.to().toString());
                o.put("description", w.description());
            }
            ArrayNode stats = regimes.putArray("metrics");
            for (RegimeStats s : r.stats()) {
                ObjectNode o = stats.addObject();
                o.put("label", s.label());
                o.put("steps", s.steps());
                number(o, "totalReturn", s.totalReturn());
                number(o, "maxDrawdown", s.maxDrawdown());
                number(o, "timeInMarket", s.timeInMarket());
            }
        } else {
            root.putNull("regimes");
        }
        ObjectNode series = root.putObject("series");
        for (String name : result.seriesUsed()) {
            NonPriceSeries s = spec.data().series().get(name);
            ObjectNode o = series.putObject(name);
            o.put("publication", s.rule().toString());
            ArrayNode values = o.putArray("values");
            long from = result.timeMillis(0) - 400L * 86_400_000L;
            long to = result.timeMillis(result.size() - 1);
            for (int i = 0; i < s.size(); i++) {
                if (s.dateMillis(i) >= from && s.dateMillis(i) <= to) {
                    ObjectNode v = values.addObject();
                    v.put("date", s.date(i).toString());
                    number(v, "value", s.value(i));
                    v.put("publishedAt", s.publishedAt(i).toString());
                }
            }
        }
        return root;
    }

    private static ObjectNode order(Order order) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", order.id());
        o.put("time", order.submittedAt().toString());
        o.put("symbol", order.symbol());
        o.put("type", order.type().name().toLowerCase(Locale.ROOT));
        o.put("sizing", order.sizing().name().toLowerCase(Locale.ROOT));
        if (order.side() == null) {
            o.putNull("side");
        } else {
            o.put("side", order.side().name().toLowerCase(Locale.ROOT));
        }
        number(o, "amount", order.amount());
        number(o, "price", order.price());
        o.put("tag", order.tag());
        return o;
    }

    /** Returns the metrics as a JSON object, field names as on {@link Metrics}. */
    public static ObjectNode metrics(Metrics m) {
        ObjectNode o = JSON.createObjectNode();
        number(o, "totalReturn", m.totalReturn());
        number(o, "cagr", m.cagr());
        number(o, "volatility", m.volatility());
        number(o, "sharpe", m.sharpe());
        number(o, "sortino", m.sortino());
        number(o, "maxDrawdown", m.maxDrawdown());
        number(o, "maxDrawdownDays", m.maxDrawdownDays());
        number(o, "calmar", m.calmar());
        number(o, "moneyWeightedReturn", m.moneyWeightedReturn());
        number(o, "initialCash", m.initialCash());
        number(o, "netContributions", m.netContributions());
        number(o, "finalEquity", m.finalEquity());
        number(o, "profit", m.profit());
        number(o, "exposure", m.exposure());
        number(o, "turnover", m.turnover());
        number(o, "feesPaid", m.feesPaid());
        number(o, "fundingPaid", m.fundingPaid());
        o.put("liquidations", m.liquidations());
        o.put("trades", m.trades());
        number(o, "winRate", m.winRate());
        number(o, "profitFactor", m.profitFactor());
        number(o, "averageWin", m.averageWin());
        number(o, "averageLoss", m.averageLoss());
        number(o, "bestTrade", m.bestTrade());
        number(o, "worstTrade", m.worstTrade());
        number(o, "beta", m.beta());
        number(o, "correlation", m.correlation());
        number(o, "periodsPerYear", m.periodsPerYear());
        number(o, "riskFreeRate", m.riskFreeRate());
        return o;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value == 0 ? 0.0 : value);
        } else {
            node.putNull(field);
        }
    }

    /** Appends {@code value} to {@code array} as {@link #number} writes a field: null when not finite, -0.0 as 0.0. */
    private static void addNumber(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value == 0 ? 0.0 : value);
        } else {
            array.addNull();
        }
    }

    /** Returns {@code json} parsed, for tests and for re-rendering reports. */
    public static JsonNode read(byte[] json) {
        return JSON.readTree(json);
    }
}
