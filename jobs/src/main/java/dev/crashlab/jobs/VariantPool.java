package dev.crashlab.jobs;

import dev.crashlab.backtest.BacktestBatch;
import dev.crashlab.backtest.VariantOutcome;
import dev.crashlab.config.RunConfig;
import dev.crashlab.config.RunPlanner;
import dev.crashlab.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Runs the variants of a grid on a fixed pool of threads: binds every variant's strategy (so that
 * every parameter is checked before any variant runs), then runs them as a {@link BacktestBatch},
 * each task taking the next variant not yet taken, so that no variant waits behind a slow one.
 * The outcomes come back in grid order whatever the thread count. Sweeps and walk-forward folds
 * run through it.
 */
final class VariantPool implements AutoCloseable {

    private final ExecutorService pool;
    private final int workers;

    /** Creates a pool of {@code threads} threads (at least one). */
    VariantPool(int threads) {
        this.workers = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(workers);
    }

    /** Returns every variant's strategy maker, {@code run} with each of {@code grid}'s parameters, all bound and checked. */
    List<Supplier<Strategy>> bind(RunPlanner planner, RunConfig run, List<Map<String, JsonNode>> grid) {
        // A generic array cannot be created without a raw one; each slot is written once, by its own task.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Supplier<Strategy>[] strategies = new Supplier[grid.size()];
        forEach(grid.size(), k -> strategies[k] = planner.strategy(run, grid.get(k)));
        return List.of(strategies);
    }

    /**
     * Runs variant k of {@code batch} with {@code strategies.get(k)} for every k, calling
     * {@code done} with the number of variants done after each; returns the outcomes in order.
     */
    List<VariantOutcome> run(BacktestBatch batch, List<Supplier<Strategy>> strategies, IntConsumer done) {
        int total = strategies.size();
        VariantOutcome[] outcomes = new VariantOutcome[total];
        AtomicInteger finished = new AtomicInteger();
        forEach(total, k -> {
            outcomes[k] = batch.run(k, strategies.get(k));
            done.accept(finished.incrementAndGet());
        });
        return List.of(outcomes);
    }

    /**
     * Does {@code work} for every index below {@code total}. A failure stops the taking; the
     * failure of the lowest index is rethrown once every task has stopped (all lower indices were
     * taken, so which one that is does not depend on timing).
     */
    void forEach(int total, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(total);
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < Math.min(workers, total); w++) {
            tasks.add(pool.submit(() -> {
                for (int k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                    try {
                        work.accept(k);
                    } catch (RuntimeException e) {
                        failures.set(k, e);
                        next.set(total);
                    }
                }
            }));
        }
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("variants interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        for (int k = 0; k < total; k++) {
            if (failures.get(k) != null) {
                throw failures.get(k);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
