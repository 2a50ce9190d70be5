package dev.crashlab.report.internal;

import dev.crashlab.results.RunResults;
import dev.crashlab.results.StressDistribution;
import dev.crashlab.results.StressSet;
import dev.crashlab.results.StressSummary;
import dev.crashlab.results.SweepSummary;
import dev.crashlab.results.WalkForwardSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The run report's "Stress, sweep and walk-forward" section: one row per study the run's
 * results carry ({@link RunResults#stress()}, {@link RunResults#sweep()},
 * {@link RunResults#walkforward()}), its headline figures and a link to its own page. A study's
 * page sits beside its document, named as it with {@code .html}: the report, one folder below the
 * output folder, links to it through {@code ../}.
 */
public final class StudiesSection {

    /**
     * One study.
     *
     * @param name    {@code Stress paths}, {@code Sweep}, {@code Walk-forward}
     * @param id      the row's id in the page: {@code stress}, {@code sweep}, {@code walkforward}
     * @param lines   its headline figures, a line each
     * @param href    its page, relative to the run's report
     */
    public record Row(String name, String id, List<String> lines, String href) {
        public Row {
            lines = List.copyOf(lines);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    /** Prepares the section of {@code results}. */
    public StudiesSection(RunResults results) {
        if (results.stress() != null) {
            rows.add(stress(results.stress()));
        }
        if (results.sweep() != null) {
            rows.add(sweep(results.sweep()));
        }
        if (results.walkforward() != null) {
            rows.add(walkForward(results.walkforward()));
        }
    }

    /** Returns the studies, in the order stress, sweep, walk-forward; empty when the run has none. */
    public List<Row> rows() {
        return rows;
    }

    private static Row stress(StressSummary s) {
        List<String> lines = new ArrayList<>();
        for (StressSet set : s.sets()) {
            StressDistribution equity = set.distributions().stream().filter(d -> d.metric().equals("finalEquity")).findFirst()
                    .orElse(null);
            lines.add(set.method() + ", " + Formats.count(set.paths().size()) + " paths: P(liquidation) "
                    + Formats.probability(set.probabilities().liquidation()) + ", P(below contributions) "
                    + Formats.probability(set.probabilities().belowContributions()) + (equity == null ? ""
                    : ", final equity 5 / 50 / 95 % " + Formats.money(equity.quantile(0.05)) + " / "
                    + Formats.money(equity.quantile(0.5)) + " / " + Formats.money(equity.quantile(0.95))));
        }
        return new Row("Stress paths", "stress", lines, page(s.document()));
    }

    private static Row sweep(SweepSummary s) {
        String chosen = s.parameters() == null ? "no variant has a value of " + s.metric()
                : "chosen " + s.parameters().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        return new Row("Sweep", "sweep", List.of(Formats.count(s.variants()) + " variants ranked by " + s.metric() + "; "
                + chosen, "deflated Sharpe " + Formats.probability(s.selection().deflatedSharpe()) + ", probabilistic Sharpe "
                + Formats.probability(s.selection().probabilisticSharpe()) + ", PBO "
                + Formats.probability(s.selection().overfitting().probability())), page(s.document()));
    }

    private static Row walkForward(WalkForwardSummary w) {
        return new Row("Walk-forward", "walkforward", List.of(w.folds().size() + " folds, " + w.mode() + ", in sample "
                + w.inSample() + ", out of sample " + w.outOfSample() + ", chosen by " + w.metric(), "efficiency "
                + Formats.ratio(w.efficiency()) + "; CAGR out of sample " + Formats.percent(w.outOfSampleCurve().metrics().cagr())
                + ", in-sample-optimised " + Formats.percent(w.inSampleBestCurve().metrics().cagr()) + ", fixed "
                + Formats.percent(w.fixedCurve().metrics().cagr())), page(w.document()));
    }

    /** Returns the page beside {@code document} (relative to the output folder) as the run's report links it. */
    private static String page(String document) {
        return "../" + document.substring(0, document.length() - ".json".length()) + ".html";
    }
}
