package dev.crashlab.data;

import static dev.crashlab.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.backtest.BacktestResult;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.testing.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapPolicyTest {

    @TempDir
    Path dir;

    /** Five one-minute bars with three minutes missing after 00:01 (line 4 follows the hole). */
    private Path holed() {
        return write(dir, "BTC-USD.csv",
                "time,open,high,low,close,volume",
                "2024-01-01T00:00:00Z,100,101,99,100.5,1",
                "2024-01-01T00:01:00Z,100.5,102,100,101,2",
                "2024-01-01T00:05:00Z,101,103,100,102,3",
                "2024-01-01T00:06:00Z,102,104,101,103,4");
    }

    private static OhlcvSeries load(Path file, GapPolicy gaps) {
        return PriceLoader.load(file, LoadOptions.builder().gaps(gaps).build());
    }

    @Test
    void keepsHolesByDefaultAndWarnsWithTheLineAfterTheHole() {
        OhlcvSeries s = PriceLoader.load(holed());

        assertThat(s.size()).isEqualTo(4);
        assertThat(s.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(DataWarning.Kind.GAP);
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.message()).isEqualTo("3 bars missing between 2024-01-01T00:01:00Z and 2024-01-01T00:05:00Z");
        });
        assertThat(GapPolicy.summary(s)).isEqualTo(s.source().path() + ": 1m bars of BTC-USD: 1 gap (3 bars missing)"
                + " kept as holes (gaps: keep); first: " + s.warnings().getFirst());
    }

    @Test
    void refusesAFileWithAGapNamingFileLineAndTheWayOut() {
        Path file = holed();

        assertThatThrownBy(() -> load(file, GapPolicy.REFUSE))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":4: 3 bars missing between 2024-01-01T00:01:00Z and 2024-01-01T00:05:00Z (gaps: refuse);"
                        + " set gaps: keep to keep the holes or gaps: fill to fill them with flat bars");
    }

    @Test
    void fillsHolesWithFlatZeroVolumeBarsAtThePreviousCloseAndSaysSo() {
        OhlcvSeries s = load(holed(), GapPolicy.FILL);

        assertThat(s.size()).isEqualTo(7);
        for (int i = 2; i <= 4; i++) {
            assertThat(s.time(i)).isEqualTo(Instant.parse("2024-01-01T00:0" + i + ":00Z"));
            assertThat(new double[] {s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i)})
                    .containsExactly(101, 101, 101, 101, 0);
        }
        assertThat(s.close(5)).isEqualTo(102);
        assertThat(s.warnings()).extracting(DataWarning::kind)
                .containsExactly(DataWarning.Kind.GAP, DataWarning.Kind.FILLED);
        assertThat(s.warnings().get(1).message()).isEqualTo("3 missing 1m bars in 1 gap filled with flat zero-volume"
                + " bars at the previous close (gaps: fill)");
        assertThat(GapPolicy.summary(s)).contains("1 gap filled with flat zero-volume bars (gaps: fill)");
    }

    @Test
    void doesNotCallAnExchangesHalfHourSessionBarsOffGrid() {
        Path file = write(dir, "SPY.csv",
                "time,open,high,low,close,volume",
                "2024-01-02T14:30:00Z,470,471,469,470.5,10",
                "2024-01-02T15:30:00Z,470.5,472,470,471,10",
                "2024-01-02T17:30:00Z,471,473,470,472,10");

        OhlcvSeries s = load(file, GapPolicy.FILL);

        assertThat(s.warnings()).extracting(DataWarning::kind).containsExactly(DataWarning.Kind.GAP, DataWarning.Kind.FILLED);
        assertThat(s.time(2)).isEqualTo(Instant.parse("2024-01-02T16:30:00Z"));
    }

    @Test
    void leavesDailyBarsAloneWhateverThePolicy() {
        Path file = write(dir, "BTC-USD.csv",
                "date,open,high,low,close,volume",
                "2024-01-01,100,110,95,105,1",
                "2024-01-05,105,108,101,102,1");

        OhlcvSeries s = load(file, GapPolicy.REFUSE);

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.gapCount()).isEqualTo(1);
        assertThat(GapPolicy.summary(s)).isNull();
    }

    @Test
    void countsTheGridTimesMissingBeforeAnOffGridBar() {
        long hour = 3_600_000L;
        long start = Instant.parse("2018-02-08T00:00:00Z").toEpochMilli();
        long offGrid = Instant.parse("2018-02-09T09:28:14Z").toEpochMilli();

        assertThat(GapPolicy.missingBars(start, offGrid, hour, true)).isEqualTo(33); // 01:00 .. 09:00 of the next day
        assertThat(GapPolicy.missingBars(offGrid, offGrid + 2 * hour, hour, true)).isEqualTo(2); // 10:00, 11:00
        assertThat(GapPolicy.missingBars(start, start + hour, hour, true)).isZero();
        // An exchange's hourly bars from 13:30 UTC: steps from the earlier bar, no grid.
        long open = Instant.parse("2024-01-02T13:30:00Z").toEpochMilli();
        assertThat(GapPolicy.missingBars(open, open + 3 * hour, hour, false)).isEqualTo(2);
    }

    @Test
    void reportsTheOffTheHourBarAndTheOutagesOfTheRealHourlyBtcFileWithoutBreaking() {
        Path file = SharedData.file("intraday/binance-spot-1h/BTCUSDT.csv");

        OhlcvSeries kept = PriceLoader.load(file);
        OhlcvSeries filled = load(file, GapPolicy.FILL);

        assertThat(kept.interval()).isEqualTo(BarInterval.HOUR);
        assertThat(kept.size()).isEqualTo(75_683);
        assertThat(kept.warnings()).filteredOn(w -> w.kind() == DataWarning.Kind.OFF_GRID)
                .extracting(DataWarning::line).contains(4192L);
        assertThat(kept.warnings()).filteredOn(w -> w.kind() == DataWarning.Kind.OFF_GRID).first()
                .extracting(DataWarning::message)
                .isEqualTo("bar stamped 2018-02-09T09:28:14Z is off the 1h grid; kept as the file has it");
        // 28 outages 2017-09 .. 2023-03 and two holes of 2026 (SOURCES.md); and not one off-grid bar
        // but 43, 2018-02-09T09:28:14Z and each hour after it to 2018-02-11T03:28:14Z.
        assertThat(kept.gapCount()).isEqualTo(30);
        assertThat(kept.warnings()).filteredOn(w -> w.kind() == DataWarning.Kind.OFF_GRID).hasSize(43);
        assertThat(GapPolicy.summary(kept)).contains("1h bars of BTCUSDT: 30 gaps (497 bars missing) kept as holes");
        assertThatThrownBy(() -> load(file, GapPolicy.REFUSE)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("(gaps: refuse)");
        assertThat(filled.size()).isGreaterThan(kept.size());
        long longestStep = 0;
        for (int i = 1; i < filled.size(); i++) {
            longestStep = Math.max(longestStep, filled.timeMillis(i) - filled.timeMillis(i - 1));
        }
        assertThat(longestStep).isEqualTo(3_600_000L);
        System.out.println("binance-spot-1h/BTCUSDT.csv: " + kept.gapCount() + " gaps, "
                + kept.warnings().stream().filter(w -> w.kind() == DataWarning.Kind.OFF_GRID).count()
                + " off-grid bars, filled to " + filled.size() + " bars");
    }

    @Test
    void reportsTheTradelessMinutesOfTheGeminiFileAsGapsAndReadsOnlyItsSixPriceColumns() {
        OhlcvSeries s = PriceLoader.load(SharedData.file("intraday/gemini-1m/BTCUSD_2025-10-10.csv"),
                LoadOptions.builder().instrument(Instrument.of("BTC-USD", AssetClass.CRYPTO)).build());

        // 1,351 minutes of 1,440 had a trade (SOURCES.md): the other 89 are holes, each warned.
        assertThat(s.size()).isEqualTo(1_351);
        assertThat(s.interval()).isEqualTo(BarInterval.MINUTE);
        assertThat(GapPolicy.summary(s)).contains("(89 bars missing) kept as holes (gaps: keep)");
    }

    @Test
    void aRunOnHoledMinutesStatesTheGapsInItsResultsWarnings() {
        OhlcvSeries minutes = PriceLoader.load(holed());

        BacktestResult r = Backtest.builder(MarketData.of(minutes)).strategy(() -> ctx -> { }).build().run();

        assertThat(r.warnings()).contains(GapPolicy.summary(minutes));
        assertThat(r.toResults(Instant.EPOCH).warnings()).contains(GapPolicy.summary(minutes));
    }
}
