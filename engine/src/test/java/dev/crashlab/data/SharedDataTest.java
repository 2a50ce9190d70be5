package dev.crashlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.data.io.DataFolder;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.SeriesLoader;
import dev.crashlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Loads every price file of {@code ../shared/data} strictly and checks it against the summary
 * table of {@code SOURCES.md}: first date, last date and row count.
 */
class SharedDataTest {

    private static final Pattern SUMMARY_ROW =
            Pattern.compile("^\\| (\\S+\\.csv) \\| (\\d{4}-\\d{2}-\\d{2}) \\| (\\d{4}-\\d{2}-\\d{2}) \\| (\\d+) \\|.*");

    record Expected(String file, String first, String last, int rows) {
    }

    private static List<Expected> summaryTable(Path sources) throws IOException {
        List<Expected> rows = new ArrayList<>();
        for (String line : Files.readAllLines(sources)) {
            Matcher m = SUMMARY_ROW.matcher(line);
            if (m.matches()) {
                rows.add(new Expected(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4))));
            }
        }
        return rows;
    }

    @Test
    void everyPriceFileLoadsStrictlyWithTheRangeAndRowCountOfSourcesMd() throws IOException {
        Path folder = SharedData.folder();
        List<Expected> expected = summaryTable(folder.resolve("SOURCES.md"));
        DataFolder data = DataFolder.load(folder);

        assertThat(expected).hasSizeGreaterThanOrEqualTo(28);
        SoftAssertions soft = new SoftAssertions();
        int priceFiles = 0;
        for (Expected e : expected) {
            Path file = folder.resolve(e.file());
            if (!PriceLoader.looksLikePriceFile(file)) {
                continue;
            }
            priceFiles++;
            OhlcvSeries s = data.prices().stream().filter(p -> p.source().path().equals(file.toString())).findFirst()
                    .orElseThrow();
            soft.assertThat(s.date(0).toString()).as(e.file() + " first").isEqualTo(e.first());
            soft.assertThat(s.date(s.size() - 1).toString()).as(e.file() + " last").isEqualTo(e.last());
            soft.assertThat(s.size()).as(e.file() + " rows").isEqualTo(e.rows());
        }
        soft.assertAll();
        assertThat(priceFiles).isEqualTo(data.prices().size()).isEqualTo(28);
    }

    @Test
    void theEtfFlowFilesLoadWithTheirRowCounts() throws IOException {
        Path folder = SharedData.folder();
        for (Expected e : summaryTable(folder.resolve("SOURCES.md"))) {
            if (!e.file().startsWith("etf_flows")) {
                continue;
            }
            NonPriceSeries total = SeriesLoader.load(folder.resolve(e.file()), "total", "total", PublicationRule.NEXT_DAY_UTC);
            assertThat(total.size()).as(e.file()).isEqualTo(e.rows());
            assertThat(total.date(0).toString()).as(e.file()).isEqualTo(e.first());
            assertThat(total.date(total.size() - 1).toString()).as(e.file()).isEqualTo(e.last());
        }
    }

    @Test
    void matchesTheSanityFiguresOfSourcesMd() {
        OhlcvSeries btc = PriceLoader.load(SharedData.file("BTC-USD.csv"));
        int i = btc.indexAtOrBefore(java.time.Instant.parse("2025-11-21T00:00:00Z").toEpochMilli());
        assertThat(btc.close(i)).isEqualTo(85_087.62);
        NonPriceSeries flows = SeriesLoader.load(SharedData.file("etf_flows_btc.csv"), "total", "f", PublicationRule.NEXT_DAY_UTC);
        int k = 0;
        while (!flows.date(k).toString().equals("2025-11-20")) {
            k++;
        }
        assertThat(flows.value(k)).isEqualTo(-903.2);
    }
}
