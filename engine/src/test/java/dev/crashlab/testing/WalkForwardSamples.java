package dev.crashlab.testing;

import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.SweepAxis;
import dev.crashlab.results.WalkForwardCurve;
import dev.crashlab.results.WalkForwardFold;
import dev.crashlab.results.WalkForwardResults;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Walk-forward results made in memory for tests of the document, its schema and its page: four
 * rolling folds of 90 daily periods over a 2 × 3 grid, a CRASH regime in the third segment only
 * (or in none), curves stitched from seeded returns.
 */
public final class WalkForwardSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long DAY = 86_400_000L;
    /** The grid: threshold 0.1, 0.2; lookbackDays 30, 90, 365. */
    public static final List<SweepAxis> AXES = List.of(
            new SweepAxis("threshold", List.of(NODES.numberNode(0.1), NODES.numberNode(0.2))),
            new SweepAxis("lookbackDays", List.of(NODES.numberNode(30), NODES.numberNode(90), NODES.numberNode(365))));

    private WalkForwardSamples() {
    }

    /** Returns metrics with this CAGR and Sharpe ratio, the rest fixed. */
    public static RunMetrics metrics(double cagr, double sharpe) {
        return new RunMetrics(cagr, cagr, 0.5, sharpe, 1, -0.2, 30, 0.5, 0.1, 1000, 0, 1100, 100, 1, 1, 1, 0, 0, 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 365, 0);
    }

    /** Returns the parameters of grid cell {@code k} (row-major, the last axis fastest). */
    public static Map<String, JsonNode> cell(int k) {
        Map<String, JsonNode> p = new LinkedHashMap<>();
        p.put("threshold", AXES.get(0).values().get(k / 3));
        p.put("lookbackDays", AXES.get(1).values().get(k % 3));
        return p;
    }

    /** Returns the sample, with a crisis in the third fold's segment when {@code crisis}. */
    public static WalkForwardResults sample(boolean crisis) {
        List<String> labels = List.of("CALM", "CRASH", "RECOVERY");
        List<WalkForwardFold> folds = new ArrayList<>();
        LocalDate start = LocalDate.of(2022, 1, 1);
        int[] chosen = {4, 1, 5, 4};
        for (int k = 0; k < 4; k++) {
            LocalDate from = start.plusDays(90L * k);
            Map<String, Integer> regimes = new LinkedHashMap<>();
            int crash = crisis && k == 2 ? 20 : 0;
            regimes.put("CALM", 90 - crash - 10);
            regimes.put("CRASH", crash);
            regimes.put("RECOVERY", 10);
            double inCagr = 0.3 - 0.05 * k;
            double outCagr = 0.1 * (k % 2 == 0 ? 1 : -1);
            folds.add(new WalkForwardFold(k, from.minusDays(372), from.minusDays(8), from, from.plusDays(89), chosen[k],
                    cell(chosen[k]), metrics(inCagr, 1.2), metrics(outCagr, 0.4), outCagr / inCagr, regimes, crash));
        }
        int n = 4 * 90 + 1;
        long[] times = new long[n];
        double[] contributed = new double[n];
        double[][] returns = new double[3][n - 1];
        SplittableRandom random = new SplittableRandom(5);
        long t0 = start.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (int s = 0; s < n; s++) {
            times[s] = t0 + s * DAY;
            contributed[s] = 100.0 * (s / 7);
            if (s > 0) {
                for (int c = 0; c < 3; c++) {
                    returns[c][s - 1] = random.nextDouble(-0.03, 0.032);
                }
            }
        }
        var costs = new WalkForwardCurve.Costs(12.5, 0, 0);
        WalkForwardCurve oos = WalkForwardCurve.stitch("walk-forward, out of sample", times, 1000, contributed, returns[0],
                365, 0, costs);
        WalkForwardCurve best = WalkForwardCurve.stitch("in-sample-optimised", times, 1000, contributed, returns[1], 365, 0,
                costs);
        WalkForwardCurve fixed = WalkForwardCurve.stitch("fixed parameters", times, 1000, contributed, returns[2], 365, 0,
                costs);
        double meanIn = folds.stream().mapToDouble(f -> f.inSample().cagr()).average().orElseThrow();
        double meanSharpe = folds.stream().mapToDouble(f -> f.inSample().sharpe()).average().orElseThrow();
        return new WalkForwardResults(WalkForwardResults.SCHEMA, "test", Instant.parse("2026-12-01T00:00:00Z"),
                "walk-forward of dca", "dca", "sharpe", "rolling", "1y", "90d", 7, AXES, cell(0), 4, cell(4), labels,
                List.of("CRASH"), folds, oos, best, fixed, oos.metrics().cagr() / meanIn, oos.metrics().sharpe() / meanSharpe);
    }
}
