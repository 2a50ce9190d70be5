package dev.crashlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.report.internal.Formats;
import dev.crashlab.results.EventRow;
import dev.crashlab.results.InstrumentInfo;
import dev.crashlab.results.Metric;
import dev.crashlab.results.DataFile;
import dev.crashlab.results.RegimeMetrics;
import dev.crashlab.results.ResultsException;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.RunResults;
import dev.crashlab.results.StressDistribution;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import dev.crashlab.report.internal.Formats;
import dev.crashlab.results.SweepResults;
import dev.crashlab.results.SweepSelection;
import dev.crashlab.results.SweepVariant;
import dev.crashlab.results.TradeRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses written reports with jsoup and checks them against the results records they were made
 * from. Expected texts are formatted here with {@link String#format}, independently of the
 * report's own formatting code.
 */
class ReportsTest {

    private static Document parse(String html) {
        return Jsoup.parse(html);
    }

    private static Document runReport(RunResults results) {
        return parse(Reports.renderRun(results, SampleRuns.OPTIONS));
    }

    private static JsonNode chartData(Document doc) {
        return JsonMapper.builder().build().readTree(doc.getElementById("crashlab-data").data());
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    private static String money(double amount) {
        return String.format(Locale.US, "%,.2f", amount);
    }

    private static String metricCell(Document doc, String field, int column) {
        return doc.selectFirst("#metrics tr[data-metric=" + field + "]").select("td").get(column).text();
    }

    @Test
    void runReportShowsEveryMetricOfResultsJsonFormattedAsStated() {
        RunResults results = SampleRuns.playbook();
        RunMetrics m = results.metrics();
        RunMetrics b = results.benchmark().metrics();

        Document doc = runReport(results);

        assertThat(metricCell(doc, "totalReturn", 0)).isEqualTo(percent(m.totalReturn()));
        assertThat(metricCell(doc, "totalReturn", 1)).isEqualTo(percent(b.totalReturn()));
        assertThat(metricCell(doc, "maxDrawdown", 0)).isEqualTo(percent(m.maxDrawdown()));
        assertThat(metricCell(doc, "finalEquity", 0)).isEqualTo(money(m.finalEquity()));
        assertThat(metricCell(doc, "profit", 0)).isEqualTo(money(m.profit()));
        assertThat(metricCell(doc, "maxDrawdownDays", 0))
                .isEqualTo(String.format(Locale.US, "%,d", Math.round(m.maxDrawdownDays())));
        assertThat(metricCell(doc, "sharpe", 0)).isEqualTo(String.format(Locale.ROOT, "%.2f", m.sharpe()));
        assertThat(metricCell(doc, "liquidations", 0)).isEqualTo(String.valueOf(m.liquidations()));
        assertThat(b.beta()).isNaN();
        assertThat(metricCell(doc, "beta", 1)).isEqualTo("—");
        assertThat(doc.select("#metrics tr[data-metric]")).hasSize(RunMetrics.class.getRecordComponents().length);
    }

    @Test
    void everyMetricNameCarriesItsDefinitionAsTooltipAndFootnote() {
        Document doc = runReport(SampleRuns.playbook());

        for (Element row : doc.select("#metrics tr[data-metric]")) {
            String field = row.attr("data-metric");
            Element name = row.selectFirst("th");
            assertThat(name.attr("title")).as(field).hasSizeGreaterThan(10);
            Element footnote = doc.getElementById("def-" + field);
            assertThat(footnote).as(field).isNotNull();
            assertThat(footnote.text()).contains(name.attr("title"));
        }
        assertThat(doc.selectFirst("tr[data-metric=sharpe] th").attr("title")).contains("mean(r) - rf / P");
    }

    @Test
    void headerShowsStrategyPeriodUniverseProvenanceCostsVersionAndTime() {
        RunResults results = SampleRuns.playbook();

        Document doc = runReport(results);

        assertThat(doc.title()).startsWith("crash-playbook");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("crash-playbook");
        String text = doc.body().text();
        assertThat(text).contains("CrashPlaybook", "dipDrawdown", "2020-01-01", "2025-12-31", "next_open",
                "0.10 % of notional", "5.00 bps", "250.00 USD weekly", "crashlab " + results.crashlabVersion(),
                "2026-01-02T03:04:05Z", "2026-01-02T10:00:00Z");
        for (InstrumentInfo instrument : results.universe()) {
            assertThat(text).contains(instrument.symbol());
        }
        for (DataFile source : results.data()) {
            assertThat(text).contains(source.path(), source.sha256());
        }
    }

    private static String cardCell(Document doc, String card, String name) {
        Element table = doc.select(".card").stream().filter(c -> c.selectFirst("h3").text().equals(card)).findFirst()
                .orElseThrow(() -> new AssertionError("no card " + card)).selectFirst("table");
        return table.select("tr").stream().filter(tr -> tr.selectFirst("th").text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in card " + card)).selectFirst("td").text();
    }

    @Test
    void everyCostIsShownInItsRealUnit() {
        assertThat(SampleRuns.carry().costs().fundingRate()).isEqualTo(0.0001);

        Document doc = runReport(SampleRuns.carry());

        assertThat(cardCell(doc, "Fills and costs", "Funding rate"))
                .as("0.0001 per 8 hours is 0.01 %, three times a day for 365 days: 0.0001 × 1095 = 10.95 %")
                .isEqualTo("0.0100 % per 8 hours (≈ 10.95 % a year)");
        assertThat(cardCell(doc, "Fills and costs", "Fee rate")).isEqualTo("0.10 % of notional per fill");
        assertThat(cardCell(doc, "Fills and costs", "Fixed fee")).isEqualTo("1.50 per fill, in USD");
        assertThat(cardCell(doc, "Fills and costs", "Slippage")).isEqualTo("5.00 bps against the trader (market and stop fills)");
        assertThat(cardCell(doc, "Fills and costs", "Borrow rate")).isEqualTo("5.00 % a year");
        assertThat(cardCell(doc, "Fills and costs", "Funding of BTC-USD")).isEqualTo("btc_funding × -0.01: a published value v"
                + " is a rate of v × -0.01 per 8 hours (1 → -1.0000 %), charged to shorts when positive, paid to them when negative");
        assertThat(cardCell(doc, "Period and account", "Margin")).isEqualTo("cross margin; initial 100.00 % of gross"
                + " exposure (1.00× at most); maintenance 5.00 % of notional; liquidation fee 1.00 % of notional, at most"
                + " what the liquidated positions leave");
        assertThat(cardCell(doc, "Fills and costs", "Path in a bar")).isEqualTo("nearest-extreme-first: open → the extreme"
                + " nearer the open → the other → close; stops, limits and liquidations happen in that order");
        assertThat(cardCell(doc, "Fills and costs", "Bars resolved")).isEqualTo("no detail bars; "
                + Formats.count(SampleRuns.carry().path().ruleBars()) + " bars resolved by the rule (0 ambiguous steps: a trigger level on"
                + " each side of a bar's open)");
    }

    @Test
    void aLiquidationShowsItsSymbolPriceAndLossAndTheTiersAndWarningsAreShown() {
        RunResults results = SampleRuns.liquidated();
        EventRow liquidation = null;
        for (EventRow e : results.events()) {
            if (liquidation == null && e.kind().equals("liquidation")) {
                liquidation = e;
            }
        }
        assertThat(liquidation).isNotNull();
        assertThat(liquidation.value()).as("a 10x long loses nearly all of its 10,000").isGreaterThan(9_900);

        Document doc = runReport(results);

        Element row = doc.select("#events-table tr[data-kind=liquidation]").first();
        assertThat(row).isNotNull();
        assertThat(row.select("td").get(2).text()).isEqualTo("BTC-USD");
        assertThat(row.select("td").get(3).text()).startsWith("long ").contains(" BTC-USD liquidated at ").contains("loss ");
        assertThat(row.select("td").get(4).attr("data-v")).isEqualTo(String.valueOf(liquidation.value()));
        assertThat(cardCell(doc, "Period and account", "Margin")).contains("maintenance by notional 0.40 % to 50,000,"
                + " 0.50 % to 250,000, 1.00 % to 1,000,000");
        assertThat(doc.select(".banner-warning").text()).contains("Warnings.").contains("ETH-USD's data covers"
                + " 2024-03-01 .. 2024-03-06");
    }

    @Test
    void theWarningsBannerExplainsAllowPartialDataOnlyBeforeTheWarningsItGave() {
        RunResults results = SampleRuns.gated();
        assertThat(results.warnings()).hasSize(2);
        assertThat(results.warnings().getFirst()).startsWith("GatedDca holds a position in ETH-USD").endsWith("(allowPartialData)");

        Element banner = runReport(results).getElementById("warnings");

        assertThat(banner.selectFirst("strong").text()).isEqualTo("Warnings.");
        assertThat(banner.select("ul")).hasSize(2);
        assertThat(banner.select("ul").get(0).select("li").eachText()).containsExactly(results.warnings().getFirst());
        assertThat(banner.select("ul").get(1).select("li").eachText()).containsExactly(SampleRuns.GatedDca.STALE);
        assertThat(banner.text()).startsWith("Warnings. The run was allowed to use instruments outside their data"
                + " (allowPartialData): GatedDca holds").contains("(allowPartialData) Other warnings: etf flows stale");
    }

    @Test
    void aStrategysOwnWarningIsListedAsItIsWithoutThePartialDataExplanation() {
        Element banner = runReport(SampleRuns.crowded()).getElementById("warnings");

        assertThat(banner.text()).isEqualTo("Warnings. " + SampleRuns.Crowded.HOSTILE_WARNING);
        assertThat(banner.select("li")).hasSize(1);
        assertThat(banner.select("b")).isEmpty();
    }

    @Test
    void syntheticDataGetsAProminentBannerAndOtherDataNone() {
        assertThat(SampleRuns.playbook().synthetic()).isTrue();
        assertThat(runReport(SampleRuns.playbook()).select(".banner-synthetic")).hasSize(1)
                .first().extracting(Element::text).asString().contains("Synthetic data");

        assertThat(SampleRuns.hostile().synthetic()).isFalse();
        assertThat(runReport(SampleRuns.hostile()).select(".banner-synthetic")).isEmpty();
    }

    @Test
    void tradesEventsRegimesAndDrawdownsHoldTheRowsOfResultsJson() {
        RunResults results = SampleRuns.playbook();

        Document doc = runReport(results);

        assertThat(doc.select("#trades-table tbody tr")).hasSize(results.trades().size());
        TradeRow firstTrade = results.trades().getFirst();
        Element firstRow = doc.selectFirst("#trades-table tbody tr");
        assertThat(firstRow.attr("data-symbol")).isEqualTo(firstTrade.symbol());
        assertThat(firstRow.select("td").get(7).text()).isEqualTo(money(firstTrade.pnl()));
        assertThat(firstRow.select("td").get(8).text()).isEqualTo(percent(firstTrade.tradeReturn()));

        assertThat(doc.select("#events-table tbody tr")).hasSize(results.events().size());
        List<String> kinds = doc.select("#events-table tbody tr").eachAttr("data-kind");
        assertThat(kinds).contains("held_back", "rejected", "liquidation");

        List<RegimeMetrics> regimes = results.regimes().metrics();
        assertThat(doc.select("#regime-table tbody tr")).hasSize(regimes.size());
        Element crash = doc.select("#regime-table tbody tr").get(2);
        assertThat(crash.text()).startsWith(regimes.get(2).label())
                .contains(percent(regimes.get(2).totalReturn()), percent(regimes.get(2).maxDrawdown()),
                        percent(regimes.get(2).timeInMarket()));

        assertThat(doc.select("#worst-drawdowns tbody tr")).hasSize(5);
        assertThat(doc.selectFirst("#worst-drawdowns tbody td").text())
                .as("the deepest episode of the index is the engine's max drawdown")
                .isEqualTo(percent(results.metrics().maxDrawdown()));
    }

    @Test
    void regimeTableCreditsEachPeriodToTheRegimeKnownAtItsStartAndSharesCoverEveryPeriod() {
        RunResults results = SampleRuns.playbook();
        List<RegimeMetrics> regimes = results.regimes().metrics();
        int periods = results.period().steps() - 1;

        Document doc = runReport(results);

        List<Element> rows = doc.select("#regime-table tbody tr");
        int credited = 0;
        for (int l = 0; l < regimes.size(); l++) {
            int steps = regimes.get(l).steps();
            credited += steps;
            assertThat(rows.get(l).select("td").get(1).text()).isEqualTo(String.valueOf(steps));
            assertThat(rows.get(l).select("td").get(2).text()).as(regimes.get(l).label())
                    .isEqualTo(percent(steps / (double) periods));
        }
        assertThat(credited).as("every period is credited to exactly one regime").isEqualTo(periods);
        assertThat(doc.selectFirst("#regime-table + p.note").text()).contains(
                "Each period's return (close t−1 to close t) counts for the regime known at t−1's close,"
                        + " what a strategy could have acted on");
    }

    @Test
    void everyChartHasAContainerAndItsDataWithShadingAndFillMarkers() {
        RunResults results = SampleRuns.playbook();

        Document doc = runReport(results);
        JsonNode charts = chartData(doc).get("charts");

        for (String id : List.of("chart-equity", "chart-drawdown", "chart-exposure", "chart-rolling", "chart-monthly",
                "chart-yearly", "chart-price-0", "chart-series-0")) {
            assertThat(doc.getElementById(id)).as(id).isNotNull();
        }
        JsonNode data = chartData(doc);
        assertThat(data.get("regimes").get("labels")).hasSize(3);
        // The sample is synthetic: its regime classifier's two windows of market history are not drawn.
        assertThat(results.regimes().windows()).hasSize(2);
        assertThat(data.get("windows")).isEmpty();
        assertThat(charts.get("equity").get("series")).extracting(s -> s.get("name").asString())
                .containsExactly("Strategy", "buy-and-hold BTC-USD", "Net invested");
        List<String> markers = new ArrayList<>();
        charts.get("prices").forEach(p -> p.get("series").forEach(s -> {
            if (s.get("type").asString().equals("scatter")) {
                markers.add(s.get("role").asString());
            }
        }));
        assertThat(markers).contains("buy", "sell", "short", "cover", "liquidation");
        assertThat(charts.get("series").get(0).get("series").get(0).get("name").asString()).isEqualTo("etf_flows_btc.total");
    }

    @Test
    void longSeriesAreDownSampledForDisplayButKeepTheirEnds() {
        RunResults results = SampleRuns.playbook();
        int steps = results.equity().size();

        Document doc = parse(Reports.renderRun(results, SampleRuns.OPTIONS.withMaxPoints(500)));
        JsonNode equity = chartData(doc).get("charts").get("equity").get("series").get(0).get("data");

        assertThat(steps).isGreaterThan(2000);
        assertThat(equity).hasSize(500);
        var last = results.equity().get(steps - 1);
        assertThat(equity.get(499).get(0).asLong()).isEqualTo(last.time().toEpochMilli());
        assertThat(equity.get(499).get(1).asDouble()).isCloseTo(last.equity(),
                org.assertj.core.api.Assertions.withinPercentage(0.001));
        assertThat(metricCell(doc, "totalReturn", 0)).isEqualTo(percent(results.metrics().totalReturn()));
    }

    @Test
    void hostileStringsAppearAsTextNeverAsMarkup() {
        Document doc = runReport(SampleRuns.hostile());

        assertThat(doc.select("script")).hasSize(3);
        assertThat(doc.select("script[src], link, img, iframe, svg, b, [onload], [onerror]")).isEmpty();
        assertThat(doc.selectFirst("h1").text()).isEqualTo(SampleRuns.HOSTILE_RUN);
        assertThat(doc.title()).startsWith(SampleRuns.HOSTILE_RUN);
        assertThat(doc.selectFirst(".subtitle strong").text()).isEqualTo(SampleRuns.HOSTILE_STRATEGY);
        assertThat(doc.select("table.kv td").eachText()).contains(SampleRuns.HOSTILE_STRATEGY,
                "</script><script>alert(5)</script>", "a'b");
        assertThat(doc.select("table.kv th").eachText()).contains(SampleRuns.HOSTILE_SYMBOL, "x\"y");
        Element trade = doc.selectFirst("#trades-table tbody tr");
        assertThat(trade.attr("data-symbol")).isEqualTo(SampleRuns.HOSTILE_SYMBOL);
        assertThat(trade.selectFirst("td").text()).isEqualTo(SampleRuns.HOSTILE_SYMBOL);
        assertThat(doc.select("#events-table td").eachText()).contains(SampleRuns.HOSTILE_NOTE);
        assertThat(doc.select("select[data-attr=symbol] option").eachAttr("value")).contains(SampleRuns.HOSTILE_SYMBOL);

        JsonNode prices = chartData(doc).get("charts").get("prices").get(0).get("series");
        assertThat(prices.get(0).get("name").asString()).isEqualTo(SampleRuns.HOSTILE_SYMBOL);
        assertThat(prices.get(1).get("data").get(0).get(4).asString()).isEqualTo(SampleRuns.HOSTILE_TAG);
    }

    @Test
    void pageLoadsNothingFromOutsideAndInlinesEchartsOnce() {
        String html = Reports.renderRun(SampleRuns.playbook(), SampleRuns.OPTIONS);
        Document doc = parse(html);

        assertThat(doc.select("[src], link[href], img, iframe, object, embed")).isEmpty();
        assertThat(doc.select("a[href]").eachAttr("href")).allMatch(h -> h.startsWith("#"));
        assertThat(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
        assertThat(html.split("Licensed to the Apache Software Foundation", -1)).hasSize(2);
        assertThat(html).doesNotContain("cdn.", "fonts.googleapis");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertThat(Reports.renderRun(SampleRuns.playbook(), SampleRuns.OPTIONS))
                .isEqualTo(Reports.renderRun(SampleRuns.playbook(), SampleRuns.OPTIONS));
    }

    @Test
    void aBrokenResultsJsonFailsNamingTheRunAndField() {
        ObjectNode broken = (ObjectNode) ResultsJson.toTree(SampleRuns.hostile());
        broken.withArray("equity").remove(0);
        byte[] json = broken.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> {
            try {
                Reports.renderComparison("x", List.of(new RunLink("broken", ResultsJson.read(json), null)), SampleRuns.OPTIONS);
            } catch (ResultsException e) {
                throw e.inRun("broken");
            }
        })
                .isInstanceOf(ResultsException.class)
                .hasMessageStartingWith("results.json of run 'broken': field 'prices.");
    }

    @Test
    void comparisonMarksTheBestValueOfEachRowAndLinksEveryRun() {
        List<RunResults> levels = SampleRuns.leverageLevels();
        List<RunLink> runs = List.of(new RunLink("1x", levels.get(0), "one/report.html"),
                new RunLink("2x", levels.get(1), "two/report.html"), new RunLink("3x", levels.get(2), null));

        Document doc = parse(Reports.renderComparison("Leverage", runs, SampleRuns.OPTIONS));

        assertThat(doc.select("#metrics-table thead th")).extracting(Element::text).containsExactly("Metric", "1x", "2x", "3x");
        assertThat(doc.select("#runs-table a").eachAttr("href")).containsExactly("one/report.html", "two/report.html");
        assertThat(doc.select("#metrics-table thead a").eachAttr("href")).containsExactly("one/report.html", "two/report.html");
        Map<String, Integer> higherIsBetter = Map.of("sharpe", 1, "totalReturn", 1, "maxDrawdown", 1, "volatility", -1,
                "feesPaid", -1);
        higherIsBetter.forEach((field, direction) -> {
            int best = 0;
            for (int i = 1; i < 3; i++) {
                Metric metric = Metric.of(field).orElseThrow();
                double v = metric.of(levels.get(i).metrics());
                double current = metric.of(levels.get(best).metrics());
                if (direction > 0 ? v > current : v < current) {
                    best = i;
                }
            }
            List<Element> cells = doc.selectFirst("#metrics-table tr[data-metric=" + field + "]").select("td");
            for (int i = 0; i < 3; i++) {
                assertThat(cells.get(i).hasClass("best")).as(field + " run " + i).isEqualTo(i == best);
            }
        });
        assertThat(doc.selectFirst("#metrics-table tr[data-metric=exposure]").select("td.best")).isEmpty();
        JsonNode equity = chartData(doc).get("charts").get("equity").get("series");
        assertThat(equity).hasSize(3);
        assertThat(equity.get(0).get("index").get(0).get(1).asDouble()).isEqualTo(1.0);
        assertThat(doc.getElementById("chart-drawdown")).isNotNull();
    }

    @Test
    void indexListsEveryRunWithItsLinkAndTheOtherPages() {
        List<RunResults> levels = SampleRuns.leverageLevels();
        List<RunLink> runs = List.of(new RunLink("trend 1x", levels.get(0), "trend-1x/report.html"),
                new RunLink(SampleRuns.HOSTILE_RUN, SampleRuns.hostile(), "hostile/report.html"));

        Document doc = parse(Reports.renderIndex("My runs", runs, List.of(new PageLink("Comparison", "comparison.html", "")),
                SampleRuns.OPTIONS));

        assertThat(doc.select("#runs-table tbody a").eachText()).containsExactly("trend 1x", SampleRuns.HOSTILE_RUN);
        assertThat(doc.select("#runs-table tbody a").eachAttr("href")).containsExactly("trend-1x/report.html",
                "hostile/report.html");
        assertThat(doc.select("section a").eachAttr("href")).contains("comparison.html");
        assertThat(doc.selectFirst("#runs-table tbody tr").select("td").get(4).text())
                .isEqualTo(percent(levels.get(0).metrics().totalReturn()));
        assertThat(doc.select("script")).hasSize(2).noneMatch(s -> s.data().contains("Apache Software Foundation"));
    }

    @Test
    void theStressPageShowsEachSetsProbabilitiesQuantilesFanAndHistogramsAsTheDocumentHoldsThem() {
        StressResults stress = SampleRuns.stress();
        Document doc = parse(Reports.renderStress(stress, SampleRuns.OPTIONS));

        assertThat(doc.select("section.stress-set").eachAttr("id")).containsExactly("set-bootstrap", "set-crisis-replay");
        assertThat(doc.select("#set-bootstrap .chart").eachAttr("id")).containsExactly("chart-fan-bootstrap",
                "chart-hist-bootstrap-finalEquity", "chart-hist-bootstrap-cagr", "chart-hist-bootstrap-maxDrawdown",
                "chart-hist-bootstrap-maxDrawdownDays", "chart-hist-bootstrap-moneyWeightedReturn");
        StressSet replay = stress.set("crisis-replay").orElseThrow();
        assertThat(doc.select("#set-crisis-replay .probabilities td").first().text())
                .isEqualTo(percent(replay.probabilities().liquidation()));
        // The CAGR row: its 5 % quantile (the third level) is the document's, and so is the real history's value.
        Element cagr = doc.select("#set-crisis-replay table.quantiles tbody tr").get(1);
        StressDistribution cagrs = replay.distributions().get(1);
        assertThat(cagr.select("td").get(3 + 1).text()).isEqualTo(percent(cagrs.quantile(0.05)));
        assertThat(cagr.select("td").last().text()).isEqualTo(percent(cagrs.historical()));
        assertThat(doc.select("#stress-terms").text()).contains("Mean block length 20.0 days (configured)")
                .contains("Sample liquidity crash").contains("A made-up fall");
        JsonNode data = chartData(doc);
        assertThat(data.get("charts").get("fans")).hasSize(2);
        assertThat(data.get("charts").get("histograms")).hasSize(10);
        assertThat(data.get("charts").get("histograms").get(0).get("counts")).hasSize(30);
    }

    @Test
    void sweepShowsTheSelectionStatisticsTheHeatmapTheBestVariantAndEveryVariant() {
        double[][] sharpe = {{0.2, 0.3}, {0.5, 0.9}, {0.4, Double.NaN}};
        List<RunMetrics> metrics = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double[][] returns = new double[6][200];
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 2; y++) {
                metrics.add(metrics(0.1 * (x + 1), -0.1 * (x + 1), sharpe[x][y]));
                for (int t = 0; t < 200; t++) {
                    returns[x * 2 + y][t] = random.nextDouble(-0.02, 0.021);
                }
            }
        }
        SweepResults sweep = SampleRuns.sweep("Trend sweep", List.of(SampleRuns.axis("leverage", 1.0, 2.0, 3.0),
                SampleRuns.axis("sma", 50, 100), SampleRuns.axis("tag", "<i>v</i>")), metrics, returns, 8,
                k -> "v" + (k + 1) + "/report.html");
        SweepSelection s = sweep.selection();

        Document doc = parse(Reports.renderSweep(sweep, SampleRuns.OPTIONS));

        assertThat(doc.getElementById("selection-bias").text()).contains("best of 6 by Sharpe ratio")
                .contains("deflated Sharpe ratio is " + Formats.probability(s.deflatedSharpe()))
                .contains("in " + Formats.percent(s.overfitting().probability()) + " of 70 splits")
                .contains("grid's edge (sma = 100, its last value): the best may lie beyond it, widen the grid");
        assertThat(doc.getElementById("dsr").text()).isEqualTo(Formats.probability(s.deflatedSharpe()));
        assertThat(doc.getElementById("pbo").text()).isEqualTo(Formats.probability(s.overfitting().probability()));
        assertThat(doc.getElementById("selection-sharpe").text()).contains("Trials N 6",
                "Variance of the trials' Sharpe ratios V " + Formats.figure(s.trialSharpeVariance()),
                "Kurtosis (not in excess) " + Formats.ratio(s.kurtosis()));
        assertThat(doc.getElementById("selection-pbo").text()).contains("Blocks S 8", "Splits C(S, S/2) 70",
                "Periods used (oldest dropped) 200 (0)");
        assertThat(doc.getElementById("selection-stability").text()).contains("Neighbouring cells with a value 2",
                "Drop to their mean " + Formats.ratio(0.9 - (0.5 + 0.3) / 2), "On the grid's edge yes: widen the grid");
        JsonNode charts = chartData(doc).get("charts");
        assertThat(charts.get("logits").get("bins")).hasSize(SweepSelection.LOGIT_BINS);
        assertThat(charts.get("degradation").get("points")).hasSize(70);
        assertThat(doc.select("#variants-table tbody tr")).hasSize(6);
        assertThat(doc.select("#variants-table tbody tr.best-row")).hasSize(1).first()
                .extracting(e -> e.selectFirst("td").text()).isEqualTo("trend-3");
        assertThat(doc.select("#variants-table tbody tr td:first-child").eachText())
                .as("the ids sweep.json holds").isEqualTo(sweep.variants().stream().map(SweepVariant::id).toList());
        assertThat(doc.getElementById("best-variant").text()).contains("trend-3", "0.90", "100", "2.0");
        assertThat(doc.select("#best-variant a").eachAttr("href")).containsExactly("v4/report.html");
        assertThat(doc.select("#variants-table tbody td").eachText()).contains("<i>v</i>");
        JsonNode heat = charts.get("sweep");
        assertThat(heat.get("xs")).extracting(JsonNode::asString).containsExactly("1.0", "2.0", "3.0");
        assertThat(heat.get("ys")).extracting(JsonNode::asString).containsExactly("50", "100");
        assertThat(heat.get("cells")).hasSize(5);
        assertThat(heat.get("min").asDouble()).as("the colour scale starts at the lowest value, not 0").isEqualTo(0.2);
        assertThat(heat.get("max").asDouble()).isEqualTo(0.9);
    }

    @Test
    void sweepSaysNothingOfTheGridsEdgeWhenTheChosenCellIsInside() {
        List<RunMetrics> metrics = new ArrayList<>();
        double[][] returns = new double[9][200];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int k = 0; k < 9; k++) {
            metrics.add(metrics(0.1, -0.1, k == 4 ? 0.9 : 0.05 * k));
            for (int t = 0; t < 200; t++) {
                returns[k][t] = random.nextDouble(-0.02, 0.021);
            }
        }
        SweepResults sweep = SampleRuns.sweep("Inner sweep", List.of(SampleRuns.axis("leverage", 1.0, 2.0, 3.0),
                SampleRuns.axis("sma", 50, 100, 150)), metrics, returns, 8, k -> null);

        Document doc = parse(Reports.renderSweep(sweep, SampleRuns.OPTIONS));

        assertThat(sweep.best()).isEqualTo(4);
        assertThat(sweep.selection().stability().onEdge()).isFalse();
        assertThat(doc.getElementById("selection-bias").text()).contains("best of 9").doesNotContain("grid's edge");
    }

    @Test
    void budgetCaseOfTenYearsTenInstrumentsAndFiveHundredTradesStaysUnderThreeMegabytes() {
        RunResults results = SampleRuns.budget(10, 10, 500);

        String html = Reports.renderRun(results, ReportOptions.at(SampleRuns.GENERATED));
        int bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

        assertThat(results.equity().size()).isGreaterThanOrEqualTo(3650);
        assertThat(results.prices().size()).isEqualTo(10);
        assertThat(results.trades().size()).isBetween(450, 560);
        assertThat(bytes).isLessThanOrEqualTo(3 * 1024 * 1024);
        System.out.printf(Locale.ROOT, "budget case: %d steps, %d instruments, %d trades -> %,d bytes%n",
                results.equity().size(), results.prices().size(), results.trades().size(), bytes);
    }

    /** Returns metrics with the given total return, max drawdown and Sharpe ratio, every other figure undefined. */
    private static RunMetrics metrics(double totalReturn, double maxDrawdown, double sharpe) {
        double n = Double.NaN;
        return new RunMetrics(totalReturn, n, n, sharpe, n, maxDrawdown, n, n, n, n, n, n, n, n, n, n, n, 0, 0, n, n, n, n, n,
                n, n, n, n, n);
    }
}
