package dev.crashlab.results;

import java.util.List;
import java.util.Map;

/**
 * One instrument's bars over a {@link CandleWindow}, with indicator values at each bar.
 *
 * @param symbol   the instrument
 * @param bars     its bars in the window, in time order
 * @param overlays indicator values at each bar, by name ({@code SMA 20}, {@code SMA 50}: simple
 *                 moving averages of the closes, computed over all bars up to each one, so
 *                 defined from a window's first bar when history allows; NaN, written null, where
 *                 not)
 */
public record CandleSeries(String symbol, List<Candle> bars, Map<String, List<Double>> overlays) {

    public CandleSeries {
        bars = List.copyOf(bars);
        overlays = Fields.ordered(overlays);
        for (Map.Entry<String, List<Double>> o : overlays.entrySet()) {
            if (o.getValue().size() != bars.size()) {
                throw new ResultsException("candles.series[" + symbol + "].overlays." + o.getKey(),
                        o.getValue().size() + " values for " + bars.size() + " bars");
            }
        }
    }
}
