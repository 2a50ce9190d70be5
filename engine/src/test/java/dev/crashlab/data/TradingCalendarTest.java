package dev.crashlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

    private static List<LocalDate> weekdayClosures(TradingCalendar calendar, int year) {
        List<LocalDate> closed = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (TradingCalendar.isWeekday(d) && !calendar.isTradingDay(d)) {
                closed.add(d);
            }
        }
        return closed;
    }

    @Test
    void nyseClosesOnExactlyTheOfficialHolidaysOf2025() {
        assertThat(weekdayClosures(TradingCalendar.XNYS, 2025)).containsExactly(
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 9), LocalDate.of(2025, 1, 20),
                LocalDate.of(2025, 2, 17), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 5, 26),
                LocalDate.of(2025, 6, 19), LocalDate.of(2025, 7, 4), LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 11, 27), LocalDate.of(2025, 12, 25));
    }

    @Test
    void nyseMovesWeekendHolidaysButNotASaturdayNewYear() {
        // 2021-12-25 and 2022-01-01 were Saturdays: Christmas moved to Friday 24th, New Year not made up.
        assertThat(TradingCalendar.XNYS.isTradingDay(LocalDate.of(2021, 12, 24))).isFalse();
        assertThat(TradingCalendar.XNYS.isTradingDay(LocalDate.of(2021, 12, 31))).isTrue();
        // 2022-06-19 was a Sunday: Juneteenth observed Monday 20th; 2021 had no Juneteenth closure yet.
        assertThat(TradingCalendar.XNYS.isTradingDay(LocalDate.of(2022, 6, 20))).isFalse();
        assertThat(TradingCalendar.XNYS.isTradingDay(LocalDate.of(2021, 6, 18))).isTrue();
        // 2020-07-04 was a Saturday: closed Friday 3rd.
        assertThat(TradingCalendar.XNYS.isTradingDay(LocalDate.of(2020, 7, 3))).isFalse();
    }

    @Test
    void nyseKnowsTheUnscheduledClosures() {
        assertThat(weekdayClosures(TradingCalendar.XNYS, 2001)).contains(
                LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13), LocalDate.of(2001, 9, 14));
        assertThat(weekdayClosures(TradingCalendar.XNYS, 2012)).contains(LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30));
    }

    @Test
    void aBoundCalendarKnowsAnUnscheduledClosureFromTheStartOfItsDayInNewYorkAndScheduledHolidaysAhead() {
        LocalDate attack = LocalDate.of(2001, 9, 11);
        TradingCalendar onTheTenth = TradingCalendar.XNYS.knownAt(() -> Instant.parse("2001-09-10T12:00:00Z").toEpochMilli());
        // 2001-09-11 begins in New York at 04:00 UTC.
        TradingCalendar justBefore = TradingCalendar.XNYS.knownAt(() -> Instant.parse("2001-09-11T03:59:59.999Z").toEpochMilli());
        TradingCalendar onTheDay = TradingCalendar.XNYS.knownAt(() -> Instant.parse("2001-09-11T05:00:00Z").toEpochMilli());

        assertThat(onTheTenth.isTradingDay(attack)).isTrue();
        assertThat(onTheTenth.isTradingDay(LocalDate.of(2001, 9, 14))).isTrue();
        assertThat(onTheTenth.tradingDaysBetween(LocalDate.of(2001, 9, 10), LocalDate.of(2001, 9, 17))).isEqualTo(4);
        assertThat(onTheTenth.isTradingDay(LocalDate.of(2001, 11, 22))).as("Thanksgiving").isFalse();
        assertThat(onTheTenth.isTradingDay(LocalDate.of(2001, 12, 25))).as("Christmas").isFalse();
        assertThat(justBefore.isTradingDay(attack)).isTrue();
        assertThat(onTheDay.isTradingDay(attack)).isFalse();
        assertThat(onTheDay.isTradingDay(LocalDate.of(2001, 9, 12))).as("the next closure is not known yet").isTrue();
        assertThat(TradingCalendar.XNYS.isTradingDay(attack)).as("the unbound calendar: the historical record").isFalse();
    }

    @Test
    void aBoundCalendarFollowsItsClockAndKeepsIdZoneAndTolerance() {
        long[] now = {Instant.parse("2012-10-28T12:00:00Z").toEpochMilli()};
        TradingCalendar bound = TradingCalendar.XNYS.knownAt(() -> now[0]);
        assertThat(bound.isTradingDay(LocalDate.of(2012, 10, 29))).isTrue();

        now[0] = Instant.parse("2012-10-31T00:00:00Z").toEpochMilli();
        assertThat(bound.isTradingDay(LocalDate.of(2012, 10, 29))).isFalse();
        assertThat(bound.id()).isEqualTo("XNYS");
        assertThat(bound.zone()).isEqualTo(TradingCalendar.XNYS.zone());
        assertThat(bound.toleratedMissingDays(LocalDate.of(1965, 1, 4))).isEqualTo(3);
        assertThat(bound).isEqualTo(TradingCalendar.XNYS).hasSameHashCodeAs(TradingCalendar.XNYS);
        assertThat(new Instrument(Symbol.of("SPY"), AssetClass.ETF, "USD", bound)).isEqualTo(Instrument.of("SPY", AssetClass.ETF));
        assertThat(bound).hasToString("TradingCalendar(XNYS, America/New_York, as known at 2012-10-31T00:00:00Z)");
    }

    @Test
    void bindingABoundCalendarAgainCanOnlyMoveItsHorizonEarlier() {
        TradingCalendar onTheTwelfth = TradingCalendar.XNYS.knownAt(() -> Instant.parse("2001-09-12T12:00:00Z").toEpochMilli());

        assertThat(onTheTwelfth.isTradingDay(LocalDate.of(2001, 9, 12))).isFalse();
        assertThat(onTheTwelfth.knownAt(() -> Long.MAX_VALUE).isTradingDay(LocalDate.of(2001, 9, 13))).isTrue();
        assertThat(onTheTwelfth.knownAt(() -> Instant.parse("2001-09-10T00:00:00Z").toEpochMilli())
                .isTradingDay(LocalDate.of(2001, 9, 11))).isTrue();
    }

    @Test
    void aCalendarWithoutUnscheduledClosuresIsItsOwnBoundView() {
        assertThat(TradingCalendar.ALWAYS_OPEN.knownAt(() -> 0L)).isSameAs(TradingCalendar.ALWAYS_OPEN);
        assertThat(TradingCalendar.XHKG.knownAt(() -> 0L)).isSameAs(TradingCalendar.XHKG);
    }

    @Test
    void easterIsComputedForTheGregorianCalendar() {
        assertThat(NyseHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(NyseHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(NyseHolidays.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
    }

    @Test
    void cryptoTradesEveryDayAndToleratesNoMissingDay() {
        assertThat(weekdayClosures(TradingCalendar.ALWAYS_OPEN, 2025)).isEmpty();
        assertThat(TradingCalendar.ALWAYS_OPEN.isTradingDay(LocalDate.of(2025, 12, 25))).isTrue();
        assertThat(TradingCalendar.ALWAYS_OPEN.toleratedMissingDays(LocalDate.of(2025, 1, 1))).isZero();
    }

    @Test
    void exchangesWithoutHolidayTablesTolerateTheirLongestHolidays() {
        assertThat(TradingCalendar.XSHG.toleratedMissingDays(LocalDate.of(2024, 10, 1))).isEqualTo(6);
        assertThat(TradingCalendar.XHKG.toleratedMissingDays(LocalDate.of(2024, 2, 12))).isEqualTo(4);
        assertThat(TradingCalendar.XNYS.toleratedMissingDays(LocalDate.of(1965, 1, 4))).isEqualTo(3);
        assertThat(TradingCalendar.XNYS.toleratedMissingDays(LocalDate.of(1995, 1, 4))).isZero();
    }

    @Test
    void countsTradingDaysBetweenTwoDates() {
        // Thursday 2024-03-28 to Tuesday 2024-04-02: Good Friday closed, Monday open.
        assertThat(TradingCalendar.XNYS.tradingDaysBetween(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 2))).isEqualTo(1);
        assertThat(TradingCalendar.ALWAYS_OPEN.tradingDaysBetween(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 2)))
                .isEqualTo(4);
    }

    @Test
    void findsCalendarsByNameAndRefusesUnknownOnes() {
        assertThat(TradingCalendar.named("nyse")).isSameAs(TradingCalendar.XNYS);
        assertThat(TradingCalendar.named("24/7")).isSameAs(TradingCalendar.ALWAYS_OPEN);
        assertThat(TradingCalendar.named("HKEX")).isSameAs(TradingCalendar.XHKG);
        assertThatThrownBy(() -> TradingCalendar.named("LSE"))
                .hasMessage("unknown calendar \"LSE\": expected one of 24/7, 24/5, XNYS, XHKG, XSHG");
        assertThat(TradingCalendar.defaultFor(AssetClass.CRYPTO)).isSameAs(TradingCalendar.ALWAYS_OPEN);
        assertThat(TradingCalendar.XNYS).hasToString("TradingCalendar(XNYS, America/New_York)");
    }
}
