package dev.crashlab.strategy;

import static dev.crashlab.testing.TestBars.closes;
import static dev.crashlab.testing.TestBars.equity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.MarketData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default reads of a strategy's bars over calendar windows. */
class BarsTest {

    @Test
    void highsOverCalendarDaysCountDatesNotBarsOnAWeekdayCalendar() {
        // QQQ from Wednesday 2024-01-03: closes on Wed, Thu, Fri, then Mon and Tue; no weekend bars.
        var qqq = closes(equity("QQQ"), LocalDate.of(2024, 1, 3), 10, 14, 12, 11, 13);
        List<String> seen = new ArrayList<>();
        Backtest.builder(MarketData.of(qqq)).initialCash(1_000).strategy(() -> ctx -> {
            Bars bars = ctx.bars("QQQ");
            if (bars.isNew()) {
                seen.add(bars.date(bars.size() - 1) + " before3=" + bars.highestCloseOfDaysBefore(3) + " before5="
                        + bars.highestCloseOfDaysBefore(5) + " since0104=" + bars.highestCloseSince(LocalDate.of(2024, 1, 4)));
            }
        }).build().run();

        assertThat(seen).containsExactly(
                "2024-01-03 before3=NaN before5=NaN since0104=NaN",
                "2024-01-04 before3=10.0 before5=10.0 since0104=NaN",
                "2024-01-05 before3=14.0 before5=14.0 since0104=12.0",
                "2024-01-08 before3=12.0 before5=14.0 since0104=12.0", // Friday only: the 5th is 3 days back
                "2024-01-09 before3=11.0 before5=14.0 since0104=13.0");
    }
}
