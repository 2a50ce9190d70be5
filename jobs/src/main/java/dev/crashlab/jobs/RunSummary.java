package dev.crashlab.jobs;

import dev.crashlab.results.RunMetrics;
import dev.crashlab.results.RunResults;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a job wrote for one run, with the figures of its one-line summary.
 *
 * @param name        the run's name
 * @param results     its {@code results.json}
 * @param report      its {@code report.html}
 * @param totalReturn total return, a fraction (NaN when undefined)
 * @param cagr        compound annual growth rate
 * @param maxDrawdown maximum drawdown, a value &lt;= 0
 * @param sharpe      Sharpe ratio
 */
public record RunSummary(String name, Path results, Path report, double totalReturn, double cagr, double maxDrawdown,
        double sharpe) {

    /** Returns the summary of a run from its results, written to {@code resultsFile} and {@code reportFile}. */
    public static RunSummary of(RunResults results, Path resultsFile, Path reportFile) {
        RunMetrics m = results.metrics();
        return new RunSummary(results.name(), resultsFile, reportFile, m.totalReturn(), m.cagr(), m.maxDrawdown(),
                m.sharpe());
    }

    /** Returns the one-line summary printed by the Maven goals. */
    public String line() {
        return String.format(Locale.ROOT, "%s: total return %s, CAGR %s, max drawdown %s, Sharpe %s", name,
                percent(totalReturn), percent(cagr), percent(maxDrawdown),
                Double.isNaN(sharpe) ? "n/a" : String.format(Locale.ROOT, "%.2f", sharpe));
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }
}
