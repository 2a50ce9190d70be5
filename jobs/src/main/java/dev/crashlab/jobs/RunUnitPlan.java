package dev.crashlab.jobs;

import java.io.Serializable;
import java.util.List;

/**
 * A plan whose units all run one configured run (a sweep's, a stress set's, a walk-forward's): its
 * inputs are that run's config and data files, as {@link ShippedRun} ships them.
 *
 * @param <R> a unit's result
 */
interface RunUnitPlan<R extends Serializable> extends UnitPlan<R> {

    /** Returns the run the units run, as shipped. */
    ShippedRun run();

    @Override
    default List<String> inputs() {
        return run().inputs();
    }
}
