package dev.crashlab.report.internal;

import dev.crashlab.results.Metric;
import dev.crashlab.results.Quantiles;
import dev.crashlab.results.RegimeWindow;
import dev.crashlab.results.StressDistribution;
import dev.crashlab.results.StressProbabilities;
import dev.crashlab.results.StressResults;
import dev.crashlab.results.StressSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the stress template shows: how the paths were made, then per method the probabilities,
 * a table of quantiles per figure against the real history, an equity fan (quantile bands of
 * the paths' equity at each step, the historical equity and the cash put in) and a histogram per
 * figure. Every number is one of the stress document's.
 */
public final class StressPage {

    /**
     * A figure's row in a set's table of quantiles.
     *
     * @param metric     the figure
     * @param chartId    the id of its histogram's container
     * @param defined    the paths where it is defined
     * @param mean       its mean, formatted
     * @param quantiles  its quantiles at {@link Quantiles#LEVELS}, formatted
     * @param historical its value on the real history, formatted
     */
    public record Row(Metric metric, String chartId, int defined, String mean, List<String> quantiles, String historical) {
    }

    /**
     * A probability of a set, for its table.
     *
     * @param label what the event is
     * @param value the share of paths, formatted as a percentage
     * @param raw   the share
     */
    public record Probability(String label, String value, double raw) {
    }

    /**
     * One set of paths as the page shows it.
     *
     * @param method        the method's label
     * @param paths         its number of paths
     * @param fanId         the id of its fan chart's container
     * @param probabilities its probabilities
     * @param rows          one row per distributed figure
     */
    public record Set(String method, int paths, String fanId, List<Probability> probabilities, List<Row> rows) {
    }

    private final Page page;
    private final StressResults stress;
    private final List<Set> sets = new ArrayList<>();
    private final List<String> levels;
    private final String dataJson;

    /** Prepares the page of {@code stress}. */
    public StressPage(Page page, StressResults stress) {
        this.page = page;
        this.stress = stress;
        List<Instant> times = stress.steps().times();
        long[] t = times.stream().mapToLong(Instant::toEpochMilli).toArray();
        this.levels = Quantiles.LEVELS.stream().map(l -> new BigDecimal(Double.toString(l)).movePointRight(2).stripTrailingZeros()
                .toPlainString() + " %").toList();
        ObjectNode data = page.baseData("stress", t[0], t[t.length - 1], Page.allMidnight(t), null, null);
        data.set("windows", Charts.windows(stress.terms().crisisWindows()));
        ObjectNode charts = data.putObject("charts");
        ArrayNode fans = charts.putArray("fans");
        ArrayNode histograms = charts.putArray("histograms");
        int stride = Math.max(1, (t.length + page.maxPoints() - 1) / Math.max(1, page.maxPoints()));
        for (int s = 0; s < stress.sets().size(); s++) {
            StressSet set = stress.sets().get(s);
            String fanId = "chart-fan-" + set.method();
            fans.add(fan(fanId, set, t, stride));
            List<Row> rows = new ArrayList<>();
            for (StressDistribution d : set.distributions()) {
                Metric metric = Metric.of(d.metric()).orElseThrow(() -> new IllegalArgumentException("stress of "
                        + stress.name() + ": unknown figure '" + d.metric() + "'"));
                String id = "chart-hist-" + set.method() + "-" + d.metric();
                rows.add(new Row(metric, id, d.defined(), Formats.of(metric.kind(), d.mean()),
                        d.quantiles().stream().map(q -> Formats.of(metric.kind(), q.value())).toList(),
                        Formats.of(metric.kind(), d.historical())));
                histograms.add(histogram(id, metric, d));
            }
            sets.add(new Set(set.method(), set.paths().size(), fanId, probabilities(set.probabilities()), rows));
        }
        this.dataJson = PageJson.forScript(data);
    }

    private static List<Probability> probabilities(StressProbabilities p) {
        List<Probability> out = new ArrayList<>();
        out.add(new Probability("at least one liquidation", Formats.percent(p.liquidation()), p.liquidation()));
        out.add(new Probability("ending below initial cash plus net contributions", Formats.percent(p.belowContributions()),
                p.belowContributions()));
        for (StressProbabilities.DrawdownBeyond d : p.drawdownBeyond()) {
            out.add(new Probability("a max drawdown beyond " + Formats.percent(d.threshold()), Formats.percent(d.probability()),
                    d.probability()));
        }
        return out;
    }

    /** Returns the fan chart of {@code set}: every {@code stride}-th step, so that all bands share their times. */
    private ObjectNode fan(String id, StressSet set, long[] t, int stride) {
        ObjectNode fan = PageJson.object();
        fan.put("id", id);
        fan.put("format", "money");
        ArrayNode times = fan.putArray("times");
        for (int i = 0; i < t.length; i += stride) {
            times.add(t[i]);
        }
        ArrayNode bands = fan.putArray("bands");
        for (StressSet.StressBand band : set.fan()) {
            ObjectNode b = bands.addObject();
            PageJson.put(b, "level", band.level());
            b.set("values", sampled(band.equity(), stride));
        }
        fan.set("historical", sampled(stress.steps().historicalEquity(), stride));
        fan.set("invested", sampled(stress.steps().invested(), stride));
        return fan;
    }

    private static ArrayNode sampled(List<Double> values, int stride) {
        ArrayNode out = PageJson.array();
        for (int i = 0; i < values.size(); i += stride) {
            PageJson.add(out, values.get(i));
        }
        return out;
    }

    private static ObjectNode histogram(String id, Metric metric, StressDistribution d) {
        ObjectNode h = PageJson.object();
        h.put("id", id);
        h.put("name", metric.label());
        h.put("format", Charts.format(metric.kind()));
        ArrayNode edges = h.putArray("edges");
        d.binEdges().forEach(e -> PageJson.add(edges, e));
        ArrayNode counts = h.putArray("counts");
        d.binCounts().forEach(counts::add);
        PageJson.put(h, "historical", d.historical());
        return h;
    }

    /** Returns the page's frame. */
    public Page page() {
        return page;
    }

    /** Returns the stress document. */
    public StressResults stress() {
        return stress;
    }

    /** Returns the sets of paths, in the document's order. */
    public List<Set> sets() {
        return sets;
    }

    /** Returns the quantile levels as column headings: 1%, 5%, ... */
    public List<String> levels() {
        return levels;
    }

    /** Returns the mean block length as text, with how it was chosen. */
    public String blockLength() {
        double days = stress.terms().meanBlockDays();
        if (Double.isNaN(days)) {
            return Formats.MISSING;
        }
        return String.format(Locale.ROOT, "%.1f days (%s)", days, stress.terms().blockLengthRule().equals("configured")
                ? "configured" : "Politis–White, longest over the instruments' returns and their absolute values");
    }

    /** Returns the crisis windows replayed. */
    public List<RegimeWindow> windows() {
        return stress.terms().crisisWindows();
    }

    /** Returns the chart data, as script-safe JSON. */
    public String dataJson() {
        return dataJson;
    }
}
