package dev.crashlab.data;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knows the asset class, quote currency and calendar of symbols, so that a folder of price
 * files can be loaded without describing each one.
 *
 * <p>The {@linkplain #defaults() default catalog} knows the instruments of
 * {@code ../shared/data} and other common tickers, and recognises crypto pairs by their name:
 * {@code BTC-USD}, {@code ETH-USDT}, {@code SOL-USDC}, also with a suffix after an underscore
 * ({@code BTC-USDT_binance}), and Binance's spelling of stablecoin pairs ({@code BTCUSDT},
 * {@code ETHUSDT_perp_5m_2022-06-13}). Any other symbol is unknown: its asset class must be given.
 */
public final class InstrumentCatalog {

    private static final Pattern CRYPTO_PAIR =
            Pattern.compile("([A-Z0-9]{2,10})-(USD|USDT|USDC|BUSD|EUR|BTC|ETH)(?:_[A-Za-z0-9]+)?");
    // Binance's own spelling, BTCUSDT: only stablecoin quotes, which no ticker ends with by chance;
    // a suffix may describe the extract, as the crash-window files do (BTCUSDT_spot_1m_2021-05-19).
    private static final Pattern EXCHANGE_PAIR =
            Pattern.compile("([A-Z0-9]{2,10}?)(USDT|USDC|BUSD|FDUSD)(?:_[A-Za-z0-9_.-]+)?");

    private final Map<String, Instrument> known;

    private InstrumentCatalog(Map<String, Instrument> known) {
        this.known = Map.copyOf(known);
    }

    /** Returns the catalog of well-known symbols. */
    public static InstrumentCatalog defaults() {
        Map<String, Instrument> map = new HashMap<>();
        for (String s : new String[] {"AAPL", "MSFT", "NVDA", "MSTR", "COIN", "TSLA", "AMZN", "GOOGL", "META"}) {
            put(map, s, AssetClass.EQUITY, "USD", TradingCalendar.XNYS);
        }
        for (String s : new String[] {"SPY", "QQQ", "GLD", "IBIT", "FBTC", "TLT", "IWM", "DIA", "SLV", "TQQQ"}) {
            put(map, s, AssetClass.ETF, "USD", TradingCalendar.XNYS);
        }
        for (String s : new String[] {"SPX", "NDX", "^SPX", "^GSPC", "^NDX", "DJI", "^DJI", "VIX", "^VIX"}) {
            put(map, s, AssetClass.INDEX, "USD", TradingCalendar.XNYS);
        }
        put(map, "HSI", AssetClass.INDEX, "HKD", TradingCalendar.XHKG);
        put(map, "^HSI", AssetClass.INDEX, "HKD", TradingCalendar.XHKG);
        put(map, "CSI300", AssetClass.INDEX, "CNY", TradingCalendar.XSHG);
        put(map, "000300", AssetClass.INDEX, "CNY", TradingCalendar.XSHG);
        put(map, "XAUUSD", AssetClass.COMMODITY, "USD", TradingCalendar.FX_24X5);
        put(map, "XAGUSD", AssetClass.COMMODITY, "USD", TradingCalendar.FX_24X5);
        put(map, "EURUSD", AssetClass.FX, "USD", TradingCalendar.FX_24X5);
        return new InstrumentCatalog(map);
    }

    private static void put(Map<String, Instrument> map, String symbol, AssetClass assetClass, String quote,
            TradingCalendar calendar) {
        map.put(symbol, new Instrument(Symbol.of(symbol), assetClass, quote, calendar));
    }

    /** Returns a catalog that also knows {@code instrument}, replacing any entry of the same symbol. */
    public InstrumentCatalog with(Instrument instrument) {
        Map<String, Instrument> map = new HashMap<>(known);
        map.put(instrument.symbol().value(), instrument);
        return new InstrumentCatalog(map);
    }

    /** Returns the instrument for {@code symbol} when the catalog knows it or its name is a crypto pair. */
    public Optional<Instrument> find(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        Instrument instrument = known.get(symbol);
        if (instrument != null) {
            return Optional.of(instrument);
        }
        Matcher pair = CRYPTO_PAIR.matcher(symbol);
        if (!pair.matches()) {
            pair = EXCHANGE_PAIR.matcher(symbol);
        }
        if (pair.matches()) {
            return Optional.of(new Instrument(Symbol.of(symbol), AssetClass.CRYPTO, pair.group(2),
                    TradingCalendar.ALWAYS_OPEN));
        }
        return Optional.empty();
    }

    /**
     * Returns the instrument for {@code symbol}, or fails naming the file it came from and what
     * to add.
     */
    public Instrument require(String symbol, String file) {
        return find(symbol).orElseThrow(() -> new DataFileException(file, 0, null, "unknown symbol \"" + symbol
                + "\": crashlab cannot tell its asset class; name it in the config (assetClass: crypto, equity, etf,"
                + " index, commodity or fx)"));
    }
}
