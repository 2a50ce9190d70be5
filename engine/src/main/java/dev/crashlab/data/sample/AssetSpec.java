package dev.crashlab.data.sample;

import java.util.Objects;

/**
 * How one sample asset moves: its level, drift, exposure to the common factor, own volatility,
 * and the shape of its bars.
 *
 * @param stream         the number of its random streams, fixed per asset so that the numbers
 *                       of one asset do not depend on which others exist
 * @param symbol         the file name without {@code .csv}; the default instrument catalog must know it
 * @param startPrice     the price before the first bar (the first bar's open)
 * @param annualDrift    the drift of the log-price per 365 calendar days, such as {@code 0.4}
 * @param factorLoading  the log-return per unit of the common factor's shock on one calendar
 *                       day ({@code 0.032} for BTC: a one-sigma factor day moves it 3.2 %)
 * @param idioVol        the long-run standard deviation of its own daily log-return shock per
 *                       bar, as a fraction
 * @param overnightShare the share of a bar's return that shows as a gap at the open; 0 makes
 *                       the open equal the previous close, as in round-the-clock crypto markets
 * @param rangeScale     how far high and low reach beyond open and close, in daily standard deviations
 * @param baseVolume     the volume of a quiet day, in coins or shares
 */
record AssetSpec(int stream, String symbol, double startPrice, double annualDrift, double factorLoading,
        double idioVol, double overnightShare, double rangeScale, double baseVolume) {

    AssetSpec {
        Objects.requireNonNull(symbol, "symbol");
        if (!(startPrice > 0) || !(idioVol > 0) || factorLoading < 0 || overnightShare < 0 || overnightShare > 1
                || !(rangeScale > 0) || !(baseVolume > 0)) {
            throw new IllegalArgumentException("bad parameters for " + symbol);
        }
    }
}
