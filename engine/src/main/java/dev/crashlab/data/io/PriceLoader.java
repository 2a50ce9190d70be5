package dev.crashlab.data.io;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Loads price files into {@link OhlcvSeries}, strictly: a row that breaks a rule stops the load
 * with a {@link DataFileException} naming file, line and field, and gaps longer than the
 * instrument's calendar allows become warnings on the series.
 *
 * <p>The format is detected from the header where that is unambiguous
 * ({@code date,open,high,low,close,volume}; Yahoo's {@code Date,Open,High,Low,Close,Adj Close,Volume};
 * a Binance dump; a JSON array of klines; a CoinGecko object); otherwise {@link LoadOptions}
 * names it. The instrument is taken from the options, or looked up by the file name
 * ({@code BTC-USD.csv} is {@code BTC-USD}) in {@link InstrumentCatalog#defaults()}.
 */
public final class PriceLoader {

    private static final List<String> CRASHLAB_HEADER = List.of("date", "open", "high", "low", "close", "volume");
    private static final List<String> CRASHLAB_INTRADAY_HEADER =
            List.of("time", "open", "high", "low", "close", "volume");
    private static final List<String> YAHOO_HEADER =
            List.of("date", "open", "high", "low", "close", "adj close", "volume");
    private static final List<String> BINANCE_HEADER_START =
            List.of("open_time", "open", "high", "low", "close", "volume");

    private PriceLoader() {
    }

    /** Loads {@code file} with the default options: format detected, instrument inferred, strict. */
    public static OhlcvSeries load(Path file) {
        return load(file, LoadOptions.DEFAULTS);
    }

    /** Loads {@code file} as {@code options} say. */
    public static OhlcvSeries load(Path file, LoadOptions options) {
        OhlcvSeries fast = loadPlain(file, options);
        if (fast != null) {
            return fast;
        }
        String name = file.toString();
        byte[] bytes = readAll(file);
        String text = textToDetect(bytes, options);
        PriceFormat format = text != null ? detect(name, text) : options.format();
        Instrument instrument = options.instrument() != null
                ? options.instrument()
                : InstrumentCatalog.defaults().require(symbolOf(file), name);
        return read(name, bytes, text, format, instrument, options);
    }

    /**
     * Loads a crashlab or Binance CSV file of plain rows from its mapped bytes, without decoding
     * it into text ({@link FastCsvReader}), hashing it on another thread meanwhile; returns
     * {@code null} for any other format, an unreadable file, or a row that reader leaves to
     * {@link CsvPriceReader}, which then reads the whole file as it always has.
     */
    private static OhlcvSeries loadPlain(Path file, LoadOptions options) {
        if (options.format() != PriceFormat.AUTO && options.format() != PriceFormat.CRASHLAB_CSV
                && options.format() != PriceFormat.BINANCE_CSV) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0 || size > Integer.MAX_VALUE) {
                return null;
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            String name = file.toString();
            PriceFormat format = options.format();
            if (format == PriceFormat.AUTO) {
                String head = firstLine(mapped);
                if (head == null || head.startsWith("[") || head.startsWith("{")) {
                    return null;
                }
                format = detect(name, head);
            }
            if (format != PriceFormat.CRASHLAB_CSV && format != PriceFormat.BINANCE_CSV) {
                return null;
            }
            Instrument instrument = options.instrument() != null
                    ? options.instrument()
                    : InstrumentCatalog.defaults().require(symbolOf(file), name);
            CompletableFuture<String> sha256 = CompletableFuture.supplyAsync(
                    () -> sha256(mapped.duplicate()));
            return FastCsvReader.read(name, mapped, format, instrument, options.lenient(), sha256::join);
        } catch (IOException | DataFileException e) {
            // The reader of decoded text reports it, with the message it has always had.
            return null;
        }
    }

    /** Returns the first line that is not blank or a comment, decoded, or {@code null} when there is none in the first 64 KB. */
    private static String firstLine(ByteBuffer bytes) {
        int limit = Math.min(bytes.limit(), 64 * 1024);
        byte[] head = new byte[limit];
        bytes.get(0, head, 0, limit);
        TextTable table = new TextTable("", TextTable.decode(head), ',');
        String first = table.nextLine();
        // A line cut at the 64 KB boundary is not a line.
        return first != null && head.length < bytes.limit() && first.length() >= limit - 1 ? null : first;
    }

    /**
     * Parses price data held in memory, such as an HTTP response, with the same rules and
     * messages as {@link #load(Path, LoadOptions)}; errors and the series' {@link DataSource}
     * name it {@code name} (a URL, say). The options must name the instrument, since there is no
     * file name to infer it from.
     */
    public static OhlcvSeries parse(String name, byte[] bytes, LoadOptions options) {
        if (options.instrument() == null) {
            throw new IllegalArgumentException("cannot parse " + name
                    + " without an instrument in the options: there is no file name to infer it from");
        }
        String text = textToDetect(bytes, options);
        PriceFormat format = text != null ? detect(name, text) : options.format();
        return read(name, bytes, text, format, options.instrument(), options);
    }

    /**
     * Returns the decoded text when the format must be detected from it, else {@code null}: the
     * text is then decoded by {@link #read} only for a delimited format, never for JSON, which is
     * parsed from the bytes.
     */
    private static String textToDetect(byte[] bytes, LoadOptions options) {
        return options.format() == PriceFormat.AUTO ? TextTable.decode(bytes) : null;
    }

    /**
     * Reads {@code bytes} in {@code format}; {@code text} is the bytes decoded by
     * {@link TextTable#decode}, or {@code null} when they have not been decoded yet. Package-private
     * for {@link DataFolder}, which reads and detects each file once before choosing its loader.
     */
    static OhlcvSeries read(String name, byte[] bytes, String text, PriceFormat format, Instrument instrument,
            LoadOptions options) {
        String sha256 = sha256(bytes);
        boolean json = format == PriceFormat.BINANCE_JSON || format == PriceFormat.COINGECKO_JSON;
        String csv = text == null && !json ? TextTable.decode(bytes) : text;
        return switch (format) {
            case CRASHLAB_CSV -> readCrashlabCsv(name, csv, instrument, options, sha256);
            case YAHOO_CSV -> CsvPriceReader.read(name, csv, instrument, new CsvPriceReader.Spec(
                    ColumnMapping.byName("Date", "Open", "High", "Low", "Close", "Volume"), TimeFormat.ISO_DATE,
                    options.zone(), ',', false, true, false, options.lenient(), options.adjusted() ? "Adj Close" : null,
                    true), format.label() + (options.adjusted() ? " (adjusted)" : " (raw)"), sha256);
            case BINANCE_CSV -> readBinanceCsv(name, csv, instrument, options, sha256);
            case GENERIC_CSV -> CsvPriceReader.read(name, csv, instrument, new CsvPriceReader.Spec(
                    options.columns(), options.timeFormat(), options.zone(), options.delimiter(),
                    options.decimalComma(), options.header(), options.dailyBars(), options.lenient(), null, false),
                    format.label(), sha256);
            case BINANCE_JSON -> JsonPriceReader.binanceKlines(name, bytes, instrument, options.lenient(), sha256);
            case COINGECKO_JSON -> JsonPriceReader.coinGecko(name, bytes, instrument, options.lenient(), sha256);
            case AUTO -> throw new IllegalStateException("detect() never returns AUTO");
        };
    }

    /**
     * Returns the format of {@code file} judged from its first line or token, or throws a
     * {@link DataFileException} saying the config must name it.
     */
    public static PriceFormat detect(Path file) {
        return detect(file.toString(), TextTable.decode(readAll(file)));
    }

    /** Returns whether the file's header is that of a price file in a format crashlab can detect. */
    public static boolean looksLikePriceFile(Path file) {
        try {
            detect(file);
            return true;
        } catch (DataFileException e) {
            return false;
        }
    }

    /** Returns the symbol a file name stands for: the name without its extension. */
    public static String symbolOf(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Detects the format of {@code text}, the file decoded by {@link TextTable#decode}. */
    static PriceFormat detect(String name, String text) {
        TextTable table = new TextTable(name, text, ',');
        String first = table.nextLine();
        if (first == null) {
            throw new DataFileException(name, 0, null, "empty file: no header and no data rows");
        }
        String start = first.strip();
        if (start.startsWith("[")) {
            return PriceFormat.BINANCE_JSON;
        }
        if (start.startsWith("{")) {
            if (text.contains("\"prices\"")) {
                return PriceFormat.COINGECKO_JSON;
            }
            throw new DataFileException(name, table.lineNumber(), null,
                    "cannot detect the format of this JSON file: name it in the config (format: binance-json or coingecko-json)");
        }
        List<String> header = new ArrayList<>();
        table.split(first, header);
        List<String> normalized = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (normalized.equals(CRASHLAB_HEADER) || normalized.equals(CRASHLAB_INTRADAY_HEADER)) {
            return PriceFormat.CRASHLAB_CSV;
        }
        if (normalized.equals(YAHOO_HEADER)) {
            return PriceFormat.YAHOO_CSV;
        }
        if (normalized.size() >= 6 && normalized.subList(0, 6).equals(BINANCE_HEADER_START)) {
            return PriceFormat.BINANCE_CSV;
        }
        if (normalized.size() >= 6 && normalized.getFirst().matches("\\d{12,17}")) {
            return PriceFormat.BINANCE_CSV;
        }
        throw new DataFileException(name, table.lineNumber(), null, "cannot detect the price format from the header \""
                + first + "\": name it in the config (format: crashlab-csv, generic-csv with columns, yahoo-csv,"
                + " binance-csv, binance-json or coingecko-json)");
    }

    /** crashlab's CSV: {@code date,...} for daily bars, {@code time,...} with ISO instants for intraday bars. */
    private static OhlcvSeries readCrashlabCsv(String name, String text, Instrument instrument, LoadOptions options,
            String sha256) {
        TextTable table = new TextTable(name, text, ',');
        String first = table.nextLine();
        boolean intraday = first != null && first.strip().toLowerCase(Locale.ROOT).startsWith("time,");
        ColumnMapping columns = intraday
                ? ColumnMapping.byName("time", "open", "high", "low", "close", "volume")
                : ColumnMapping.byName("date", "open", "high", "low", "close", "volume");
        TimeFormat time = intraday ? new TimeFormat(TimeFormat.Kind.DATETIME, null) : TimeFormat.ISO_DATE;
        return CsvPriceReader.read(name, text, instrument, new CsvPriceReader.Spec(columns, time, options.zone(), ',',
                false, true, false, options.lenient(), null, false), PriceFormat.CRASHLAB_CSV.label(), sha256);
    }

    private static OhlcvSeries readBinanceCsv(String name, String text, Instrument instrument, LoadOptions options,
            String sha256) {
        TextTable table = new TextTable(name, text, ',');
        String first = table.nextLine();
        if (first == null) {
            throw new DataFileException(name, 0, null, "empty file: no data rows");
        }
        List<String> fields = new ArrayList<>();
        table.split(first, fields);
        boolean header = !fields.getFirst().strip().matches("-?\\d+");
        TimeFormat time = new TimeFormat(TimeFormat.Kind.EPOCH_MILLIS_OR_MICROS, null);
        if (header) {
            String firstData = table.nextLine();
            if (firstData != null) {
                table.split(firstData, fields);
                if (!fields.getFirst().strip().matches("-?\\d+")) {
                    time = new TimeFormat(TimeFormat.Kind.DATETIME, null);
                }
            }
        }
        ColumnMapping columns = header
                ? ColumnMapping.byName("open_time", "open", "high", "low", "close", "volume")
                : ColumnMapping.byIndex(0, 1, 2, 3, 4, 5);
        return CsvPriceReader.read(name, text, instrument, new CsvPriceReader.Spec(columns, time, options.zone(), ',',
                false, header, false, options.lenient(), null, false), PriceFormat.BINANCE_CSV.label(), sha256);
    }

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file.toString(), 0, null, "file not found (looked for "
                    + file.toAbsolutePath().normalize() + ")", e);
        } catch (IOException e) {
            throw new DataFileException(file.toString(), 0, null, "cannot read file: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        return sha256(ByteBuffer.wrap(bytes));
    }

    /** Returns the SHA-256 of the bytes remaining in {@code bytes}, in lower-case hex. */
    static String sha256(ByteBuffer bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
