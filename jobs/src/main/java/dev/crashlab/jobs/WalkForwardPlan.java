package dev.crashlab.jobs;

import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.config.WalkForwardConfig;
import dev.crashlab.strategy.Strategy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A walk-forward's folds as units: unit k is fold k ({@link WalkForwardJob#fold}: the in-sample
 * sweep of the grid, its choice, and the out-of-sample runs of the chosen, the
 * in-sample-optimised and the fixed parameters), its result the fold's
 * {@link WalkForwardJob.FoldRun}. What the folds need from the runs before them travels in the
 * plan: the whole-span run's first and last days (which give the folds) and the variant the
 * whole-span sweep chose. The inputs are the run's ({@link ShippedRun}).
 *
 * <h2>Why a fold, not a fold's variants, is the unit</h2>
 * A fold's in-sample sweep shares one batch (the window's data, clock, benchmark and indicators)
 * among its variants, and its out-of-sample runs need its choice: cutting it into variants would
 * rebuild that batch in every task and make each fold two rounds through the executor, with the
 * driver choosing in between. The grid's variants run on the executor one by one in the
 * whole-span sweep (a {@link SweepPlan} over the {@code walkforward} grid), where a wide cluster
 * pays; the folds then run one per task, as many at once as there are folds.
 *
 * @param run         the run walked forward, as shipped
 * @param first       the whole-span run's first day (UTC)
 * @param last        the whole-span run's last day (UTC)
 * @param bestVariant the variant the whole-span sweep chose, −1 when none had a value of the metric
 * @param size        the number of folds
 */
record WalkForwardPlan(ShippedRun run, LocalDate first, LocalDate last, int bestVariant, int size)
        implements RunUnitPlan<WalkForwardJob.FoldRun> {

    @Override
    public String kind() {
        return "walk-forward";
    }

    @Override
    public Units<WalkForwardJob.FoldRun> open(Inputs files, ClassLoader loader) {
        ShippedRun.Opened opened = run.open(files, "walkforward");
        WalkForwardConfig wf = opened.config().walkForward();
        if (wf == null) {
            throw new IllegalStateException(run.config() + " opened here has no walkforward section");
        }
        List<WalkForwardConfig.Fold> folds = wf.folds(first, last);
        if (folds.size() != size) {
            throw new IllegalStateException("the walk-forward of " + run.run() + " in " + run.config() + " opened here has "
                    + folds.size() + " folds, planned with " + size);
        }
        RunPlanner planner = new RunPlanner(new StrategyFactory(loader));
        List<Map<String, JsonNode>> grid = wf.variants();
        List<Supplier<Strategy>> strategies = grid.stream().map(g -> planner.strategy(opened.run(), g)).toList();
        return new Folds(WalkForwardJob.context(planner, opened.run(), grid, strategies, bestVariant,
                SweepJob.rankingMetric(wf.metric(), wf.path() + ".metric")), folds);
    }

    /**
     * The folds opened in this JVM. A fold has nothing to bind: every variant's parameters were
     * bound and checked before the whole-span sweep ran.
     *
     * @param context what every fold shares
     * @param folds   the folds' dates, in fold order
     */
    record Folds(WalkForwardJob.Context context, List<WalkForwardConfig.Fold> folds) implements Units<WalkForwardJob.FoldRun> {

        @Override
        public void prepare(int index) {
            // nothing to bind: the grid's strategies were bound when the plan was opened
        }

        @Override
        public WalkForwardJob.FoldRun run(int index) {
            return WalkForwardJob.fold(context, folds.get(index));
        }
    }
}
