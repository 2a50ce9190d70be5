package dev.crashlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.report.internal.Formats;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.StressSummary;
import dev.crashlab.results.SweepSummary;
import dev.crashlab.results.TailMetric;
import dev.crashlab.results.WalkForwardSummary;
import dev.crashlab.testing.WalkForwardSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
        write("flip.html", Reports.renderRun(ChartRuns.longThenShort(), SampleRuns.OPTIONS));
        write("paths.html", Reports.renderRun(SampleRuns.pathSensitive(), SampleRuns.OPTIONS));
        write("comparison-params.html", Reports.renderComparison("Trend and tiered DCA", List.of(runs.get(0),
                new RunLink("dca-on-drawdown", ChartRuns.tieredDca(), null)), SampleRuns.OPTIONS));
        write("comparison.html", Reports.renderComparison("Trend on BTC at 1x, 2x, 3x", runs, SampleRuns.OPTIONS));
        write("sweep.html", Reports.renderSweep(SampleRuns.trendSweep(), SampleRuns.OPTIONS));
        write("stress.html", Reports.renderStress(SampleRuns.stress(), SampleRuns.OPTIONS));
        write("walkforward.html", Reports.renderWalkForward(WalkForwardSamples.sample(true), SampleRuns.OPTIONS));
        write("studied.html", Reports.renderRun(SampleRuns.playbook()
                .withStress(StressSummary.of(SampleRuns.stress(), "stress-crash-playbook/stress.json"))
                .withSweep(SweepSummary.of(SampleRuns.trendSweep(), "sweep-crash-playbook/sweep.json"))
                .withWalkForward(WalkForwardSummary.of(WalkForwardSamples.sample(true), "walkforward-crash-playbook/walkforward.json")),
                SampleRuns.OPTIONS));
        runs.add(new RunLink("crash-playbook", SampleRuns.playbook(), "report.html"));
        write("index.html", Reports.renderIndex("Browser test runs", runs,
                List.of(new PageLink("Leverage comparison", "comparison.html", "1x, 2x and 3x"),
                        new PageLink("Sweep of trend", "sweep.html", "20 variants"),
                        new PageLink("Walk-forward of dca", "walkforward.html", "4 folds"),
                        new PageLink("Stress paths of trend-btc-3x", "stress.html", "")), SampleRuns.OPTIONS));
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

        // 12 with the tail section's two drawdown charts, 7 more for candlesticks, return distributions, beta and trade P&L.
        assertCleanAndPainted(page, 12 + 7);
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

        assertCleanAndPainted(page, 12 + 7);
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
    void theStudiesOfARunAreListedWithTheirFiguresAndLinkedToTheirPages() throws Exception {
        Path page = OUT.resolve("studied.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        assertCleanAndPainted(page, 12 + 7);
        assertThat(chromium.evaluate("[...document.querySelectorAll('#studies-table tbody tr')].map(r => r.dataset.study).join()")
                .asString()).isEqualTo("stress,sweep,walkforward");
        assertThat(chromium.evaluate("[...document.querySelectorAll('#studies-table a')].map(a => a.getAttribute('href')).join()")
                .asString()).isEqualTo("../stress-crash-playbook/stress.html,../sweep-crash-playbook/sweep.html,"
                        + "../walkforward-crash-playbook/walkforward.html");
        assertThat(chromium.evaluate("document.querySelector('#studies-table tr[data-study=stress]').textContent").asString())
                .contains("P(liquidation) ");
        assertThat(chromium.evaluate("document.querySelector('#studies-table tr[data-study=sweep]').textContent").asString())
                .contains("deflated Sharpe ");
        chromium.open(OUT.resolve("report.html"), CHARTS_DRAWN, Duration.ofSeconds(30));
        assertThat(chromium.evaluate("document.getElementById('studies') === null").asBoolean())
                .as("a run without studies has no such section").isTrue();
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

        assertCleanAndPainted(page, 9 + 4);
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

        assertCleanAndPainted(page, 8 + 3 + 2 + 2 + 4);
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

        assertCleanAndPainted(page, 6 + 2 + 20);
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
    void stressPageDrawsEachSetsFanAndEveryHistogram() throws Exception {
        Path page = OUT.resolve("stress.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));

        // Two sets (bootstrap, crisis replay), each a fan and five histograms.
        assertCleanAndPainted(page, 2 * (1 + 5));
        assertThat(chromium.evaluate("document.querySelectorAll('table.quantiles tbody tr').length").asInt()).isEqualTo(10);
        chromium.screenshot(Path.of("target", "stress-screenshot.png"), 0, WIDTH, 1800);
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
        assertThat(chromium.evaluate("document.querySelector('a[href=\"stress.html\"]') !== null").asBoolean()).isTrue();
        assertThat(chromium.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"
                + ".filter(h => h === 'sweep.html' || h === 'walkforward.html').length").asInt())
                .as("the index links the sweep and walk-forward pages").isEqualTo(2);
    }

    /**
     * The text elements ECharts drew in a chart (axis labels and names, legend, crisis-window
     * labels), each with its bounding box in the chart's pixels after its transform (rotation).
     */
    private static final String CHART_TEXTS = """
            (id => { const chart = echarts.getInstanceByDom(document.getElementById(id));
              return {width: chart.getWidth(), height: chart.getHeight(),
                texts: chart.getZr().storage.getDisplayList(true)
                  .filter(el => (el.type === 'tspan' || el.type === 'text') && !el.invisible && el.style && String(el.style.text || '').trim() !== '')
                  .map(el => { const r = el.getBoundingRect().clone(); const m = el.getComputedTransform();
                    if (m) { r.applyTransform(m); }
                    return {text: String(el.style.text), x: r.x, y: r.y, w: r.width, h: r.height}; })}; })('%s')""";

    /** Texts of a chart whose boxes overlap by more than a pixel either way, or that stand out of the chart. */
    private List<String> overlapsAndClipped(String chartId) throws Exception {
        JsonNode drawn = chromium.evaluate(CHART_TEXTS.formatted(chartId));
        double width = drawn.get("width").asDouble();
        double height = drawn.get("height").asDouble();
        List<JsonNode> texts = new ArrayList<>();
        drawn.get("texts").forEach(texts::add);
        assertThat(texts).as("texts drawn in " + chartId).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            JsonNode a = texts.get(i);
            if (a.get("x").asDouble() < -0.5 || a.get("y").asDouble() < -0.5
                    || a.get("x").asDouble() + a.get("w").asDouble() > width + 0.5
                    || a.get("y").asDouble() + a.get("h").asDouble() > height + 0.5) {
                problems.add("clipped: " + a);
            }
            for (int j = i + 1; j < texts.size(); j++) {
                JsonNode b = texts.get(j);
                double dx = Math.min(a.get("x").asDouble() + a.get("w").asDouble(), b.get("x").asDouble() + b.get("w").asDouble())
                        - Math.max(a.get("x").asDouble(), b.get("x").asDouble());
                double dy = Math.min(a.get("y").asDouble() + a.get("h").asDouble(), b.get("y").asDouble() + b.get("h").asDouble())
                        - Math.max(a.get("y").asDouble(), b.get("y").asDouble());
                if (dx > 1 && dy > 1) {
                    problems.add("overlap: " + a + " and " + b);
                }
            }
        }
        return problems;
    }

    /** Returns the texts of a chart. */
    private List<String> texts(String chartId) throws Exception {
        List<String> out = new ArrayList<>();
        chromium.evaluate(CHART_TEXTS.formatted(chartId)).get("texts").forEach(t -> out.add(t.get("text").asString()));
        return out;
    }

    @Test
    void theRealBuyAndHoldEquityChartsLabelsNeitherOverlapNorClipAndItsLinesAndAxesReadRight() throws Exception {
        RunResults real = ChartRuns.realBuyAndHold();
        write("real-buy-and-hold.html", Reports.renderRun(real, SampleRuns.OPTIONS));
        Path page = OUT.resolve("real-buy-and-hold.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));
        assertThat(chromium.messages()).isEmpty();
        int equityTop = chromium.evaluate("Math.round(document.getElementById('chart-equity').getBoundingClientRect().top"
                + " + window.scrollY) - 60").asInt();
        chromium.screenshot(Path.of("target", "real-buy-and-hold-screenshot.png"), equityTop, WIDTH, 1500);

        List<String> windowNames = real.regimes().windows().stream().map(w -> w.name()).toList();
        assertThat(windowNames).contains("LUNA/UST collapse", "FTX collapse", "COVID crash");
        assertThat(texts("chart-equity")).as("every crisis window labelled at full view").containsAll(windowNames);
        assertThat(overlapsAndClipped("chart-equity")).isEmpty();
        for (JsonNode id : chromium.evaluate("Array.from(document.querySelectorAll('.chart')).map(e => e.id)")) {
            assertThat(overlapsAndClipped(id.asString())).as(id.asString()).isEmpty();
        }
        // On a narrower screen the same labels crowd together: they must still neither overlap nor clip.
        for (int width : new int[] {900, 700, 520}) {
            chromium.evaluate("document.getElementById('chart-equity').style.width = '" + width + "px';"
                    + " window.dispatchEvent(new Event('resize')); true");
            assertThat(overlapsAndClipped("chart-equity")).as(width + " pixels wide").isEmpty();
        }
        chromium.evaluate("document.getElementById('chart-equity').style.width = '';"
                + " window.dispatchEvent(new Event('resize')); true");
        // The strategy's line is drawn above the benchmark's, which would otherwise hide it exactly.
        JsonNode z = chromium.evaluate("""
                echarts.getInstanceByDom(document.getElementById('chart-equity')).getOption().series
                  .filter(s => s.type === 'line' && s.data.length).map(s => ({name: s.name, z: s.z}))""");
        assertThat(z.get(0).get("name").asString()).isEqualTo("Strategy");
        assertThat(z.get(0).get("z").asInt()).isGreaterThan(z.get(1).get("z").asInt());
        // Thousands read the same way on the whole axis (12k beside 9k, never 9000).
        assertThat(texts("chart-equity")).contains("20k").noneMatch(t -> t.matches("-?\\d{4,}(\\.\\d+)?")
                && !t.matches("(19|20)\\d\\d"));
        // The regime classifier reads the ETF flows, the strategy does not: no "read by the strategy" chart.
        assertThat(real.series()).isEmpty();
        assertThat(chromium.evaluate("document.querySelectorAll('[id^=chart-series-]').length").asInt()).isZero();

        chromium.evaluate("document.querySelector('.toolbar button[data-scale=log]').click(); true");
        assertThat(overlapsAndClipped("chart-equity")).as("on the log scale").isEmpty();
        assertThat(texts("chart-equity")).noneMatch(t -> t.matches("-?0(\\.0+)?"));
        // Zoomed into 2022, the labels are laid out again for the narrower span.
        chromium.evaluate("""
                echarts.getInstanceByDom(document.getElementById('chart-equity')).dispatchAction({type: 'dataZoom',
                  startValue: Date.UTC(2022, 3, 1), endValue: Date.UTC(2022, 11, 31)}); true""");
        assertThat(texts("chart-equity")).contains("LUNA/UST collapse", "Celsius and 3AC", "FTX collapse")
                .doesNotContain("COVID crash");
        assertThat(overlapsAndClipped("chart-equity")).as("zoomed into 2022").isEmpty();
        assertThat(chromium.messages()).isEmpty();
    }

    @Test
    void theReportDrawsTheReturnDistributionsRollingBetaAndPnlPerTrade() throws Exception {
        RunResults run = SampleRuns.playbook();
        chromium.open(OUT.resolve("report.html"), CHARTS_DRAWN, Duration.ofSeconds(30));

        JsonNode drawn = chromium.evaluate("""
                (() => { const o = id => echarts.getInstanceByDom(document.getElementById(id)).getOption();
                  const sum = id => o(id).series[0].data.reduce((a, d) => a + d.value, 0);
                  return {steps: sum('chart-returns-step'), months: sum('chart-returns-month'),
                    beta: o('chart-beta').series[0].data.length, betaAxis: o('chart-beta').yAxis[0].name,
                    trades: o('chart-trade-pnl').series[0].data.length,
                    pnl: o('chart-trade-pnl').series[0].data.map(d => d[1])}; })()""");

        assertThat(drawn.get("steps").asInt()).isEqualTo(run.steps() - 1);
        assertThat(drawn.get("months").asInt()).isEqualTo(dev.crashlab.results.Returns.monthly(run.timeMillis(),
                run.periodReturns()).size());
        assertThat(drawn.get("beta").asInt()).isGreaterThan(100);
        assertThat(drawn.get("betaAxis").asString()).isEqualTo("beta to buy-and-hold BTC-USD");
        assertThat(drawn.get("trades").asInt()).isEqualTo(run.trades().size());
        // Chart data keeps six significant digits (PageJson); sorted by exit time as the bars stand.
        List<Double> expected = run.trades().stream().sorted(java.util.Comparator.comparing(t -> t.exitTime()))
                .map(t -> t.pnl()).toList();
        for (int k = 0; k < expected.size(); k++) {
            assertThat(drawn.get("pnl").get(k).asDouble()).isCloseTo(expected.get(k),
                    org.assertj.core.api.Assertions.withinPercentage(1e-3));
        }
        for (String id : List.of("chart-returns-step", "chart-returns-month", "chart-beta", "chart-trade-pnl")) {
            assertThat(overlapsAndClipped(id)).as(id).isEmpty();
        }
        assertThat(chromium.messages()).isEmpty();
    }

    @Test
    void candlesticksShowTheWindowAroundTheDeepestDrawdownWithOverlaysAndFills() throws Exception {
        RunResults run = SampleRuns.playbook();
        chromium.open(OUT.resolve("report.html"), CHARTS_DRAWN, Duration.ofSeconds(30));

        JsonNode drawn = chromium.evaluate("""
                (() => { const o = echarts.getInstanceByDom(document.getElementById('chart-candles-0')).getOption();
                  return {series: o.series.map(s => s.type + ':' + s.name + ':' + s.data.length),
                    from: o.xAxis[0].min, to: o.xAxis[0].max, caption: document.querySelector('#candles .note').textContent}; })()""");

        dev.crashlab.results.CandleSeries btc = run.candles().series().getFirst();
        assertThat(btc.symbol()).isEqualTo("BTC-USD");
        List<String> series = new ArrayList<>();
        drawn.get("series").forEach(v -> series.add(v.asString()));
        assertThat(series).startsWith("candlestick:BTC-USD:" + btc.bars().size(), "line:SMA 20:" + btc.bars().size(),
                "line:SMA 50:" + btc.bars().size());
        assertThat(series).anyMatch(v -> v.startsWith("scatter:Buy:"));
        assertThat(drawn.get("from").asLong()).isEqualTo(run.candles().from().toEpochMilli());
        assertThat(drawn.get("to").asLong()).isEqualTo(run.candles().to().toEpochMilli());
        assertThat(drawn.get("caption").asString()).contains("around the strategy's deepest drawdown");
        assertThat(overlapsAndClipped("chart-candles-0")).isEmpty();
        assertThat(chromium.messages()).isEmpty();
    }

    @Test
    void everyValueAxisOfATimeChartNamesItsUnit() throws Exception {
        chromium.open(OUT.resolve("report.html"), CHARTS_DRAWN, Duration.ofSeconds(30));
        JsonNode axes = chromium.evaluate("""
                Array.from(document.querySelectorAll('.chart')).map(el => echarts.getInstanceByDom(el)).filter(c => c)
                  .flatMap(c => c.getOption().yAxis.filter(a => a.type !== 'category')
                    .map(a => ({chart: c.getDom().id, name: a.name || ''})))""");
        assertThat(axes.size()).isGreaterThan(8);
        axes.forEach(a -> assertThat(a.get("name").asString()).as(a.get("chart").asString()).isNotBlank());
        JsonNode equityUnit = chromium.evaluate("""
                echarts.getInstanceByDom(document.getElementById('chart-equity')).getOption().yAxis[0].name""");
        assertThat(equityUnit.asString()).isEqualTo("USD");
    }

    @Test
    void aLongThatFlipsShortInOneFillIsMarkedAsAFlip() throws Exception {
        chromium.open(OUT.resolve("flip.html"), CHARTS_DRAWN, Duration.ofSeconds(30));
        JsonNode markers = chromium.evaluate("""
                echarts.getInstanceByDom(document.getElementById('chart-price-0')).getOption().series
                  .filter(s => s.type === 'scatter').map(s => s.name + ':' + s.data.length)""");
        assertThat(markers.toString()).isEqualTo("[\"Buy:1\",\"Sell → Short:1\"]");
        assertThat(chromium.messages()).isEmpty();
    }

    @Test
    void thePathSensitivitySectionListsEveryEventAndTheOutcomeOverThePathsOffline() throws Exception {
        Path page = OUT.resolve("paths.html");
        chromium.open(page, CHARTS_DRAWN, Duration.ofSeconds(30));
        var spread = SampleRuns.pathSensitive().path().sensitivity();

        assertThat(chromium.messages()).isEmpty();
        assertThat(chromium.requests()).containsExactly(page.toUri().toString());
        assertThat(chromium.evaluate("document.querySelectorAll('#path-events tbody tr').length").asInt())
                .isEqualTo(spread.events().size()).isGreaterThan(2);
        int decided = chromium.evaluate("document.querySelectorAll('#path-events tr[data-decided=true]').length").asInt();
        assertThat(decided).as("some exits of the bracket are the path's choice").isPositive();
        assertThat(chromium.evaluate("document.querySelector('#path-sensitivity .note').textContent").asString())
                .contains("20 bridge paths of 24 sub-bars a bar, seeds 1 to 20", decided + " of " + spread.events().size());
        assertThat(chromium.evaluate("Array.from(document.querySelectorAll('#path-outcome tbody th')).map(t => t.textContent)")
                .toString()).isEqualTo("[\"Final equity\",\"Max drawdown\",\"Liquidated\"]");
        assertThat(chromium.evaluate("document.querySelector('#path-outcome tbody tr td:nth-of-type(3)').textContent").asString())
                .as("the lowest final equity over the bridges").isEqualTo(Formats.money(spread.finalEquity().bridgeMin()));
        assertThat(chromium.evaluate("document.getElementById('path-liquidated').textContent").asString())
                .contains(spread.liquidated().onBridges() + " of 20");
        chromium.screenshot(Path.of("target", "report-path-sensitivity.png"),
                chromium.evaluate("document.getElementById('path-sensitivity').getBoundingClientRect().top + window.scrollY").asInt(),
                WIDTH, HEIGHT);
        chromium.open(OUT.resolve("report.html"), CHARTS_DRAWN, Duration.ofSeconds(30));
        assertThat(chromium.evaluate("document.getElementById('path-sensitivity') === null").asBoolean())
                .as("a run without the option has no such section").isTrue();
    }

    @Test
    void theSyntheticSampleIsNotDrawnWithTheRealCrisisWindows() throws Exception {
        assertThat(SampleRuns.playbook().synthetic()).isTrue();
        assertThat(SampleRuns.playbook().regimes().windows()).isNotEmpty();
        chromium.open(OUT.resolve("report.html"), CHARTS_DRAWN, Duration.ofSeconds(30));

        assertThat(chromium.evaluate("JSON.parse(document.getElementById('crashlab-data').textContent).windows.length")
                .asInt()).isZero();
        for (String name : SampleRuns.playbook().regimes().windows().stream().map(w -> w.name()).toList()) {
            assertThat(texts("chart-equity")).doesNotContain(name);
            assertThat(chromium.evaluate("document.body.innerText").asString()).doesNotContain(name);
        }
        assertThat(chromium.evaluate("document.getElementById('windows-synthetic') !== null").asBoolean()).isTrue();
    }

    @Test
    void theComparisonShowsTheIndexFirstAndItsParametersInFull() throws Exception {
        chromium.open(OUT.resolve("comparison.html"), CHARTS_DRAWN, Duration.ofSeconds(30));

        JsonNode first = chromium.evaluate("""
                (() => { const o = echarts.getInstanceByDom(document.getElementById('chart-equity')).getOption();
                  return {value: o.series[0].data[0][1], axis: o.yAxis[0].name,
                    on: document.querySelector('.toolbar button.on[data-mode]').getAttribute('data-mode')}; })()""");
        assertThat(first.get("value").asDouble()).isEqualTo(1.0);
        assertThat(first.get("axis").asString()).isEqualTo("index, start = 1");
        assertThat(first.get("on").asString()).isEqualTo("index");
        chromium.open(OUT.resolve("comparison-params.html"), CHARTS_DRAWN, Duration.ofSeconds(30));
        JsonNode cells = chromium.evaluate("""
                Array.from(document.querySelectorAll('#runs-table td.params')).map(td => {
                  const cell = td.getBoundingClientRect(); const section = td.closest('section').getBoundingClientRect();
                  return {text: td.textContent, fits: td.scrollWidth <= td.clientWidth && cell.right <= section.right}; })""");
        assertThat(cells.size()).isEqualTo(2);
        assertThat(cells.get(1).get("text").asString()).contains("multiplier");
        cells.forEach(c -> assertThat(c.get("fits").asBoolean()).as(c.get("text").asString()).isTrue());
        chromium.evaluate("document.querySelector('.toolbar button[data-scale=log]').click(); true");
        assertThat(texts("chart-equity")).noneMatch(t -> t.matches("-?0(\\.0+)?"));
        assertThat(overlapsAndClipped("chart-equity")).isEmpty();
        assertThat(chromium.messages()).isEmpty();
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
