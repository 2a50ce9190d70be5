package dev.crashlab.data.io;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what a data folder holds: one line per price file (symbol, asset class, calendar,
 * first and last date, bars, gaps, warnings) and one per non-price series file, followed by
 * every warning.
 */
public final class DataSummary {

    private DataSummary() {
    }

    /** Returns the summary of {@code data} as a text table. */
    public static String format(DataFolder data) {
        StringBuilder out = new StringBuilder();
        out.append("Data in ").append(data.folder()).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"symbol", "class", "calendar", "first", "last", "bars", "gaps", "warnings", "source"});
        for (OhlcvSeries s : data.prices()) {
            rows.add(new String[] {s.symbol().value(), s.instrument().assetClass().label(), s.instrument().calendar().id(),
                s.date(0).toString(), s.date(s.size() - 1).toString(), Integer.toString(s.size()),
                Integer.toString(s.gapCount()), Integer.toString(s.warnings().size()),
                s.source().synthetic() ? "synthetic" : s.source().format()});
        }
        table(out, rows, 5);
        if (!data.series().isEmpty()) {
            out.append('\n');
            List<String[]> seriesRows = new ArrayList<>();
            seriesRows.add(new String[] {"series file", "columns", "first", "last", "rows", "published"});
            for (DataFolder.SeriesFile file : data.series()) {
                java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>();
                for (NonPriceSeries column : file.columns()) {
                    for (int i = 0; i < column.size(); i++) {
                        dates.add(column.date(i));
                    }
                }
                seriesRows.add(new String[] {file.file().getFileName().toString(), Integer.toString(file.columns().size()),
                    String.valueOf(dates.isEmpty() ? null : dates.first()), String.valueOf(dates.isEmpty() ? null : dates.last()),
                    Integer.toString(dates.size()),
                    file.columns().getFirst().rule().toString()});
            }
            table(out, seriesRows, 4);
        }
        List<DataWarning> warnings = data.prices().stream().flatMap(s -> s.warnings().stream()).toList();
        if (!warnings.isEmpty()) {
            out.append('\n').append(warnings.size()).append(" warning").append(warnings.size() == 1 ? "" : "s").append(":\n");
            for (DataWarning w : warnings) {
                out.append("  ").append(w).append('\n');
            }
        }
        return out.toString();
    }

    /** Appends rows as aligned columns; columns from {@code firstNumeric} on are right-aligned. */
    private static void table(StringBuilder out, List<String[]> rows, int firstNumeric) {
        int columns = rows.getFirst().length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                boolean right = c >= firstNumeric && c < columns - 1 && rows.getFirst() != row;
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(right ? pad + cell : cell + (c == columns - 1 ? "" : pad));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Prints the summary of the folder given as the first argument (default {@code data/sample}). */
    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "data/sample");
        try {
            System.out.print(format(DataFolder.load(folder)));
        } catch (DataFileException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
