package dev.crashlab.data.io.download;

import dev.crashlab.data.OhlcvSeries;
import java.nio.file.Path;

/**
 * A downloader fetches daily bars of one instrument from a public source and keeps them in the
 * cache, {@code data/cache/<source>/<SYMBOL>.csv}, in crashlab's own CSV format.
 *
 * <p>Cache policy: a request is served from the cache file, without any network access, when
 * the file's {@code range} header covers the dates asked (up to the last complete day);
 * otherwise, or when {@link DownloadRequest#refresh()} is set, the bars are downloaded and the
 * file is replaced atomically, only once the whole download has succeeded.
 *
 * <p>Days that are not over are never returned or cached: bars end at the last complete UTC
 * day (yesterday, by the clock in {@link DownloadOptions}), so a cached file never holds a bar
 * that would still change.
 *
 * <p>Reuse one downloader for many requests to a source: its requests share one rate limit,
 * which a new downloader per symbol would not.
 */
public interface Downloader {

    /** Returns the source this downloader reads. */
    DownloadSource source();

    /**
     * Returns the bars of the request's instrument between its dates, both inclusive, from the
     * cache or freshly downloaded.
     *
     * @throws DownloadException when the source cannot be reached, keeps failing, refuses the
     *                           request or has no bars for it
     * @throws dev.crashlab.data.DataFileException when the source's answer holds a bad row
     *                           (naming the URL and the field) or the cache file is broken
     */
    OhlcvSeries download(DownloadRequest request);

    /** Returns the file the request's bars are cached in. */
    Path cacheFile(DownloadRequest request);

    /** Returns the downloader for the source named {@code source}: binance, yahoo or stooq. */
    static Downloader forSource(String source, DownloadOptions options) {
        return DownloadSource.parse(source).downloader(options);
    }
}
