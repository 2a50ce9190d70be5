package dev.crashlab.backtest;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.BridgeBars;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.PathRule;
import dev.crashlab.results.Figures;
import dev.crashlab.results.PathSensitivityResults;
import dev.crashlab.results.Quantiles;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.OrderType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Path sensitivity is how much a run's outcome depends on the order of events inside bars that
 * only their open, high, low and close describe. The run is repeated with every bar resolved
 * high-first, with every bar resolved low-first, and on K seeded Brownian-bridge paths per bar
 * ({@link BridgeBars}, used as detail bars); each liquidation and each limit or stop fill of any
 * of these runs is then reported with the share of paths on which it happened on the same bar.
 *
 * <p>Only ambiguous bars (results' {@code path.ambiguousBars}: a trigger level on each side of
 * the open) can resolve differently high-first and low-first; the two rule runs are the two
 * consistent ways of resolving all of them at once, not every combination of them. The
 * bridges sample the paths in between, each bar independently, with the chance a random walk
 * from the open to the close gives each order of the extremes.
 */
public final class PathSensitivity {

    private PathSensitivity() {
    }

    /**
     * What to try.
     *
     * @param bridges the number K of Brownian-bridge paths, {@code >= 1}
     * @param subBars the sub-bars of each bridge path per bar ({@code >= 4}; the bar's length must be
     *                a whole number of milliseconds times it: 96 gives 15-minute steps on daily bars)
     * @param seed    the seed of the first path; path k uses {@code seed + k}
     */
    public record Options(int bridges, int subBars, long seed) {

        /** 20 bridge paths of 96 sub-bars, seed 1. */
        public static final Options DEFAULTS = new Options(20, 96, 1);

        public Options {
            if (bridges < 1 || subBars < 4) {
                throw new IllegalArgumentException("need at least 1 bridge path and 4 sub-bars, got " + bridges + " and "
                        + subBars);
            }
        }
    }

    /**
     * An event of some run and how many of the runs had it on the same bar.
     *
     * @param event     such as {@code liquidation BTC-USD} or {@code stop sell BTC-USD "stop-loss"}
     * @param bar       the start of the bar (of the traded instrument's own bars) it happened in
     * @param highFirst whether it happened with every bar resolved high-first
     * @param lowFirst  whether it happened with every bar resolved low-first
     * @param onBridges on how many of the bridge paths it happened
     * @param bridges   the number of bridge paths
     */
    public record EventSpread(String event, Instant bar, boolean highFirst, boolean lowFirst, int onBridges, int bridges) {

