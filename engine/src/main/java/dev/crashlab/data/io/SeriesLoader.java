package dev.crashlab.data.io;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.PublicationRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads non-price series from CSV files whose first column is a date ({@code yyyy-MM-dd}) and
 * whose other columns are values, such as {@code date,IBIT,FBTC,...,total}. A blank cell means
 * "no figure that day" and is skipped; anything else must be a finite number. Dates must be
 * unique and increasing. Errors name file, line and field.
 */
public final class SeriesLoader {

    private static final long DAY_MILLIS = 86_400_000L;

    private SeriesLoader() {
    }

    /** Loads one value column of {@code file} as a series named {@code name}. */
    public static NonPriceSeries load(Path file, String column, String name, PublicationRule rule) {
        byte[] bytes = PriceLoader.readAll(file);
        return read(file, bytes, TextTable.decode(bytes), rule, column, name).get(column);
    }

    /**
     * Loads every value column of {@code file}, each named {@code <file name without extension>.<column>},
     * in column order.
     */
    public static List<NonPriceSeries> loadAll(Path file, PublicationRule rule) {
        byte[] bytes = PriceLoader.readAll(file);
        return loadAll(file, bytes, TextTable.decode(bytes), rule);
    }

    /**
     * Loads every value column of a file already read into {@code bytes} and decoded into
     * {@code text} by {@link TextTable#decode}, as {@link DataFolder} does after detecting that it
     * is not a price file, so the file is not read again.
     */
    static List<NonPriceSeries> loadAll(Path file, byte[] bytes, String text, PublicationRule rule) {
        return List.copyOf(read(file, bytes, text, rule, null, null).values());
    }

    /**
     * Reads every value column of {@code file}, each named {@code <file name without extension>.<column>},
     * or when {@code onlyColumn} is not null only that column, named {@code seriesName}. The name
     * is given here rather than changed afterwards, since renaming a series builds it, and its
     * publication instants, again.
     */
    private static Map<String, NonPriceSeries> read(Path file, byte[] bytes, String text, PublicationRule rule,
            String onlyColumn, String seriesName) {
        String name = file.toString();
        String sha256 = PriceLoader.sha256(bytes);
        TextTable table = new TextTable(name, text, ',');
        Fields fields = new Fields(name, false);
        List<String> row = new ArrayList<>();
        if (!table.next(row)) {
            throw new DataFileException(name, 0, null, "empty file: no header and no data rows");
        }
        long headerLine = table.lineNumber();
        List<String> header = row.stream().map(String::strip).toList();
        if (!header.getFirst().equalsIgnoreCase("date")) {
            throw new DataFileException(name, headerLine, "date", "missing column: the first column must be 'date', the header is "
                    + String.join(",", header));
        }
        if (header.size() < 2) {
            throw new DataFileException(name, headerLine, null, "missing column: no value columns after 'date'");
        }
        List<Integer> columns = new ArrayList<>();
        for (int i = 1; i < header.size(); i++) {
            if (onlyColumn == null || header.get(i).equals(onlyColumn)) {
                columns.add(i);
            }
        }
        if (columns.isEmpty()) {
            throw new DataFileException(name, headerLine, onlyColumn, "missing column: the header is " + String.join(",", header));
        }
        int n = columns.size();
        long[][] days = new long[n][64];
        double[][] values = new double[n][64];
        int[] sizes = new int[n];
        long previousDay = Long.MIN_VALUE;
        long previousLine = 0;
        int rows = 0;
        while (table.next(row)) {
            long line = table.lineNumber();
            if (row.size() != header.size()) {
                throw new DataFileException(name, line, null, "expected " + header.size() + " fields as in the header, got "
                        + row.size());
            }
            long day = fields.time(row.getFirst(), TimeFormat.ISO_DATE, java.time.ZoneOffset.UTC, false, line,
                    header.getFirst()) / DAY_MILLIS;
            if (day == previousDay) {
                throw new DataFileException(name, line, header.getFirst(), "duplicate date " + java.time.LocalDate.ofEpochDay(day)
                        + ": also on line " + previousLine);
            }
            if (day < previousDay) {
                throw new DataFileException(name, line, header.getFirst(), "rows are not sorted by date: "
                        + java.time.LocalDate.ofEpochDay(day) + " comes after " + java.time.LocalDate.ofEpochDay(previousDay)
                        + " on line " + previousLine);
            }
            previousDay = day;
            previousLine = line;
            rows++;
            for (int k = 0; k < n; k++) {
                int c = columns.get(k);
                double value = fields.optionalNumber(row.get(c), line, header.get(c));
                if (Double.isNaN(value)) {
                    continue;
                }
                if (sizes[k] == days[k].length) {
                    days[k] = java.util.Arrays.copyOf(days[k], sizes[k] * 2);
                    values[k] = java.util.Arrays.copyOf(values[k], sizes[k] * 2);
                }
                days[k][sizes[k]] = day;
                values[k][sizes[k]] = value;
                sizes[k]++;
            }
        }
        if (rows == 0) {
            throw new DataFileException(name, 0, null, "empty file: no data rows");
        }
        DataSource source = new DataSource(name, sha256, "series-csv", table.declaresSynthetic());
        String stem = PriceLoader.symbolOf(file);
        Map<String, NonPriceSeries> result = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            String column = header.get(columns.get(k));
            String series = onlyColumn != null ? seriesName : stem + "." + column;
            result.put(column, NonPriceSeries.of(series, rule, java.util.Arrays.copyOf(days[k], sizes[k]),
                    java.util.Arrays.copyOf(values[k], sizes[k]), source));
        }
        return result;
    }
}
