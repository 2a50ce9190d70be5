package dev.crashlab.data.io;

import dev.crashlab.data.BarCollector;
import dev.crashlab.data.DataFileException;
import dev.crashlab.data.DataSource;
import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited price files by a column mapping: crashlab's own CSV, Yahoo and Binance dumps
 * are mappings of this one reader, so they share its validation and messages.
 */
final class CsvPriceReader {

    /** What distinguishes one delimited format from another. */
    record Spec(ColumnMapping columns, TimeFormat timeFormat, ZoneId zone, char delimiter, boolean decimalComma,
            boolean header, boolean dailyBars, boolean lenient, String adjustColumn, boolean skipNullRows) {
    }

    private CsvPriceReader() {
    }

    /** Reads {@code text}, the file decoded by {@link TextTable#decode}. */
    static OhlcvSeries read(String file, String text, Instrument instrument, Spec spec, String formatLabel,
            String sha256) {
        TextTable table = new TextTable(file, text, spec.delimiter());
        Fields fields = new Fields(file, spec.decimalComma());
        List<String> row = new ArrayList<>();
        ColumnMapping m = spec.columns();
        int[] index = new int[7];
        String[] names = new String[7];
        if (spec.header()) {
            if (!table.next(row)) {
                throw new DataFileException(file, 0, null, "empty file: no header and no data rows");
            }
            long headerLine = table.lineNumber();
            resolve(file, headerLine, row, m.time(), 0, index, names);
            resolve(file, headerLine, row, m.open(), 1, index, names);
            resolve(file, headerLine, row, m.high(), 2, index, names);
            resolve(file, headerLine, row, m.low(), 3, index, names);
            resolve(file, headerLine, row, m.close(), 4, index, names);
            resolve(file, headerLine, row, m.volume(), 5, index, names);
            resolve(file, headerLine, row, ColumnMapping.Column.named(spec.adjustColumn()), 6, index, names);
        } else {
            ColumnMapping.Column[] columns = {m.time(), m.open(), m.high(), m.low(), m.close(), m.volume(), null};
            String[] canonical = {"time", "open", "high", "low", "close", "volume", null};
            for (int k = 0; k < columns.length; k++) {
                if (columns[k] != null && columns[k].name() != null) {
                    throw new DataFileException(file, 0, columns[k].name(),
                            "columns are named but the file is read without a header: map them by index");
                }
                index[k] = columns[k] == null ? -1 : columns[k].index();
                names[k] = canonical[k];
            }
        }
        int needed = 0;
        for (int i : index) {
            needed = Math.max(needed, i + 1);
        }
        String[] fieldNames = {names[0], m.closeOnly() ? names[4] : names[1], m.closeOnly() ? names[4] : names[2],
                m.closeOnly() ? names[4] : names[3], names[4], index[5] < 0 ? "volume" : names[5]};
        BarCollector bars = new BarCollector(file, instrument, spec.lenient(), fieldNames);
        long skippedNullRows = 0;
        long firstSkipped = 0;
        while (table.next(row)) {
            long line = table.lineNumber();
            if (row.size() < needed) {
                throw new DataFileException(file, line, null, "expected at least " + needed + " fields, got "
                        + row.size() + " (delimiter '" + spec.delimiter() + "')");
            }
            if (spec.skipNullRows() && allNull(row, index)) {
                if (skippedNullRows++ == 0) {
                    firstSkipped = line;
                }
                continue;
            }
            long time = fields.time(row.get(index[0]), spec.timeFormat(), spec.zone(), spec.dailyBars(), line, names[0]);
            double close = fields.number(row.get(index[4]), line, names[4]);
            double open = close;
            double high = close;
            double low = close;
            if (!m.closeOnly()) {
                open = fields.number(row.get(index[1]), line, names[1]);
                high = fields.number(row.get(index[2]), line, names[2]);
                low = fields.number(row.get(index[3]), line, names[3]);
            }
            double volume = index[5] < 0 ? 0 : fields.number(row.get(index[5]), line, names[5]);
            if (index[6] >= 0) {
                double adjusted = fields.number(row.get(index[6]), line, names[6]);
                if (adjusted <= 0) {
                    throw new DataFileException(file, line, names[6], "expected a positive price, got " + adjusted);
                }
                double factor = adjusted / close;
                open *= factor;
                high *= factor;
                low *= factor;
                close = adjusted;
            }
            bars.add(line, time, open, high, low, close, volume);
        }
        if (skippedNullRows > 0) {
            bars.warn(new DataWarning(DataWarning.Kind.SKIPPED_ROWS, file, firstSkipped, skippedNullRows
                    + " row" + (skippedNullRows == 1 ? "" : "s") + " with only null values skipped"));
        }
        return bars.finish(new DataSource(file, sha256, formatLabel, table.declaresSynthetic()));
    }

    private static boolean allNull(List<String> row, int[] index) {
        for (int k = 1; k < index.length; k++) {
            if (index[k] >= 0 && !row.get(index[k]).strip().equalsIgnoreCase("null")) {
                return false;
            }
        }
        return true;
    }

    private static void resolve(String file, long headerLine, List<String> header, ColumnMapping.Column column,
            int slot, int[] index, String[] names) {
        if (column == null) {
            index[slot] = -1;
            return;
        }
        if (column.name() == null) {
            if (column.index() >= header.size()) {
                throw new DataFileException(file, headerLine, "#" + column.index(), "missing column: the header has only "
                        + header.size() + " columns");
            }
            index[slot] = column.index();
            names[slot] = header.get(column.index()).strip();
            return;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(column.name())) {
                index[slot] = i;
                names[slot] = column.name();
                return;
            }
        }
        throw new DataFileException(file, headerLine, column.name(), "missing column: the header is "
                + String.join(",", header));
    }
}
