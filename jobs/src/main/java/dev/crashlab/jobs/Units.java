package dev.crashlab.jobs;

/**
 * The opened units of a {@link UnitPlan}: what runs unit k in this JVM. Every method may be called
 * from several threads at once.
 *
 * @param <R> a unit's result
 */
public interface Units<R> {

    /**
     * Checks unit {@code index} before any unit runs (binds its parameters), so that a bad unit
     * fails before time is spent on the others. An executor prepares every unit it will run
     * before it runs any of them.
     *
     * @throws RuntimeException naming the unit's config path when it cannot run
     */
    void prepare(int index);

    /** Runs unit {@code index}, already prepared, and returns its result. */
    R run(int index);
}
