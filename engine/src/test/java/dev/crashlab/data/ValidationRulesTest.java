package dev.crashlab.data;

import static dev.crashlab.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceFormat;
import dev.crashlab.data.io.PriceLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per validation rule; each error names file, line (header counted) and field. */
class ValidationRulesTest {

    private static final String HEADER = "date,open,high,low,close,volume";

    @TempDir
    Path dir;

    private Path file(String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return write(dir, "BTC-USD.csv", lines);
    }

    private void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> PriceLoader.load(file))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + message);
    }

    @Test
    void rejectsAMalformedNumberNamingFileLineAndField() {
        Path f = file("2024-01-01,1,2,0.5,1.5,3", "2024-01-02,1,2,0.5,1.5x,3");
        assertRefused(f, ":3: field 'close': expected a number, got \"1.5x\"");
        DataFileException e = org.junit.jupiter.api.Assertions.assertThrows(DataFileException.class, () -> PriceLoader.load(f));
        assertThat(e.file()).isEqualTo(f.toString());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("close");
        assertThat(e.problem()).isEqualTo("expected a number, got \"1.5x\"");
    }

    @Test
    void rejectsAMissingValue() {
        assertRefused(file("2024-01-01,1,2,,1.5,3"), ":2: field 'low': missing value: expected a number");
    }

    @Test
    void rejectsAMissingColumnNamingTheHeaderLine() {
        Path f = write(dir, "BTC-USD.csv", "date,open,high,low,close,volume", "2024-01-01,1,2,0.5,1.5,3");
        Path missing = write(dir, "XRP-USD.csv", "date,open,high,low,volume", "2024-01-01,1,2,0.5,3");
        assertThat(PriceLoader.load(f).size()).isEqualTo(1);
        assertThatThrownBy(() -> PriceLoader.load(missing, LoadOptions.builder().format(PriceFormat.CRASHLAB_CSV).build()))
                .hasMessage(missing + ":1: field 'close': missing column: the header is date,open,high,low,volume");
    }

    @Test
    void rejectsAnEmptyFile() {
        Path empty = write(dir, "BTC-USD.csv", "");
        assertThatThrownBy(() -> PriceLoader.load(empty)).hasMessage(empty + ": empty file: no header and no data rows");
    }

    @Test
    void rejectsAFileWithAHeaderButNoRows() {
        assertRefused(file(), ": empty file: no data rows");
    }

    @Test
    void rejectsADuplicateTimestampNamingBothLines() {
        assertRefused(file("2024-01-01,1,2,0.5,1.5,3", "2024-01-02,1,2,0.5,1.5,3", "2024-01-02,1,2,0.5,1.5,3"),
                ":4: field 'date': duplicate timestamp 2024-01-02T00:00:00Z: also on line 3");
    }

    @Test
    void rejectsUnsortedRowsNamingFileAndLine() {
        assertRefused(file("2024-01-02,1,2,0.5,1.5,3", "2024-01-01,1,2,0.5,1.5,3"),
                ":3: field 'date': rows are not sorted by time: 2024-01-01T00:00:00Z comes after 2024-01-02T00:00:00Z"
                        + " on line 2 (load in lenient mode to sort them)");
    }

    @Test
    void sortsUnsortedRowsWithAWarningInLenientMode() {
        Path f = file("2024-01-03,3,3,3,3,0", "2024-01-01,1,1,1,1,0", "2024-01-02,2,2,2,2,0");

        OhlcvSeries s = PriceLoader.load(f, LoadOptions.builder().lenient(true).build());

        assertThat(s.closes()).containsExactly(1, 2, 3);
        assertThat(s.warnings()).singleElement().hasToString(f + ": unsorted: rows were not sorted by time; lenient mode"
                + " sorted them (3 rows moved)");
    }

    @Test
    void stillRejectsDuplicatesInLenientMode() {
        Path f = file("2024-01-02,1,1,1,1,0", "2024-01-01,1,1,1,1,0", "2024-01-02,1,1,1,1,0");
        assertThatThrownBy(() -> PriceLoader.load(f, LoadOptions.builder().lenient(true).build()))
                .hasMessage(f + ":4: field 'date': duplicate timestamp 2024-01-02T00:00:00Z: also on line 2");
    }

    @Test
    void rejectsNaN() {
        assertRefused(file("2024-01-01,NaN,2,0.5,1.5,3"), ":2: field 'open': expected a finite number, got \"NaN\"");
    }

    @Test
    void rejectsInfinity() {
        assertRefused(file("2024-01-01,1,Infinity,0.5,1.5,3"), ":2: field 'high': expected a finite number, got \"Infinity\"");
    }

    @Test
    void rejectsAZeroPrice() {
        assertRefused(file("2024-01-01,1,2,0,1.5,3"), ":2: field 'low': expected a positive price, got 0");
    }

    @Test
    void rejectsANegativePrice() {
        assertRefused(file("2024-01-01,-1,2,0.5,1.5,3"), ":2: field 'open': expected a positive price, got -1");
    }

    @Test
    void rejectsAHighBelowTheLow() {
        assertRefused(file("2024-01-01,1,0.4,0.5,0.45,3"), ":2: field 'high': high 0.4 is below low 0.5");
    }

    @Test
    void rejectsAnOpenOutsideTheRange() {
        assertRefused(file("2024-01-01,2.5,2,0.5,1.5,3"), ":2: field 'open': open 2.5 is outside [low, high] = [0.5, 2]");
    }

    @Test
    void rejectsACloseOutsideTheRange() {
        assertRefused(file("2024-01-01,1,2,0.5,0.4,3"), ":2: field 'close': close 0.4 is outside [low, high] = [0.5, 2]");
    }

    @Test
    void rejectsANegativeVolume() {
        assertRefused(file("2024-01-01,1,2,0.5,1.5,-3"), ":2: field 'volume': expected a non-negative volume, got -3");
    }

    @Test
    void rejectsAMalformedDate() {
        assertRefused(file("2024-13-01,1,2,0.5,1.5,3"), ":2: field 'date': expected a date (yyyy-MM-dd), got \"2024-13-01\"");
    }

    @Test
    void rejectsADayTheMonthDoesNotHave() {
        assertRefused(file("2023-02-29,1,2,0.5,1.5,3"), ":2: field 'date': expected a date (yyyy-MM-dd), got \"2023-02-29\"");
    }

    @Test
    void rejectsAnImpossibleInstant() {
        Path f = write(dir, "BTC-USD.csv", "time,open,high,low,close,volume", "2024-04-31T00:00:00Z,1,2,0.5,1.5,3");
        assertThatThrownBy(() -> PriceLoader.load(f))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(f + ":2: field 'time': expected a date-time");
    }

    @Test
    void rejectsARowWithTooFewFields() {
        assertRefused(file("2024-01-01,1,2,0.5"), ":2: expected at least 6 fields, got 4 (delimiter ',')");
    }

    @Test
    void rejectsAnUnterminatedQuote() {
        assertRefused(file("2024-01-01,\"1,2,0.5,1.5,3"), ":2: unterminated quoted field");
    }

    @Test
    void usesTheFilesOwnColumnNamesInMessages() {
        Path f = write(dir, "SPY.csv", "Date,Open,High,Low,Close,Adj Close,Volume", "2024-01-02,100,104,98,102,51,-1");
        assertThatThrownBy(() -> PriceLoader.load(f)).hasMessage(f + ":2: field 'Volume': expected a non-negative volume, got -1");
    }

    @Test
    void warnsAboutGapsLongerThanTheCalendarAllowsListingEachGap() {
        Path f = file("2024-01-01,1,1,1,1,0", "2024-01-02,1,1,1,1,0", "2024-01-05,1,1,1,1,0", "2024-01-07,1,1,1,1,0");

        OhlcvSeries s = PriceLoader.load(f);

        assertThat(s.gapCount()).isEqualTo(2);
        assertThat(s.warnings()).extracting(DataWarning::toString).containsExactly(
                f + ":4: gap: 2 trading days of 24/7 missing between 2024-01-02 and 2024-01-05",
                f + ":5: gap: 1 trading day of 24/7 missing between 2024-01-05 and 2024-01-07");
    }

    @Test
    void acceptsWeekendsAndExchangeHolidaysWithoutAGapForEquities() {
        // Friday 2024-03-28, then Good Friday (closed), the weekend, Monday 2024-04-01.
        Path f = write(dir, "SPY.csv", HEADER, "2024-03-28,1,1,1,1,0", "2024-04-01,1,1,1,1,0", "2024-04-03,1,1,1,1,0");

        OhlcvSeries s = PriceLoader.load(f);

        assertThat(s.warnings()).extracting(DataWarning::toString)
                .containsExactly(f + ":4: gap: 1 trading day of XNYS missing between 2024-04-01 and 2024-04-03");
    }

    @Test
    void warnsAboutABarOnADayTheExchangeIsClosed() {
        Path f = write(dir, "SPY.csv", HEADER, "2024-12-24,1,1,1,1,0", "2024-12-25,1,1,1,1,0", "2024-12-26,1,1,1,1,0");

        assertThat(PriceLoader.load(f).warnings()).extracting(DataWarning::toString)
                .containsExactly(f + ":3: off_calendar: bar dated 2024-12-25 (WEDNESDAY), a day XNYS is closed");
    }
}
