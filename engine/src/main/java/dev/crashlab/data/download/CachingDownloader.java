package dev.crashlab.data.download;

import dev.crashlab.data.OhlcvSeries;
import java.net.URI;
import java.nio.file.Path;

/**
 * What every downloader shares: the HTTP client with its retries and rate limit, the cache that
 * answers covered requests without the network, and the base address. A source only says how to
 * fetch a request it cannot answer from the cache.
 */
abstract class CachingDownloader implements Downloader {

    final DownloadOptions options;
    final HttpFetcher http;
    final URI base;
    private final DownloadSource source;
    final DownloadCache cache;

    CachingDownloader(DownloadSource source, DownloadOptions options) {
        this.source = source;
        this.options = options;
        this.http = new HttpFetcher(options);
        this.cache = new DownloadCache(options.cacheFolder(), options.clock());
        this.base = options.baseUriOr(source.defaultBaseUri());
    }

    @Override
    public final DownloadSource source() {
        return source;
    }

    @Override
    public final OhlcvSeries download(DownloadRequest request) {
        return cache.getOrFetch(source, request, this::fetch);
    }

    @Override
    public final Path cacheFile(DownloadRequest request) {
        return cache.fileFor(source, request.instrument());
    }

    /** Downloads {@code request} from the source, bypassing the cache. */
    abstract DownloadCache.Fetched fetch(DownloadRequest request);
}
