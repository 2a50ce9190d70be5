package dev.crashlab.data.io;

import static dev.crashlab.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSummaryTest {

    @TempDir
    Path dir;

    @Test
    void listsEachPriceFileAndSeriesFileWithGapsAndWarnings() {
        write(dir, "BTC-USD.csv", "# synthetic", "date,open,high,low,close,volume", "2024-01-01,1,1,1,1,0",
                "2024-01-03,1,1,1,1,0");
        write(dir, "QQQ.csv", "date,open,high,low,close,volume", "2024-01-02,1,1,1,1,0", "2024-01-03,1,1,1,1,0");
        write(dir, "etf_flows_btc.csv", "date,IBIT,total", "2024-01-11,111.7,655.3", "2024-01-12,,203.0");
        write(dir, "NOTES.md", "not data");

        String summary = DataSummary.format(DataFolder.load(dir));

        assertThat(summary).contains(""
                + "symbol   class   calendar  first       last        bars  gaps  warnings  source\n"
                + "BTC-USD  crypto  24/7      2024-01-01  2024-01-03     2     1         1  synthetic\n"
                + "QQQ      etf     XNYS      2024-01-02  2024-01-03     2     0         0  crashlab-csv\n");
        assertThat(summary).contains("series file        columns  first       last        rows  published\n"
                + "etf_flows_btc.csv  2        2024-01-11  2024-01-12     2  D+1 00:00 UTC\n");
        assertThat(summary).contains("1 warning:\n  " + dir.resolve("BTC-USD.csv")
                + ":4: gap: 1 trading day of 24/7 missing between 2024-01-01 and 2024-01-03");
    }

    @Test
    void refusesAFolderWithoutDataFiles() {
        assertThatThrownBy(() -> DataFolder.load(dir)).hasMessage(dir + ": no .csv or .json data files in this folder");
        assertThatThrownBy(() -> DataFolder.load(dir.resolve("missing")))
                .hasMessageStartingWith(dir.resolve("missing") + ": not a folder");
    }
}
