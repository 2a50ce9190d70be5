package dev.crashlab.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code ../shared/data}, the real market history that sits beside a checkout. Tests that
 * need it call {@link #folder()}: in CI ({@code CI=true}) a missing folder fails the test;
 * elsewhere the test is skipped with the reason printed.
 */
public final class SharedData {

    private SharedData() {
    }

    /** Returns the shared data folder, or fails (CI) or skips (elsewhere) when it is missing. */
    public static Path folder() {
        Path found = locate();
        if (found != null) {
            return found;
        }
        String reason = "../shared/data not found beside the checkout (looked from " + Path.of("").toAbsolutePath()
                + "; set CRASHLAB_SHARED_DATA to point at it)";
        Prerequisites.missing(reason, "CI must provide the shared data");
        return null;
    }

    /** Returns {@code name} inside the shared data folder. */
    public static Path file(String name) {
        return folder().resolve(name);
    }

    private static Path locate() {
        String override = System.getenv("CRASHLAB_SHARED_DATA");
        if (override != null && Files.isDirectory(Path.of(override))) {
            return Path.of(override);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
                return candidate;
            }
        }
        return null;
    }
}
