package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.crashlab.results.CrisisMetrics;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.TrackedSeries;
import dev.crashlab.results.TradeRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the whole {@code results.json} of {@link GoldenRun} byte for byte (apart from
 * {@code generatedAt}) against {@code src/test/resources/golden/results.json}, validates it against
 * the shipped JSON Schema (networknt json-schema-validator, draft 2020-12), reads it back to equal
 * records, and reads the same run's {@code crashlab-results/1} files (as the code before schema 2
 * wrote them, and as its first writers did, without the later fields) into the same records.
 *
 * <p>A deliberate change of the layout or of the run's figures: run this test with
 * {@code -Dcrashlab.golden.update=true} to rewrite the golden file, and explain the diff.
 */
class GoldenResultsTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "results.json");

    private static RunResults results(Instant generatedAt) {
        return GoldenRun.run().toResults(generatedAt);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenResultsTest.class.getResourceAsStream("/golden/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String withoutGeneratedAt(byte[] json) {
        return new String(json, StandardCharsets.UTF_8).replaceFirst("\"generatedAt\" : \"[^\"]+\"", "\"generatedAt\" : \"\"");
    }

    @Test
    void theGoldenRunWritesTheCommittedResultsJsonByteForByteApartFromGeneratedAt() throws IOException {
        byte[] written = ResultsJson.toBytes(results(Instant.parse("2026-11-21T10:00:00Z")));
        if (Boolean.getBoolean("crashlab.golden.update")) {
            Files.write(GOLDEN, ResultsJson.toBytes(results(GoldenRun.GENERATED)));
        }

        assertThat(withoutGeneratedAt(written)).isEqualTo(withoutGeneratedAt(resource("results.json")));
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"generatedAt\" : \"2026-11-21T10:00:00Z\"")
                .doesNotContain("NaN", "Infinity");
    }

    @Test
    void theGoldenRunHoldsWhatItIsMadeToShow() {
        RunResults r = results(GoldenRun.GENERATED);

        assertThat(r.universe()).hasSize(2);
        assertThat(r.benchmark()).isNotNull();
        assertThat(r.regimes().labels()).containsExactly("calm", "crash");
        assertThat(r.regimes().windows()).hasSize(1);
        assertThat(r.series()).containsOnlyKeys("etf_flows");
        assertThat(r.warnings()).as("the data's warning, then the strategy's, given twice and kept once").hasSize(2);
        assertThat(r.warnings().getFirst()).contains("ETH-USD").contains("allowPartialData");
        assertThat(r.warnings().getLast()).isEqualTo("etf_flows: an outflow published on 2024-03-03");
        assertThat(r.tracked()).extracting(TrackedSeries::name, TrackedSeries::kind)
                .containsExactly(tuple("flows 3d", "value"), tuple("flows gate", "state"));
        // Steps 1, 3 and 4 (2024-03-02, 04, 05) see the flows of Feb 28 .. Mar 1, Mar 1 .. 3 and Mar 2 .. 4.
        assertThat(r.tracked().getFirst().values()).containsExactly(Double.NaN, 95.5, Double.NaN, -234.25, -219.75,
                Double.NaN, Double.NaN, Double.NaN);
        assertThat(r.tracked().getLast().values()).containsExactly(Double.NaN, 1.0, Double.NaN, 0.0, 1.0, Double.NaN,
                Double.NaN, Double.NaN);
        assertThat(r.fills()).anyMatch(f -> f.kind().equals("liquidation"));
        assertThat(r.fills()).anyMatch(f -> Double.isFinite(f.liquidationPrice()));
        assertThat(r.events()).anyMatch(e -> e.kind().equals("liquidation") && e.symbol().equals("BTC-USD"));
        TradeRow shortEth = r.trades().getFirst();
        assertThat(shortEth.side()).isEqualTo("short");
        assertThat(shortEth.carry()).isPositive();
        assertThat(shortEth.liquidated()).isFalse();
        assertThat(r.benchmark().metrics().profitFactor()).as("the benchmark closed no trade: undefined, null in the file")
                .isNaN();
        assertThat(r.tail().drawdowns()).singleElement().satisfies(d -> assertThat(d.recovery()).isNull());
        assertThat(r.regimes().metrics()).allSatisfy(m -> assertThat(m.tail().periods()).isEqualTo(m.steps()));
        assertThat(r.crises()).extracting(CrisisMetrics::name, CrisisMetrics::builtIn, CrisisMetrics::coverage,
                CrisisMetrics::periods).containsExactly(tuple("COVID crash", true, "none", 0),
                tuple("Golden crash", false, "full", 3), tuple("Golden tail", false, "partial", 2));
        CrisisMetrics crash = r.crises().get(1);
        assertThat(crash.liquidations()).isEqualTo(1);
        assertThat(crash.heldBack()).isEqualTo(1);
        assertThat(crash.fundingPaid()).isPositive().isLessThan(r.metrics().fundingPaid() + 1e-12);
        assertThat(crash.totalReturn()).as("the liquidation took everything").isEqualTo(-1);
        assertThat(crash.recovery()).isNull();
        assertThat(crash.benchmark().totalReturn()).isBetween(-0.2, -0.15);
    }

    @Test
    void theGoldenFileIsValidAgainstTheShippedSchema() throws IOException {
        Schema schema;
        try (InputStream in = ResultsJson.schema().openStream()) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }

        List<Error> errors = schema.validate(new String(resource("results.json"), StandardCharsets.UTF_8), InputFormat.JSON);
        List<Error> broken = schema.validate(new String(resource("results.json"), StandardCharsets.UTF_8)
                .replace("\"fundingRate\" : 1.0E-4", "\"fundingRate\" : \"1e-4\"")
                .replace("\"interval\" : \"1d\"", "\"interval\" : \"1d\", \"extra\" : 1"), InputFormat.JSON);

        assertThat(errors).isEmpty();
        assertThat(broken).hasSize(2);
        assertThat(broken).anyMatch(e -> e.getInstanceLocation().toString().contains("fundingRate")
                && e.getMessage().contains("[number, null] expected"));
        assertThat(broken).anyMatch(e -> e.getMessage().contains("'extra' is not defined"));
    }

    @Test
    void writingAndReadingBackGivesEqualRecordsAndTheSameBytes() {
        RunResults r = results(GoldenRun.GENERATED);
        byte[] written = ResultsJson.toBytes(r);

        RunResults read = ResultsJson.read(written);

        assertThat(read).isEqualTo(r);
        assertThat(ResultsJson.toBytes(read)).isEqualTo(written);
    }

    @Test
    void theSameRunsVersionOneFileIsConvertedToTheSameRecords() throws IOException {
        RunResults converted = ResultsJson.read(resource("results-v1.json"));
        RunResults written = results(GoldenRun.GENERATED);

        // Version 1 had no tracked series, no strategy warnings, no crisis scorecard, no candle
        // window and did not say how it resolved its bars; its tail figures are computed from its
        // equity, as the engine computes them: the rest is the same.
        assertThat(converted.tracked()).isEmpty();
        assertThat(converted.candles()).isNull();
        assertThat(written.candles()).isNotNull();
        assertThat(converted.warnings()).containsExactly(written.warnings().getFirst());
        assertThat(converted.crises()).isEmpty();
        assertThat(converted.tail()).isEqualTo(written.tail());
        assertThat(converted.path().mode()).isEqualTo("unknown");
        assertThat(converted).usingRecursiveComparison().ignoringFields("tracked", "warnings", "crises", "path", "candles")
                .withComparatorForType(Double::compare, Double.class).isEqualTo(written);
        assertThat(converted.schema()).isEqualTo("crashlab-results/2");
    }

    @Test
    void aVersionOneFileWithoutTheLaterFieldsGetsTheirDocumentedDefaults() throws IOException {
        RunResults written = results(GoldenRun.GENERATED);

        RunResults early = ResultsJson.read(resource("results-v1-early.json"));

        assertThat(early.config().isEmpty()).isTrue();
        assertThat(early.warnings()).isEmpty();
        assertThat(early.period().interval()).as("the shortest distance between two steps").isEqualTo("1d");
        assertThat(early.account().margin().mode()).isEqualTo("cross");
        assertThat(early.account().margin().maintenanceTiers()).singleElement().satisfies(t -> {
            assertThat(t.floor()).isZero();
            assertThat(t.rate()).isEqualTo(written.account().margin().maintenance());
        });
        assertThat(early.costs().pathRule()).isEqualTo("unknown");
        assertThat(early.path()).isEqualTo(new dev.crashlab.results.PathResolution("unknown", java.util.Map.of(), 0, 0, 0, null));
        assertThat(early.trades()).allSatisfy(t -> assertThat(t.carry()).isZero());
        assertThat(early.fills()).allSatisfy(f -> assertThat(f.liquidationPrice()).isNaN());
        assertThat(early.metrics()).isEqualTo(written.metrics());
        assertThat(early.equity()).isEqualTo(written.equity());
        assertThat(early.crises()).as("which windows a run scored is not recorded").isEmpty();
        assertThat(early.tail()).as("computed from the file's equity as the engine does").isEqualTo(written.tail());
        assertThat(early.benchmark().tail()).isEqualTo(written.benchmark().tail());
        assertThat(early.regimes().metrics()).extracting(RegimeMetrics::tail)
                .isEqualTo(written.regimes().metrics().stream().map(RegimeMetrics::tail).toList());
    }
}
