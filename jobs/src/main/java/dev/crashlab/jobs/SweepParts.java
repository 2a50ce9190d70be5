package dev.crashlab.jobs;

import dev.crashlab.backtest.VariantOutcome;
import dev.crashlab.data.io.AtomicWrite;
import dev.crashlab.results.ResultsJson;
import dev.crashlab.results.RunMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts a sharded sweep writes, one file per shard ({@code parts/part-2-of-3.json}), and
 * their merge. A part holds its shard's variant outcomes exactly (doubles as Java writes them
 * shortest, which read back to the same bits; NaN and infinities as strings), and what the merge
 * checks: the run, the shard, the number of variants and a fingerprint of the config file and the
 * data files, so that parts of another config or other data are refused by name.
 */
final class SweepParts {

    /** The folder, in a sweep's output folder, where shards write their parts. */
    static final String FOLDER = "parts";

    static final String SCHEMA = "crashlab-sweep-part/1";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SweepParts() {
    }

    /**
     * One shard's outcomes.
     *
     * @param run         the swept run
     * @param shard       the shard
     * @param variants    the number of variants of the whole sweep
     * @param fingerprint SHA-256 of the config file and data files, hex
     * @param generatedAt when the shard finished
     * @param outcomes    the shard's outcomes, in grid order
     */
    record Part(String run, Shard shard, int variants, String fingerprint, Instant generatedAt,
            List<VariantOutcome> outcomes) {
    }

    /** The outcomes of every variant, from {@code files} parts, and the latest time of theirs. */
    record Merged(List<VariantOutcome> outcomes, Instant generatedAt, int files) {
    }

    /** Returns the part file name of {@code shard}: {@code part-2-of-3.json}. */
    static String fileName(Shard shard) {
        return "part-" + shard.index() + "-of-" + shard.count() + ".json";
    }

