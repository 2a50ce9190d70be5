package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.report.SampleRuns;
import dev.crashlab.results.ResultsException;
import dev.crashlab.results.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Re-rendering an output folder from its results.json files, as {@code crashlab:report} does. */
class ReportJobTest {

    private static Document parse(String html) {
        return Jsoup.parse(html);
    }

    @Test
    void reRenderingAFolderWithABrokenResultsJsonFailsNamingItsRunAndField(@TempDir Path dir) throws Exception {
        ObjectNode broken = (ObjectNode) ResultsJson.toTree(SampleRuns.hostile());
        broken.withArray("equity").remove(0);
        Path good = dir.resolve("good");
        Path bad = dir.resolve("zz-broken");
        Files.createDirectories(good);
        Files.createDirectories(bad);
        Files.write(good.resolve("results.json"), ResultsJson.toBytes(SampleRuns.playbook()));
        Files.writeString(bad.resolve("results.json"), broken.toString());
        assertThatThrownBy(() -> ReportJob.run(dir, java.time.Clock.systemUTC(), new CollectedLog()))
                .isInstanceOf(ResultsException.class)
                .hasMessageStartingWith("results.json of run 'zz-broken': field 'prices.");
        assertThat(good.resolve("report.html")).isRegularFile();
        assertThat(bad.resolve("report.html")).doesNotExist();
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void reRenderingAFolderWritesEachReportThenTheComparisonAndTheIndex(@TempDir Path dir) throws Exception {
        for (String run : List.of("a", "b")) {
            Files.createDirectories(dir.resolve(run));
            Files.write(dir.resolve(run).resolve("results.json"), ResultsJson.toBytes(SampleRuns.playbook()));
        }
        CollectedLog log = new CollectedLog();

        BacktestJob.Outcome outcome = ReportJob.run(dir, java.time.Clock.systemUTC(), log);

        assertThat(outcome.runs()).extracting(RunSummary::report)
                .containsExactly(dir.resolve("a").resolve("report.html"), dir.resolve("b").resolve("report.html"));
        assertThat(outcome.comparison()).isEqualTo(dir.resolve("comparison.html")).isRegularFile();
        assertThat(outcome.index()).isEqualTo(dir.resolve("index.html")).isRegularFile();
        Document index = parse(Files.readString(outcome.index()));
        assertThat(index.select("a[href]").eachAttr("href")).contains("a/report.html", "b/report.html", "comparison.html");
        assertThat(log.lines).last().isEqualTo("Index: " + outcome.index());
    }

}
