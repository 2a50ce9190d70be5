package dev.crashlab.jobs;

import dev.crashlab.config.RunPlanner;
import dev.crashlab.config.StrategyFactory;
import dev.crashlab.config.StressConfig;
import dev.crashlab.stress.StressTest;

/**
 * A stressed run's paths as units: unit k is path k of the run's {@link StressTest}, its result
 * the path's outcome ({@link StressTest.Path}). The stress options are the config's
 * {@code stress} section's, read where the plan is opened; the inputs are the run's
 * ({@link ShippedRun}). Path k depends on (seed, method, k) and the data alone, so it is the same
 * in any JVM, on any thread.
 *
 * @param run  the stressed run, as shipped
 * @param size the number of paths, of all methods together
 */
record StressPlan(ShippedRun run, int size) implements RunUnitPlan<StressTest.Path> {

    @Override
    public String kind() {
        return "stress";
    }

    @Override
    public Units<StressTest.Path> open(Inputs files, ClassLoader loader) {
        ShippedRun.Opened opened = run.open(files, "stress");
        StressConfig stress = opened.config().stress();
        if (stress == null) {
            throw new IllegalStateException(run.config() + " opened here has no stress section");
        }
        StressTest test = StressTest.of(new RunPlanner(new StrategyFactory(loader)).plan(opened.run()), stress.options());
        if (test.size() != size) {
            throw new IllegalStateException("the stress set of " + run.run() + " in " + run.config() + " opened here has "
                    + test.size() + " paths, planned with " + size);
        }
        return new Paths(test);
    }

    /**
     * The paths of a stress test built in this JVM. A path has nothing to bind: the run was
     * planned, its parameters checked, when the test was built.
     *
     * @param test the stress test
     */
    record Paths(StressTest test) implements Units<StressTest.Path> {

        @Override
        public void prepare(int index) {
            // nothing to bind: StressTest.of planned the run and checked its parameters
        }

        @Override
        public StressTest.Path run(int index) {
            return test.path(index);
        }
    }
}
