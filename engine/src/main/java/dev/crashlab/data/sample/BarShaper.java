package dev.crashlab.data.sample;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns a path of log-returns into daily bars: closes compound the returns, opens gap from the
 * previous close, high and low reach beyond them, and volume rises with volatility. Prices are
 * rounded as a quote would be, keeping every bar valid.
 *
 * <h2>Bars</h2>
 * <ul>
 *   <li>open: the previous close times {@code exp(g)}, with {@code g = overnightShare * r}
 *       plus normal noise of a tenth of the bar's standard deviation; 0 for crypto, whose open
 *       is the previous close.</li>
 *   <li>high and low: {@code max(open, close) * exp(rangeScale * sigma * |z1|)} and
 *       {@code min(open, close) * exp(-rangeScale * sigma * |z2|)}, so ranges widen when
 *       volatility clusters.</li>
 *   <li>volume: {@code baseVolume * (sigma / sigmaLongRun) * exp(0.35 z - 0.06)}, rounded to a
 *       whole number.</li>
 * </ul>
 *
 * <h2>Rounding</h2>
 * Every price keeps at least five significant digits and at least two decimals (7201.38,
 * 14.512, 1.5123, 0.012345). Open and close are rounded half-even, high up and low down, and
 * then high is raised and low lowered to the rounded open and close if needed, so
 * {@code high >= max(open, close)} and {@code low <= min(open, close)} hold exactly.
 */
final class BarShaper {

    /** Added to an asset's stream number to get the stream of its bar shapes. */
    static final int SHAPE_STREAM_OFFSET = 100;

    private static final int SIGNIFICANT_DIGITS = 5;
    private static final int MIN_DECIMALS = 2;

    private BarShaper() {
    }

    /** Returns the bars of {@code path} as a series of {@code instrument}. */
    static OhlcvSeries shape(ReturnModel.Path path, Instrument instrument, long seed) {
        AssetSpec asset = path.asset();
        Shocks shocks = Shocks.stream(seed, asset.stream() + SHAPE_STREAM_OFFSET);
        double longRunSigma = StrictMath.sqrt(asset.factorLoading() * asset.factorLoading()
                + asset.idioVol() * asset.idioVol());
        OhlcvSeries.Builder bars = OhlcvSeries.builder(instrument);
        double previousClose = asset.startPrice();
        for (int i = 0; i < path.dates().size(); i++) {
            double r = path.logReturns()[i];
            double sigma = path.sigmas()[i];
            double gapNoise = shocks.normal();
            double gap = asset.overnightShare() == 0 ? 0 : asset.overnightShare() * r + 0.1 * sigma * gapNoise;
            double open = previousClose * StrictMath.exp(gap);
            double close = previousClose * StrictMath.exp(r);
            double high = Math.max(open, close) * StrictMath.exp(asset.rangeScale() * sigma * Math.abs(shocks.normal()));
            double low = Math.min(open, close) * StrictMath.exp(-asset.rangeScale() * sigma * Math.abs(shocks.normal()));
            double volume = asset.baseVolume() * (sigma / longRunSigma) * StrictMath.exp(0.35 * shocks.normal() - 0.06);

            double o = round(open, RoundingMode.HALF_EVEN);
            double c = round(close, RoundingMode.HALF_EVEN);
            double h = Math.max(round(high, RoundingMode.CEILING), Math.max(o, c));
            double l = Math.min(round(low, RoundingMode.FLOOR), Math.min(o, c));
            bars.add(path.dates().get(i), o, h, l, c, Math.rint(volume));
            previousClose = close;
        }
        return bars.build();
    }

    /**
     * Returns {@code price} rounded to at least five significant digits and at least two
     * decimals, in {@code mode}; the result of a positive price is positive.
     */
    static double round(double price, RoundingMode mode) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be positive and finite, got " + price);
        }
        BigDecimal exact = new BigDecimal(price);
        int integerDigits = exact.precision() - exact.scale();
        int decimals = Math.max(MIN_DECIMALS, SIGNIFICANT_DIGITS - integerDigits);
        // five significant digits survive even rounding down, so a positive price stays positive
        return exact.setScale(decimals, mode).doubleValue();
    }
}
