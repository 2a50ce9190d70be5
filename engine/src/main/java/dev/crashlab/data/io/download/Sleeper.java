package dev.crashlab.data.io.download;

import java.time.Duration;

/**
 * A sleeper waits for a while: between retries and to keep requests apart. Downloaders take one
 * from {@link DownloadOptions} so that tests of backoff and rate limiting record the waits
 * instead of spending them.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real sleeper: {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
