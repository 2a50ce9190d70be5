package com.example.quant.study;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.backtest.PathSensitivity;
import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.results.PathSensitivityResults;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The seed's advice "never touch leverage", tried on real intraday paths: for each crash window
 * of {@code ../shared/data/intraday/crash-windows}, 2×, 3×, 5× and 10× longs of BTC bought at the
 * open of the day before the crash day and held to the window's last day, decided on Binance's
 * daily bars, resolved once by the path rule and once on the window's 1m or 5m bars; and limit
 * buys at 10, 20 and 30 % below the close of the day before, to see which filled in the wick.
 * {@link #main} prints the tables of README's "A crash-day study".
 */
public final class CrashDayStudy {

    /** The leverages tried. */
    static final double[] LEVERAGES = {2, 3, 5, 10};
    /** The limit buys' distances below the reference close, fractions. */
    static final double[] DIPS = {0.10, 0.20, 0.30};
    private static final Instrument BTC = Instrument.of("BTC-USDT", AssetClass.CRYPTO);
    private static final double CASH = 10_000;

    /**
     * A crash window: the named crash day, the last day held, and the detail file.
     *
     * @param name   the window's name
     * @param crash  the crash day D: longs are bought at the open of D − 1
     * @param last   the last day of the window held
     * @param detail the file of detail bars, under {@code intraday/crash-windows}
     */
    record Window(String name, LocalDate crash, LocalDate last, String detail) {
    }

    static final List<Window> WINDOWS = List.of(
            new Window("312", LocalDate.of(2020, 3, 12), LocalDate.of(2020, 3, 13), "BTCUSDT_spot_5m_2020-03-12_312.csv"),
            new Window("2021-05-19", LocalDate.of(2021, 5, 19), LocalDate.of(2021, 5, 21), "BTCUSDT_spot_1m_2021-05-19.csv"),
            new Window("2022-06-13", LocalDate.of(2022, 6, 13), LocalDate.of(2022, 6, 15), "BTCUSDT_spot_1m_2022-06-13.csv"),
            new Window("FTX 2022-11-08", LocalDate.of(2022, 11, 8), LocalDate.of(2022, 11, 11),
                    "BTCUSDT_spot_5m_2022-11-08_FTX.csv"),
            new Window("2024-08-05", LocalDate.of(2024, 8, 5), LocalDate.of(2024, 8, 7), "BTCUSDT_spot_1m_2024-08-05.csv"),
            new Window("2025-10-10", LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 13), "BTCUSDT_spot_5m_2025-10-10.csv"),
            new Window("2025-11-14..21", LocalDate.of(2025, 11, 14), LocalDate.of(2025, 11, 23),
                    "BTCUSDT_spot_5m_2025-11-14_21.csv"));

    /**
     * What one run did.
     *
     * @param liquidated  whether the long was liquidated
     * @param time        the liquidation's time (the day on daily bars, the sub-bar with detail), or null
     * @param price       the liquidation's price, or NaN
     * @param left        the equity at the window's last close
     * @param detailBars  bars resolved on detail
     * @param ruleBars    bars resolved by the rule
     */
    record Outcome(boolean liquidated, Instant time, double price, double left, long detailBars, long ruleBars) {
    }

    /** A leverage in one window, on daily bars and on detail. */
    record LeverageRow(Window window, double leverage, Outcome daily, Outcome detail) {
    }

    /** A limit buy in one window: its price, and its fill on daily bars and on detail (null: none). */
    record DipRow(Window window, double dip, double limit, Fill daily, Fill detail, long minutesAtOrBelow) {
    }

    private final Path shared;
    private final OhlcvSeries daily;

    /** Returns the study over {@code shared} ({@code ../shared/data}). */
    public CrashDayStudy(Path shared) {
        this.shared = shared;
        this.daily = PriceLoader.load(shared.resolve("BTC-USDT_binance.csv"), LoadOptions.builder().instrument(BTC).build());
    }

    /** Returns the detail bars of {@code w}. */
    OhlcvSeries detail(Window w) {
        return PriceLoader.load(shared.resolve("intraday/crash-windows").resolve(w.detail()),
                LoadOptions.builder().instrument(BTC).build());
    }

    /** Returns each leverage's outcome in each window. */
    public List<LeverageRow> leverage() {
        List<LeverageRow> rows = new ArrayList<>();
        for (Window w : WINDOWS) {
            OhlcvSeries detail = detail(w);
            for (double leverage : LEVERAGES) {
                Consumer<StrategyContext> buy = ctx -> ctx.buyValue(BTC.symbol().value(), leverage * ctx.portfolio().equity());
                Margin margin = Margin.forLeverage(leverage);
                rows.add(new LeverageRow(w, leverage, outcome(run(w, MarketData.of(daily), margin, buy)),
                        outcome(run(w, MarketData.of(daily).withDetail(detail), margin, buy))));
            }
        }
        return rows;
    }

    /** Returns each limit buy's fills in each window, in a cash account. */
    public List<DipRow> dips() {
        List<DipRow> rows = new ArrayList<>();
        for (Window w : WINDOWS) {
            OhlcvSeries detail = detail(w);
            // The reference: the close of D − 1; the orders are placed then, and wait (good till cancelled).
            double reference = daily.close(daily.indexAtOrBefore(millis(w.crash().minusDays(1))));
            Consumer<StrategyContext> noop = ctx -> { };
            for (double dip : DIPS) {
                double limit = reference * (1 - dip);
                Consumer<StrategyContext> place = ctx -> ctx.buyLimit(BTC.symbol().value(), 1_000 / limit, limit);
                BacktestResult onDaily = run(w, MarketData.of(daily), Margin.NONE, noop, place);
                BacktestResult onDetail = run(w, MarketData.of(daily).withDetail(detail), Margin.NONE, noop, place);
                long minutes = 0;
                for (int k = 0; k < detail.size(); k++) {
                    if (detail.timeMillis(k) >= millis(w.crash()) && detail.low(k) <= limit) {
                        minutes += detail.interval().nominal().toMinutes();
                    }
                }
                rows.add(new DipRow(w, dip, limit, firstFill(onDaily), firstFill(onDetail), minutes));
            }
        }
        return rows;
    }

    /**
     * Returns, for each window, the path sensitivity of a 3× long bought at D − 1's open with a
     * bracket placed at D − 1's close: a stop 8 % below that close and a take-profit limit 4 %
     * above it, on daily bars alone: which of them (or the liquidation) happens, high-first,
     * low-first and on 20 Brownian-bridge paths of 96 sub-bars per day.
     */
    public List<String> sensitivity() {
        List<String> lines = new ArrayList<>();
        for (Window w : WINDOWS) {
            double reference = daily.close(daily.indexAtOrBefore(millis(w.crash().minusDays(1))));
            String symbol = BTC.symbol().value();
            Consumer<StrategyContext> buy = ctx -> ctx.buyValue(symbol, 3 * ctx.portfolio().equity());
            Consumer<StrategyContext> bracket = ctx -> {
                ctx.submit(Order.closeStop(symbol, 0.92 * reference).withTag("stop -8%"));
                ctx.submit(Order.closeLimit(symbol, 1.04 * reference).withTag("take-profit +4%"));
            };
            Backtest backtest = backtest(w, MarketData.of(daily), Margin.forLeverage(3), buy, bracket);
            PathSensitivity.Report report = PathSensitivity.of(backtest, PathSensitivity.Options.DEFAULTS);
            long ambiguous = backtest.run().ambiguousBars();
            lines.add(w.name() + " (" + ambiguous + " ambiguous " + (ambiguous == 1 ? "bar" : "bars") + "): "
                    + report.events().stream().map(PathSensitivity.EventSpread::toString).toList());
        }
        return lines;
    }

    /**
     * A 10× long with a take-profit in one window: whether it was liquidated, by the daily bars'
     * rule, high-first, low-first, on the bridge paths, and on the real path (detail bars).
     *
     * @param window the window
     * @param limit  the take-profit: 1 % above D − 1's close
     * @param rule   the run on daily bars by the default rule (the nearer extreme first)
     * @param spread the path sensitivity on daily bars (20 bridge paths of 96 sub-bars, seed 1)
     * @param detail the run on the window's detail bars
     * @param taken  the take-profit's fill on detail bars, or null
     */
    record TakeProfitRow(Window window, double limit, Outcome rule, PathSensitivityResults spread, Outcome detail, Fill taken) {
    }

    /**
     * Returns, for each window, a 10× long bought at D − 1's open with a take-profit limit 1 % above
     * D − 1's close, placed at that close: on a crash day that first rose 1 % the take-profit closes
     * the long before the fall, on one that fell first the long is liquidated; daily bars cannot
     * tell which, and the path sensitivity says on what share of plausible paths each happens.
     */
    public List<TakeProfitRow> takeProfit() {
        List<TakeProfitRow> rows = new ArrayList<>();
        String symbol = BTC.symbol().value();
        Margin margin = Margin.forLeverage(10);
        for (Window w : WINDOWS) {
            double limit = 1.01 * daily.close(daily.indexAtOrBefore(millis(w.crash().minusDays(1))));
            Consumer<StrategyContext> buy = ctx -> ctx.buyValue(symbol, 10 * ctx.portfolio().equity());
            Consumer<StrategyContext> place = ctx -> ctx.submit(Order.closeLimit(symbol, limit).withTag("take-profit +1%"));
            Backtest backtest = backtest(w, MarketData.of(daily), margin, buy, place);
            BacktestResult onDetail = run(w, MarketData.of(daily).withDetail(detail(w)), margin, buy, place);
            Fill taken = onDetail.fills().stream().filter(f -> f.kind() != Fill.Kind.LIQUIDATION && f.quantity() < 0)
                    .findFirst().orElse(null);
            rows.add(new TakeProfitRow(w, limit, outcome(backtest.run()),
                    PathSensitivity.of(backtest, PathSensitivity.Options.DEFAULTS).toResults(), outcome(onDetail), taken));
        }
        return rows;
    }

    /**
     * Runs from D − 2's close to the window's last day: {@code first} at D − 2's close (its orders
     * fill at D − 1's open), then {@code second} at D − 1's close.
     */
    @SafeVarargs
    private BacktestResult run(Window w, MarketData data, Margin margin, Consumer<StrategyContext>... actions) {
        return backtest(w, data, margin, actions).run();
    }

    @SafeVarargs
    private Backtest backtest(Window w, MarketData data, Margin margin, Consumer<StrategyContext>... actions) {
        Strategy strategy = ctx -> {
            if (ctx.step() < actions.length) {
                actions[ctx.step()].accept(ctx);
            }
        };
        return Backtest.builder(data).name("crash-day " + w.name()).strategy(() -> strategy).initialCash(CASH).margin(margin)
                .start(Instant.ofEpochMilli(millis(w.crash().minusDays(2)))).end(Instant.ofEpochMilli(millis(w.last())))
                .build();
    }

    private static Outcome outcome(BacktestResult r) {
        Fill liquidation = r.fills().stream().filter(f -> f.kind() == Fill.Kind.LIQUIDATION).findFirst().orElse(null);
        return new Outcome(liquidation != null, liquidation == null ? null : liquidation.time(),
                liquidation == null ? Double.NaN : liquidation.price(), r.equity(r.size() - 1), r.detailBars(), r.ruleBars());
    }

    private static Fill firstFill(BacktestResult r) {
        return r.fills().isEmpty() ? null : r.fills().getFirst();
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Returns the two tables as Markdown. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| window | lev. | daily bars: liquidated at | left | detail bars: liquidated at | left | bars on detail / rule |\n");
        out.append("|---|---:|---|---:|---|---:|---:|\n");
        for (LeverageRow r : leverage()) {
            out.append(String.format(Locale.ROOT, "| %s | %.0f× | %s | %s | %s | %s | %d / %d |%n", r.window().name(),
                    r.leverage(), when(r.daily()), money(r.daily().left()), when(r.detail()), money(r.detail().left()),
                    r.detail().detailBars(), r.detail().ruleBars()));
        }
        out.append("\n| window | limit buy | price | daily bars: filled | detail bars: filled | minutes at or below |\n");
        out.append("|---|---:|---:|---|---|---:|\n");
        for (DipRow r : dips()) {
            out.append(String.format(Locale.ROOT, "| %s | −%.0f %% | %s | %s | %s | %d |%n", r.window().name(), 100 * r.dip(),
                    money(r.limit()), fill(r.daily()), fill(r.detail()), r.minutesAtOrBelow()));
        }
        out.append("\nPath sensitivity on daily bars alone (3× long, stop −8 %, take-profit +4 % of the close before the crash day):\n\n");
        for (String line : sensitivity()) {
            out.append("- ").append(line).append('\n');
        }
        out.append("\n| window | take-profit at | daily bars (rule) | high-first | low-first | liquidated on bridge paths"
                + " | real path (detail bars) |\n");
        out.append("|---|---:|---|---|---|---:|---|\n");
        for (TakeProfitRow r : takeProfit()) {
            PathSensitivityResults.Liquidated l = r.spread().liquidated();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d of %d | %s |%n", r.window().name(),
                    money(r.limit()), r.rule().liquidated() ? "liquidated " + when(r.rule()) : "taken",
                    l.highFirst() ? "liquidated" : "taken", l.lowFirst() ? "liquidated" : "taken", l.onBridges(),
                    r.spread().bridges(), r.detail().liquidated() ? "liquidated " + when(r.detail())
                            : r.taken() == null ? "neither" : "taken " + fill(r.taken())));
        }
        return out.toString();
    }

    private static String when(Outcome o) {
        return o.liquidated() ? shortTime(o.time()) + " at " + money(o.price()) : "no";
    }

    private static String fill(Fill f) {
        return f == null ? "no" : shortTime(f.time()) + " at " + money(f.price());
    }

    private static String shortTime(Instant t) {
        String s = t.toString();
        return s.endsWith("T00:00:00Z") ? s.substring(0, 10) + " (day)" : s.substring(0, 16).replace('T', ' ');
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Prints the study's tables; the argument is {@code ../shared/data} (default: {@code ../../shared/data}). */
    public static void main(String[] args) {
        System.out.print(new CrashDayStudy(Path.of(args.length > 0 ? args[0] : "../../shared/data")).markdown());
    }
}
