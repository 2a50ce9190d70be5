package dev.crashlab.testing;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.time.LocalDate;

/**
 * Builds tiny daily series inline, as ta4j's MockBarSeriesBuilder does: each bar written as
 * {@code open, high, low, close}, on consecutive trading days of the instrument's calendar.
 */
public final class TestBars {

    private TestBars() {
    }

    /** Returns a crypto instrument quoted in USD. */
    public static Instrument crypto(String symbol) {
        return Instrument.of(symbol, AssetClass.CRYPTO);
    }

    /** Returns a US equity on the NYSE calendar. */
    public static Instrument equity(String symbol) {
        return Instrument.of(symbol, AssetClass.EQUITY);
    }

    /**
     * Returns bars from {@code first} (or the next trading day) given as groups of four numbers:
     * open, high, low, close; volume 0.
     */
    public static OhlcvSeries ohlc(Instrument instrument, LocalDate first, double... ohlc) {
        if (ohlc.length % 4 != 0) {
            throw new IllegalArgumentException("give open, high, low, close for each bar");
        }
        OhlcvSeries.Builder b = OhlcvSeries.builder(instrument);
        LocalDate date = first;
        for (int k = 0; k < ohlc.length; k += 4) {
            while (!instrument.calendar().isTradingDay(date)) {
                date = date.plusDays(1);
            }
            b.add(date, ohlc[k], ohlc[k + 1], ohlc[k + 2], ohlc[k + 3], 0);
            date = date.plusDays(1);
        }
        return b.build();
    }

    /** Returns flat bars (open = high = low = close) at the given prices. */
    public static OhlcvSeries closes(Instrument instrument, LocalDate first, double... prices) {
        return OhlcvSeries.builder(instrument).dailyCloses(first, prices).build();
    }
}
