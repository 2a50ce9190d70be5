package dev.crashlab.data.io;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.GapPolicy;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.InstrumentCatalog;
import dev.crashlab.data.OhlcvSeries;
import java.io.ByteArrayInputStream;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Loads price files into {@link OhlcvSeries}, strictly: a row that breaks a rule stops the load
 * with a {@link DataFileException} naming file, line and field, and gaps longer than the
 * instrument's calendar allows become warnings on the series.
 *
 * <p>The format is detected from the header where that is unambiguous
 * ({@code date,open,high,low,close,volume} or {@code time,...}, further columns ignored; Yahoo's {@code Date,Open,High,Low,Close,Adj Close,Volume};
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

    private static final Pattern BINANCE_DUMP_NAME =
            Pattern.compile("([A-Z0-9]+)-\\d+[smhdwM]-\\d{4}-\\d{2}(?:-\\d{2})?");

    private PriceLoader() {
    }

    /** Loads {@code file} with the default options: format detected, instrument inferred, strict. */
    public static OhlcvSeries load(Path file) {
        return load(file, LoadOptions.DEFAULTS);
    }

    /**
     * Loads {@code file} as {@code options} say: from the {@link BarCache} when the options name
     * a cache folder, then with the options' {@link GapPolicy} applied to intraday bars. A
     * {@code .zip} archive (as Binance publishes its dumps) must hold one file, which is read as
     * that file would be; errors then name {@code archive.zip!entry.csv} and the line in the entry.
     */
    public static OhlcvSeries load(Path file, LoadOptions options) {
        OhlcvSeries series = options.cacheFolder() == null ? parseFile(file, options)
                : BarCache.load(file, options.cacheFolder(), instrumentOf(file, options), () -> parseFile(file, options));
        return options.gaps().apply(series);
    }

    private static OhlcvSeries parseFile(Path file, LoadOptions options) {
        if (isZip(file.getFileName().toString())) {
            return loadZip(file, options);
        }
        OhlcvSeries fast = loadPlain(file, options);
        if (fast != null) {
            return fast;
        }
        String name = file.toString();
        byte[] bytes = readAll(file);
        String text = textToDetect(bytes, options);
        PriceFormat format = text != null ? detect(name, text) : options.format();
        return read(name, bytes, text, format, instrumentOf(file, options), options, sha256(bytes));
    }

    private static Instrument instrumentOf(Path file, LoadOptions options) {
        return options.instrument() != null
                ? options.instrument()
                : InstrumentCatalog.defaults().require(symbolOf(file), file.toString());
    }

    /** Reads the one file inside a zip archive; the series' SHA-256 is the archive's, which Binance's {@code .CHECKSUM} states. */
    private static OhlcvSeries loadZip(Path file, LoadOptions options) {
        byte[] archive = readAll(file);
        return readZip(file.toString(), archive, instrumentOf(file, options), options);
    }

    private static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static OhlcvSeries readZip(String archiveName, byte[] archive, Instrument instrument, LoadOptions options) {
        String entryName = null;
        byte[] bytes = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entryName != null) {
                    throw new DataFileException(archiveName, 0, null, "expected one file in the archive, found "
                            + entryName + " and " + entry.getName());
                }
                entryName = entry.getName();
                bytes = zip.readAllBytes();
            }
        } catch (IOException e) {
            throw new DataFileException(archiveName, 0, null, "corrupt zip archive: " + e.getMessage()
                    + " (download it again)", e);
        }
        if (entryName == null) {
            throw new DataFileException(archiveName, 0, null, archive.length == 0 ? "empty file: not a zip archive"
                    : "not a zip archive, or one without files (download it again)");
        }
        String name = archiveName + "!" + entryName;
        String sha256 = sha256(archive);
        OhlcvSeries fast = readPlain(name, ByteBuffer.wrap(bytes), options, instrument, () -> sha256);
        if (fast != null) {
            return fast;
        }
        String text = textToDetect(bytes, options);
        PriceFormat format = text != null ? detect(name, text) : options.format();
        return read(name, bytes, text, format, instrument, options, sha256);
    }

    /**
     * Loads a crashlab or Binance CSV file of plain rows from its mapped bytes, without decoding
     * it into text ({@link FastCsvReader}), hashing it on another thread meanwhile; returns
     * {@code null} for any other format, an unreadable file, or a row that reader leaves to
     * {@link CsvPriceReader}, which then reads the whole file as it always has.
     */
    private static OhlcvSeries loadPlain(Path file, LoadOptions options) {
        if (!plainFormat(options)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0 || size > Integer.MAX_VALUE) {
                return null;
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            CompletableFuture<String> sha256 = CompletableFuture.supplyAsync(
                    () -> sha256(mapped.duplicate()));
            return readPlain(file.toString(), mapped, options, instrumentOf(file, options), sha256::join);
        } catch (IOException | DataFileException e) {
            // The reader of decoded text reports it, with the message it has always had.
            return null;
        }
    }

    private static boolean plainFormat(LoadOptions options) {
        return options.format() == PriceFormat.AUTO || options.format() == PriceFormat.CRASHLAB_CSV
                || options.format() == PriceFormat.BINANCE_CSV;
    }

    /** Reads {@code bytes} with {@link FastCsvReader} when they are a plain crashlab or Binance CSV file, else returns {@code null}. */
    private static OhlcvSeries readPlain(String name, ByteBuffer bytes, LoadOptions options, Instrument instrument,
            Supplier<String> sha256) {
        if (!plainFormat(options) || bytes.limit() == 0) {
            return null;
        }
        try {
            PriceFormat format = options.format();
            if (format == PriceFormat.AUTO) {
                String head = firstLine(bytes);
                if (head == null || head.startsWith("[") || head.startsWith("{")) {
                    return null;
                }
                format = detect(name, head);
            }
            if (format != PriceFormat.CRASHLAB_CSV && format != PriceFormat.BINANCE_CSV) {
                return null;
            }
            return FastCsvReader.read(name, bytes, format, instrument, options.lenient(), sha256);
        } catch (DataFileException e) {
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
     * name it {@code name} (a URL, say); a name ending in {@code .zip} is read as an archive of one
     * file. The options must name the instrument, since there is no file name to infer it from.
     */
    public static OhlcvSeries parse(String name, byte[] bytes, LoadOptions options) {
        if (options.instrument() == null) {
            throw new IllegalArgumentException("cannot parse " + name
                    + " without an instrument in the options: there is no file name to infer it from");
        }
        if (isZip(name)) {
            return options.gaps().apply(readZip(name, bytes, options.instrument(), options));
        }
        String text = textToDetect(bytes, options);
        PriceFormat format = text != null ? detect(name, text) : options.format();
        return options.gaps().apply(read(name, bytes, text, format, options.instrument(), options));
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
        return read(name, bytes, text, format, instrument, options, sha256(bytes));
    }

    private static OhlcvSeries read(String name, byte[] bytes, String text, PriceFormat format, Instrument instrument,
            LoadOptions options, String sha256) {
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

    /**
     * Returns the symbol a file name stands for: the name without its extension, and for a
     * Binance dump ({@code BTCUSDT-1m-2024-01.zip}, {@code BTCUSDT-5m-2025-10-10.csv}) the symbol
     * before the interval.
     */
    public static String symbolOf(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName;
        Matcher dump = BINANCE_DUMP_NAME.matcher(name);
        return dump.matches() ? dump.group(1) : name;
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
        // Further columns after the six (Gemini's trades,buy_volume) are not read.
        List<String> six = normalized.subList(0, Math.min(6, normalized.size()));
        if (six.equals(CRASHLAB_HEADER) || six.equals(CRASHLAB_INTRADAY_HEADER)) {
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
