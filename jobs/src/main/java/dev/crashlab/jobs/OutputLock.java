package dev.crashlab.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the read-modify-write steps of goals that share an output folder: a run's
 * results.json (each study goal adds its section to what is there) and the folder's index (each
 * goal lists what the folder holds). Without it, {@code crashlab:stress} and
 * {@code crashlab:sweep} started at the same time on one folder could each read the results
 * before the other wrote, and the second write would drop the first goal's section.
 *
 * <p>Two locks, because neither covers both cases: an OS file lock on
 * {@code <output>/.crashlab.lock} between processes (two Maven invocations), and a lock per
 * folder within one JVM (a parallel Maven build), where a second file lock on the same file would
 * throw {@link java.nio.channels.OverlappingFileLockException} instead of waiting. The lock is
 * reentrant, so a locked step may call another. The lock file stays: deleting it would let a
 * waiting process lock a file that a newcomer no longer sees. It is empty and no page lists it.
 */
final class OutputLock {

    /** The lock file's name in an output folder. */
    static final String FILE = ".crashlab.lock";

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private OutputLock() {
    }

    /** Runs {@code work} holding {@code output}'s lock, waiting for it as long as another goal holds it. */
    static <T> T holding(Path output, Supplier<T> work) {
        Path key = output.toAbsolutePath().normalize();
        ReentrantLock local = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return work.get();
            }
            Path file = key.resolve(FILE);
            try {
                Files.createDirectories(key);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // released when the channel closes
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the output folder with " + file + ": " + e.getMessage(), e);
            }
        } finally {
            local.unlock();
        }
    }
}
