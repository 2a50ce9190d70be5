package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.strategy.Order;
import dev.crashlab.strategy.OrderType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderColumnsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void readsBackEveryOrderAsPlacedWhateverItsFields(long seed) {
        OhlcvSeries btc = OhlcvSeries.builder(Instrument.of("BTC-USD", AssetClass.CRYPTO))
                .dailyCloses(LocalDate.of(2024, 1, 1), new Random(7).doubles(300, 50, 150).toArray()).build();
        MarketClock clock = MarketClock.of(MarketData.of(btc), btc.time(0), btc.time(btc.size() - 1));
        OrderColumns columns = new OrderColumns(clock);
        Random random = new Random(seed);
        List<Order> expected = new ArrayList<>();
        int step = -1;
        long id = 0;
        // Enough orders for several blocks; most plain (consecutive ids, market, untagged, at their step).
        for (int k = 0; k < 20_000; k++) {
            step = Math.min(clock.size() - 1, step + (random.nextInt(70) == 0 ? 1 : 0));
            boolean odd = random.nextInt(10) == 0;
            id += odd && random.nextBoolean() ? 2 : 1;
            OrderType type = odd ? OrderType.values()[random.nextInt(3)] : OrderType.MARKET;
            Order.Sizing sizing = Order.Sizing.values()[random.nextInt(4)];
            Order.Side side = sizing == Order.Sizing.QUANTITY || sizing == Order.Sizing.VALUE
                    ? Order.Side.values()[random.nextInt(2)] : null;
            double price = type == OrderType.MARKET ? Double.NaN : random.nextDouble() * 100;
            long time = clock.timeMillis(Math.max(step, 0)) + (odd && random.nextBoolean() ? 1 : 0);
            String tag = odd && random.nextBoolean() ? "t" + k : "";
            Order order = new Order(id, random.nextBoolean() ? "BTC-USD" : "NOPE", side, type, sizing,
                    random.nextGaussian(), price, time, tag);
            columns.add(step, order.id(), order.symbol(), order.side(), order.type(), order.sizing(), order.amount(),
                    order.price(), order.submittedAtMillis(), order.tag());
            expected.add(order);
        }
        assertThat(columns.size()).isEqualTo(expected.size());
        assertThat(columns.asList()).isEqualTo(expected);
    }
}
