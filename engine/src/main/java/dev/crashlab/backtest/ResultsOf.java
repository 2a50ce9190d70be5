package dev.crashlab.backtest;

import dev.crashlab.Crashlab;
import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.indicator.Sma;
import dev.crashlab.metrics.RegimeStats;
import dev.crashlab.metrics.Trade;
import dev.crashlab.metrics.tail.CrisisStats;
import dev.crashlab.metrics.tail.PeriodSubset;
import dev.crashlab.metrics.tail.TailMetrics;
import dev.crashlab.results.AccountTerms;
import dev.crashlab.results.BenchmarkResults;
import dev.crashlab.results.Candle;
import dev.crashlab.results.CandleSeries;
import dev.crashlab.results.CandleWindow;
import dev.crashlab.results.ContributionTerms;
import dev.crashlab.results.CostTerms;
import dev.crashlab.results.CrisisBenchmark;
import dev.crashlab.results.CrisisMetrics;
import dev.crashlab.results.DataFile;
import dev.crashlab.results.EquityPoint;
import dev.crashlab.results.EventRow;
import dev.crashlab.results.Figures;
import dev.crashlab.results.FillRow;
import dev.crashlab.results.FundingSource;
import dev.crashlab.results.InstrumentInfo;
import dev.crashlab.results.MaintenanceTier;
import dev.crashlab.results.MarginTerms;
import dev.crashlab.results.OrderRow;
import dev.crashlab.results.PathResolution;
import dev.crashlab.results.Period;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.RegimeResults;
import dev.crashlab.results.RegimeWindow;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.Returns;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.SeriesPoint;
import dev.crashlab.results.SeriesRead;
import dev.crashlab.results.StrategyInfo;
import dev.crashlab.results.TailFigures;
import dev.crashlab.results.TrackedSeries;
import dev.crashlab.results.TradeRow;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the results records of a {@link BacktestResult}: one record per part of results.json,
 * each figure as the file holds it (NaN for an undefined one, 0 for -0).
 */
final class ResultsOf {

    private ResultsOf() {
    }

    static RunResults run(BacktestResult result, Instant generatedAt, PathSensitivity.Report sensitivity) {
        Backtest spec = result.spec();
        int steps = result.size();
        List<InstrumentInfo> universe = new ArrayList<>();
        Map<String, List<Double>> prices = new LinkedHashMap<>();
        List<Instrument> instruments = result.instruments();
        for (int i = 0; i < instruments.size(); i++) {
            Instrument instrument = instruments.get(i);
            universe.add(new InstrumentInfo(instrument.symbol().value(), instrument.assetClass().label(),
                    instrument.quoteCurrency(), instrument.calendar().id()));
            double[] closes = new double[steps];
            for (int s = 0; s < steps; s++) {
                closes[s] = result.price(i, s);
            }
            prices.put(instrument.symbol().value(), Figures.figures(closes));
        }
        List<DataFile> data = new ArrayList<>();
        for (DataSource source : result.sources()) {
            data.add(new DataFile(source.path(), source.sha256(), source.format(), source.synthetic()));
        }
        Map<String, Double> positions = new LinkedHashMap<>();
        result.finalPositions().forEach((symbol, quantity) -> positions.put(symbol.value(), Figures.figure(quantity)));
        List<EquityPoint> equity = new ArrayList<>();
        double[] cash = result.cashCurve();
        for (int s = 0; s < steps; s++) {
            equity.add(new EquityPoint(result.time(s), Figures.figure(result.equity(s)), Figures.figure(cash[s]),
                    Figures.figure(result.contributions(s)), Figures.figure(result.longExposure(s)), Figures.figure(result.shortExposure(s))));
        }
        long[] times = new long[steps];
        for (int s = 0; s < steps; s++) {
            times[s] = result.timeMillis(s);
        }
        BenchmarkResults benchmark = result.benchmark().map(b -> new BenchmarkResults(b.name(), RunMetrics.of(b.metrics()),
                tail(b.tail(), times), Figures.figures(b.equity()))).orElse(null);
        RegimeResults regimes = result.regimes().map(r -> regimes(r, times)).orElse(null);
        return new RunResults(RunResults.SCHEMA, Crashlab.version(), generatedAt, result.name(),
                new StrategyInfo(result.strategyName(), tree(spec.parameters())), tree(spec.config()),
                new Period(result.time(0), result.time(steps - 1), steps, Figures.figure(spec.effectivePeriodsPerYear()),
                        MarketClock.finestInterval(spec.data().prices()).toString()),
                universe, result.synthetic(), result.warnings(), data, account(spec), costs(spec.costs()),
                RunMetrics.of(result.metrics()), tail(result.tail(), times), positions, equity, prices,
                result.orders().stream().map(ResultsOf::order).toList(),
                result.openOrders().stream().map(Order::id).toList(),
                result.fills().stream().map(ResultsOf::fill).toList(),
                result.trades().stream().map(ResultsOf::trade).toList(),
                result.events().stream().map(ResultsOf::event).toList(),
                benchmark, regimes, result.crises().stream().map(c -> crisis(c, times)).toList(), series(result),
                result.tracked().stream().map(t -> new TrackedSeries(t.name(),
                        t.state() ? TrackedSeries.STATE : TrackedSeries.VALUE, Figures.figures(t.values()))).toList(),
                path(result, sensitivity), candles(result), null, null, null);
    }

