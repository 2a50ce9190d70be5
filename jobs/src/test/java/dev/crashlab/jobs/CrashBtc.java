package dev.crashlab.jobs;

import dev.crashlab.testing.TestFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Seeded daily BTC bars with a crash, for the jobs' tests of stress paths and studies. */
final class CrashBtc {

    private CrashBtc() {
    }

    /**
     * Writes {@code days} days of BTC from 2023-01-01 into {@code dir}/BTC-USD.csv: a seeded walk
     * (3 % daily volatility, seed 11) with a fall of 40 % over days 200 to 205.
     */
    static void write(Path dir, int days) {
        SplittableRandom random = new SplittableRandom(11);
        List<String> lines = new ArrayList<>(List.of("date,open,high,low,close,volume"));
        double close = 20_000;
        LocalDate day = LocalDate.of(2023, 1, 1);
        for (int d = 0; d < days; d++) {
            double open = close;
            double r = d >= 200 && d <= 205 ? -0.08 : random.nextGaussian() * 0.03 + 0.001;
            close = open * (1 + r);
            lines.add(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,1000", day.plusDays(d), open,
                    Math.max(open, close) * 1.01, Math.min(open, close) * 0.99, close));
        }
        TestFiles.write(dir, "BTC-USD.csv", lines.toArray(String[]::new));
    }
}
