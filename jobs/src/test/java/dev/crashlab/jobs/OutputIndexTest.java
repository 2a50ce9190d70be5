package dev.crashlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.report.ReportOptions;
import dev.crashlab.report.Reports;
import dev.crashlab.report.RunFailure;
import dev.crashlab.report.RunLink;
import dev.crashlab.report.SampleRuns;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of an output folder lists what the folder holds, not only what the last invocation wrote. */
class OutputIndexTest {

    private static final ReportOptions OPTIONS = ReportOptions.at(Instant.parse("2026-01-02T10:00:00Z"));

    private static void runFolder(Path output, String name, RunResults results) throws Exception {
        Path folder = Files.createDirectories(output.resolve(name));
        Files.write(folder.resolve(RunFolder.RESULTS), ResultsJson.toBytes(results));
        RunFolder.render(results, folder, OPTIONS);
    }

    @Test
    void theIndexListsEveryRunFolderAndPageOfTheOutputFolderMarkingThoseTheLastInvocationWrote(@TempDir Path output)
            throws Exception {
        // An earlier invocation left a run, a sweep page one folder down and a page at the top.
        runFolder(output, "earlier-run", SampleRuns.hostile());
        Path sweep = Files.createDirectories(output.resolve("sweep-trend"));
        Files.writeString(sweep.resolve("sweep.html"), Reports.renderComparison("Trend sweep & more",
                List.of(new RunLink("p", SampleRuns.playbook(), null)), OPTIONS));
        Files.writeString(output.resolve("stress.html"), Reports.renderRun(SampleRuns.playbook(), OPTIONS)
                .replace("<title>crash-playbook — crashlab report</title>", "<title>Stress paths</title>"));
        Files.writeString(output.resolve("notes.html"), "<html><title>not ours</title></html>");
        Path broken = Files.createDirectories(output.resolve("broken-run"));
        Files.writeString(broken.resolve(RunFolder.RESULTS), "{\"schema\": \"crashlab-results/2\"}");
        // The last invocation (-Dcrashlab.runs=playbook) wrote one run.
        runFolder(output, "playbook", SampleRuns.playbook());
        RunLink written = RunFolder.link(SampleRuns.playbook(), output.resolve("playbook"));

        Path index = OutputIndex.writeComparisonAndIndex(output, "crashlab: test", List.of(written), List.of(), Set.of(), OPTIONS);

        Document doc = Jsoup.parse(Files.readString(index));
        List<Element> rows = doc.select("#runs-table tbody tr");
        assertThat(rows).extracting(r -> r.selectFirst("a").attr("href"))
                .containsExactly("earlier-run/report.html", "playbook/report.html");
        assertThat(rows).extracting(r -> r.attr("data-written")).containsExactly("no", "yes");
        assertThat(rows.get(1).text()).contains("last invocation");
        assertThat(rows.get(0).text()).doesNotContain("last invocation").contains(SampleRuns.hostile().name());
        List<Element> pages = doc.select("section li");
        assertThat(pages).extracting(li -> li.selectFirst("a").attr("href")).containsExactly("broken-run/results.json",
                "comparison.html", "stress.html", "sweep-trend/sweep.html");
        assertThat(pages).extracting(li -> li.attr("data-written")).containsExactly("no", "yes", "no", "no");
        assertThat(pages.get(0).text()).contains("cannot be read");
        assertThat(pages.get(2).selectFirst("a").text()).isEqualTo("Stress paths");
        assertThat(pages.get(3).text()).isEqualTo("Trend sweep & more — crashlab comparison");
        assertThat(doc.select(".subtitle").text()).contains("2 runs, 4 other pages; 2 written by the last invocation");
        // The comparison stays the last invocation's runs.
        assertThat(Jsoup.parse(Files.readString(output.resolve(RunFolder.COMPARISON))).select("#runs-table tbody tr"))
                .hasSize(1);
    }

    @Test
    void anInvocationWhoseRunsAllFailedNamesThemKeepsEarlierRunsAndPagesAndRemovesTheComparison(@TempDir Path output)
            throws Exception {
        // An earlier invocation left a run, its comparison and a sweep page (described by its meta tag).
        runFolder(output, "earlier-run", SampleRuns.hostile());
        Files.writeString(output.resolve(RunFolder.COMPARISON), Reports.renderComparison("old",
                List.of(RunFolder.link(SampleRuns.hostile(), output.resolve("earlier-run"))), OPTIONS));
        Path sweep = Files.createDirectories(output.resolve("sweep-trend"));
        Files.writeString(sweep.resolve("sweep.html"), Reports.renderSweep(SampleRuns.trendSweep(), OPTIONS));

        Path index = OutputIndex.writeComparisonAndIndex(output, "crashlab: test", List.of(),
                List.of(new RunFailure("broken", "broken: / by zero at X.java:24")), Set.of(), OPTIONS);

        assertThat(output.resolve(RunFolder.COMPARISON)).as("no run finished: nothing to compare").doesNotExist();
        Document doc = Jsoup.parse(Files.readString(index));
        assertThat(doc.select("#failed-runs .failed-run strong").eachText()).containsExactly("broken");
        assertThat(doc.select("#failed-runs pre").text()).contains("/ by zero at X.java:24");
        assertThat(doc.select("#failed-runs .banner").text()).startsWith("1 of 1 runs of the last invocation failed");
        assertThat(doc.select("#runs-table tbody tr")).extracting(r -> r.attr("data-written")).containsExactly("no");
        Element page = doc.selectFirst("li[data-written]");
        assertThat(page.selectFirst("a").attr("href")).isEqualTo("sweep-trend/sweep.html");
        assertThat(page.attr("data-written")).isEqualTo("no");
        assertThat(page.text()).contains(SampleRuns.trendSweep().variants().size() + " variants ranked by "
                + SampleRuns.trendSweep().metric() + "; the chosen one's deflated Sharpe ratio");
    }
}