    private static PathResolution path(BacktestResult result, PathSensitivity.Report sensitivity) {
        Map<String, String> detail = new LinkedHashMap<>();
        result.spec().data().detail().forEach((symbol, bars) -> detail.put(symbol.value(), bars.interval().toString()));
        return new PathResolution(detail.isEmpty() ? PathResolution.RULE : PathResolution.DETAIL, detail,
                result.detailBars(), result.ruleBars(), result.ambiguousBars(),
                sensitivity == null ? null : sensitivity.toResults());
    }

    /** The overlays of a candle window: simple moving averages of the closes, by bar count. */
    private static final int[] OVERLAY_SMAS = {20, 50};

    /**
     * Returns the bars of the traded instruments around the deepest drawdown of the strategy's
     * index (see {@link CandleWindow}), or null when nothing was traded.
     */
    private static CandleWindow candles(BacktestResult result) {
        Set<String> traded = new HashSet<>();
        result.fills().forEach(f -> traded.add(f.symbol().value()));
        if (traded.isEmpty()) {
            return null;
        }
        int steps = result.size();
        long[] times = new long[steps];
        double[] equity = new double[steps];
        double[] flows = new double[steps];
        for (int s = 0; s < steps; s++) {
            times[s] = result.timeMillis(s);
            equity[s] = result.equity(s);
            flows[s] = result.contributions(s);
        }
        long day = 86_400_000L;
        List<Returns.Drawdown> deepest = Returns.worstDrawdowns(times, Returns.index(Returns.periodReturns(equity, flows)), 1);
        long from;
        long to;
        String chosenBy;
        Backtest.Window chosen = result.spec().candles();
        if (chosen != null) {
            from = Math.max(times[0], chosen.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            to = Math.min(times[steps - 1], chosen.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1);
            chosenBy = CandleWindow.CONFIGURED;
        } else if (deepest.isEmpty()) {
            to = times[steps - 1];
            from = Math.max(times[0], to - CandleWindow.DEFAULT_DAYS * day);
            chosenBy = CandleWindow.LAST_DAYS;
        } else {
            from = Math.max(times[0], times[deepest.getFirst().peak()] - CandleWindow.PADDING_DAYS * day);
            to = Math.min(times[steps - 1], times[deepest.getFirst().trough()] + CandleWindow.PADDING_DAYS * day);
            chosenBy = CandleWindow.DEEPEST_DRAWDOWN;
        }
        List<CandleSeries> series = new ArrayList<>();
        for (OhlcvSeries bars : result.spec().data().prices()) {
            String symbol = bars.symbol().value();
            if (!traded.contains(symbol)) {
                continue;
            }
            int last = bars.indexAtOrBefore(to);
            int first = Math.max(last - CandleWindow.MAX_BARS + 1, bars.indexAtOrBefore(from - 1) + 1);
            Sma[] smas = new Sma[OVERLAY_SMAS.length];
            Map<String, List<Double>> overlays = new LinkedHashMap<>();
            for (int k = 0; k < smas.length; k++) {
                smas[k] = new Sma(OVERLAY_SMAS[k]);
                // Every bar up to the window's last at once: the average's own loop, not a call a bar.
                smas[k].updateAll(bars, 0, last + 1);
                overlays.put("SMA " + OVERLAY_SMAS[k], new ArrayList<>());
            }
            List<Candle> candles = new ArrayList<>();
            for (int b = first; b <= last; b++) {
                candles.add(new Candle(bars.time(b), Figures.figure(bars.open(b)), Figures.figure(bars.high(b)),
                        Figures.figure(bars.low(b)), Figures.figure(bars.close(b))));
                for (int k = 0; k < smas.length; k++) {
                    overlays.get("SMA " + OVERLAY_SMAS[k]).add(Figures.figure(smas[k].value(last - b)));
                }
            }
            series.add(new CandleSeries(symbol, candles, overlays));
        }
        return new CandleWindow(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), chosenBy, series);
    }

    private static AccountTerms account(Backtest spec) {
        Margin margin = spec.margin();
        return new AccountTerms(Figures.figure(spec.initialCash()),
                new ContributionTerms(Figures.figure(spec.contributions().amount()), lower(spec.contributions().schedule().name())),
                new MarginTerms(margin.mode().label(), Figures.figure(margin.initial()), Figures.figure(margin.maintenance().firstRate()),
                        margin.maintenance().tiers().stream()
                                .map(t -> new MaintenanceTier(Figures.figure(t.floor()), Figures.figure(t.rate()))).toList(),
                        Figures.figure(margin.liquidationFee())));
    }

    private static CostTerms costs(Costs c) {
        Map<String, FundingSource> funding = new TreeMap<>();
        c.fundingSeries().forEach((symbol, f) -> funding.put(symbol.value(), new FundingSource(f.series(), Figures.figure(f.scale()))));
        return new CostTerms(Figures.figure(c.feeRate()), Figures.figure(c.fixedFee()), Figures.figure(c.slippageBps()), lower(c.fillMode().name()),
                c.fillMode().isOptimistic(), c.pathRule().label(), Figures.figure(c.borrowRate()), Figures.figure(c.fundingRate()), funding);
    }

