package dev.crashlab.results;

/**
 * A data file a run rests on.
 *
 * @param path      the file, as configured
 * @param sha256    the SHA-256 of its bytes, lower-case hex; empty for data built in memory
 * @param format    the format it was read as
 * @param synthetic whether it declares itself generated sample data
 */
public record DataFile(String path, String sha256, String format, boolean synthetic) {
}
