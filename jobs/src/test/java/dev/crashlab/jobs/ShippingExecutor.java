package dev.crashlab.jobs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs units as an executor in another JVM does, without one: the plan is serialized and read
 * back, its inputs are copied into a folder of their own, the plan is opened over the copies (the
 * job's opened units are not used), and every result is serialized and read back. What a plan
 * does not ship, or a result that does not serialize, fails here as it would on a cluster.
 */
final class ShippingExecutor implements UnitExecutor {

    private final Path folder;
    private final ClassLoader loader;
    private int shipments;

    /** Creates an executor that copies inputs under {@code folder} and opens plans with {@code loader}. */
    ShippingExecutor(Path folder, ClassLoader loader) {
        this.folder = folder;
        this.loader = loader;
    }

    @Override
    public <R extends Serializable> List<R> run(UnitPlan<R> plan, Units<R> opened, int[] units, JobLog log) {
        UnitPlan<R> shipped = roundTrip(plan);
        Map<String, Path> copies = new HashMap<>();
        Path shipment = folder.resolve(shipped.kind() + "-" + shipments++);
        try {
            for (String input : shipped.inputs()) {
                Path dir = Files.createDirectories(shipment.resolve(Integer.toString(copies.size())));
                copies.put(input, Files.copy(Path.of(input), dir.resolve(Path.of(input).getFileName())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Units<R> there = shipped.open(input -> {
            Path copy = copies.get(input);
            if (copy == null) {
                throw new IllegalArgumentException(input + " is not among the plan's inputs");
            }
            return copy;
        }, loader);
        for (int k : units) {
            there.prepare(k);
        }
        List<R> results = new ArrayList<>();
        for (int k : units) {
            results.add(roundTrip(there.run(k)));
        }
        return results;
    }

    @Override
    public String describe() {
        return "a shipping executor";
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot ship " + value.getClass().getName() + ": " + e, e);
        }
    }
}
