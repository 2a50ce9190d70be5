package dev.crashlab.spark;

import dev.crashlab.jobs.UnitPlan;
import dev.crashlab.jobs.Units;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs in an executor JVM: the plan of a shipment is opened once per JVM (its inputs written
 * to a local folder first), whatever number of tasks run there, and each task prepares then runs
 * its partition's units.
 */
final class Worker {

    /** The plans opened in this JVM, by shipment; the last few only, as an executor may serve many runs. */
    private static final Map<String, Units<?>> OPENED = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Units<?>> eldest) {
            return size() > 2;
        }
    };

    private Worker() {
    }

    /** Runs the units of {@code partition} of the shipped plan; returns their results keyed by index. */
    static <R> Iterator<SparkExecutor.Keyed<R>> run(SparkExecutor.Shipment shipment, Iterator<Integer> partition) {
        @SuppressWarnings("unchecked")
        Units<R> units = (Units<R>) open(shipment);
        List<Integer> indices = new ArrayList<>();
        partition.forEachRemaining(indices::add);
        for (int k : indices) {
            units.prepare(k);
        }
        List<SparkExecutor.Keyed<R>> results = new ArrayList<>(indices.size());
        for (int k : indices) {
            results.add(new SparkExecutor.Keyed<>(k, units.run(k)));
        }
        return results.iterator();
    }

    private static Units<?> open(SparkExecutor.Shipment shipment) {
        synchronized (OPENED) {
            Units<?> units = OPENED.get(shipment.id());
            if (units == null) {
                Map<String, Path> local = write(shipment);
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                UnitPlan<?> plan = shipment.plan();
                units = plan.open(input -> {
                    Path file = local.get(input);
                    if (file == null) {
                        throw new IllegalArgumentException(input + " was not shipped with the plan");
                    }
                    return file;
                }, loader != null ? loader : Worker.class.getClassLoader());
                OPENED.put(shipment.id(), units);
            }
            return units;
        }
    }

    /** Writes the shipped inputs into a new local folder, each under its own name in a numbered folder. */
    private static Map<String, Path> write(SparkExecutor.Shipment shipment) {
        try {
            Path folder = Files.createTempDirectory("crashlab-inputs-");
            folder.toFile().deleteOnExit();
            Map<String, Path> local = new HashMap<>();
            int i = 0;
            for (Map.Entry<String, byte[]> e : shipment.inputs().entrySet()) {
                Path dir = Files.createDirectories(folder.resolve(Integer.toString(i++)));
                dir.toFile().deleteOnExit(); // before its file: files are deleted at exit in reverse order
                Path file = dir.resolve(Path.of(e.getKey()).getFileName().toString());
                Files.write(file, e.getValue());
                file.toFile().deleteOnExit();
                local.put(e.getKey(), file);
            }
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shipped inputs on this executor: " + e.getMessage(), e);
        }
    }
}
