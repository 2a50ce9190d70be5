package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.equity;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import dev.crashlab.execution.Costs;
import dev.crashlab.execution.Fill;
import dev.crashlab.execution.FillMode;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hand-computed micro scenarios for every fill rule, fee and slippage. */
class ExecutionTest {

    /** Exact arithmetic on small numbers; any error beyond this is a bug, not rounding. */
    private static final double EXACT = 1e-9;

    private static final Instrument BTC = crypto("BTC-USD");
    private static final Symbol B = BTC.symbol();
    //                                   open high low close
    private static final OhlcvSeries BARS = ohlc(BTC, LocalDate.of(2024, 1, 1),
            10, 12, 9, 12,
            11, 14, 10, 13,
            14, 15, 13, 15,
            15, 16, 8, 9);

    private static BacktestResult run(Scripted strategy, Costs costs) {
        return Backtest.builder(MarketData.of(BARS)).strategy(() -> strategy).initialCash(100).costs(costs).build().run();
    }

    @Test
    void refusesARangeWithoutBarsNamingWhatTheDataCovers() {
        Backtest empty = Backtest.builder(MarketData.of(BARS)).strategy(() -> new Scripted())
                .benchmark("buy-and-hold BTC-USD", () -> new Scripted())
                .start(Instant.parse("2024-02-01T00:00:00Z")).end(Instant.parse("2024-02-05T00:00:00Z")).build();

        assertThatThrownBy(empty::run).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no bars between start 2024-02-01T00:00:00Z and end 2024-02-05T00:00:00Z: the data covers"
                        + " 2024-01-01T00:00:00Z .. 2024-01-04T00:00:00Z");
    }

    @Test
    void fillsAtNextBarOpenNotAtSignalClose() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 2)), Costs.DEFAULTS);

        Fill fill = r.fills().getFirst();
        assertThat(fill.price()).isEqualTo(11);
        assertThat(fill.time()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(r.equity(0)).isEqualTo(100);
        assertThat(r.equity(1)).isCloseTo(100 - 22 + 26, within(EXACT));
        assertThat(r.cash(1)).isCloseTo(78, within(EXACT));
    }

    @Test
    void fillsAtTheSameBarsCloseInCloseModeWhichIsLabelledOptimistic() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 2)), Costs.DEFAULTS.withFillMode(FillMode.CLOSE));

        assertThat(r.fills().getFirst().price()).isEqualTo(12);
        assertThat(r.fills().getFirst().time()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(r.spec().costs().fillMode().isOptimistic()).isTrue();
        assertThat(r.toResults(Instant.EPOCH).costs().optimistic()).isTrue();
    }

    @Test
    void chargesAFeeRateOnNotionalPlusAFixedFeePerFill() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 2)),
                Costs.DEFAULTS.withFeeRate(0.01).withFixedFee(1));

        assertThat(r.fills().getFirst().fee()).isCloseTo(22 * 0.01 + 1, within(EXACT));
        assertThat(r.cash(1)).isCloseTo(100 - 22 - 1.22, within(EXACT));
        assertThat(r.metrics().feesPaid()).isCloseTo(1.22, within(EXACT));
    }

    @Test
    void movesMarketFillsBySlippageAgainstTheTrader() {
        BacktestResult r = run(new Scripted()
                        .at(0, ctx -> ctx.buy("BTC-USD", 2))
                        .at(1, ctx -> ctx.sell("BTC-USD", 2)),
                Costs.DEFAULTS.withSlippageBps(50));

        assertThat(r.fills().get(0).price()).isCloseTo(11 * 1.005, within(EXACT));
        assertThat(r.fills().get(1).price()).isCloseTo(14 * 0.995, within(EXACT));
    }

    @Test
    void aCashValueOrderBuysTheAmountDividedByPriceTimesOnePlusFee() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.buyValue("BTC-USD", 100)), Costs.DEFAULTS.withFeeRate(0.01));

        Fill fill = r.fills().getFirst();
        assertThat(fill.quantity()).isCloseTo(100 / (11 * 1.01), within(EXACT));
        assertThat(r.cash(1)).isCloseTo(0, within(EXACT));
    }

    @Test
    void aLimitBuyFillsAtItsPriceWhenTheRangeReachesIt() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.buyLimit("BTC-USD", 1, 10.5)), Costs.DEFAULTS.withSlippageBps(50));

        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(10.5);
            assertThat(f.time()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        });
    }

    @Test
    void aLimitBuyFillsAtTheOpenWhenTheBarGappedBelowIt() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.buyLimit("BTC-USD", 1, 11.5)), Costs.DEFAULTS);

        assertThat(r.fills().getFirst().price()).isEqualTo(11);
    }

    @Test
    void aLimitOrderWaitsUntilARangeReachesIt() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.sellLimit("BTC-USD", 1, 14.8)), Costs.DEFAULTS);

        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(14.8);
            assertThat(f.time()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
        });
    }

    @Test
    void aSellStopFillsAtItsPriceWithSlippageWhenTheLowReachesIt() {
        BacktestResult r = run(new Scripted()
                        .at(0, ctx -> ctx.buy("BTC-USD", 1))
                        .at(1, ctx -> ctx.sellStop("BTC-USD", 1, 12)),
                Costs.DEFAULTS.withSlippageBps(100));

        assertThat(r.fills().get(1).price()).isCloseTo(12 * 0.99, within(EXACT));
        assertThat(r.fills().get(1).time()).isEqualTo(Instant.parse("2024-01-04T00:00:00Z"));
    }

    @Test
    void aStopFillsAtTheOpenWhenTheBarGappedThroughIt() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.buyStop("BTC-USD", 1, 10.5)), Costs.DEFAULTS);

        assertThat(r.fills().getFirst().price()).isEqualTo(11); // opened above the stop: the worse price
    }

    @Test
    void anOrderForAnInstrumentWithoutABarWaitsForItsNextBar() {
        Instrument qqq = equity("QQQ");
        // 2024-01-05 is a Friday: QQQ's next bar is Monday the 8th, BTC trades all weekend.
        OhlcvSeries q = ohlc(qqq, LocalDate.of(2024, 1, 5), 100, 100, 100, 100, 101, 102, 100, 102);
        OhlcvSeries b = dev.crashlab.testing.TestBars.closes(BTC, LocalDate.of(2024, 1, 5), 40, 41, 42, 43);
        Scripted s = new Scripted().at(1, ctx -> ctx.buy("QQQ", 1)); // placed on Saturday
        BacktestResult r = Backtest.builder(MarketData.of(b, q)).strategy(() -> s).initialCash(1000).build().run();

        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.time()).isEqualTo(Instant.parse("2024-01-08T00:00:00Z"));
            assertThat(f.price()).isEqualTo(101);
        });
        assertThat(r.price(1, 1)).isEqualTo(100); // QQQ marked at Friday's close over the weekend
    }

    @Test
    void namesWhatTheUniverseHoldsWhereverAnUnknownSymbolIsUsed() {
        OhlcvSeries eth = ohlc(crypto("ETH-USD"), LocalDate.of(2024, 1, 1), 1, 1, 1, 1, 1, 1, 1, 1);
        java.util.List<String> thrown = new java.util.ArrayList<>();
        Scripted strategy = new Scripted().at(0, ctx -> {
            ctx.buy("DOGE-USD", 1);
            for (Runnable use : java.util.List.<Runnable>of(() -> ctx.bars("DOGE-USD"),
                    () -> ctx.portfolio().position("DOGE-USD"))) {
                try {
                    use.run();
                } catch (IllegalArgumentException e) {
                    thrown.add(e.getMessage());
                }
            }
        });
        BacktestResult r = Backtest.builder(MarketData.of(BARS, eth)).strategy(() -> strategy).initialCash(100).build().run();

        assertThat(r.events()).extracting(Event::message).containsExactly(
                "unknown symbol: Order(#1, market buy 1.0 DOGE-USD) rejected; the universe holds [BTC-USD, ETH-USD]");
        assertThat(thrown).containsExactly(
                "unknown symbol \"DOGE-USD\": the universe holds [BTC-USD, ETH-USD]",
                "unknown symbol \"DOGE-USD\": the universe holds [BTC-USD, ETH-USD]");
    }

    @Test
    void turnsRejectionsIntoEventsInsteadOfExceptions() {
        BacktestResult r = run(new Scripted()
                        .at(0, ctx -> ctx.buy("DOGE-USD", 1))
                        .at(0, ctx -> ctx.buy("BTC-USD", 0))
                        .at(0, ctx -> ctx.buy("BTC-USD", -3))
                        .at(0, ctx -> ctx.buy("BTC-USD", 50))
                        .at(0, ctx -> ctx.buyLimit("BTC-USD", 1, -2)),
                Costs.DEFAULTS);

        assertThat(r.fills()).isEmpty();
        assertThat(r.events()).extracting(Event::kind).containsOnly(Event.Kind.REJECTED).hasSize(5);
        assertThat(r.events()).extracting(Event::message).satisfiesExactly(
                m -> assertThat(m).startsWith("unknown symbol: Order(#1, market buy 1.0 DOGE-USD) rejected"),
                m -> assertThat(m).isEqualTo("Order(#2, market buy 0.0 BTC-USD) rejected: quantity must be > 0, got 0.0"),
                m -> assertThat(m).isEqualTo("Order(#3, market buy -3.0 BTC-USD) rejected: quantity must be > 0, got -3.0"),
                m -> assertThat(m).isEqualTo("Order(#5, limit buy 1.0 BTC-USD at -2.0) rejected: limit price must be > 0, got -2.0"),
                m -> assertThat(m).isEqualTo("Order(#4, market buy 50.0 BTC-USD) rejected: not enough cash: buying 50.000000"
                        + " units at 11.000000 costs 550.00 with fees, cash is 100.00"));
    }

    @Test
    void aTargetWeightOfOneInvestsAllCashNetOfFees() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1.0)), Costs.DEFAULTS.withFeeRate(0.001));

        assertThat(r.cash(1)).isCloseTo(0, within(EXACT));
        assertThat(r.fills().getFirst().quantity()).isCloseTo(100 / (11 * 1.001), within(EXACT));
    }

    @Test
    void aTargetWeightRebalancesBothWays() {
        BacktestResult r = run(new Scripted()
                        .at(0, ctx -> ctx.targetWeight("BTC-USD", 0.5))
                        .at(1, ctx -> ctx.targetWeight("BTC-USD", 0.25)),
                Costs.DEFAULTS);

        assertThat(r.fills().get(0).quantity()).isCloseTo(50.0 / 11, within(EXACT));
        double equityAtDay3Open = 50 + 50.0 / 11 * 14;
        assertThat(r.fills().get(1).quantity()).isCloseTo(0.25 * equityAtDay3Open / 14 - 50.0 / 11, within(EXACT));
    }

    @Test
    void closesAPositionAndCancelsAnOpenOrder() {
        BacktestResult r = run(new Scripted()
                        .at(0, ctx -> ctx.buy("BTC-USD", 3))
                        .at(0, ctx -> ctx.sellLimit("BTC-USD", 1, 100))
                        .at(1, ctx -> ctx.closePosition("BTC-USD"))
                        .at(1, ctx -> ctx.cancel(2)),
                Costs.DEFAULTS);

        assertThat(r.fills()).extracting(Fill::quantity).containsExactly(3.0, -3.0);
        assertThat(r.finalPositions().get(Symbol.of("BTC-USD"))).isZero();
        assertThat(r.events()).extracting(Event::kind).containsExactly(Event.Kind.CANCELLED);
    }

    @Test
    void notesAnOrderThatNeededNoTradeInsteadOfDroppingItSilently() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.closePosition("BTC-USD")), Costs.DEFAULTS);

        assertThat(r.fills()).isEmpty();
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Event.Kind.NOTE);
            assertThat(e.message()).isEqualTo("Order(#1, market close BTC-USD) needed no trade: the position was already flat");
        });
        assertThat(r.openOrders()).isEmpty();
    }

    @Test
    void sellingBeyondThePositionOpensAShort() {
        BacktestResult r = run(new Scripted().at(0, ctx -> ctx.sell("BTC-USD", 2)), Costs.DEFAULTS);

        assertThat(r.finalPositions().get(B)).isEqualTo(-2);
        assertThat(r.cash(1)).isCloseTo(122, within(EXACT));
        assertThat(r.equity(3)).isCloseTo(122 - 18, within(EXACT));
    }

    @Test
    void buyingAllInNeverBorrowsARoundingRemainder() {
        // cash / open × open rounds above the cash for some prices: a cash account must not borrow it.
        double[] prices = new double[400];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < prices.length; i++) {
            prices[i] = 50 + 100 * random.nextDouble();
        }
        Scripted trading = new Scripted();
        for (int s = 0; s < prices.length - 1; s++) {
            int step = s;
            trading.at(s, ctx -> {
                if (step % 2 == 0) {
                    ctx.targetWeight("BTC-USD", 1.0);
                } else {
                    ctx.closePosition("BTC-USD");
                }
            });
        }
        BacktestResult r = Backtest.builder(MarketData.of(dev.crashlab.testing.TestBars.closes(BTC, LocalDate.of(2024, 1, 1),
                prices))).strategy(() -> trading).initialCash(10_000).build().run();

        assertThat(r.fills()).hasSize(prices.length - 1);
        for (int s = 0; s < r.size(); s++) {
            assertThat(r.cash(s)).as("cash at step %d", s).isGreaterThanOrEqualTo(0);
        }
        Fill buy = r.fills().get(0);
        assertThat(buy.quantity() * buy.price()).isCloseTo(10_000, within(EXACT));
    }
}
