package dev.crashlab.results;

/**
 * An instrument of a run's universe.
 *
 * @param symbol        its symbol, such as {@code BTC-USD}
 * @param assetClass    crypto, equity, etf, index, commodity or fx
 * @param quoteCurrency the currency its prices are in
 * @param calendar      its trading calendar's id, such as {@code 24/7} or {@code XNYS}
 */
public record InstrumentInfo(String symbol, String assetClass, String quoteCurrency, String calendar) {
}
