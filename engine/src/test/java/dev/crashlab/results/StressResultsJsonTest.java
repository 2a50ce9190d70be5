package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.execution.Margin;
import dev.crashlab.strategy.BuyAndHold;
import dev.crashlab.strategy.CrisisWindow;
import dev.crashlab.stress.StressMethod;
import dev.crashlab.stress.StressOptions;
import dev.crashlab.stress.StressTest;
import dev.crashlab.testing.TestBars;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stress.json: written and read back to equal records and the same bytes, valid against the
 * shipped JSON Schema, and read as strictly as results.json.
 */
class StressResultsJsonTest {

    private static StressResults stress;

    @BeforeAll
    static void run() {
        LocalDate first = LocalDate.of(2024, 1, 1);
        OhlcvSeries.Builder btc = OhlcvSeries.builder(TestBars.crypto("BTC-USD"));
        double close = 100;
        for (int d = 0; d < 40; d++) {
            double next = d == 30 ? close * 0.6 : close * (d % 3 == 0 ? 0.99 : 1.01);
            btc.add(first.plusDays(d), close, Math.max(close, next), Math.min(close, next), next, 1);
            close = next;
        }
        BuyAndHold.Params hold = new BuyAndHold.Params(List.of("BTC-USD"));
        Backtest backtest = Backtest.builder(MarketData.of(btc.build())).name("hold-2x").initialCash(1_000)
                .strategy(() -> new dev.crashlab.strategy.Strategy() {
                    @Override
                    public void init(dev.crashlab.strategy.StrategyContext ctx) {
                        ctx.targetWeight("BTC-USD", 2);
                    }

                    @Override
                    public void onBar(dev.crashlab.strategy.StrategyContext ctx) {
                    }
                })
                .margin(Margin.forLeverage(2)).benchmark("buy-and-hold BTC-USD", () -> new BuyAndHold(hold))
                .crises(List.of(new CrisisWindow("drop", first.plusDays(30), first.plusDays(31), "the fall"))).build();
        StressTest test = StressTest.of(backtest, StressOptions.DEFAULTS.withPaths(20)
                .withMethods(List.of(StressMethod.BOOTSTRAP, StressMethod.CRISIS_REPLAY)));
        stress = test.results(test.historical(), IntStream.range(0, test.size()).mapToObj(test::path).toList(),
                Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void writingAndReadingBackGivesEqualRecordsAndTheSameBytes(@TempDir Path dir) {
        Path file = dir.resolve("stress.json");
        ResultsJson.write(stress, file);

        StressResults read = ResultsJson.readStress(file);

        assertThat(read).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class).isEqualTo(stress);
        assertThat(ResultsJson.toBytes(read)).isEqualTo(ResultsJson.toBytes(stress));
    }

    @Test
    void theDocumentIsValidAgainstTheShippedSchemaAndABrokenOneIsNot() throws Exception {
        Schema schema;
        try (InputStream in = ResultsJson.stressSchema().openStream()) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        String json = new String(ResultsJson.toBytes(stress), StandardCharsets.UTF_8);

        List<Error> errors = schema.validate(json, InputFormat.JSON);
        List<Error> broken = schema.validate(json.replace("\"method\" : \"bootstrap\"", "\"method\" : \"shuffle\"")
                .replace("\"sampleDays\" : 40", "\"sampleDays\" : 40, \"extra\" : 1"), InputFormat.JSON);

        assertThat(errors).isEmpty();
        assertThat(broken).anyMatch(e -> e.getInstanceLocation().toString().contains("method"));
        assertThat(broken).anyMatch(e -> e.getMessage().contains("'extra' is not defined"));
        assertThat(json).doesNotContain("NaN", "Infinity").contains("\"schema\" : \"crashlab-stress/1\"");
    }

    @Test
    void readingIsStrictNamingTheFileAndTheField(@TempDir Path dir) throws Exception {
        String json = new String(ResultsJson.toBytes(stress), StandardCharsets.UTF_8);
        Path file = dir.resolve("stress.json");

        Files.writeString(file, json.replaceFirst("\"liquidation\" : [0-9.E-]+", "\"liquidation\" : \"high\""));
        assertThatThrownBy(() -> ResultsJson.readStress(file)).isInstanceOf(ResultsException.class)
                .hasMessage(file + ": field 'sets[0].probabilities.liquidation': expected a number or null");
        assertThatThrownBy(() -> ResultsJson.readStress(json.replace("\"seed\" : 1,", "\"seed\" : 1, \"shuffle\" : true,")
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("stress.json: field 'terms.shuffle': not a field of crashlab-stress/1");
        assertThatThrownBy(() -> ResultsJson.readStress(json.replace("crashlab-stress/1", "crashlab-stress/9")
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("stress.json: field 'schema': expected \"crashlab-stress/1\", got \"crashlab-stress/9\"");
        assertThatThrownBy(() -> ResultsJson.readStress(json.replaceFirst("\"historical\" : \\{", "\"historic\" : {")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ResultsException.class);
    }

    @Test
    void theDocumentHoldsBothSetsAndTheRunsSteps() {
        assertThat(stress.sets()).extracting(StressSet::method).containsExactly("bootstrap", "crisis-replay");
        assertThat(stress.set("crisis-replay")).isPresent();
        assertThat(stress.allPaths()).hasSize(40);
        assertThat(stress.steps().times()).hasSize(40);
        assertThat(stress.sets().getFirst().distributions()).extracting(StressDistribution::metric)
                .containsExactlyElementsOf(StressFigures.DISTRIBUTED);
        assertThat(stress.terms().crisisWindows()).extracting(RegimeWindow::name).containsExactly("drop");
    }
}
