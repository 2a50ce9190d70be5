package dev.crashlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstrumentCatalogTest {

    private final InstrumentCatalog catalog = InstrumentCatalog.defaults();

    @Test
    void recognisesCryptoPairsByNameWithTheirQuoteCurrency() {
        assertThat(catalog.find("BTC-USD")).hasValueSatisfying(i -> {
            assertThat(i.assetClass()).isEqualTo(AssetClass.CRYPTO);
            assertThat(i.quoteCurrency()).isEqualTo("USD");
            assertThat(i.calendar()).isSameAs(TradingCalendar.ALWAYS_OPEN);
        });
        assertThat(catalog.find("BTC-USDT_binance")).hasValueSatisfying(i -> assertThat(i.quoteCurrency()).isEqualTo("USDT"));
    }

    @Test
    void recognisesBinancesSpellingOfStablecoinPairsAndTheCrashWindowFileNames() {
        assertThat(catalog.find("BTCUSDT")).hasValueSatisfying(i -> {
            assertThat(i.assetClass()).isEqualTo(AssetClass.CRYPTO);
            assertThat(i.quoteCurrency()).isEqualTo("USDT");
        });
        assertThat(catalog.find("ETHUSDT_perp_5m_2022-06-13")).hasValueSatisfying(i -> assertThat(i.quoteCurrency())
                .isEqualTo("USDT"));
        assertThat(catalog.find("SOLFDUSD")).hasValueSatisfying(i -> assertThat(i.quoteCurrency()).isEqualTo("FDUSD"));
        assertThat(catalog.find("XAUUSD")).hasValueSatisfying(i -> assertThat(i.assetClass()).isEqualTo(AssetClass.COMMODITY));
        assertThat(catalog.find("AAPLUSD")).isEmpty();
    }

    @Test
    void knowsTheEquitiesIndicesAndGoldOfTheSharedData() {
        assertThat(catalog.find("QQQ")).hasValueSatisfying(i -> assertThat(i.assetClass()).isEqualTo(AssetClass.ETF));
        assertThat(catalog.find("MSTR")).hasValueSatisfying(i -> assertThat(i.assetClass()).isEqualTo(AssetClass.EQUITY));
        assertThat(catalog.find("HSI")).hasValueSatisfying(i -> assertThat(i.calendar()).isSameAs(TradingCalendar.XHKG));
        assertThat(catalog.find("CSI300")).hasValueSatisfying(i -> assertThat(i.quoteCurrency()).isEqualTo("CNY"));
        assertThat(catalog.find("XAUUSD")).hasValueSatisfying(i -> assertThat(i.assetClass()).isEqualTo(AssetClass.COMMODITY));
    }

    @Test
    void doesNotGuessUnknownSymbols() {
        assertThat(catalog.find("FOO")).isEmpty();
        assertThat(catalog.with(Instrument.of("FOO", AssetClass.EQUITY)).find("FOO")).isPresent();
    }
}