    /** Returns the SHA-256 of the contents of the plan's inputs (config then data), hex. */
    static String fingerprint(UnitPlan<?> plan) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String input : plan.inputs()) {
                sha.update(Files.readAllBytes(Path.of(input)));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code part} into {@code folder} atomically; returns its file. */
    static Path write(Path folder, Part part) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("run", part.run());
        root.put("shard", part.shard().toString());
        root.put("variants", part.variants());
        root.put("fingerprint", part.fingerprint());
        root.put("generatedAt", part.generatedAt().toString());
        ArrayNode outcomes = root.putArray("outcomes");
        for (VariantOutcome o : part.outcomes()) {
            ObjectNode node = outcomes.addObject();
            node.put("index", o.index());
            ObjectNode metrics = node.putObject("metrics");
            for (RecordComponent c : RunMetrics.class.getRecordComponents()) {
                Object value = invoke(c, o.metrics());
                if (value instanceof Integer i) {
                    metrics.put(c.getName(), i);
                } else {
                    putDouble(metrics, c.getName(), (Double) value);
                }
            }
            ArrayNode returns = node.putArray("periodReturns");
            for (int t = 0; t < o.periods(); t++) {
                addDouble(returns, o.periodReturn(t));
            }
            ArrayNode ends = node.putArray("periodEnds");
            for (int t = 0; t < o.periods(); t++) {
                ends.add(o.periodEnd(t));
            }
        }
        Path file = folder.resolve(fileName(part.shard()));
        AtomicWrite.bytes(file, JSON.writeValueAsBytes(root));
        return file;
    }

    /** Reads the part in {@code file}; a broken file is named with the field at fault. */
    static Part read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !SCHEMA.equals(text(root, "schema", file))) {
                throw new IllegalArgumentException(file + ": not a sweep part (expected \"schema\": \"" + SCHEMA + "\")");
            }
            Shard shard;
            try {
                shard = Shard.parse(text(root, "shard", file));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": shard: " + e.getMessage(), e);
            }
            List<VariantOutcome> outcomes = new ArrayList<>();
            for (JsonNode node : root.required("outcomes")) {
                JsonNode m = node.required("metrics");
                RecordComponent[] components = RunMetrics.class.getRecordComponents();
                Object[] values = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    JsonNode v = m.required(components[i].getName());
                    values[i] = types[i] == int.class ? (Object) v.asInt() : (Object) readDouble(v);
                }
                RunMetrics metrics = RunMetrics.class.getDeclaredConstructor(types).newInstance(values);
                JsonNode r = node.required("periodReturns");
                JsonNode e = node.required("periodEnds");
                double[] returns = new double[r.size()];
                long[] ends = new long[e.size()];
                for (int t = 0; t < returns.length; t++) {
                    returns[t] = readDouble(r.get(t));
                }
                for (int t = 0; t < ends.length; t++) {
                    ends[t] = e.get(t).asLong();
                }
                outcomes.add(new VariantOutcome(node.required("index").asInt(), metrics, returns, ends));
            }
            return new Part(text(root, "run", file), shard, root.required("variants").asInt(), text(root, "fingerprint", file),
                    Instant.parse(text(root, "generatedAt", file)), outcomes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException(file + ": not a readable sweep part: " + e.getMessage(), e);
        }
    }

    /**
     * Merges the parts in {@code folder}: exactly one part for each shard 1/n..n/n of one n, all
     * of run {@code run} with {@code variants} variants and fingerprint {@code fingerprint} (the
     * config and data as they are now), which together hold every variant once.
     *
     * @throws IllegalArgumentException naming the folder or files at fault
     */
    static Merged merge(Path folder, String run, int variants, String fingerprint) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches("part-.*\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("no sweep parts to merge: cannot list " + folder + " (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no sweep parts to merge in " + folder
                    + ": run the shards first (-Dcrashlab.shard=1/n .. n/n) and put their part-*-of-n.json files there");
        }
        TreeMap<Integer, Path> byShard = new TreeMap<>();
        int count = 0;
        Path first = null;
        Instant latest = Instant.MIN;
        VariantOutcome[] outcomes = new VariantOutcome[variants];
        for (Path file : files) {
            Part part = read(file);
            if (!part.run().equals(run) || part.variants() != variants) {
                throw new IllegalArgumentException(file + " is a part of the sweep of " + part.run() + " with "
                        + part.variants() + " variants, not of this config's sweep of " + run + " with " + variants + " variants");
            }
            if (!part.fingerprint().equals(fingerprint)) {
                throw new IllegalArgumentException(file + " was run on another config file or other data than the config"
                        + " and data now (fingerprint " + part.fingerprint().substring(0, 12) + " vs " + fingerprint.substring(0, 12)
                        + "): run that shard again");
            }
            if (first == null) {
                first = file;
                count = part.shard().count();
            } else if (part.shard().count() != count) {
                throw new IllegalArgumentException(file + " is shard " + part.shard() + ", but " + first + " is a shard of "
                        + count + ": the parts overlap; merge the parts of one sharding only");
            }
            Path other = byShard.put(part.shard().index(), file);
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + file + " are both shard " + part.shard() + ": the parts overlap");
            }
            int[] expected = part.shard().units(variants);
            if (part.outcomes().size() != expected.length) {
                throw new IllegalArgumentException(file + " holds " + part.outcomes().size() + " variants, but shard "
                        + part.shard() + " of " + variants + " has " + expected.length);
            }
            for (int i = 0; i < expected.length; i++) {
                VariantOutcome o = part.outcomes().get(i);
                if (o.index() != expected[i]) {
                    throw new IllegalArgumentException(file + ": outcomes[" + i + "] is variant " + o.index() + ", but shard "
                            + part.shard() + " holds variant " + expected[i] + " there");
                }
                outcomes[o.index()] = o;
            }
            latest = part.generatedAt().isAfter(latest) ? part.generatedAt() : latest;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byShard.containsKey(i)) {
                missing.add(folder.resolve(fileName(new Shard(i, count))).getFileName().toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "missing %d of %d sweep parts in %s: %s (found %s)",
                    missing.size(), count, folder, String.join(", ", missing),
                    String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList())));
        }
        return new Merged(List.of(outcomes), latest, files.size());
    }

    private static String text(JsonNode root, String field, Path file) {
        JsonNode v = root.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(file + ": " + field + ": expected a string");
        }
        return v.asString();
    }

    private static Object invoke(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putDouble(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.put(field, Double.toString(v));
        }
    }

    private static void addDouble(ArrayNode node, double v) {
        if (Double.isFinite(v)) {
            node.add(v);
        } else {
            node.add(Double.toString(v));
        }
    }

    private static double readDouble(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isString()) {
            return Double.parseDouble(v.asString());
        }
        throw new IllegalArgumentException("expected a number, got " + v);
    }
}
