package dev.crashlab.data.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader sees either the old file or the whole new one, never a
 * half-written file: the bytes go to a temporary file in the same folder, which is then moved
 * over the target. Data caches, sample data, {@code results.json} and reports are all written
 * this way.
 */
public final class AtomicWrite {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes the file's bytes to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    /**
     * Creates the temporary file readable by everyone (rw-r--r--) where the file system has POSIX
     * permissions: a temp file is private by default, and the move would keep that for a report.
     */
    private static Path createTemp(Path folder, String name) throws IOException {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(folder, "." + name, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        }
        return Files.createTempFile(folder, "." + name, ".tmp");
    }

    /** Replaces {@code target} with {@code bytes}, creating its folder when needed. */
    public static void bytes(Path target, byte[] bytes) {
        stream(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with the UTF-8 encoding of {@code text}. */
    public static void text(Path target, String text) {
        bytes(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with what {@code content} writes; on failure the target is untouched. */
    public static void stream(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = createTemp(folder, absolute.getFileName().toString());
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }
}
