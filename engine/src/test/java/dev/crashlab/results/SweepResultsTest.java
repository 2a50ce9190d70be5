package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import dev.crashlab.metrics.selection.BacktestOverfitting;
import dev.crashlab.metrics.selection.DeflatedSharpeRatio;
import dev.crashlab.metrics.selection.SharpeEstimate;
import dev.crashlab.testing.JsonSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * sweep.json: the record of a 3 × 2 grid with its selection statistics, written and read back to
 * equal records and bytes, valid against its shipped JSON Schema, and read strictly.
 */
class SweepResultsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<SweepAxis> AXES = List.of(
            new SweepAxis("window", List.of(NODES.numberNode(10), NODES.numberNode(20), NODES.numberNode(30))),
            new SweepAxis("mode", List.of(NODES.stringNode("fast"), NODES.stringNode("slow"))));
    private static final double P = 365;

    /** Returns 6 variants' returns over 160 periods: variant v drifts by 0.0004 · v, variant 3 the most by construction. */
    static double[][] returns() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] r = new double[6][160];
        double[] drift = {0.0001, 0.0004, 0.0008, 0.0030, 0.0012, 0.0002};
        for (int v = 0; v < 6; v++) {
            for (int t = 0; t < 160; t++) {
                r[v][t] = random.nextDouble(-0.02, 0.02) + drift[v];
            }
        }
        return r;
    }

    /** Returns metrics whose Sharpe ratio is that of {@code returns}, annualised, the rest fixed. */
    static RunMetrics metrics(double[] returns) {
        double sharpe = SharpeEstimate.of(returns).sharpe() * Math.sqrt(P);
        return new RunMetrics(0.1, 0.1, 0.5, sharpe, 1, -0.2, 30, 0.5, 0.1, 1000, 0, 1100, 100, 1, 1, 1, 0, 0, 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, P, 0);
    }

    static SweepResults sweep() {
        double[][] returns = returns();
        List<RunMetrics> metrics = new ArrayList<>();
        List<SweepVariant> variants = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Map<String, JsonNode> parameters = new LinkedHashMap<>();
            parameters.put("window", AXES.get(0).values().get(k / 2));
            parameters.put("mode", AXES.get(1).values().get(k % 2));
            metrics.add(metrics(returns[k]));
            variants.add(new SweepVariant(SweepResults.variantId("trend", k, 6), parameters, metrics.get(k), k == 3 ? "best/report.html" : null));
        }
        Metric sharpe = Metric.of("sharpe").orElseThrow();
        SweepSelection selection = SweepSelection.of(returns, AXES, metrics, sharpe, 4);
        return new SweepResults(SweepResults.SCHEMA, "0.1.0", Instant.parse("2026-11-21T10:00:00Z"), "sweep of trend", "trend",
                "sharpe", AXES, 3, variants, selection);
    }

    @Test
    void theSelectionOfTheChosenVariantIsThatOfTheMetricsApiOnTheSameMatrix() {
        double[][] returns = returns();
        SweepSelection s = sweep().selection();

        DeflatedSharpeRatio dsr = DeflatedSharpeRatio.ofSweep(returns, 3);
        BacktestOverfitting pbo = BacktestOverfitting.estimate(returns, BacktestOverfitting.Options.defaults().withBlocks(4));
        assertThat(s.variant()).isEqualTo(3);
        assertThat(s.trials()).isEqualTo(6);
        assertThat(s.periods()).isEqualTo(160);
        assertThat(s.sharpe()).isEqualTo(SharpeEstimate.of(returns[3]).sharpe());
        assertThat(s.deflatedSharpe()).isEqualTo(dsr.probability());
        assertThat(s.trialSharpeVariance()).isEqualTo(dsr.trialSharpeVariance());
        assertThat(s.overfitting().probability()).isEqualTo(pbo.probability());
        assertThat(s.overfitting().combinations()).isEqualTo(6);
        assertThat(s.overfitting().inSample()).hasSize(6);
        assertThat(s.overfitting().logits()).hasSize(SweepSelection.LOGIT_BINS);
        assertThat(s.overfitting().logits().stream().mapToInt(SweepSelection.LogitBin::count).sum()).isEqualTo(6);
        long atMostZero = s.overfitting().logits().stream().filter(b -> b.to() <= 0).mapToInt(SweepSelection.LogitBin::count)
                .sum();
        assertThat((double) atMostZero / 6).as("the bins up to 0 hold PBO").isEqualTo(pbo.probability());
        assertThat(s.overfitting().logits().getFirst().from()).isEqualTo(-Math.log(6), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.overfitting().logits().get(SweepSelection.LOGIT_BINS / 2 - 1).to()).isZero();
    }

    @Test
    void theStabilityViewComparesTheChosenCellWithItsNeighboursAndNamesTheEdgeItSitsOn() {
        SweepResults sweep = sweep();
        SweepSelection.Stability s = sweep.selection().stability();
        double best = sweep.variants().get(3).metrics().sharpe();
        // Cell 3 is (window 20, mode slow): neighbours 10/slow (1), 30/slow (5) and 20/fast (2).
        double mean = (sweep.variants().get(1).metrics().sharpe() + sweep.variants().get(5).metrics().sharpe()
                + sweep.variants().get(2).metrics().sharpe()) / 3;

        assertThat(s.coordinates()).containsExactly(1, 1);
        assertThat(s.neighbours()).isEqualTo(3);
        assertThat(s.neighbourMean()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.dropToMean()).isCloseTo(best - mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.relativeDrop()).isCloseTo((best - mean) / best, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.edges()).singleElement().satisfies(e -> {
            assertThat(e.parameter()).isEqualTo("mode");
            assertThat(e.end()).isEqualTo("last");
            assertThat(e.value().asString()).isEqualTo("slow");
        });
        assertThat(sweep.figure("onEdge")).isEqualTo(1);
        assertThat(sweep.figure("relativeDrop")).isEqualTo(s.relativeDrop());
        assertThat(sweep.figure("pbo")).isEqualTo(sweep.selection().overfitting().probability());
        assertThat(SweepResults.FIGURES).allSatisfy(f -> sweep.figure(f));
    }

    @Test
    void writingAndReadingBackGivesEqualRecordsAndTheSameBytesValidAgainstTheSchema() {
        SweepResults sweep = sweep();
        byte[] written = ResultsJson.toBytes(sweep);

        SweepResults read = ResultsJson.readSweep(written);
        String json = new String(written, StandardCharsets.UTF_8);
        List<Error> errors = JsonSchemas.validate(ResultsJson.SWEEP_SCHEMA_RESOURCE, json);
        List<Error> broken = JsonSchemas.validate(ResultsJson.SWEEP_SCHEMA_RESOURCE,
                json.replace("\"blocks\" : 4", "\"blocks\" : \"4\"").replace("\"end\" : \"last\"", "\"end\" : \"middle\"")
                        .replaceFirst("\"sharpe\" : ", "\"sharpe\" : \"x\", \"sharp\" : "));

        assertThat(read).isEqualTo(sweep);
        assertThat(ResultsJson.toBytes(read)).isEqualTo(written);
        assertThat(json).doesNotContain("NaN").contains("\"schema\" : \"crashlab-sweep/1\"");
        assertThat(errors).isEmpty();
        assertThat(broken).hasSize(4);
        assertThat(broken).anyMatch(e -> e.getInstanceLocation().toString().contains("blocks"));
        assertThat(broken).anyMatch(e -> e.getInstanceLocation().toString().contains("end"));
        assertThat(broken).anyMatch(e -> e.getMessage().contains("'sharp' is not defined"));
    }

    @Test
    void readingIsStrictAndNamesTheDocumentAndTheField() {
        String json = new String(ResultsJson.toBytes(sweep()), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readSweep(json.replace("\"best\" : 3", "\"best\" : 2")))
                .hasMessage("sweep.json: field 'best': expected 3, the variant with the best sharpe, got 2");
        assertThatThrownBy(() -> readSweep(json.replace("\"degradationEvery\" : 1", "\"degradationEvery\" : 1, \"x\" : 2")))
                .hasMessage("sweep.json: field 'selection.overfitting.x': not a field of crashlab-sweep/1");
        assertThatThrownBy(() -> readSweep(json.replace("\"schema\" : \"crashlab-sweep/1\"", "\"schema\" : \"crashlab-results/2\"")))
                .hasMessage("sweep.json: field 'schema': expected \"crashlab-sweep/1\", got \"crashlab-results/2\"");
        assertThatThrownBy(() -> readSweep(json.replaceFirst("\"window\" : 10", "\"window\" : 11")))
                .hasMessage("sweep.json: field 'variants[0].parameters.window': expected 10 (variants are the grid's cells in"
                        + " order, the last axis varying fastest), got 11");
        assertThatThrownBy(() -> readSweep(json.replace("\"id\" : \"trend-1\"", "\"id\" : \"#2\"")))
                .hasMessage("sweep.json: field 'variants[1].id': expected \"trend-1\", the run's name and the variant's index,"
                        + " got \"#2\"");
        assertThatThrownBy(() -> readSweep(json.replace("\"run\" : \"trend\",", "")))
                .hasMessage("sweep.json: field 'run': missing");
    }

    private static SweepResults readSweep(String json) {
        return ResultsJson.readSweep(json.getBytes(StandardCharsets.UTF_8));
    }
}
