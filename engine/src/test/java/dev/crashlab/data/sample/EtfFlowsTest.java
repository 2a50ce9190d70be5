package dev.crashlab.data.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtfFlowsTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = LocalDate.of(2024, 3, 31);

    /** A BTC series that rises 1 % a day over the test range. */
    private static OhlcvSeries risingBtc() {
        OhlcvSeries.Builder bars = OhlcvSeries.builder(InstrumentCatalog.defaults().find("BTC-USD").orElseThrow());
        double price = 40_000;
        for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
            bars.add(d, price);
            price *= 1.01;
        }
        return bars.build();
    }

    @Test
    void writesTenthsWithOneDecimalAndASign() {
        assertThat(EtfFlows.tenths(-953)).isEqualTo("-95.3");
        assertThat(EtfFlows.tenths(-5)).isEqualTo("-0.5");
        assertThat(EtfFlows.tenths(0)).isEqualTo("0.0");
        assertThat(EtfFlows.tenths(12_345)).isEqualTo("1234.5");
    }

    @Test
    void startsOnTheFirstEtfSessionAndSkipsClosedDays() {
        List<EtfFlows.Row> rows = EtfFlows.simulate(risingBtc(), List.of(), 1, START, END);
        assertThat(rows.getFirst().date()).isEqualTo(EtfFlows.LAUNCH);
        assertThat(rows).extracting(EtfFlows.Row::date)
                .doesNotContain(LocalDate.of(2024, 1, 13), LocalDate.of(2024, 1, 15), LocalDate.of(2024, 3, 29));
    }

    @Test
    void forcedOutflowDaysAreNegativeEvenWhileBtcRises() {
        Event outflows = new Event("test", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 9), Map.of(), 1,
                LocalDate.of(2024, 2, 29));
        List<EtfFlows.Row> rows = EtfFlows.simulate(risingBtc(), List.of(outflows), 1, START, END);
        assertThat(rows).filteredOn(r -> outflows.forcesOutflow(r.date())).hasSize(20)
                .allSatisfy(r -> assertThat(r.totalTenths()).isNegative());
        // GBTC bleeds whatever the day
        assertThat(rows).allSatisfy(r -> assertThat(r.gbtcTenths()).isNotPositive());
    }

    @Test
    void writesHeaderCommentsThenTheColumns(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("flows.csv");
        EtfFlows.write(List.of(new EtfFlows.Row(LocalDate.of(2024, 1, 11), 1000, 505, -300)), file,
                List.of("synthetic test"));
        assertThat(Files.readString(file)).isEqualTo("""
                # synthetic test
                date,IBIT,FBTC,GBTC,total
                2024-01-11,100.0,50.5,-30.0,120.5
                """);
    }
}
