/**
 * Jobs: what the Maven goals run, and what works without Maven. {@link
 * dev.crashlab.jobs.BacktestJob} runs a config's backtests and writes each run's folder
 * (results.json and report.html) with a comparison and an index; {@link
 * dev.crashlab.jobs.SweepJob} runs a parameter grid as one batch; {@link dev.crashlab.jobs.ReportJob}
 * re-renders an output folder from its results.json files. They report progress through a
 * {@link dev.crashlab.jobs.JobLog}.
 *
 * <h2>Units and executors</h2>
 * Work made of independent units (a sweep's variants, a stress set's paths, a walk-forward's
 * folds) is a serializable {@link dev.crashlab.jobs.UnitPlan} over a run shipped as its config
 * and data files ({@code ShippedRun}); a {@link dev.crashlab.jobs.UnitExecutor} runs its units
 * (all, or a {@link dev.crashlab.jobs.Shard}) on local threads
 * ({@link dev.crashlab.jobs.LocalExecutor}, the one thread pool for units) or elsewhere
 * ({@code crashlab-spark}), and the job aggregates the results, collected in index order.
 *
 * <h2>Output folders</h2>
 * Every file is written atomically ({@code AtomicWrite}), so a failure never leaves a
 * half-written page; rendering is the reports module's, writing is the jobs'.
 *
 * <h2>Dependencies</h2>
 * The engine (config, backtest, results) and the reports module.
 */
package dev.crashlab.jobs;
