package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import dev.crashlab.testing.JsonSchemas;
import dev.crashlab.testing.WalkForwardSamples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * walkforward.json: a four-fold sample written and read back to equal records and bytes, valid
 * against its shipped JSON Schema, read strictly, its parts checked against each other, and its
 * figures readable by the names risk limits use.
 */
class WalkForwardResultsTest {

    @Test
    void writingAndReadingBackGivesEqualRecordsAndTheSameBytesValidAgainstTheSchema() {
        WalkForwardResults wf = WalkForwardSamples.sample(true);
        byte[] written = ResultsJson.toBytes(wf);
        String json = new String(written, StandardCharsets.UTF_8);
        WalkForwardResults read = ResultsJson.readWalkForward(written);

        List<Error> errors = JsonSchemas.validate(ResultsJson.WALK_FORWARD_SCHEMA_RESOURCE, json);
        List<Error> broken = JsonSchemas.validate(ResultsJson.WALK_FORWARD_SCHEMA_RESOURCE,
                json.replace("\"mode\" : \"rolling\"", "\"mode\" : \"expanding\""));
        assertThat(errors).isEmpty();
        assertThat(broken).as("the schema is not vacuous").isNotEmpty();
        assertThat(read).isEqualTo(wf);
        assertThat(ResultsJson.toBytes(read)).isEqualTo(written);
    }

    @Test
    void readingIsStrictAndNamesTheDocumentAndTheField() {
        String json = new String(ResultsJson.toBytes(WalkForwardSamples.sample(true)), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(json.replace("\"purgeDays\" : 7", "\"purgeDays\" : 7, \"embargoDays\" : 2")))
                .hasMessage("walkforward.json: field 'embargoDays': not a field of crashlab-walkforward/1");
        assertThatThrownBy(() -> read(json.replace("\"crisisPeriods\" : 20", "\"crisisPeriods\" : 3")))
                .hasMessageStartingWith("walkforward.json: field 'folds[2].crisisPeriods': expected 20, the periods of [CRASH]");
        assertThatThrownBy(() -> read(json.replace("\"schema\" : \"crashlab-walkforward/1\"", "\"schema\" : \"crashlab-sweep/1\"")))
                .hasMessage("walkforward.json: field 'schema': expected \"crashlab-walkforward/1\", got \"crashlab-sweep/1\"");
    }

    @Test
    void foldsMustFollowEachOtherWithoutGap() {
        WalkForwardResults wf = WalkForwardSamples.sample(false);
        List<WalkForwardFold> folds = new java.util.ArrayList<>(wf.folds());
        WalkForwardFold f = folds.get(1);
        folds.set(1, new WalkForwardFold(1, f.inSampleFrom(), f.inSampleTo(), f.outOfSampleFrom().plusDays(1),
                f.outOfSampleTo(), f.variant(), f.parameters(), f.inSample(), f.outOfSample(), f.efficiency(), f.regimes(),
                f.crisisPeriods()));

        assertThatThrownBy(() -> new WalkForwardResults(wf.schema(), wf.crashlabVersion(), wf.generatedAt(), wf.name(),
                wf.run(), wf.metric(), wf.mode(), wf.inSample(), wf.outOfSample(), wf.purgeDays(), wf.axes(),
                wf.fixedParameters(), wf.inSampleBestVariant(), wf.inSampleBestParameters(), wf.regimeLabels(),
                wf.crisisLabels(), folds, wf.outOfSampleCurve(), wf.inSampleBestCurve(), wf.fixedCurve(), wf.efficiency(),
                wf.sharpeEfficiency())).isInstanceOf(ResultsException.class)
                .hasMessageContaining("folds[1].outOfSampleFrom").hasMessageContaining("the day after the previous segment");
    }

    @Test
    void figuresAreTheEfficienciesTheCrisisFoldsAndTheStitchedCurvesMetrics() {
        WalkForwardResults crisis = WalkForwardSamples.sample(true);
        WalkForwardResults calm = WalkForwardSamples.sample(false);

        assertThat(crisis.figure("crisisFolds")).isEqualTo(1.0);
        assertThat(calm.figure("crisisFolds")).isZero();
        assertThat(crisis.crisisFolds()).extracting(WalkForwardFold::index).containsExactly(2);
        assertThat(crisis.figure("folds")).isEqualTo(4.0);
        assertThat(crisis.figure("efficiency")).isEqualTo(crisis.efficiency());
        assertThat(crisis.figure("maxDrawdown")).isEqualTo(crisis.outOfSampleCurve().metrics().maxDrawdown());
        assertThatThrownBy(() -> crisis.figure("pbo")).hasMessageContaining("known: [efficiency, sharpeEfficiency");
    }

    private static WalkForwardResults read(String json) {
        return ResultsJson.readWalkForward(json.getBytes(StandardCharsets.UTF_8));
    }
}