    private static OrderRow order(Order order) {
        return new OrderRow(order.id(), order.submittedAt(), order.symbol(), lower(order.type().name()),
                lower(order.sizing().name()), order.side() == null ? null : lower(order.side().name()), Figures.figure(order.amount()),
                Figures.figure(order.price()), order.tag());
    }

    private static FillRow fill(Fill fill) {
        return new FillRow(fill.orderId(), fill.time(), fill.symbol().value(), fill.quantity() > 0 ? "buy" : "sell",
                Figures.figure(fill.quantity()), Figures.figure(fill.price()), Figures.figure(fill.fee()), lower(fill.kind().name()), fill.tag(),
                Figures.figure(fill.liquidationPrice()));
    }

    private static TradeRow trade(Trade t) {
        return new TradeRow(t.symbol().value(), lower(t.side().name()), t.entryTime(), t.exitTime(), Figures.figure(t.entryPrice()),
                Figures.figure(t.exitPrice()), Figures.figure(t.quantity()), Figures.figure(t.pnl()), Figures.figure(t.tradeReturn()), Figures.figure(t.fees()),
                Figures.figure(t.carry()), Figures.figure(t.holdingDays()), t.open(), t.liquidated());
    }

    private static EventRow event(Event e) {
        return new EventRow(e.time(), e.kind().label(), e.symbol(), e.message(),
                Figures.figure(e.value()));
    }

    private static RegimeResults regimes(BacktestResult.Regimes r, long[] times) {
        List<Integer> steps = new ArrayList<>(r.ofStep().length);
        for (int label : r.ofStep()) {
            steps.add(label);
        }
        List<RegimeMetrics> metrics = new ArrayList<>();
        for (int label = 0; label < r.stats().size(); label++) {
            RegimeStats s = r.stats().get(label);
            PeriodSubset periods = PeriodSubset.ofLabel(r.ofStep(), label);
            metrics.add(new RegimeMetrics(s.label(), s.steps(), Figures.figure(s.totalReturn()), Figures.figure(s.maxDrawdown()),
                    Figures.figure(s.timeInMarket()), TailFigures.of(r.tails().get(label), times, periods::step)));
        }
        return new RegimeResults(r.labels(), steps,
                r.windows().stream().map(w -> new RegimeWindow(w.name(), w.from(), w.to(), w.description())).toList(), metrics);
    }

    /** Returns the figures of a whole curve's {@code tail}, its episodes at the run's steps. */
    private static TailFigures tail(TailMetrics tail, long[] times) {
        return TailFigures.of(tail, times, k -> k);
    }

    private static CrisisMetrics crisis(CrisisStats c, long[] times) {
        PeriodSubset periods = c.periods();
        CrisisStats.Performance run = c.run();
        CrisisStats.Performance bench = c.benchmark();
        return new CrisisMetrics(c.window().name(), c.window().from(), c.window().to(), c.window().description(),
                c.window().builtIn(), c.coverage().label(), periods.size(), at(times, c.startStep()), at(times, c.endStep()),
                Figures.figure(run.totalReturn()), Figures.figure(run.maxDrawdown()), Figures.figure(run.daysToRecover()),
                at(times, run.recoveryStep()), TailFigures.of(run.tail(), times, periods::step), c.liquidations(),
                Figures.figure(c.fundingPaid()), c.heldBack(), bench == null ? null
                        : new CrisisBenchmark(Figures.figure(bench.totalReturn()), Figures.figure(bench.maxDrawdown()),
                                Figures.figure(bench.daysToRecover()), at(times, bench.recoveryStep()),
                                TailFigures.of(bench.tail(), times, periods::step)));
    }

    /** Returns the time of step {@code s}, or {@code null} for −1. */
    private static Instant at(long[] times, int s) {
        return s < 0 ? null : Instant.ofEpochMilli(times[s]);
    }

    /** Returns the values of each series read, from 400 days before the first step to the last. */
    private static Map<String, SeriesRead> series(BacktestResult result) {
        Map<String, SeriesRead> out = new LinkedHashMap<>();
        long from = result.timeMillis(0) - 400L * 86_400_000L;
        long to = result.timeMillis(result.size() - 1);
        for (String name : result.seriesUsed()) {
            NonPriceSeries s = result.spec().data().series().get(name);
            List<SeriesPoint> values = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                if (s.dateMillis(i) >= from && s.dateMillis(i) <= to) {
                    values.add(new SeriesPoint(s.date(i), Figures.figure(s.value(i)), s.publishedAt(i)));
                }
            }
            out.put(name, new SeriesRead(s.rule().toString(), s.unit(), values));
        }
        return out;
    }

    /** Returns a map of parameters or configuration as the free-form JSON object results.json echoes. */
    private static ObjectNode tree(Map<String, Object> map) {
        return (ObjectNode) ResultsJson.toTree(map);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
