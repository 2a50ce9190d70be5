package dev.crashlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.TailMetric;
import dev.crashlab.testing.WalkForwardSamples;
import tools.jackson.databind.JsonNode;

/**
 * Opens written reports in a real browser, Debian's headless Chromium, from {@code file://}:
 * no console message or uncaught error, no request but the file itself, and every chart
 * container painted. Screenshots are saved under {@code target/} for review. Skipped, with the
 * reason printed, where Chromium is missing, except in CI, where that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

    private static final Path OUT = Path.of("target", "browser-reports").toAbsolutePath();
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 3000;

    /** True once every chart container has been drawn (the report marks each on ECharts' finished event). */
    private static final String CHARTS_DRAWN = "document.readyState === 'complete' && "
            + "Array.from(document.querySelectorAll('.chart')).every(e => e.getAttribute('data-rendered') === 'true')";

    /** What each chart container holds: its canvases and how many of their pixels are painted. */
    private static final String CHART_CONTENT = """
            Array.from(document.querySelectorAll('.chart')).map(el => {
              const canvases = Array.from(el.querySelectorAll('canvas'));
              let painted = 0;
              for (const c of canvases) {
                if (c.width > 0 && c.height > 0) {
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) painted++; }
                }
              }
              return {id: el.id, canvases: canvases.length, svg: el.querySelectorAll('svg *').length, painted: painted,
                      width: el.clientWidth, height: el.clientHeight, rendered: el.getAttribute('data-rendered') === 'true'};
            })""";

    private HeadlessChromium chromium;

    @BeforeAll
    void startChromium() throws Exception {
        chromium = HeadlessChromium.start(HeadlessChromium.find(), Path.of("target"), WIDTH, HEIGHT);
        List<RunResults> levels = SampleRuns.leverageLevels();
        List<RunLink> runs = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            String href = "trend-" + (i + 1) + "x.html";
            write(href, Reports.renderRun(levels.get(i), SampleRuns.OPTIONS));
            runs.add(new RunLink((i + 1) + "x leverage", levels.get(i), href));
        }
        write("report.html", Reports.renderRun(SampleRuns.playbook(), SampleRuns.OPTIONS));
        write("hostile.html", Reports.renderRun(SampleRuns.hostile(), SampleRuns.OPTIONS));
        write("gated.html", Reports.renderRun(SampleRuns.gated(), SampleRuns.OPTIONS));
        write("crowded.html", Reports.renderRun(SampleRuns.crowded(), SampleRuns.OPTIONS));
        write("comparison.html", Reports.renderComparison("Trend on BTC at 1x, 2x, 3x", runs, SampleRuns.OPTIONS));
        write("sweep.html", Reports.renderSweep(SampleRuns.trendSweep(), SampleRuns.OPTIONS));
        write("walkforward.html", Reports.renderWalkForward(WalkForwardSamples.sample(true), SampleRuns.OPTIONS));
        runs.add(new RunLink("crash-playbook", SampleRuns.playbook(), "report.html"));
        write("index.html", Reports.renderIndex("Browser test runs", runs,
                List.of(new PageLink("Leverage comparison", "comparison.html", "1x, 2x and 3x"),
                        new PageLink("Sweep of trend", "sweep.html", "20 variants"),
                        new PageLink("Walk-forward of dca", "walkforward.html", "4 folds")), SampleRuns.OPTIONS));
    }

    private static void write(String name, String html) throws java.io.IOException {
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve(name), html);
    }

    @AfterAll
    void stopChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void runReportRendersEveryChartWithoutErrorsOrRequests() throws Exception {
        Path page = OUT.resolve("report.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 12);
        chromium.screenshot(Path.of("target", "report-screenshot.png"), 0, WIDTH, HEIGHT);
        int height = chromium.evaluate("document.documentElement.scrollHeight").asInt();
        for (int part = 1, y = HEIGHT; y < height; part++, y += HEIGHT) {
            chromium.screenshot(Path.of("target", "report-screenshot-" + part + ".png"), y, WIDTH, Math.min(HEIGHT, height - y));
        }
        chromium.evaluate("document.querySelector('.toolbar button[data-scale=log]').click(); true");
        assertThat(chromium.messages()).as("after switching the equity chart to log").isEmpty();
    }

    @Test
    void tailFiguresDrawdownChartsAndTheCrisisScorecardRenderOffline() throws Exception {
        Path page = OUT.resolve("report.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 12);
        assertThat(chromium.evaluate("document.querySelectorAll('#tail-table tbody tr').length").asInt())
                .isEqualTo(TailMetric.ALL.size());
        assertThat(chromium.evaluate("document.querySelectorAll('#tail-table thead th').length").asInt())
                .as("figure, strategy, benchmark and three regimes").isEqualTo(6);
        assertThat(chromium.evaluate("document.querySelectorAll('#crisis-scorecard tbody tr').length").asInt())
                .isEqualTo(SampleRuns.PLAYBOOK_CRISES.size());
        assertThat(chromium.evaluate("document.querySelector('#crisis-scorecard tr[data-crisis=\"Mt. Gox <halt>\"] td.outside')"
                + ".textContent").asString()).startsWith("outside the run's data (");
        assertThat(chromium.evaluate("document.querySelector('#crisis-scorecard tr[data-crisis=\"Sample liquidity crash\"]')"
                + ".cells.length").asInt()).as("name, dates, return, benchmark and six figures").isEqualTo(11);
        chromium.screenshot(Path.of("target", "report-crises.png"),
                chromium.evaluate("document.getElementById('tail-risk').getBoundingClientRect().top + window.scrollY").asInt(),
                WIDTH, HEIGHT);
    }

    @Test
    void sortingAndFilteringTheTradesTableWork() throws Exception {
        chromium.open(OUT.resolve("report.html"), CHARTS_DRAWN, Duration.ofSeconds(30));
        int rows = chromium.evaluate("document.querySelectorAll('#trades-table tbody tr').length").asInt();

        JsonNode sorted = chromium.evaluate("""
                (() => { const th = document.querySelectorAll('#trades-table thead th')[7]; th.click(); th.click();
                  return Array.from(document.querySelectorAll('#trades-table tbody tr'))
                    .map(r => parseFloat(r.cells[7].getAttribute('data-v'))); })()""");
        JsonNode shown = chromium.evaluate("""
                (() => { const s = document.querySelector('.filters[data-table=trades-table] select[data-attr=side]');
                  s.value = 'short'; s.dispatchEvent(new Event('change'));
                  return Array.from(document.querySelectorAll('#trades-table tbody tr')).filter(r => !r.hidden)
                    .map(r => r.getAttribute('data-side')); })()""");

        assertThat(rows).isEqualTo(SampleRuns.playbook().trades().size()).isGreaterThan(1);
        List<Double> pnl = new ArrayList<>();
        sorted.forEach(v -> pnl.add(v.asDouble()));
        assertThat(pnl).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(shown).isNotEmpty();
        shown.forEach(side -> assertThat(side.asString()).isEqualTo("short"));
        assertThat(chromium.messages()).isEmpty();
    }

    @Test
    void comparisonReportRendersBothChartsAndItsScreenshotIsSaved() throws Exception {
        Path page = OUT.resolve("comparison.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 2);
        chromium.evaluate("document.querySelector('.toolbar button[data-mode=index]').click(); "
                + "document.querySelector('.toolbar button[data-scale=log]').click(); true");
        assertThat(chromium.messages()).isEmpty();
        chromium.screenshot(Path.of("target", "comparison-screenshot.png"), 0, WIDTH, 1800);
    }

    @Test
    void hostileStringsStayTextInTheBrowser() throws Exception {
        Path page = OUT.resolve("hostile.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 9);
        assertThat(chromium.evaluate("document.querySelectorAll('script').length").asInt()).isEqualTo(3);
        assertThat(chromium.evaluate("document.querySelectorAll('img, svg[onload], b').length").asInt()).isZero();
        assertThat(chromium.evaluate("document.querySelector('h1').textContent").asString())
                .isEqualTo(SampleRuns.HOSTILE_RUN);
        assertThat(chromium.evaluate("document.title").asString()).startsWith(SampleRuns.HOSTILE_RUN);
    }

    @Test
    void signalsRenderTheirChartsAndTheStatesShadingOnTheEquityChart() throws Exception {
        Path page = OUT.resolve("gated.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 10 + 4);
        JsonNode equity = chromium.evaluate("""
                (() => { const o = echarts.getInstanceByDom(document.getElementById('chart-equity')).getOption();
                  return o.series.filter(s => s.markArea && s.name.endsWith(' not holding'))
                    .map(s => ({name: s.name, areas: s.markArea.data.length})); })()""");
        assertThat(equity.toString()).isEqualTo("[{\"name\":\"flows known not holding\",\"areas\":2},"
                + "{\"name\":\"gate open not holding\",\"areas\":3}]");
        int top = chromium.evaluate("Math.round(document.getElementById('signals').getBoundingClientRect().top"
                + " + window.scrollY)").asInt();
        chromium.screenshot(Path.of("target", "signals-screenshot.png"), top, WIDTH, 1900);
        assertThat(chromium.messages()).isEmpty();
    }

    @Test
    void aStatesTooltipShowsTheValueItHeldAtThePointerNotTheNearestChange() throws Exception {
        chromium.open(OUT.resolve("gated.html"), CHARTS_DRAWN, Duration.ofSeconds(30));
        String hover = """
                new Promise(done => {
                  const title = Array.from(document.querySelectorAll('#signals h3.chart-title'))
                    .find(h => h.textContent === 'gate open');
                  const el = title.nextElementSibling;
                  const chart = echarts.getInstanceByDom(el);
                  const at = Date.UTC(2024, 0, %d);
                  const [x, y] = chart.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [at, 0.5]);
                  chart.dispatchAction({type: 'showTip', x: x, y: y});
                  setTimeout(() => done(el.textContent), 300);
                })""";

        // 2024-01-15 is the gate's last closed day; its next change, on the 16th, is the nearest point.
        assertThat(chromium.evaluate(hover.formatted(15)).asString()).contains("2024-01-15").contains("does not hold");
        assertThat(chromium.evaluate(hover.formatted(9)).asString()).contains("gate open: holds");
        assertThat(chromium.messages()).isEmpty();
    }

    @Test
    void fiftyTrackedSeriesWithHostileNamesRenderWithoutErrors() throws Exception {
        Path page = OUT.resolve("crowded.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 6 + 20);
        assertThat(chromium.evaluate("document.getElementById('no-drawdown').textContent").asString())
                .as("a run that never traded has no drawdown to chart, and says so").startsWith("No drawdown");
        assertThat(chromium.evaluate("document.querySelectorAll('script').length").asInt()).isEqualTo(3);
        assertThat(chromium.evaluate("document.querySelectorAll('img, b, [onerror]').length").asInt()).isZero();
    }

    @Test
    void sweepReportRendersItsHeatmapAndTheChartsOfItsSelectionStatistics() throws Exception {
        Path page = OUT.resolve("sweep.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 3);
        JsonNode logits = chromium.evaluate("""
                (() => { const o = echarts.getInstanceByDom(document.getElementById('chart-logits')).getOption();
                  return o.series[0].data.map(d => d.value); })()""");
        int splits = 0;
        for (JsonNode count : logits) {
            splits += count.asInt();
        }
        assertThat(splits).isEqualTo(SampleRuns.trendSweep().selection().overfitting().combinations());
        assertThat(chromium.evaluate("document.querySelectorAll('#variants-table tbody tr').length").asInt()).isEqualTo(20);
        JsonNode scale = chromium.evaluate("""
                (() => { const o = echarts.getInstanceByDom(document.getElementById('chart-sweep')).getOption();
                  const values = o.series[0].data.map(c => c[2]).filter(v => Number.isFinite(v));
                  return [o.visualMap[0].min, o.visualMap[0].max, Math.min(...values), Math.max(...values)]; })()""");
        assertThat(scale.get(0).asDouble()).as("the colour scale starts at the lowest cell").isEqualTo(scale.get(2).asDouble());
        assertThat(scale.get(1).asDouble()).as("and ends at the highest").isEqualTo(scale.get(3).asDouble());
        chromium.screenshot(Path.of("target", "sweep-screenshot.png"), 0, WIDTH, 1400);
    }

    @Test
    void walkForwardReportDrawsItsCurvesAndOneDriftChartPerParameter() throws Exception {
        Path page = OUT.resolve("walkforward.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 3);
        JsonNode names = chromium.evaluate("""
                (() => echarts.getInstanceByDom(document.getElementById('chart-wf-equity')).getOption().series
                  .map(s => s.name))()""");
        assertThat(names).extracting(JsonNode::asString).contains("walk-forward, out of sample", "in-sample-optimised",
                "fixed parameters");
        assertThat(chromium.evaluate("document.querySelectorAll('#wf-folds tbody tr').length").asInt()).isEqualTo(4);
        assertThat(chromium.evaluate("document.querySelectorAll('#wf-folds tbody tr.crisis-row').length").asInt()).isEqualTo(1);
        chromium.screenshot(Path.of("target", "walkforward-screenshot.png"), 0, WIDTH, 1400);
    }

    @Test
    void indexPageOpensWithoutErrors() throws Exception {
        Path page = OUT.resolve("index.html");
        chromium.open(page, "document.readyState === 'complete'", Duration.ofSeconds(30));

        assertThat(chromium.messages()).isEmpty();
        assertThat(chromium.requests()).containsExactly(page.toUri().toString());
        assertThat(chromium.evaluate("document.querySelectorAll('#runs-table tbody tr').length").asInt()).isEqualTo(4);
        assertThat(chromium.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"
                + ".filter(h => h === 'sweep.html' || h === 'walkforward.html').length").asInt())
                .as("the index links the sweep and walk-forward pages").isEqualTo(2);
    }

    private void assertCleanAndPainted(Path page, int expectedCharts) throws Exception {
        JsonNode charts = chromium.evaluate(CHART_CONTENT);

        assertThat(chromium.messages()).as("console messages, exceptions and log entries").isEmpty();
        assertThat(chromium.requests()).as("requests").containsExactly(page.toUri().toString());
        assertThat(chromium.evaluate("document.documentElement.getAttribute('data-report-errors')").isNull()).isTrue();
        assertThat(charts.size()).as("chart containers").isEqualTo(expectedCharts);
        for (JsonNode c : charts) {
            assertThat(c.get("rendered").asBoolean()).as(c.get("id") + " rendered").isTrue();
            assertThat(c.get("canvases").asInt() + c.get("svg").asInt()).as(c.get("id") + " canvas or svg").isPositive();
            assertThat(c.get("width").asInt()).as(c.get("id") + " width").isGreaterThan(200);
            assertThat(c.get("height").asInt()).as(c.get("id") + " height").isGreaterThan(150);
            assertThat(c.get("painted").asInt()).as(c.get("id") + " painted pixels").isGreaterThan(2_000);
        }
    }
}
