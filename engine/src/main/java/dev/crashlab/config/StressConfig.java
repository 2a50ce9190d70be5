package dev.crashlab.config;

import dev.crashlab.stress.StressOptions;
import java.util.List;
import java.util.Objects;

/**
 * The config's {@code stress} section: which runs {@code crashlab:stress} re-runs on resampled
 * histories, and how.
 *
 * @param runs    the names of the runs to stress, in config order; every run when the section names none
 * @param options paths, seed, methods, block length, drawdown thresholds and the config's own crisis windows
 * @param path    the section's place in the config
 */
public record StressConfig(List<String> runs, StressOptions options, String path) {

    public StressConfig {
        runs = List.copyOf(runs);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(path, "path");
    }
}
