package dev.crashlab.backtest;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Costs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ResultsJsonTest {

    private static final OhlcvSeries BTC = ohlc(crypto("BTC-USD"), LocalDate.of(2024, 1, 1),
            10, 12, 9, 12, 11, 14, 10, 13, 14, 15, 13, 15, 15, 16, 8, 9);

    private static BacktestResult run() {
        Scripted s = new Scripted().at(0, ctx -> ctx.buy("BTC-USD", 2)).at(2, ctx -> ctx.closePosition("BTC-USD"))
                .at(3, ctx -> ctx.note("done"));
        return Backtest.builder(MarketData.of(BTC)).name("demo").strategy(() -> s).initialCash(100)
                .costs(Costs.DEFAULTS.withFeeRate(0.001)).benchmark("buy-and-hold BTC-USD",
                        () -> new Scripted().at(0, ctx -> ctx.targetWeight("BTC-USD", 1)))
                .build().run();
    }

    @Test
    void theSameInputsGiveTheSameBytesApartFromGeneratedAt(@TempDir Path dir) throws Exception {
        ResultsJson.write(run(), dir.resolve("a.json"), Instant.parse("2026-01-01T00:00:00Z"));
        ResultsJson.write(run(), dir.resolve("b.json"), Instant.parse("2026-11-21T10:00:00Z"));

        String a = Files.readString(dir.resolve("a.json")).replaceAll("\"generatedAt\" : \"[^\"]+\"", "");
        String b = Files.readString(dir.resolve("b.json")).replaceAll("\"generatedAt\" : \"[^\"]+\"", "");
        assertThat(a).isEqualTo(b);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("a.json", "b.json");
    }

    @Test
    void holdsTheDocumentedFields() {
        JsonNode root = ResultsJson.read(ResultsJson.toBytes(run(), Instant.EPOCH));

        for (String field : new String[] {"totalReturn", "cagr", "volatility", "sharpe", "sortino", "maxDrawdown",
            "maxDrawdownDays", "calmar", "moneyWeightedReturn", "netContributions", "finalEquity", "exposure", "feesPaid",
            "fundingPaid", "liquidations"}) {
            assertThat(root.get("metrics").has(field)).as(field).isTrue();
            assertThat(root.get("benchmark").get("metrics").has(field)).as("benchmark " + field).isTrue();
        }
        assertThat(root.get("positions").get("BTC-USD").asDouble()).isZero();
        assertThat(root.get("trades")).hasSize(1);
        assertThat(root.get("fills")).hasSize(2);
        assertThat(root.get("events").get(0).get("message").asString()).isEqualTo("done");
        JsonNode row = root.get("equity").get(1);
        assertThat(row.get("time").asString()).isEqualTo("2024-01-02T00:00:00Z");
        assertThat(row.has("equity") && row.has("cash") && row.has("contributions")).isTrue();
        assertThat(root.get("metrics").get("sharpe").isNull() || root.get("metrics").get("sharpe").isNumber()).isTrue();
        assertThat(new String(ResultsJson.toBytes(run(), Instant.EPOCH), StandardCharsets.UTF_8)).doesNotContain("NaN");
    }
}
