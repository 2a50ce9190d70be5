package dev.crashlab.jobs;

import dev.crashlab.config.ConfigException;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A configured run as a {@link UnitPlan} ships it: the config file and the run's data files by
 * their absolute names on the machine that made the plan, and how a JVM that received copies of
 * them rebuilds the run over its copies. Every plan over one run (a sweep's, a stress set's, a
 * walk-forward's) ships it so, and reads nothing else.
 *
 * @param config the config file, absolute
 * @param run    the run's name
 * @param inputs the config file, then the run's price files, series files and detail files, in
 *               config order, absolute
 */
record ShippedRun(String config, String run, List<String> inputs) implements Serializable {

    ShippedRun {
        inputs = List.copyOf(inputs);
    }

    /** Returns {@code run} of {@code config} as a plan ships it. */
    static ShippedRun of(CrashlabConfig config, RunConfig run) {
        List<String> inputs = new ArrayList<>();
        inputs.add(config.file().toAbsolutePath().toString());
        run.prices().forEach(p -> inputs.add(p.file().toAbsolutePath().toString()));
        run.series().forEach(s -> inputs.add(s.file().toAbsolutePath().toString()));
        run.detail().forEach(d -> inputs.add(d.file().toAbsolutePath().toString()));
        return new ShippedRun(inputs.getFirst(), run.name(), inputs);
    }

    /**
     * The config and the run as opened in this JVM.
     *
     * @param config the config, read from the local copy of the config file
     * @param run    the run, reading the local copies of its data files
     */
    record Opened(CrashlabConfig config, RunConfig run) {
    }

    /**
     * Reads the config through {@code files} and returns it with the run, whose data files are
     * replaced by their local copies; {@code section} names the config section that asked for the
     * run, for the error when the config opened here has no such run.
     *
     * @throws IllegalStateException when the config opened here has other data files than planned
     */
    Opened open(UnitPlan.Inputs files, String section) {
        CrashlabConfig loaded = ConfigLoader.load(files.local(config));
        RunConfig planned = loaded.run(run).orElseThrow(() -> new ConfigException(section + ".run", "no run named " + run
                + " in " + config + " as opened here"));
        int count = planned.prices().size() + planned.series().size() + planned.detail().size();
        if (count != inputs.size() - 1) {
            throw new IllegalStateException("run " + run + " in " + config + " opened here has " + count
                    + " data files, planned with " + (inputs.size() - 1));
        }
        int n = 1;
        List<RunConfig.PriceFile> prices = new ArrayList<>();
        for (RunConfig.PriceFile p : planned.prices()) {
            prices.add(new RunConfig.PriceFile(p.symbol(), files.local(inputs.get(n++)), p.options(), p.path()));
        }
        List<RunConfig.SeriesFile> series = new ArrayList<>();
        for (RunConfig.SeriesFile s : planned.series()) {
            series.add(new RunConfig.SeriesFile(s.name(), files.local(inputs.get(n++)), s.column(), s.publication(), s.unit(),
                    s.path()));
        }
        List<RunConfig.PriceFile> detail = new ArrayList<>();
        for (RunConfig.PriceFile d : planned.detail()) {
            detail.add(new RunConfig.PriceFile(d.symbol(), files.local(inputs.get(n++)), d.options(), d.path()));
        }
        return new Opened(loaded, planned.withFiles(prices, series, detail));
    }
}
