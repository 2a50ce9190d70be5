package dev.crashlab.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A crashlab configuration file ({@code crashlab.yaml} or {@code crashlab.json}), read and
 * checked by {@link ConfigLoader}: the runs to backtest, an optional parameter sweep and
 * walk-forward, where to write the output, and the risk limits {@code crashlab:check} holds the
 * results to.
 *
 * @param file   the config file
 * @param output the output folder the config asks for, or {@code null} for the caller's default
 * @param runs   the runs, in config order, with unique names
 * @param sweep  the sweep, or {@code null}
 * @param walkForward the walk-forward, or {@code null}
 * @param checks the risk limits, in config order (empty when there are none)
 * @param locations where each field stands in the file, for errors found after loading
 */
public record CrashlabConfig(Path file, Path output, List<RunConfig> runs, SweepConfig sweep, WalkForwardConfig walkForward,
        List<CheckConfig> checks, ConfigLocations locations) {

    public CrashlabConfig {
        runs = List.copyOf(runs);
        checks = List.copyOf(checks);
        locations = locations == null ? ConfigLocations.NONE : locations;
    }

    /** Returns {@code e}, found while planning or running this config, with the field's line and column in the file. */
    public ConfigException locate(ConfigException e) {
        return locations.locate(e);
    }

    /** Returns the run called {@code name}. */
    public Optional<RunConfig> run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
