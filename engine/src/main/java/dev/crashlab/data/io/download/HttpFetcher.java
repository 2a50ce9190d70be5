package dev.crashlab.data.io.download;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * GETs URLs the way every downloader should: at most one request per
 * {@linkplain DownloadOptions#minInterval() minimum interval}, each with a timeout, and retried
 * with exponential backoff when no answer comes or the server answers 408, 429 or 5xx. A
 * {@code Retry-After} header (seconds or an HTTP date) replaces the backoff for that wait. When
 * the attempts run out, a {@link DownloadException} says what happened; any other answer, 2xx or
 * 4xx, is returned for the downloader to read, since sources explain refusals in the body.
 */
final class HttpFetcher {

    private static final int EXCERPT_CHARS = 200;

    private final HttpClient client;
    private final RateLimiter limiter;
    private final DownloadOptions options;
    private final Clock clock;

    HttpFetcher(DownloadOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.limiter = new RateLimiter(options.minInterval(), options.clock(), options.sleeper());
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                // Honours -Dhttps.proxyHost and friends; local addresses are never proxied.
                .proxy(ProxySelector.getDefault())
                .build();
    }

    /**
     * A final answer: a status that is not worth retrying, with its body.
     *
     * @param uri      the URL requested
     * @param status   the HTTP status
     * @param body     the response body
     * @param attempts how many attempts it took, from 1
     */
    record Response(URI uri, int status, byte[] body, int attempts) {

        /** Returns whether the status is 2xx. */
        boolean ok() {
            return status / 100 == 2;
        }

        /** Returns the body decoded as UTF-8. */
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Returns the start of the body on one line, for messages. */
        String excerpt() {
            return HttpFetcher.excerpt(body);
        }

        /** Returns the body of a 2xx answer, or throws a {@link DownloadException} quoting the body. */
        byte[] okBody() {
            if (!ok()) {
                throw DownloadException.refused(uri, attempts, status, "\"" + excerpt() + "\"");
            }
            return body;
        }
    }

    /** GETs {@code uri}, retrying as the options say, and returns the first final answer. */
    Response get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(options.timeout())
                .header("User-Agent", options.userAgent())
                .GET()
                .build();
        int attempt = 0;
        while (true) {
            attempt++;
            Duration wait;
            try {
                limiter.acquire();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (!retryable(status)) {
                    return new Response(uri, status, response.body(), attempt);
                }
                if (attempt >= options.maxAttempts()) {
                    throw DownloadException.serverError(uri, attempt, status, excerpt(response.body()));
                }
                wait = retryAfter(response).orElse(backoff(attempt));
            } catch (IOException e) {
                if (attempt >= options.maxAttempts()) {
                    throw DownloadException.unreachable(uri, attempt, e, options.cacheFolder());
                }
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DownloadException.interrupted(uri, attempt, e);
            }
            try {
                options.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DownloadException.interrupted(uri, attempt, e);
            }
        }
    }

    /** Returns the wait after failed attempt {@code attempt} (from 1): doubling from the initial backoff, capped. */
    Duration backoff(int attempt) {
        Duration wait = options.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 30));
        return wait.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : wait;
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status / 100 == 5;
    }

    /** Reads {@code Retry-After} as seconds or as an HTTP date; absent or unreadable means no advice. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text;
    }
}
