package dev.crashlab.data.io.download;

import dev.crashlab.data.DataFileException;
import dev.crashlab.data.OhlcvSeries;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every downloader shares: the HTTP client with its retries and rate limit, the cache that
 * answers covered requests without the network, and the base address. A source only says how to
 * fetch a request it cannot answer from the cache.
 */
abstract class CachingDownloader implements Downloader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

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

    /**
     * Parses a JSON answer from {@code uri}. A body that is not JSON under a status that is not
     * 2xx (an error page, say) is reported as the refusal it is; under 2xx it is malformed JSON.
     */
    static JsonNode readJson(URI uri, HttpFetcher.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            response.okBody();
            throw new DataFileException(uri.toString(), 0, null, "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns a new SHA-256 digest, for the checksum of what a download received. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
