package dev.crashlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the small input files tests build inline. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code lines}, each followed by a newline, to {@code folder/name} and returns the path. */
    public static Path write(Path folder, String name, String... lines) {
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
