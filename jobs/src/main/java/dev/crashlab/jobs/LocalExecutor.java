package dev.crashlab.jobs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;

/**
 * Runs units on this JVM's threads, the default executor and crashlab's one thread pool for
 * units of work: every unit is prepared (a sweep's variants bound and checked), then every unit
 * is run, each thread taking the next unit not yet taken so that no unit waits behind a slow one.
 * Progress goes to the log about every 5% with the rate and the time left.
 */
public final class LocalExecutor implements UnitExecutor {

    private final int threads;
    private final ClassLoader loader;

    /**
     * Creates an executor on {@code threads} threads (at least one); plans it opens itself find
     * their classes in {@code loader}.
     */
    public LocalExecutor(int threads, ClassLoader loader) {
        this.threads = Math.max(1, threads);
        this.loader = loader;
    }

    @Override
    public <R extends Serializable> List<R> run(UnitPlan<R> plan, Units<R> opened, int[] units, JobLog log) {
        return run(plan.kind(), opened != null ? opened : plan.open(UnitPlan.Inputs.IN_PLACE, loader), units, log);
    }

    /**
     * Runs the units {@code units} (ascending indices) of {@code open}, opened in this JVM, and
     * returns their results in the order of {@code units}; {@code kind} names them in the log.
     *
     * @throws RuntimeException the failure of the lowest failing unit
     */
    public <R> List<R> run(String kind, Units<R> open, int[] units, JobLog log) {
        int total = units.length;
        int workers = Math.max(1, Math.min(threads, total));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            forEach(pool, workers, total, i -> open.prepare(units[i]));
            Object[] results = new Object[total];
            long started = System.nanoTime();
            AtomicInteger done = new AtomicInteger();
            int every = Math.max(1, total / 20);
            forEach(pool, workers, total, i -> {
                results[i] = open.run(units[i]);
                int n = done.incrementAndGet();
                if (n % every == 0 || n == total) {
                    double rate = n / Math.max((System.nanoTime() - started) / 1e9, 1e-9);
                    log.info(String.format(Locale.ROOT, "%s: %d/%d done, %.1f runs/s, ETA %.0f s", kind, n, total,
                            rate, (total - n) / rate));
                }
            });
            @SuppressWarnings("unchecked")
            List<R> list = (List<R>) (List<?>) List.of(results);
            return list;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String describe() {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    /**
     * Does {@code work} for every slot 0..total−1 on {@code workers} tasks of {@code pool}, each
     * taking the next slot not yet taken. A failure stops the taking; the failure of the lowest
     * slot is rethrown once every task has stopped (all lower slots were taken, so which
     * one that is does not depend on timing).
     */
    private static void forEach(ExecutorService pool, int workers, int total, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(total);
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    try {
                        work.accept(i);
                    } catch (RuntimeException e) {
                        failures.set(i, e);
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
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        for (int i = 0; i < total; i++) {
            if (failures.get(i) != null) {
                throw failures.get(i);
            }
        }
    }
}
