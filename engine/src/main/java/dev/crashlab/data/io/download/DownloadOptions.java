package dev.crashlab.data.io.download;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How downloaders reach their sources and where they cache what they get: an immutable value
 * built with {@link #builder(Path)}, every option with its default in one place.
 *
 * @param cacheFolder    the folder of cached downloads, one sub-folder per source; by default
 *                       {@code data/cache/} under the base directory given to the builder
 * @param baseUri        the source's address, or {@code null} for its public endpoint
 *                       ({@link DownloadSource#defaultBaseUri()}); tests point it at a local server
 * @param maxAttempts    how many times one request is tried before giving up; 4 by default
 * @param initialBackoff the wait after the first failed attempt, doubled after each further
 *                       one; 1 second by default
 * @param maxBackoff     the longest wait between attempts, unless the server's
 *                       {@code Retry-After} asks for longer; 30 seconds by default
 * @param minInterval    the shortest time between the starts of two requests of one downloader;
 *                       500 ms by default, two requests a second, which keeps Binance's daily
 *                       klines (weight 2 each) far below its 1,200 weight a minute
 * @param timeout        the longest wait to connect, and then for a response; 30 seconds by default
 * @param adjusted       whether Yahoo prices are scaled by {@code adjclose / close} (splits and
 *                       dividends); true by default
 * @param userAgent      the {@code User-Agent} header; Yahoo refuses Java's default one
 * @param clock          the clock read for "now": which days are complete, rate limiting,
 *                       {@code Retry-After} dates and the download time in cache files
 * @param sleeper        what waits between requests and attempts
 */
public record DownloadOptions(Path cacheFolder, URI baseUri, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Duration minInterval, Duration timeout, boolean adjusted, String userAgent, Clock clock,
        Sleeper sleeper) {

    /** The cache folder under a project's base directory; git-ignored. */
    public static final String CACHE_FOLDER = "data/cache";

    /** Checks the options, naming the first one out of range. */
    public DownloadOptions {
        Objects.requireNonNull(cacheFolder, "cacheFolder");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        requireNotNegative("initialBackoff", initialBackoff);
        requireNotNegative("maxBackoff", maxBackoff);
        requireNotNegative("minInterval", minInterval);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (baseUri != null && (baseUri.getScheme() == null || baseUri.getHost() == null)) {
            throw new IllegalArgumentException("baseUri must be absolute with a host, such as http://127.0.0.1:8080,"
                    + " got " + baseUri);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    /** Returns a builder with the defaults, caching in {@code data/cache/} under {@code baseDir}. */
    public static Builder builder(Path baseDir) {
        return new Builder(baseDir.resolve(CACHE_FOLDER));
    }

    /** Returns a builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder(cacheFolder);
        b.baseUri = baseUri;
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.minInterval = minInterval;
        b.timeout = timeout;
        b.adjusted = adjusted;
        b.userAgent = userAgent;
        b.clock = clock;
        b.sleeper = sleeper;
        return b;
    }

    /** Returns {@link #baseUri()}, or {@code fallback} when none is set. */
    public URI baseUriOr(URI fallback) {
        return baseUri != null ? baseUri : fallback;
    }

    /** Builds {@link DownloadOptions}; every setter returns this builder. */
    public static final class Builder {
        private Path cacheFolder;
        private URI baseUri;
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration minInterval = Duration.ofMillis(500);
        private Duration timeout = Duration.ofSeconds(30);
        private boolean adjusted = true;
        private String userAgent = "Mozilla/5.0 (compatible; crashlab)";
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(Path cacheFolder) {
            this.cacheFolder = cacheFolder;
        }

        /** Sets the cache folder itself, instead of {@code data/cache/} under the base directory. */
        public Builder cacheFolder(Path value) {
            this.cacheFolder = value;
            return this;
        }

        /** Sets the source's address, such as {@code http://127.0.0.1:8080} for a test server. */
        public Builder baseUri(URI value) {
            this.baseUri = value;
            return this;
        }

        /** Sets how many times one request is tried. */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /** Sets the wait after the first failed attempt. */
        public Builder initialBackoff(Duration value) {
            this.initialBackoff = value;
            return this;
        }

        /** Sets the longest wait between attempts. */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = value;
            return this;
        }

        /** Sets the shortest time between the starts of two requests. */
        public Builder minInterval(Duration value) {
            this.minInterval = value;
            return this;
        }

        /** Sets the connect and response timeout. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Sets whether Yahoo prices are adjusted for splits and dividends. */
        public Builder adjusted(boolean value) {
            this.adjusted = value;
            return this;
        }

        /** Sets the {@code User-Agent} header. */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /** Sets the clock read for "now". */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Sets what waits between requests and attempts. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** Returns the options. */
        public DownloadOptions build() {
            return new DownloadOptions(cacheFolder, baseUri, maxAttempts, initialBackoff, maxBackoff, minInterval,
                    timeout, adjusted, userAgent, clock, sleeper);
        }
    }
}
