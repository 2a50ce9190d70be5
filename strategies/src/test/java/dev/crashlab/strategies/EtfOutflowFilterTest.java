package dev.crashlab.strategies;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.crypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.clock.Schedule;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.PublicationRule;
import dev.crashlab.portfolio.Contributions;
import dev.crashlab.strategies.EtfOutflowFilter.Params;
import dev.crashlab.strategies.EtfOutflowFilter.Policy;
import dev.crashlab.strategy.Event;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EtfOutflowFilterTest {

    /** The flow sums are sums of a few numbers; they must agree to rounding. */
    private static final double SUM = 1e-9;
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final String BTC = "BTC-USD";

    private static OhlcvSeries flatBtc(int days) {
        double[] prices = new double[days];
        Arrays.fill(prices, 100);
        return closes(crypto("BTC-USD"), JAN_1, prices);
    }

    /** Daily flows dated as given, each published the next day at 00:00 UTC. */
    private static NonPriceSeries flows(Map<LocalDate, Double> byDate) {
        return NonPriceSeries.of("etf_flows", PublicationRule.NEXT_DAY_UTC, byDate.keySet().toArray(LocalDate[]::new),
                byDate.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Map<LocalDate, Double> dated(Object... dateValue) {
        Map<LocalDate, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < dateValue.length; k += 2) {
            m.put(LocalDate.parse((String) dateValue[k]), ((Number) dateValue[k + 1]).doubleValue());
        }
        return m;
    }

    private static String ordered(Order o) {
        return o.submittedAt().toString().substring(0, 10) + " " + o.sizing() + " " + o.amount() + (o.tag().isEmpty() ? "" : " " + o.tag());
    }

    private static String heldBack(Event e) {
        return e.time().toString().substring(0, 10) + " " + e.kind() + " " + e.symbol() + " " + e.value();
    }

    /** Weekly DCA of 100, every Monday from Jan 1, wrapped; flows: +30 the week before Jan 1, −100 before Jan 8, +70 before Jan 15, −5 before Jan 22. */
    private static BacktestResult weeklyDca(Policy policy) {
        NonPriceSeries flows = flows(dated("2023-12-26", 10, "2023-12-27", 20, "2023-12-28", -5, "2023-12-29", 5,
                "2024-01-02", -50, "2024-01-03", -60, "2024-01-04", 20, "2024-01-05", -10,
                "2024-01-09", 30, "2024-01-10", 40, "2024-01-11", -10, "2024-01-12", 10, "2024-01-16", -5));
        DcaOnDrawdown.Params plain = new DcaOnDrawdown.Params("BTC-USD", 100, Schedule.WEEKLY, 0, 0, List.of(), 0);
        return Backtest.builder(MarketData.builder().add(flatBtc(23)).add(flows).build())
                .strategy(() -> new EtfOutflowFilter(new DcaOnDrawdown(plain), new Params("etf_flows", 7, 0, policy)))
                .initialCash(0).contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();
    }

    @Test
    void skipsTheBuysOfWeeksWhoseTrailingFlowsSumBelowTheThreshold() {
        BacktestResult r = weeklyDca(Policy.SKIP);

        assertThat(r.orders()).extracting(EtfOutflowFilterTest::ordered).containsExactly(
                "2024-01-01 VALUE 100.0", "2024-01-15 VALUE 100.0");
        assertThat(r.events()).extracting(EtfOutflowFilterTest::heldBack).containsExactly(
                "2024-01-08 HELD_BACK BTC-USD -100.0", "2024-01-22 HELD_BACK BTC-USD -5.0");
        assertThat(r.events().getFirst().message())
                .isEqualTo("Order(market buy BTC-USD for 100.0) held back (skip): 7-day etf_flows sum -100.0 < 0.0");
        assertThat(r.cash(r.size() - 1)).isCloseTo(200, within(SUM));
        assertThat(r.strategyName()).isEqualTo("EtfOutflowFilter(DcaOnDrawdown)");
    }

    @Test
    void defersTheHeldBackCashToTheFirstStepThatAllowsBuysAgain() {
        BacktestResult r = weeklyDca(Policy.DEFER);

        // The filter looks every day: the window Jan 4..10 sums 80, so Jan 11 deploys Jan 8's 100.
        assertThat(r.orders()).extracting(EtfOutflowFilterTest::ordered).containsExactly(
                "2024-01-01 VALUE 100.0", "2024-01-11 VALUE 100.0 deferred", "2024-01-15 VALUE 100.0");
        assertThat(r.events()).extracting(EtfOutflowFilterTest::heldBack).containsExactly(
                "2024-01-08 HELD_BACK BTC-USD -100.0", "2024-01-22 HELD_BACK BTC-USD -5.0");
        assertThat(r.events().getFirst().message()).contains("held back (defer)");
    }

    /** A wrapped strategy that submits given orders at given steps and remembers what came back. */
    private static final class Script implements Strategy {
        final Map<Integer, List<Order>> orders = new LinkedHashMap<>();
        final List<String> returned = new ArrayList<>();

        Script at(int step, Order... toSubmit) {
            orders.put(step, List.of(toSubmit));
            return this;
        }

        @Override
        public void onBar(StrategyContext ctx) {
            for (Order order : orders.getOrDefault(ctx.step(), List.of())) {
                Order back = ctx.submit(order);
                returned.add(back + (back.isPlaced() ? " placed" : " held"));
            }
        }
    }

    private static BacktestResult script(Script script, Policy policy) {
        // Jan 2's outflow of −1 is published on Jan 3 and in the 7-day window from Jan 3 to Jan 9.
        NonPriceSeries flows = flows(dated("2024-01-02", -1));
        return Backtest.builder(MarketData.builder().add(flatBtc(11)).add(flows).build())
                .strategy(() -> new EtfOutflowFilter(script, new Params("etf_flows", 7, 0, policy))).initialCash(10_000).build().run();
    }

    @Test
    void holdsBackOnlyOrdersThatBuyLongExposureReturningThemUnplaced() {
        Script s = new Script()
                .at(0, Order.buy(BTC, 10))                                  // flows 0: passes
                .at(2, Order.targetWeight(BTC, 0.5), Order.sell(BTC, 2))    // weight 0.1 -> 0.5 is a buy
                .at(3, Order.targetWeight(BTC, 0.05))                       // 0.08 -> 0.05 is a sale
                .at(4, Order.sell(BTC, 20))                                 // 5 -> -15 opens a short
                .at(5, Order.buy(BTC, 5), Order.buyValue(BTC, 100))         // covering the short
                .at(6, Order.close(BTC))
                .at(7, Order.buy(BTC, 1), Order.sellValue(BTC, 100));       // flat: the buy is held back
        BacktestResult r = script(s, Policy.SKIP);

        assertThat(s.returned).containsExactly(
                "Order(#1, market buy 10.0 BTC-USD) placed",
                "Order(market BTC-USD to weight 0.5) held",
                "Order(#2, market sell 2.0 BTC-USD) placed",
                "Order(#3, market BTC-USD to weight 0.05) placed",
                "Order(#4, market sell 20.0 BTC-USD) placed",
                "Order(#5, market buy 5.0 BTC-USD) placed",
                "Order(#6, market buy BTC-USD for 100.0) placed",
                "Order(#7, market close BTC-USD) placed",
                "Order(market buy 1.0 BTC-USD) held",
                "Order(#8, market sell BTC-USD for 100.0) placed");
        assertThat(r.events()).extracting(EtfOutflowFilterTest::heldBack).containsExactly(
                "2024-01-03 HELD_BACK BTC-USD -1.0", "2024-01-08 HELD_BACK BTC-USD -1.0");
    }

    @Test
    void neverDefersMoreCashThanThereIsWhenTheWrappedStrategySizesFromSavedCash() {
        // A dip buyer tripling its buy 30 % below the high: held back three Mondays running, it asks
        // 100, then 200, then 300 of the 300 saved; the deferred buy must be 300, and it must fill.
        double[] prices = new double[30];
        Arrays.fill(prices, 70);
        prices[0] = 100;
        OhlcvSeries btc = closes(crypto("BTC-USD"), LocalDate.of(2023, 12, 31), prices);
        Map<LocalDate, Double> negativeThenPositive = new LinkedHashMap<>();
        for (LocalDate d = LocalDate.of(2023, 12, 25); d.isBefore(LocalDate.of(2024, 1, 28)); d = d.plusDays(1)) {
            negativeThenPositive.put(d, d.isBefore(LocalDate.of(2024, 1, 20)) ? -10.0 : 50.0);
        }
        DcaOnDrawdown.Params tripled = new DcaOnDrawdown.Params("BTC-USD", 100, Schedule.WEEKLY, 0.2, 0,
                List.of(new DcaOnDrawdown.Tier(0.2, 3)), 0);
        BacktestResult r = Backtest.builder(MarketData.builder().add(btc).add(flows(negativeThenPositive)).build())
                .strategy(() -> new EtfOutflowFilter(new DcaOnDrawdown(tripled), new Params("etf_flows", 7, 0, Policy.DEFER)))
                .initialCash(0).contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();

        assertThat(r.events()).extracting(Event::kind).containsOnly(Event.Kind.HELD_BACK).hasSize(3);
        Order deferred = r.orders().stream().filter(o -> o.tag().equals("deferred")).findFirst().orElseThrow();
        assertThat(deferred.amount()).isCloseTo(300, within(SUM));
        assertThat(r.fills()).anySatisfy(f -> assertThat(f.tag()).isEqualTo("deferred"));
    }

    @Test
    void defersATargetWeightBuyAsTheCashToReachItAtTheCurrentEquity() {
        Script s = new Script()
                .at(0, Order.buy(BTC, 10))
                .at(2, Order.targetWeight(BTC, 0.5))    // (0.5 − 0.1) × equity 10,000
                .at(3, Order.buy(BTC, 1));              // 1 × the close, 100
        BacktestResult r = script(s, Policy.DEFER);

        // Jan 10 is the first step whose window (Jan 3..9) no longer holds Jan 2's outflow.
        assertThat(r.orders()).hasSize(2);
        Order deferred = r.orders().get(1);
        assertThat(deferred.submittedAt().toString()).startsWith("2024-01-10");
        assertThat(deferred.tag()).isEqualTo("deferred");
        assertThat(deferred.sizing()).isEqualTo(Order.Sizing.VALUE);
        assertThat(deferred.amount()).isCloseTo(4_100, within(SUM));
    }

    @Test
    void holdsBackExactlyTheMondaysWhoseTrailingPublishedFlowsWereNegativeOnRealData() {
        BacktestResult r = filteredWeeklyDca(Policy.SKIP);

        Map<LocalDate, Double> expected = negativeMondays(RealData.flows());
        Map<LocalDate, Double> held = new LinkedHashMap<>();
        for (Event e : r.events()) {
            assertThat(e.kind()).isEqualTo(Event.Kind.HELD_BACK);
            held.put(LocalDate.ofInstant(e.time(), ZoneOffset.UTC), e.value());
        }
        assertThat(held.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(expected).hasSizeBetween(20, 60);
        expected.forEach((monday, sum) -> assertThat(held.get(monday)).as("flows before %s", monday).isCloseTo(sum, within(SUM)));
        assertThat(r.orders()).hasSize(412 - expected.size());
    }

    @Test
    void deploysEveryDeferredWeekOnRealDataExceptThoseStillHeldAtTheEnd() {
        BacktestResult r = filteredWeeklyDca(Policy.DEFER);

        // Still held: the held-back Mondays after the last day whose window summed to 0 or more.
        LocalDate lastAllowed = LocalDate.of(2025, 11, 21);
        while (sevenDaySum(RealData.flows(), lastAllowed) < 0) {
            lastAllowed = lastAllowed.minusDays(1);
        }
        LocalDate after = lastAllowed;
        long stillHeld = negativeMondays(RealData.flows()).keySet().stream().filter(m -> m.isAfter(after)).count();
        double ordered = r.orders().stream().mapToDouble(Order::amount).sum();
        assertThat(ordered).isCloseTo(100.0 * (412 - stillHeld), within(1e-6));
        assertThat(r.orders()).filteredOn(o -> o.tag().equals("deferred")).isNotEmpty();
    }

    /** Pinned by running once: weekly DCA of 100 wrapped, 0 cash plus 100 every Monday, 0.1 % fees, 2018-01-01 to 2025-11-21. */
    @Test
    void pinsItsRealDataMetrics() {
        RealData.assertPinned(filteredWeeklyDca(Policy.SKIP).metrics(),
                5.809632259299374, 0.27532977120022206, -0.7948060716518324, 0.7028367291598298, 234127.0392297884, 0);
        RealData.assertPinned(filteredWeeklyDca(Policy.DEFER).metrics(),
                5.820484686237136, 0.2755872673145776, -0.7948060716518324, 0.7031084920699673, 234482.02829660536, 0);
    }

    @Test
    void bindsItsParametersFromConfigAndNamesABadOne() {
        var json = JsonMapper.builder().build();
        assertThat(StrategyFactory.bind(Params.class, json.readTree(
                "{\"series\": \"flows\", \"windowDays\": 14, \"threshold\": -100, \"policy\": \"defer\"}"), "wrappers[0].params"))
                .isEqualTo(new Params("flows", 14, -100, Policy.DEFER));
        assertThat(StrategyFactory.bind(Params.class, null, "wrappers[0].params")).isEqualTo(new Params("etf_flows", 7, 0, Policy.SKIP));
        assertThatThrownBy(() -> StrategyFactory.bind(Params.class, json.readTree("{\"policy\": \"later\"}"), "wrappers[0].params"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("wrappers[0].params.policy: expected one of skip, defer, got \"later\"");
    }

    /** Weekly DCA of 100 on BTC, filtered with the default flows window, on real data from 0 cash plus 100 every Monday. */
    private static BacktestResult filteredWeeklyDca(Policy policy) {
        DcaOnDrawdown.Params plain = new DcaOnDrawdown.Params("BTC-USD", 100, Schedule.WEEKLY, 0, 0, List.of(), 0);
        return RealData.backtest(() -> new EtfOutflowFilter(new DcaOnDrawdown(plain), new Params("etf_flows", 7, 0, policy)))
                .initialCash(0).contributions(Contributions.every(Schedule.WEEKLY, 100)).build().run();
    }

    /**
     * Counts independently, by a plain loop over the series: the Mondays of the range whose
     * trailing 7-day flows sum below 0, with that sum.
     */
    private static Map<LocalDate, Double> negativeMondays(NonPriceSeries flows) {
        Map<LocalDate, Double> out = new LinkedHashMap<>();
        for (LocalDate m = LocalDate.of(2018, 1, 1); !m.isAfter(LocalDate.of(2025, 11, 21)); m = m.plusWeeks(1)) {
            assertThat(m.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            double sum = sevenDaySum(flows, m);
            if (sum < 0) {
                out.put(m, sum);
            }
        }
        return out;
    }

    /** Returns the sum of the flows dated day − 7 .. day − 1 that were published by day 00:00 UTC. */
    private static double sevenDaySum(NonPriceSeries flows, LocalDate day) {
        long now = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        double sum = 0;
        for (int i = 0; i < flows.size(); i++) {
            LocalDate d = flows.date(i);
            if (!d.isBefore(day.minusDays(7)) && d.isBefore(day) && flows.publishedAt(i).toEpochMilli() <= now) {
                sum += flows.value(i);
            }
        }
        return sum;
    }
}