        /** Returns the share of bridge paths on which the event happened on this bar, 0 to 1. */
        public double bridgeShare() {
            return (double) onBridges / bridges;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s on %s: %.0f %% of %d bridge paths; high-first %s, low-first %s", event,
                    bar.toString().replace("T00:00:00Z", ""), 100 * bridgeShare(), bridges, highFirst ? "yes" : "no",
                    lowFirst ? "yes" : "no");
        }
    }

    /**
     * The outcome of one of the runs: what the report keeps of it (not the run itself, whose
     * bridge data would hold K copies of every bar cut into sub-bars).
     *
     * @param finalEquity the equity at the last close
     * @param maxDrawdown the max drawdown of the time-weighted index, a fraction {@code <= 0}
     * @param liquidated  whether the account had at least one liquidation
     */
    public record Outcome(double finalEquity, double maxDrawdown, boolean liquidated) {

        static Outcome of(BacktestResult r) {
            return new Outcome(r.equity(r.size() - 1), r.metrics().maxDrawdown(), r.metrics().liquidations() > 0);
        }
    }

    /**
     * The runs' outcomes and the spread of their events.
     *
     * @param options   what was tried
     * @param highFirst the run with every bar resolved high-first
     * @param lowFirst  the run with every bar resolved low-first
     * @param bridges   the run on each bridge path, path k at index k
     * @param events    every liquidation and limit or stop fill of any run, by bar, then name
     */
    public record Report(Options options, Outcome highFirst, Outcome lowFirst, List<Outcome> bridges,
            List<EventSpread> events) {

        public Report {
            bridges = List.copyOf(bridges);
            events = List.copyOf(events);
        }

        /** Returns each bridge path's final equity, sorted ascending. */
        public double[] bridgeFinalEquities() {
            double[] out = bridges.stream().mapToDouble(Outcome::finalEquity).toArray();
            Arrays.sort(out);
            return out;
        }

        /** Returns on how many bridge paths the account was liquidated at least once. */
        public int liquidatedBridges() {
            return (int) bridges.stream().filter(Outcome::liquidated).count();
        }

        /** Returns the report as results.json holds it, inside {@code path}. */
        public PathSensitivityResults toResults() {
            return new PathSensitivityResults(options.bridges(), options.subBars(), options.seed(),
                    events.stream().map(e -> new PathSensitivityResults.Event(e.event(), e.bar(), e.highFirst(), e.lowFirst(),
                            e.onBridges())).toList(),
                    spread(Outcome::finalEquity), spread(Outcome::maxDrawdown),
                    new PathSensitivityResults.Liquidated(highFirst.liquidated(), lowFirst.liquidated(), liquidatedBridges()));
        }

        private PathSensitivityResults.Outcome spread(ToDoubleFunction<Outcome> figure) {
            double[] sorted = Quantiles.sortedDefined(bridges.stream().mapToDouble(figure).toArray());
            return new PathSensitivityResults.Outcome(Figures.figure(figure.applyAsDouble(highFirst)),
                    Figures.figure(figure.applyAsDouble(lowFirst)), sorted.length == 0 ? Double.NaN : Figures.figure(sorted[0]),
                    Figures.figure(Quantiles.ofSorted(sorted, 0.5)),
                    sorted.length == 0 ? Double.NaN : Figures.figure(sorted[sorted.length - 1]));
        }
    }

    /**
     * Returns the path sensitivity of {@code backtest} (its data's own detail bars, if any, are
     * replaced by the bridge paths; the rule runs have none). The runs leave out the backtest's
     * benchmark and regime classifier: only the strategy's own events are compared.
     */
    public static Report of(Backtest backtest, Options options) {
        Objects.requireNonNull(options, "options");
        MarketData daily = backtest.data().withoutDetail();
        BacktestResult high = with(backtest, daily, PathRule.HIGH_FIRST).run();
        BacktestResult low = with(backtest, daily, PathRule.LOW_FIRST).run();
        Set<Key> highEvents = events(high);
        Set<Key> lowEvents = events(low);
        Map<Key, int[]> counts = new TreeMap<>();
        highEvents.forEach(e -> counts.putIfAbsent(e, new int[1]));
        lowEvents.forEach(e -> counts.putIfAbsent(e, new int[1]));
        List<Outcome> bridges = new ArrayList<>();
        for (int k = 0; k < options.bridges(); k++) {
            MarketData bridged = daily;
            for (OhlcvSeries s : daily.prices()) {
                bridged = bridged.withDetail(BridgeBars.of(s, options.subBars(), options.seed() + k));
            }
            // One bridged run at a time, kept only as its outcome and events: the sub-bars are freed.
            BacktestResult run = with(backtest, bridged, backtest.costs().pathRule()).run();
            bridges.add(Outcome.of(run));
            events(run).forEach(e -> counts.computeIfAbsent(e, x -> new int[1])[0]++);
        }
        List<EventSpread> spread = new ArrayList<>();
        counts.forEach((e, n) -> spread.add(new EventSpread(e.event(), Instant.ofEpochMilli(e.bar()), highEvents.contains(e),
                lowEvents.contains(e), n[0], options.bridges())));
        return new Report(options, Outcome.of(high), Outcome.of(low), bridges, spread);
    }

    private static Backtest with(Backtest b, MarketData data, PathRule rule) {
        // Without benchmark and classifier: only the strategy's own events are compared across paths.
        return b.withData(data).toBuilder().costs(b.costs().withPathRule(rule)).benchmark(null, null).regime(null).build();
    }

    /** An event of a run: what happened, and the start of the instrument's bar it happened in. */
    private record Key(long bar, String event) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return bar != o.bar ? Long.compare(bar, o.bar) : event.compareTo(o.event);
        }
    }

    /** Returns the liquidations and the limit and stop fills of {@code r}, each keyed by its instrument's bar. */
    private static Set<Key> events(BacktestResult r) {
        Map<Long, Order> orders = new TreeMap<>();
        r.orders().forEach(o -> orders.put(o.id(), o));
        Set<Key> out = new LinkedHashSet<>();
        for (Fill f : r.fills()) {
            String event;
            if (f.kind() == Fill.Kind.LIQUIDATION) {
                event = "liquidation " + f.symbol();
            } else {
                Order o = orders.get(f.orderId());
                if (o == null || o.type() == OrderType.MARKET) {
                    continue;
                }
                event = o.type().name().toLowerCase(Locale.ROOT) + " " + (f.quantity() > 0 ? "buy " : "sell ") + f.symbol()
                        + (o.tag().isEmpty() ? "" : " \"" + o.tag() + "\"");
            }
            OhlcvSeries bars = r.spec().data().require(f.symbol());
            out.add(new Key(bars.timeMillis(bars.indexAtOrBefore(f.timeMillis())), event));
        }
        return out;
    }
}
