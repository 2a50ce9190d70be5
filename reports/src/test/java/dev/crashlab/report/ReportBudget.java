package dev.crashlab.report;

import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the report budget, not a test: a results.json of ten years of daily steps, ten
 * instruments and about 500 trades (a real engine run on seeded random walks), rendered to one
 * report. Prints the results.json and report sizes, the first (cold: class loading, template and
 * asset loading, JIT) render time and the median of warm renders, each from the parsed
 * results.json to the written file. Times depend on the machine; the size is what the budget test
 * in {@code ReportsTest} pins.
 *
 * <p>Run from the checkout, after {@code ./mvnw -pl reports -am test-compile}:
 * <pre>{@code
 * ./mvnw -q -pl reports -am dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp reports/target/test-classes:reports/target/classes:engine/target/classes:$(cat reports/target/cp.txt) \
 *     dev.crashlab.report.ReportBudget [folder]
 * }</pre>
 */
public final class ReportBudget {

    private ReportBudget() {
    }

    /** Runs the measurement; writes into {@code args[0]} (default {@code reports/target/budget}). */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "reports/target/budget");
        long built = System.nanoTime();
        byte[] json = SampleRuns.budgetResultsJson(10, 10, 500);
        RunResults results = ResultsJson.read(json);
        Files.createDirectories(folder);
        Files.write(folder.resolve("results.json"), json);
        System.out.printf(Locale.ROOT, "backtest and results.json: %.0f ms; %d steps, %d instruments, %d trades, %d fills;"
                        + " results.json %,d bytes%n", (System.nanoTime() - built) / 1e6, results.equity().size(),
                results.prices().size(), results.trades().size(), results.fills().size(), json.length);

        ReportOptions options = ReportOptions.at(Instant.parse("2026-01-01T00:00:00Z"));
        Path html = folder.resolve("report.html");
        long cold = render(json, html, options);
        long[] warm = new long[15];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = render(json, html, options);
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "report %s: %,d bytes; parse + render + write: first %.0f ms, warm median %.0f ms"
                        + " (min %.0f, max %.0f) over %d runs%n", html, Files.size(html), cold / 1e6,
                warm[warm.length / 2] / 1e6, warm[0] / 1e6, warm[warm.length - 1] / 1e6, warm.length);
    }

    private static long render(byte[] json, Path html, ReportOptions options) {
        long start = System.nanoTime();
        try {
            java.nio.file.Files.writeString(html, Reports.renderRun(ResultsJson.read(json), options));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return System.nanoTime() - start;
    }
}
