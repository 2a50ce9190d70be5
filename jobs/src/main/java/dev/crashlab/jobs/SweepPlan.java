package dev.crashlab.jobs;

import dev.crashlab.backtest.BacktestBatch;
import dev.crashlab.backtest.VariantOutcome;
import dev.crashlab.config.ConfigException;
import dev.crashlab.config.ConfigLoader;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A config's sweep as units: unit k is variant k of the grid, its result the variant's
 * {@link VariantOutcome}. Its inputs are the config file, then the swept run's price files, then
 * its series files, in config order; opened elsewhere, the run reads the local copy of each.
 *
 * @param config the config file, absolute
 * @param run    the swept run's name
 * @param size   the number of variants
 * @param inputs the config file and the run's data files, absolute, in that order
 */
record SweepPlan(String config, String run, int size, List<String> inputs) implements UnitPlan<VariantOutcome> {

    SweepPlan {
        inputs = List.copyOf(inputs);
    }

    /** Returns the plan of the sweep of {@code run} in {@code config}, whose grid has {@code size} variants. */
    static SweepPlan of(CrashlabConfig config, RunConfig run, int size) {
        List<String> inputs = new ArrayList<>();
        inputs.add(config.file().toAbsolutePath().toString());
        run.prices().forEach(p -> inputs.add(p.file().toAbsolutePath().toString()));
        run.series().forEach(s -> inputs.add(s.file().toAbsolutePath().toString()));
        run.detail().forEach(d -> inputs.add(d.file().toAbsolutePath().toString()));
        return new SweepPlan(inputs.getFirst(), run.name(), size, inputs);
    }

    @Override
    public String kind() {
        return "sweep";
    }

    @Override
    public Units<VariantOutcome> open(Inputs files, ClassLoader loader) {
        CrashlabConfig loaded = ConfigLoader.load(files.local(config));
        RunConfig planned = loaded.run(run).orElseThrow(() -> new ConfigException("sweep.run", "no run named " + run
                + " in " + config + " as opened here"));
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
        if (n != inputs.size() || loaded.sweep() == null || loaded.sweep().variants().size() != size) {
            throw new IllegalStateException("the sweep in " + config + " opened here differs from the one planned: expected "
                    + size + " variants over " + (inputs.size() - 1) + " data files");
        }
        return new Variants(new RunPlanner(new StrategyFactory(loader)), planned.withFiles(prices, series, detail),
                loaded.sweep().variants());
    }

    /**
     * The variants of a sweep opened in this JVM: each variant's strategy is bound by
     * {@link #prepare}, and the first variant to run builds the batch all of them share.
     */
    static final class Variants implements Units<VariantOutcome> {

        private final RunPlanner planner;
        private final RunConfig run;
        private final List<Map<String, JsonNode>> grid;
        private final AtomicReferenceArray<Supplier<Strategy>> strategies;
        private BacktestBatch batch;

        Variants(RunPlanner planner, RunConfig run, List<Map<String, JsonNode>> grid) {
            this.planner = planner;
            this.run = run;
            this.grid = List.copyOf(grid);
            this.strategies = new AtomicReferenceArray<>(grid.size());
        }

        @Override
        public void prepare(int index) {
            strategies.set(index, planner.strategy(run, grid.get(index)));
        }

        @Override
        public VariantOutcome run(int index) {
            return batch().run(index, strategies.get(index));
        }

        /** Returns variant {@code index}'s strategy maker, once {@link #prepare} bound it. */
        Supplier<Strategy> strategy(int index) {
            return strategies.get(index);
        }

        // Built on first use, after every variant was bound, so that a bad parameter fails before data is read.
        private synchronized BacktestBatch batch() {
            if (batch == null) {
                batch = BacktestBatch.of(planner.plan(run, run.name(), grid.getFirst()));
            }
            return batch;
        }
    }
}
