package dev.crashlab.data;

import static dev.crashlab.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.io.SeriesLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonPriceSeriesTest {

    @TempDir
    Path dir;

    private Path flows() {
        return write(dir, "etf_flows_btc.csv",
                "date,IBIT,GBTC,total",
                "2025-11-19,-523.1,,-523.1",
                "2025-11-20,-355.5,-547.7,-903.2",
                "2025-11-21,60.2,-21.1,39.1");
    }

    @Test
    void publishesADailyValueAtTheStartOfTheNextUtcDayByDefault() {
        NonPriceSeries total = SeriesLoader.load(flows(), "total", "etf_flows", PublicationRule.NEXT_DAY_UTC);

        assertThat(total.name()).isEqualTo("etf_flows");
        assertThat(total.publishedAt(1)).isEqualTo(Instant.parse("2025-11-21T00:00:00Z"));
        long justBefore = Instant.parse("2025-11-20T23:59:59.999Z").toEpochMilli();
        assertThat(total.countPublishedBy(justBefore)).isEqualTo(1); // the 20th's own value is not yet out
        assertThat(total.countPublishedBy(justBefore + 1)).isEqualTo(2);
        assertThat(total.value(1)).isEqualTo(-903.2);
    }

    @Test
    void skipsBlankCellsWhichAreNotObservations() {
        List<NonPriceSeries> all = SeriesLoader.loadAll(flows(), PublicationRule.NEXT_DAY_UTC);

        assertThat(all).extracting(NonPriceSeries::name)
                .containsExactly("etf_flows_btc.IBIT", "etf_flows_btc.GBTC", "etf_flows_btc.total");
        NonPriceSeries gbtc = all.get(1);
        assertThat(gbtc.size()).isEqualTo(2);
        assertThat(gbtc.date(0)).isEqualTo(LocalDate.of(2025, 11, 20));
    }

    @Test
    void parsesPublicationRulesWithTimeAndZone() {
        PublicationRule rule = PublicationRule.parse("D+1 09:30 America/New_York");

        assertThat(rule).isEqualTo(new PublicationRule(1, LocalTime.of(9, 30), ZoneId.of("America/New_York")));
        assertThat(rule.publishedAt(LocalDate.of(2025, 11, 20))).isEqualTo(Instant.parse("2025-11-21T14:30:00Z"));
        assertThat(PublicationRule.parse("D+0")).hasToString("D+0 00:00 UTC");
        assertThat(PublicationRule.parse("d+2 7:00")).isEqualTo(new PublicationRule(2, LocalTime.of(7, 0), java.time.ZoneOffset.UTC));
        assertThatThrownBy(() -> PublicationRule.parse("tomorrow"))
                .hasMessage("expected a publication rule such as \"D+1\" or \"D+1 09:30 America/New_York\", got \"tomorrow\"");
    }

    @Test
    void rejectsAMalformedValueNamingFileLineAndColumn() {
        Path f = write(dir, "flows.csv", "date,total", "2025-11-19,-523.1", "2025-11-20,n/a");

        assertThatThrownBy(() -> SeriesLoader.loadAll(f, PublicationRule.NEXT_DAY_UTC))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ":3: field 'total': expected a number, got \"n/a\"");
    }

    @Test
    void rejectsNaNDuplicateAndUnsortedDates() {
        Path nan = write(dir, "a.csv", "date,total", "2025-11-19,NaN");
        Path dup = write(dir, "b.csv", "date,total", "2025-11-19,1", "2025-11-19,2");
        Path unsorted = write(dir, "c.csv", "date,total", "2025-11-19,1", "2025-11-18,2");

        assertThatThrownBy(() -> SeriesLoader.loadAll(nan, PublicationRule.NEXT_DAY_UTC))
                .hasMessage(nan + ":2: field 'total': expected a finite number, got \"NaN\"");
        assertThatThrownBy(() -> SeriesLoader.loadAll(dup, PublicationRule.NEXT_DAY_UTC))
                .hasMessage(dup + ":3: field 'date': duplicate date 2025-11-19: also on line 2");
        assertThatThrownBy(() -> SeriesLoader.loadAll(unsorted, PublicationRule.NEXT_DAY_UTC))
                .hasMessage(unsorted + ":3: field 'date': rows are not sorted by date: 2025-11-18 comes after 2025-11-19 on line 2");
    }

    @Test
    void rejectsAMissingColumnAndAMissingDateColumn() {
        Path f = flows();
        Path noDate = write(dir, "d.csv", "day,total", "2025-11-19,1");

        assertThatThrownBy(() -> SeriesLoader.load(f, "net", "x", PublicationRule.NEXT_DAY_UTC))
                .hasMessage(f + ":1: field 'net': missing column: the header is date,IBIT,GBTC,total");
        assertThatThrownBy(() -> SeriesLoader.loadAll(noDate, PublicationRule.NEXT_DAY_UTC))
                .hasMessage(noDate + ":1: field 'date': missing column: the first column must be 'date', the header is day,total");
    }

    @Test
    void buildsSeriesInMemoryRefusingUnorderedDates() {
        NonPriceSeries s = NonPriceSeries.of("x", PublicationRule.NEXT_DAY_UTC,
                new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 3)}, new double[] {1, 2});

        assertThat(s.countPublishedBy(Instant.parse("2025-01-04T00:00:00Z").toEpochMilli())).isEqualTo(2);
        assertThatThrownBy(() -> NonPriceSeries.of("x", PublicationRule.NEXT_DAY_UTC,
                new LocalDate[] {LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 1)}, new double[] {1, 2}))
                .hasMessage("x: dates must increase, but 2025-01-01 follows 2025-01-03");
    }
}
