package dev.crashlab.data;

import java.util.Objects;

/**
 * Where a series was loaded from: enough to tell, in a report, which bytes a result rests on.
 *
 * @param path      the file's path as given
 * @param sha256    the SHA-256 of the file's bytes, lower-case hex; empty for data built in memory
 * @param format    the format it was read as, such as {@code crashlab-csv} or {@code yahoo-csv}
 * @param synthetic whether the file declares itself generated sample data (a {@code # synthetic}
 *                  header comment): reports then show a banner
 */
public record DataSource(String path, String sha256, String format, boolean synthetic) {

    public DataSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
    }

    /** Returns the source of data built in memory, such as test series. */
    public static DataSource inMemory(String name) {
        return new DataSource(name, "", "in-memory", false);
    }
}
