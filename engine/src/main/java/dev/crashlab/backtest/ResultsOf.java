package dev.crashlab.backtest;

import dev.crashlab.Crashlab;
import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.Margin;
import dev.crashlab.metrics.RegimeStats;
import dev.crashlab.metrics.Trade;
import dev.crashlab.results.AccountTerms;
import dev.crashlab.results.BenchmarkResults;
import dev.crashlab.results.ContributionTerms;
import dev.crashlab.results.CostTerms;
import dev.crashlab.results.DataFile;
import dev.crashlab.results.EquityPoint;
import dev.crashlab.results.EventRow;
import dev.crashlab.results.FillRow;
import dev.crashlab.results.Figures;
import dev.crashlab.results.FundingSource;
import dev.crashlab.results.InstrumentInfo;
import dev.crashlab.results.MaintenanceTier;
import dev.crashlab.results.MarginTerms;
import dev.crashlab.results.OrderRow;
import dev.crashlab.results.Period;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.RegimeResults;
import dev.crashlab.results.RegimeWindow;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.SeriesPoint;
import dev.crashlab.results.SeriesRead;
import dev.crashlab.results.TrackedSeries;
import dev.crashlab.results.StrategyInfo;
import dev.crashlab.results.TradeRow;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the results records of a {@link BacktestResult}: one record per part of results.json,
 * each figure as the file holds it (NaN for an undefined one, 0 for -0).
 */
final class ResultsOf {

    private ResultsOf() {
    }

    static RunResults run(BacktestResult result, Instant generatedAt) {
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
        for (int s = 0; s < steps; s++) {
            equity.add(new EquityPoint(result.time(s), Figures.figure(result.equity(s)), Figures.figure(result.cash(s)),
                    Figures.figure(result.contributions(s)), Figures.figure(result.longExposure(s)), Figures.figure(result.shortExposure(s))));
        }
        BenchmarkResults benchmark = result.benchmark().map(b -> new BenchmarkResults(b.name(), RunMetrics.of(b.metrics()),
                Figures.figures(b.equity()))).orElse(null);
        RegimeResults regimes = result.regimes().map(ResultsOf::regimes).orElse(null);
        return new RunResults(RunResults.SCHEMA, Crashlab.version(), generatedAt, result.name(),
                new StrategyInfo(result.strategyName(), tree(spec.parameters())), tree(spec.config()),
                new Period(result.time(0), result.time(steps - 1), steps, Figures.figure(spec.effectivePeriodsPerYear()),
                        MarketClock.finestInterval(spec.data().prices()).toString()),
                universe, result.synthetic(), result.warnings(), data, account(spec), costs(spec.costs()),
                RunMetrics.of(result.metrics()), positions, equity, prices,
                result.orders().stream().map(ResultsOf::order).toList(),
                result.openOrders().stream().map(Order::id).toList(),
                result.fills().stream().map(ResultsOf::fill).toList(),
                result.trades().stream().map(ResultsOf::trade).toList(),
                result.events().stream().map(ResultsOf::event).toList(),
                benchmark, regimes, series(result),
                result.tracked().stream().map(t -> new TrackedSeries(t.name(),
                        t.state() ? TrackedSeries.STATE : TrackedSeries.VALUE, Figures.figures(t.values()))).toList());
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

    private static RegimeResults regimes(BacktestResult.Regimes r) {
        List<Integer> steps = new ArrayList<>(r.ofStep().length);
        for (int label : r.ofStep()) {
            steps.add(label);
        }
        return new RegimeResults(r.labels(), steps,
                r.windows().stream().map(w -> new RegimeWindow(w.name(), w.from(), w.to(), w.description())).toList(),
                r.stats().stream().map(ResultsOf::regime).toList());
    }

    private static RegimeMetrics regime(RegimeStats s) {
        return new RegimeMetrics(s.label(), s.steps(), Figures.figure(s.totalReturn()), Figures.figure(s.maxDrawdown()),
                Figures.figure(s.timeInMarket()));
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
