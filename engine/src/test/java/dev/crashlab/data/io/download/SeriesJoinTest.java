package dev.crashlab.data.io.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesJoinTest {

    private static final Instrument BTC = InstrumentCatalog.defaults().find("BTC-USDT").orElseThrow();
    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);
    private static final DataSource SOURCE = new DataSource("http://127.0.0.1:1/first", "", "binance-json", false);
    private static final DataWarning NOTE = new DataWarning(DataWarning.Kind.SKIPPED_ROWS, "page", 0, "note");

    private static OhlcvSeries part(String name, LocalDate first, double... closes) {
        return OhlcvSeries.builder(BTC).source(new DataSource(name, "", "binance-json", false))
                .dailyCloses(first, closes).build();
    }

    @Test
    void joinsThePartsInOrderWithTheGivenSourceAndWarnings() {
        OhlcvSeries joined = SeriesJoin.join(BTC, List.of(part("p1", DAY, 1, 2), part("p2", DAY.plusDays(2), 3)),
                SOURCE, List.of(NOTE));

        assertThat(joined.closes()).containsExactly(1, 2, 3);
        assertThat(joined.date(2)).isEqualTo(DAY.plusDays(2));
        assertThat(joined.source()).isEqualTo(SOURCE);
        assertThat(joined.warnings()).containsExactly(NOTE);
    }

    @Test
    void passesOverEmptyParts() {
        OhlcvSeries empty = OhlcvSeries.builder(BTC).build();

        OhlcvSeries joined = SeriesJoin.join(BTC, List.of(part("p1", DAY, 1), empty, part("p3", DAY.plusDays(1), 2)),
                SOURCE, List.of());

        assertThat(joined.closes()).containsExactly(1, 2);
    }

    @Test
    void refusesOverlappingPartsNamingTheLaterOne() {
        assertThatThrownBy(() -> SeriesJoin.join(BTC, List.of(part("p1", DAY, 1, 2), part("p2", DAY.plusDays(1), 3)),
                SOURCE, List.of()))
                .isInstanceOf(DataFileException.class)
                .hasMessage("p2: starts at 2024-01-02T00:00:00Z, not after the previous part's last bar at"
                        + " 2024-01-02T00:00:00Z: the pages overlap");
    }
}
