package dev.crashlab.data.io.download;

import dev.crashlab.data.DataWarning;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.io.LoadOptions;
import dev.crashlab.data.io.PriceFormat;
import dev.crashlab.data.io.PriceLoader;
import dev.crashlab.data.io.PriceWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The download cache: one crashlab CSV file per source and symbol, whose header comments say
 * where the bars came from, when, and which dates they cover. It decides whether a request can
 * be served from disk and writes fresh downloads atomically (through {@link PriceWriter}), so a
 * failed or interrupted download never leaves a broken or half-written file behind.
 */
final class DownloadCache {

    private static final String RANGE = "range: ";

    /** What a source returned for a request, before it is cut to the dates asked. */
    record Fetched(OhlcvSeries series, String remoteSymbol, URI url, int requests) {
    }

    /** A source's download of a request, done only on a cache miss. */
    @FunctionalInterface
    interface Fetch {
        /** Downloads the request's bars. */
        Fetched fetch(DownloadRequest request);
    }

    private final Path folder;
    private final Clock clock;

    DownloadCache(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** Returns {@code <folder>/<source>/<SYMBOL>.csv}. */
    Path fileFor(DownloadSource source, Instrument instrument) {
        return folder.resolve(source.label()).resolve(instrument.symbol().value() + ".csv");
    }

    /** Returns the last day that is over everywhere crashlab trades: yesterday in UTC. */
    LocalDate lastCompleteDay() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    }

    /** Returns the request's bars from the cache when it covers them, else from {@code fetch}, caching them. */
    OhlcvSeries getOrFetch(DownloadSource source, DownloadRequest request, Fetch fetch) {
        LocalDate from = request.from();
        // Read the clock once, so the cut and the message cannot straddle a midnight.
        LocalDate lastComplete = lastCompleteDay();
        LocalDate to = request.to().isAfter(lastComplete) ? lastComplete : request.to();
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("nothing to download for " + request.instrument().symbol() + " from "
                    + from + " to " + request.to() + ": the last complete day is " + lastComplete + " (UTC)");
        }
        Path file = fileFor(source, request.instrument());
        if (!request.refresh()) {
            OhlcvSeries cached = cached(file, request.instrument(), from, to);
            if (cached != null) {
                return cached;
            }
        }
        Instant downloaded = clock.instant();
        Fetched fetched = fetch.fetch(request);
        OhlcvSeries series = fetched.series().between(startOf(from), startOf(to));
        if (series.size() == 0) {
            throw DownloadException.noData(source, fetched.remoteSymbol(), fetched.url(), 200, "no bars from " + from
                    + " to " + to);
        }
        PriceWriter.write(series, file, comments(source, fetched, downloaded, from, to, series.warnings()));
        return series;
    }

    private static List<String> comments(DownloadSource source, Fetched fetched, Instant downloaded, LocalDate from,
            LocalDate to, List<DataWarning> warnings) {
        List<String> comments = new ArrayList<>();
        comments.add("source: " + source.label() + " " + fetched.remoteSymbol());
        comments.add("url: " + fetched.url()
                + (fetched.requests() > 1 ? " (first of " + fetched.requests() + " requests)" : ""));
        comments.add("downloaded: " + downloaded);
        comments.add(RANGE + from + ".." + to);
        for (DataWarning warning : warnings) {
            comments.add("warning: " + warning.kind().name().toLowerCase(Locale.ROOT) + ": " + warning.message());
        }
        return comments;
    }

    /** Returns the cached bars from {@code from} to {@code to}, or {@code null} when the file does not cover them. */
    private static OhlcvSeries cached(Path file, Instrument instrument, LocalDate from, LocalDate to) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        LocalDate[] range = range(file);
        if (range == null || range[0].isAfter(from) || range[1].isBefore(to)) {
            return null;
        }
        OhlcvSeries series = PriceLoader.load(file,
                LoadOptions.builder().format(PriceFormat.CRASHLAB_CSV).instrument(instrument).build());
        return series.between(startOf(from), startOf(to));
    }

    /** Reads the {@code # range: A..B} header comment; a file without one covers nothing. */
    private static LocalDate[] range(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith(RANGE)) {
                    String[] dates = comment.substring(RANGE.length()).strip().split("\\.\\.", 2);
                    return dates.length == 2
                            ? new LocalDate[] {LocalDate.parse(dates[0]), LocalDate.parse(dates[1])}
                            : null;
                }
            }
            return null;
        } catch (DateTimeParseException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cache file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
