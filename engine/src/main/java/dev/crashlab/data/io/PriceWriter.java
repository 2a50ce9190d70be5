package dev.crashlab.data.io;

import dev.crashlab.data.BarRules;
import dev.crashlab.data.OhlcvSeries;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an {@link OhlcvSeries} in crashlab's CSV format, {@code date,open,high,low,close,volume}
 * (or {@code time,...} with ISO instants for intraday bars), atomically. Optional comment lines
 * go first, each prefixed with {@code #}; a comment containing "synthetic" marks generated data.
 * Numbers are written with {@link Double#toString(double)}'s shortest exact form (integers
 * without a fraction), so a written file loads back to the same doubles.
 */
public final class PriceWriter {

    private PriceWriter() {
    }

    /** Writes {@code series} to {@code target}, replacing it atomically. */
    public static void write(OhlcvSeries series, Path target, List<String> comments) {
        AtomicWrite.stream(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (String comment : comments) {
                for (String line : comment.split("\n")) {
                    w.write("# ");
                    w.write(line);
                    w.write('\n');
                }
            }
            boolean daily = series.interval().isWholeDays();
            w.write(daily ? "date,open,high,low,close,volume\n" : "time,open,high,low,close,volume\n");
            for (int i = 0; i < series.size(); i++) {
                w.write(daily ? series.date(i).toString() : series.time(i).toString());
                w.write(',');
                w.write(number(series.open(i)));
                w.write(',');
                w.write(number(series.high(i)));
                w.write(',');
                w.write(number(series.low(i)));
                w.write(',');
                w.write(number(series.close(i)));
                w.write(',');
                w.write(number(series.volume(i)));
                w.write('\n');
            }
            w.flush();
        });
    }

    /** Returns {@code value} as written: see {@link BarRules#number}. */
    public static String number(double value) {
        return BarRules.number(value);
    }
}
