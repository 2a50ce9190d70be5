package dev.crashlab.data.io.download;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown when a source cannot deliver what was asked: it cannot be reached (the machine may be
 * offline), it kept failing, it refused the request, or it has no data for the symbol. The
 * message names the URL, how many attempts were made and what to do; the parts are exposed for
 * callers that map failures, such as the {@code crashlab:fetch} goal.
 *
 * <p>A response that arrives but holds a bad row is not a download failure: it is reported as a
 * {@link dev.crashlab.data.DataFileException} naming the URL and the field.
 */
public final class DownloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a download failed. */
    public enum Reason {
        /** No HTTP answer at all: no network, unknown host, connection refused, timeouts. */
        UNREACHABLE,
        /** The server kept answering 429 or 5xx until the attempts ran out. */
        SERVER_ERROR,
        /** The server refused the request with an error status or an error body. */
        REFUSED,
        /** The server answered, but has no bars for the symbol and dates asked. */
        NO_DATA,
        /** The thread was interrupted while waiting for an answer or a retry. */
        INTERRUPTED,
        /** The answer arrived but does not match the checksum its source publishes for it. */
        CORRUPT
    }

    private final Reason reason;
    private final String url;
    private final int attempts;
    private final int status;

    /**
     * Creates the exception.
     *
     * @param reason   why the download failed
     * @param url      the URL requested
     * @param attempts how many attempts were made, from 1
     * @param status   the last HTTP status, or 0 when no answer came
     * @param message  the full message
     * @param cause    the low-level cause, or {@code null}
     */
    public DownloadException(Reason reason, String url, int attempts, int status, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.url = Objects.requireNonNull(url, "url");
        this.attempts = attempts;
        this.status = status;
    }

    static DownloadException unreachable(URI uri, int attempts, Throwable cause, Path cacheFolder) {
        String host = uri.getHost();
        return new DownloadException(Reason.UNREACHABLE, uri.toString(), attempts, 0, "cannot reach " + host
                + ": GET " + uri + " failed " + times(attempts) + " (last: " + describe(cause) + "). The machine may"
                + " be offline: crashlab:fetch needs network access to " + host + "; run it where the internet is"
                + " reachable or use files already in " + cacheFolder + "/.", cause);
    }

    static DownloadException serverError(URI uri, int attempts, int status, String excerpt) {
        return new DownloadException(Reason.SERVER_ERROR, uri.toString(), attempts, status, uri.getHost()
                + " kept failing: GET " + uri + " answered HTTP " + status + " " + times(attempts) + " (last body: \""
                + excerpt + "\"); try again later", null);
    }

    static DownloadException refused(URI uri, int attempts, int status, String detail) {
        return new DownloadException(Reason.REFUSED, uri.toString(), attempts, status, uri.getHost() + " refused GET "
                + uri + (status > 0 ? ": HTTP " + status : "") + ": " + detail, null);
    }

    static DownloadException noData(DownloadSource source, String symbol, URI uri, int status, String detail) {
        return new DownloadException(Reason.NO_DATA, uri.toString(), 1, status, source.label()
                + " has no data for symbol \"" + symbol + "\" (GET " + uri + "): " + detail, null);
    }

    static DownloadException interrupted(URI uri, int attempts, InterruptedException cause) {
        return new DownloadException(Reason.INTERRUPTED, uri.toString(), attempts, 0, "interrupted while downloading "
                + uri + " (attempt " + attempts + ")", cause);
    }

    private static String times(int attempts) {
        return attempts == 1 ? "on its only attempt" : "on all " + attempts + " attempts";
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "no answer";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** Returns why the download failed. */
    public Reason reason() {
        return reason;
    }

    /** Returns the URL requested. */
    public String url() {
        return url;
    }

    /** Returns how many attempts were made, from 1. */
    public int attempts() {
        return attempts;
    }

    /** Returns the last HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
