package dev.crashlab.jobs;

import dev.crashlab.backtest.BacktestBatch;
import dev.crashlab.backtest.VariantOutcome;
import dev.crashlab.config.CrashlabConfig;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.strategy.Strategy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A config's sweep as units: unit k is variant k of the grid, its result the variant's
 * {@link VariantOutcome}. The grid is the {@code sweep} section's, or the {@code walkforward}
 * section's (a walk-forward's whole-span sweep). Its inputs are the swept run's
 * ({@link ShippedRun}); opened elsewhere, the run reads the local copy of each.
 *
 * @param run  the swept run, as shipped
 * @param grid the config section whose grid is swept
 * @param size the number of variants
 */
record SweepPlan(ShippedRun run, Grid grid, int size) implements RunUnitPlan<VariantOutcome> {

    /** The config section a sweep's grid comes from. */
    enum Grid {
        /** The {@code sweep} section's. */
        SWEEP("sweep"),
        /** The {@code walkforward} section's. */
        WALK_FORWARD("walkforward");

        private final String section;

        Grid(String section) {
            this.section = section;
        }

        /** Returns the section's grid in {@code config}, in grid order, or null when the config has no such section. */
        List<Map<String, JsonNode>> variants(CrashlabConfig config) {
            return switch (this) {
                case SWEEP -> config.sweep() == null ? null : config.sweep().variants();
                case WALK_FORWARD -> config.walkForward() == null ? null : config.walkForward().variants();
            };
        }
    }

    /** Returns the plan of the sweep of {@code run} in {@code config} over the grid of {@code grid}, of {@code size} variants. */
    static SweepPlan of(CrashlabConfig config, RunConfig run, Grid grid, int size) {
        return new SweepPlan(ShippedRun.of(config, run), grid, size);
    }

    @Override
    public String kind() {
        return "sweep";
    }

    @Override
    public Units<VariantOutcome> open(Inputs files, ClassLoader loader) {
        ShippedRun.Opened opened = run.open(files, grid.section);
        List<Map<String, JsonNode>> variants = grid.variants(opened.config());
        if (variants == null || variants.size() != size) {
            throw new IllegalStateException("the " + grid.section + " grid in " + run.config() + " opened here differs from"
                    + " the one planned: expected " + size + " variants");
        }
        return new Variants(new RunPlanner(new StrategyFactory(loader)), opened.run(), variants);
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
