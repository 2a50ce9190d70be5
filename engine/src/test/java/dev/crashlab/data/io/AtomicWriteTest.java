package dev.crashlab.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub/report.html");
        AtomicWrite.text(file, "old");
        AtomicWrite.text(file, "new");

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(file.getParent().toFile().list()).containsExactly("report.html");
    }

    @Test
    void leavesTheTargetUntouchedWhenWritingFails() throws IOException {
        Path file = dir.resolve("results.json");
        AtomicWrite.text(file, "complete");

        assertThatThrownBy(() -> AtomicWrite.stream(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(Files.readString(file)).isEqualTo("complete");
        assertThat(dir.toFile().list()).containsExactly("results.json");
    }

    @Test
    void writesFilesEveryoneCanRead() throws IOException {
        Path file = dir.resolve("index.html");
        AtomicWrite.text(file, "x");

        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        }
    }
}
