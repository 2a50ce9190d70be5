package dev.crashlab.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.crashlab.data.TradingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnModelTest {

    private static final AssetSpec COIN = new AssetSpec(1, "BTC-USD", 100, 0.4, 0.03, 0.01, 0, 0.35, 1);
    private static final AssetSpec STOCK = new AssetSpec(2, "QQQ", 100, 0.1, 0.005, 0.01, 0.3, 0.4, 1);
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = LocalDate.of(2024, 6, 30);

    private static List<ReturnModel.Path> simulate(List<Event> events) {
        return ReturnModel.simulate(List.of(COIN, STOCK), List.of(TradingCalendar.ALWAYS_OPEN, TradingCalendar.XNYS),
                events, 11, START, END);
    }

    private static double sum(ReturnModel.Path path, LocalDate from, LocalDate to) {
        double sum = 0;
        for (int i = 0; i < path.dates().size(); i++) {
            LocalDate d = path.dates().get(i);
            sum += !d.isBefore(from) && !d.isAfter(to) ? path.logReturns()[i] : 0;
        }
        return sum;
    }

    @Test
    void cryptoMovesEveryDayAndEquitiesOnXnysSessionsOnly() {
        List<ReturnModel.Path> paths = simulate(List.of());
        assertThat(paths.get(0).dates()).hasSize(182);
        assertThat(paths.get(1).dates()).allMatch(TradingCalendar.XNYS::isTradingDay)
                .hasSize(START.datesUntil(END.plusDays(1)).filter(TradingCalendar.XNYS::isTradingDay).toList().size());
    }

    @Test
    void anEventWindowEndsExactlyAtItsTargetAndLeavesOtherDaysAlone() {
        Event drop = new Event("drop", LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 15),
                Map.of("BTC-USD", -0.3, "QQQ", -0.1), 1, null);
        List<ReturnModel.Path> free = simulate(List.of());
        List<ReturnModel.Path> bent = simulate(List.of(drop));

        for (int a = 0; a < 2; a++) {
            double target = drop.returns().get(bent.get(a).asset().symbol());
            assertThat(Math.expm1(sum(bent.get(a), drop.from(), drop.to()))).isCloseTo(target, offset(1e-12));
            for (int i = 0; i < free.get(a).dates().size(); i++) {
                if (!drop.contains(free.get(a).dates().get(i))) {
                    assertThat(bent.get(a).logReturns()[i]).isEqualTo(free.get(a).logReturns()[i]);
                }
            }
            // the noise stays: only the level of the window's returns moves
            assertThat(bent.get(a).sigmas()).isEqualTo(free.get(a).sigmas());
        }
    }

    @Test
    void aVolatileEventWidensTheShocksOfItsWindow() {
        Event storm = new Event("storm", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), Map.of(), 2.5, null);
        ReturnModel.Path calm = simulate(List.of()).getFirst();
        ReturnModel.Path stormy = simulate(List.of(storm)).getFirst();
        int i = calm.dates().indexOf(LocalDate.of(2024, 3, 10));
        assertThat(stormy.sigmas()[i]).isCloseTo(2.5 * calm.sigmas()[i], offset(1e-12));
        assertThat(stormy.logReturns()[i] - COIN.annualDrift() / 365)
                .isCloseTo(2.5 * (calm.logReturns()[i] - COIN.annualDrift() / 365), offset(1e-12));
    }
}
