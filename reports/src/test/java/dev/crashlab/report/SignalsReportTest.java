package dev.crashlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.report.SampleRuns.Crowded;
import dev.crashlab.report.SampleRuns.GatedDca;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.TrackedSeries;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Signals section of a run's report and the shading of its states on the equity chart,
 * parsed with jsoup from the reports of {@link SampleRuns#gated()} (whose tracked series are
 * hand-built, so every period and figure is known) and {@link SampleRuns#crowded()} (50 series,
 * hostile names). Expected texts are formatted here, independently of the report's code.
 */
class SignalsReportTest {

    private static Document report(RunResults results) {
        return Jsoup.parse(Reports.renderRun(results, SampleRuns.OPTIONS));
    }

    private static JsonNode charts(Document doc) {
        return JsonMapper.builder().build().readTree(doc.getElementById("crashlab-data").data()).get("charts");
    }

    /** Returns the time of step {@code s} of the gated run, a day from its start, in epoch milliseconds. */
    private static long day(int s) {
        return SampleRuns.GATED_START.plusDays(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    private static List<List<String>> rows(Element table) {
        List<List<String>> out = new ArrayList<>();
        for (Element tr : table.select("tbody tr")) {
            out.add(tr.select("td").eachText());
        }
        return out;
    }

    /** Returns the chart container under the chart title {@code name}. */
    private static Element chartOf(Document doc, String name) {
        Element title = doc.select("#signals h3.chart-title").stream().filter(h -> h.text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart titled " + name));
        return title.nextElementSibling();
    }

    private static JsonNode specOf(Document doc, String name) {
        String id = chartOf(doc, name).id();
        for (JsonNode spec : charts(doc).get("signals")) {
            if (spec.get("id").asString().equals(id)) {
                return spec;
            }
        }
        throw new AssertionError("no chart data for " + id);
    }

    /** Returns the points of a chart's line as "t:v" texts, times as step numbers of the gated run, v "null" for a gap. */
    private static List<String> steps(JsonNode spec) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : spec.get("series").get(0).get("data")) {
            long step = (p.get(0).asLong() - day(0)) / 86_400_000L;
            out.add(step + ":" + (p.get(1).isNull() ? "null" : p.get(1).asString()));
        }
        return out;
    }

    @Test
    void theSectionSaysItShowsWhatTheStrategyRecordedAtEachStepAsKnownThen() {
        Element section = report(SampleRuns.gated()).getElementById("signals");

        assertThat(section.selectFirst("h2").text()).isEqualTo("Signals");
        assertThat(section.selectFirst("p.note").text()).isEqualTo("The figures and states the strategy recorded with"
                + " ctx.track at each step, as it knew them then: each value comes from what the strategy could see at"
                + " its step, never from a later one.");
    }

    @Test
    void theSummaryGivesEachFiguresLastMinAndMaxAndEachStatesShareHeldAndPeriods() {
        Document doc = report(SampleRuns.gated());

        assertThat(rows(doc.getElementById("signals-figures"))).containsExactly(
                List.of(GatedDca.HELD, "1,000.00", "0", "1,000.00", "60 of 60"),
                List.of(GatedDca.FLOWS, "290.00", "-250.00", "290.00", "52 of 60"));
        assertThat(rows(doc.getElementById("signals-states"))).containsExactly(
                List.of(GatedDca.KNOWN, percent(52 / 60.0), "2", "60 of 60"),
                List.of(GatedDca.GATE, percent(46 / 56.0), "3", "56 of 60"));
    }

    @Test
    void eachStateListsItsPeriodsNotHoldingWithTheirFirstAndLastDayStepsAndCalendarDays() {
        Document doc = report(SampleRuns.gated());
        Element gate = doc.getElementById(chartOf(doc, GatedDca.GATE).id() + "-lapses");

        assertThat(rows(gate)).containsExactly(
                List.of("2024-01-11", "2024-01-15", "5", "5"),
                List.of("2024-02-01", "2024-02-03", "3", "3"),
                List.of("2024-02-28", "2024-02-29", "2", "2"));
        assertThat(gate.parent().previousElementSibling().text()).isEqualTo("Held on " + percent(46 / 56.0)
                + " of the steps where it was recorded; 3 periods not holding:");
        assertThat(rows(doc.getElementById(chartOf(doc, GatedDca.KNOWN).id() + "-lapses"))).containsExactly(
                List.of("2024-01-01", "2024-01-05", "5", "5"),
                List.of("2024-01-21", "2024-01-23", "3", "3"));
    }

    @Test
    void theEquityChartShadesEachStateFromItsFirstStepNotHoldingToTheStepAfterItsLast() {
        Document doc = report(SampleRuns.gated());
        JsonNode shades = charts(doc).get("equity").get("shades");

        assertThat(shades).extracting(s -> s.get("name").asString())
                .containsExactly(GatedDca.KNOWN + " not holding", GatedDca.GATE + " not holding");
        assertThat(shades.get(0).get("areas").toString())
                .isEqualTo("[[" + day(0) + "," + day(5) + "],[" + day(20) + "," + day(23) + "]]");
        assertThat(shades.get(1).get("areas").toString()).as("the last period ends at the last step")
                .isEqualTo("[[" + day(10) + "," + day(15) + "],[" + day(31) + "," + day(34) + "],[" + day(58) + ","
                        + day(59) + "]]");
        assertThat(doc.getElementById("state-shading").text()).contains("a step where it was not recorded is not"
                + " shaded, as unknown").contains(GatedDca.GATE + " not holding").doesNotContain("Only the first");
    }

    @Test
    void aFigureIsDrawnWithItsGapsAndAStateAsStepsThroughItsChanges() {
        Document doc = report(SampleRuns.gated());

        JsonNode flows = specOf(doc, GatedDca.FLOWS);
        assertThat(flows.get("format").asString()).isEqualTo("figure");
        List<String> points = steps(flows);
        assertThat(points).hasSize(52 + 1).startsWith("5:-250", "6:-240").endsWith("59:290");
        assertThat(points).containsSubsequence("19:-110", "20:null", "23:-70");
        assertThat(points.stream().filter(p -> p.endsWith("null"))).hasSize(1);

        JsonNode gate = specOf(doc, GatedDca.GATE);
        assertThat(gate.get("format").asString()).isEqualTo("state");
        assertThat(gate.get("series").get(0).get("step").asBoolean()).isTrue();
        assertThat(steps(gate)).containsExactly("3:1", "10:0", "15:1", "29:1", "30:null", "31:0", "34:1", "58:0", "59:0");
        assertThat(charts(doc).get("signals")).hasSize(4);
    }

    @Test
    void aRunThatTracksNothingHasNoSignalsSectionShadingOrSignalData() {
        RunResults results = SampleRuns.playbook();
        assertThat(results.tracked()).isEmpty();

        Document doc = report(results);

        assertThat(doc.getElementById("signals")).isNull();
        assertThat(doc.getElementById("state-shading")).isNull();
        assertThat(charts(doc).has("signals")).isFalse();
        assertThat(charts(doc).get("equity").has("shades")).isFalse();
    }

    @Test
    void fiftySeriesAreAllSummarisedButOnlyTheFirstTwentyChartedAndSixStatesShaded() {
        RunResults results = SampleRuns.crowded();
        assertThat(results.tracked()).hasSize(Crowded.SERIES);

        String html = Reports.renderRun(results, SampleRuns.OPTIONS);
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("#signals-figures tbody tr")).hasSize(42);
        assertThat(doc.select("#signals-states tbody tr")).hasSize(8);
        assertThat(doc.select("#signals .chart")).hasSize(20);
        assertThat(charts(doc).get("signals")).hasSize(20);
        assertThat(doc.select("#signals p.warn").text()).isEqualTo("Charts of the first 20 of 50 tracked series; the"
                + " tables above list all of them, and results.json holds every value.");
        assertThat(charts(doc).get("equity").get("shades")).hasSize(6);
        assertThat(doc.getElementById("state-shading").text()).endsWith("Only the first 6 of 8 states are shaded.");
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        int without = Reports.renderRun(SampleRuns.gated(), SampleRuns.OPTIONS).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes - without).as("50 series of 60 steps add little to the page").isLessThan(150_000);
    }

    @Test
    void aStateThatNeverHoldsIsOnePeriodAndOneThatAlwaysHoldsHasNone() {
        Document doc = report(SampleRuns.crowded());

        assertThat(rows(doc.getElementById("signals-states")).subList(0, 2)).containsExactly(
                List.of(Crowded.NEVER, "0.00 %", "1", "60 of 60"), List.of(Crowded.ALWAYS, "100.00 %", "0", "60 of 60"));
        assertThat(rows(doc.getElementById(chartOf(doc, Crowded.NEVER).id() + "-lapses")))
                .containsExactly(List.of("2024-01-01", "2024-02-29", "60", "60"));
        Element always = chartOf(doc, Crowded.ALWAYS);
        assertThat(doc.getElementById(always.id() + "-lapses")).isNull();
        assertThat(always.nextElementSibling().text())
                .isEqualTo("Held on 100.00 % of the steps where it was recorded; 0 periods not holding.");
        assertThat(steps(specOf(doc, Crowded.ALWAYS))).containsExactly("0:1", "59:1");
    }

    @Test
    void aFigureNeverRecordedIsSummarisedAsMissingAndDrawnEmpty() {
        Document doc = report(SampleRuns.crowded());

        assertThat(rows(doc.getElementById("signals-figures")).getFirst())
                .containsExactly(Crowded.UNKNOWN, "—", "—", "—", "0 of 60");
        assertThat(chartOf(doc, Crowded.UNKNOWN).nextElementSibling().text()).isEqualTo("Never recorded.");
        assertThat(specOf(doc, Crowded.UNKNOWN).get("series").get(0).get("data")).isEmpty();
    }

    @Test
    void namesWithMarkupAndQuotesStayText() {
        String html = Reports.renderRun(SampleRuns.crowded(), SampleRuns.OPTIONS);
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("script")).hasSize(3);
        assertThat(doc.select("img, b, [onerror]")).isEmpty();
        assertThat(doc.select("#signals h3.chart-title").eachText()).contains(Crowded.HOSTILE_STATE, Crowded.HOSTILE_FIGURE);
        assertThat(doc.select("#signals-states td.mono").eachText()).contains(Crowded.HOSTILE_STATE);
        assertThat(charts(doc).get("equity").get("shades")).extracting(s -> s.get("name").asString())
                .contains(Crowded.HOSTILE_STATE + " not holding");
        assertThat(html).doesNotContain("<script>alert(").doesNotContain("<img src=x");
    }

    @Test
    void aComparisonOfRunsThatTrackStatesRendersAsBefore() {
        List<RunLink> runs = List.of(new RunLink("gated", SampleRuns.gated(), "gated.html"),
                new RunLink("crowded", SampleRuns.crowded(), "crowded.html"));

        Document doc = Jsoup.parse(Reports.renderComparison("Tracked runs", runs, SampleRuns.OPTIONS));

        assertThat(charts(doc).get("equity").get("series")).hasSize(2);
        assertThat(charts(doc).get("equity").has("shades")).isFalse();
        assertThat(doc.getElementById("signals")).isNull();
        assertThat(SampleRuns.gated().tracked()).extracting(TrackedSeries::kind).contains("state", "value");
    }
}
