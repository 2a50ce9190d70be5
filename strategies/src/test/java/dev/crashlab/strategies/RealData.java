package dev.crashlab.strategies;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.data.Symbol;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.SeriesLoader;
import dev.crashlab.execution.Costs;
import dev.crashlab.metrics.Metrics;
import dev.crashlab.strategy.BuyAndHold;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.testing.SharedData;
import java.time.Instant;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;

/**
 * The real-data universe of the seed strategies' tests, loaded once from {@code ../shared/data}
 * (skipped, or failed in CI, when missing): BTC, ETH, SOL, XRP, DOGE, ZEC, QQQ and GLD daily bars,
 * and the total spot-BTC-ETF net flows as the non-price series {@code etf_flows}, each value
 * dated D published at D+1 00:00 UTC.
 */
final class RealData {

    /** The first step of the real-data runs. */
    static final Instant START = Instant.parse("2018-01-01T00:00:00Z");
    /** The last step of the real-data runs. */
    static final Instant END = Instant.parse("2025-11-21T00:00:00Z");
    /** 0.1 % fees; 5 % a year on borrowed cash; 0.01 % per 8 hours of funding on crypto shorts. */
    static final Costs COSTS = Costs.DEFAULTS.withFeeRate(0.001).withBorrowRate(0.05).withFundingRate(0.0001);
    /** The price files of the universe, in universe order. */
    static final String[] SYMBOLS = {"BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD", "DOGE-USD", "ZEC-USD", "QQQ", "GLD"};

    /** The relative precision of pinned figures: reruns are deterministic, so only summation order could move them. */
    static final double PINNED = 1e-9;

    private static MarketData universe;

    private RealData() {
    }

    /** Returns the universe, loading it at the first call. */
    static synchronized MarketData universe() {
        if (universe == null) {
            MarketData.Builder b = MarketData.builder();
            for (String symbol : SYMBOLS) {
                b.add(PriceLoader.load(SharedData.file(symbol + ".csv")));
            }
            b.add(SeriesLoader.load(SharedData.file("etf_flows_btc.csv"), "total", "etf_flows", PublicationRule.NEXT_DAY_UTC));
            universe = b.build();
        }
        return universe;
    }

    /** Returns the bars of {@code symbol}. */
    static OhlcvSeries prices(String symbol) {
        return universe().require(Symbol.of(symbol));
    }

    /** Returns the ETF flow series. */
    static NonPriceSeries flows() {
        return universe().series().get("etf_flows");
    }

    /**
     * Asserts key metrics pinned by running once (LEAN's regression idea: a changed figure is a
     * deliberate, explained edit), each to {@link #PINNED} relative precision.
     */
    static void assertPinned(Metrics m, double totalReturn, double cagr, double maxDrawdown, double sharpe,
            double finalEquity, int liquidations) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(m.totalReturn()).as("totalReturn").isCloseTo(totalReturn, within(totalReturn));
        soft.assertThat(m.cagr()).as("cagr").isCloseTo(cagr, within(cagr));
        soft.assertThat(m.maxDrawdown()).as("maxDrawdown").isCloseTo(maxDrawdown, within(maxDrawdown));
        soft.assertThat(m.sharpe()).as("sharpe").isCloseTo(sharpe, within(sharpe));
        soft.assertThat(m.finalEquity()).as("finalEquity").isCloseTo(finalEquity, within(finalEquity));
        soft.assertThat(m.liquidations()).as("liquidations").isEqualTo(liquidations);
        soft.assertAll();
    }

    private static org.assertj.core.data.Offset<Double> within(double expected) {
        return org.assertj.core.data.Offset.offset(PINNED * Math.abs(expected));
    }

    /** Returns a backtest of {@code strategy} over the range with {@link #COSTS} and 10,000 of cash, buy-and-hold BTC as benchmark. */
    static Backtest.Builder backtest(Supplier<? extends Strategy> strategy) {
        return Backtest.builder(universe()).strategy(strategy).start(START).end(END).initialCash(10_000).costs(COSTS)
                .benchmark("buy-and-hold BTC-USD", RealData::buyAndHold);
    }

    /** Returns buy-and-hold BTC-USD, the benchmark. */
    static Strategy buyAndHold() {
        return new BuyAndHold(BuyAndHold.Params.DEFAULTS);
    }
}
