package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.crashlab.data.io.AtomicWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes and reads the results records as JSON: the one place their JSON form is configured.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Fields in the records' component order, under their component names (or the name a
 *       {@code @JsonProperty} gives); indented output, so the same records give the same bytes.</li>
 *   <li>Numbers in Java's shortest round-trip form; an undefined figure (NaN or an infinity) is
 *       {@code null}, and a {@code null} figure reads back as NaN; -0 is written as 0.</li>
 *   <li>Times are ISO-8601 UTC instants ({@code 2024-01-02T00:00:00Z}), dates ISO dates.</li>
 *   <li>Reading is strict: every field must be present, none may be unknown, and only the fields
 *       documented as nullable ({@code benchmark}, {@code regimes}, {@code stress}, {@code sweep},
 *       {@code walkforward}, an event's {@code symbol}, an
 *       order's {@code side}, a sweep variant's {@code report}) or holding a figure may be
 *       {@code null}. An error names the field's path, such as {@code equity[12].time}. One field
 *       is left out rather than null: a run's {@code path.sensitivity}, written only when the run
 *       configured it, so that other runs write what they wrote before it existed.</li>
 * </ul>
 *
 * <h2>Documents</h2>
 * A run's {@code results.json} ({@link RunResults}, schema {@value RunResults#SCHEMA}) and a
 * sweep's {@code sweep.json} ({@link SweepResults}, schema {@value SweepResults#SCHEMA}), a
 * walk-forward's {@code walkforward.json} ({@link WalkForwardResults}) and a run's stress paths'
 * {@code stress.json} ({@link StressResults}, schema {@value StressResults#SCHEMA}), each with its
 * JSON Schema beside this class.
 *
 * <h2>Versions</h2>
 * A document of schema {@value RunResults#SCHEMA} is read as it is. One of {@value #SCHEMA_1} is
 * converted: the fields that some of its writers left out get their documented defaults (see
 * README, "results.json"). Any other schema is refused, naming it.
 */
public final class ResultsJson {

    /** The previous layout, which {@link #read(byte[])} converts. */
    public static final String SCHEMA_1 = "crashlab-results/1";

    /** The JSON Schema of {@link RunResults}, a resource beside this class. */
    public static final String SCHEMA_RESOURCE = "crashlab-results-2.schema.json";

    /** The JSON Schema of {@link StressResults}, a resource beside this class. */
    public static final String STRESS_SCHEMA_RESOURCE = "crashlab-stress-1.schema.json";

    /** The JSON Schema of {@link SweepResults}, a resource beside this class. */
    public static final String SWEEP_SCHEMA_RESOURCE = "crashlab-sweep-1.schema.json";

    /** The JSON Schema of {@link WalkForwardResults}, a resource beside this class. */
    public static final String WALK_FORWARD_SCHEMA_RESOURCE = "crashlab-walkforward-1.schema.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .changeDefaultNullHandling(n -> JsonSetter.Value.forValueNulls(Nulls.FAIL))
            .withConfigOverride(Double.class, o -> o.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.SET)))
            .withConfigOverride(Double.TYPE, o -> o.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.SET)))
            .addModule(new SimpleModule("crashlab-results")
                    .addSerializer(Double.class, new FigureSerializer())
                    .addSerializer(Double.TYPE, new FigureSerializer())
                    .addDeserializer(Double.class, new FigureDeserializer())
                    .addDeserializer(Double.TYPE, new FigureDeserializer()))
            .build();

    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");

    private ResultsJson() {
    }

    /** Returns the JSON bytes of a results record ({@link RunResults}, {@link SweepResults} or a part of one). */
    public static byte[] toBytes(Object results) {
        return JSON.writeValueAsBytes(results);
    }

    /** Returns a results record as a JSON tree, as the file holds it. */
    public static JsonNode toTree(Object results) {
        return JSON.valueToTree(results);
    }

    /** Writes {@code results} to {@code file} atomically. */
    public static void write(RunResults results, Path file) {
        AtomicWrite.bytes(file, toBytes(results));
    }

    /** Writes a sweep's {@code results} to {@code file} atomically. */
    public static void write(SweepResults results, Path file) {
        AtomicWrite.bytes(file, toBytes(results));
    }

    /** Writes a walk-forward's {@code results} to {@code file} atomically. */
    public static void write(WalkForwardResults results, Path file) {
        AtomicWrite.bytes(file, toBytes(results));
    }

    /** Returns the JSON Schema of {@link WalkForwardResults} ({@value #WALK_FORWARD_SCHEMA_RESOURCE}). */
    public static URL walkForwardSchema() {
        return ResultsJson.class.getResource(WALK_FORWARD_SCHEMA_RESOURCE);
    }

    /** Returns the JSON Schema of {@link RunResults} ({@value #SCHEMA_RESOURCE}). */
    public static URL schema() {
        return ResultsJson.class.getResource(SCHEMA_RESOURCE);
    }

    /** Writes {@code stress} to {@code file} atomically. */
    public static void write(StressResults stress, Path file) {
        AtomicWrite.bytes(file, toBytes(stress));
    }

    /** Returns the JSON Schema of {@link StressResults} ({@value #STRESS_SCHEMA_RESOURCE}). */
    public static URL stressSchema() {
        return ResultsJson.class.getResource(STRESS_SCHEMA_RESOURCE);
    }

    /** Returns the JSON Schema of {@link SweepResults} ({@value #SWEEP_SCHEMA_RESOURCE}). */
    public static URL sweepSchema() {
        return ResultsJson.class.getResource(SWEEP_SCHEMA_RESOURCE);
    }

    /**
     * Reads the results in {@code file}, converting a {@value #SCHEMA_1} document; a broken file
     * fails with a {@link ResultsException} that names it and the field at fault.
     */
    public static RunResults read(Path file) {
        return fromFile(file, ResultsJson::read);
    }

    /** Reads results.json content, converting a {@value #SCHEMA_1} document; fails with a {@link ResultsException}. */
    public static RunResults read(byte[] json) {
        ObjectNode tree = tree(json);
        String id = schemaOf(tree);
        if (id.equals(SCHEMA_1)) {
            ResultsV1.upgrade(tree);
        } else if (!id.equals(RunResults.SCHEMA)) {
            throw new ResultsException("schema", "expected \"" + RunResults.SCHEMA + "\" (or \"" + SCHEMA_1
                    + "\", which is converted), got \"" + id + "\"");
        }
        ResultsV1.addPathResolution(tree);
        ResultsV1.addStudies(tree);
        return bind(tree, RunResults.class);
    }

    /** Reads the sweep results in {@code file}; a broken file fails with a {@link ResultsException} naming it and the field. */
    public static SweepResults readSweep(Path file) {
        return fromFile(file, ResultsJson::readSweep);
    }

    /** Reads sweep.json content; fails with a {@link ResultsException} about {@code sweep.json}. */
    public static SweepResults readSweep(byte[] json) {
        return readDocument(json, "sweep.json", SweepResults.SCHEMA, SweepResults.class);
    }

    /** Reads the walk-forward results in {@code file}; a broken file fails with a {@link ResultsException} naming it and the field. */
    public static WalkForwardResults readWalkForward(Path file) {
        return fromFile(file, ResultsJson::readWalkForward);
    }

    /** Reads walkforward.json content; fails with a {@link ResultsException} about {@code walkforward.json}. */
    public static WalkForwardResults readWalkForward(byte[] json) {
        return readDocument(json, "walkforward.json", WalkForwardResults.SCHEMA, WalkForwardResults.class);
    }

    /** Reads the stress results in {@code file}; a broken file fails with a {@link ResultsException} naming it and the field. */
    public static StressResults readStress(Path file) {
        return fromFile(file, ResultsJson::readStress);
    }

    /** Reads stress.json content; fails with a {@link ResultsException} about {@code stress.json}. */
    public static StressResults readStress(byte[] json) {
        return readDocument(json, "stress.json", StressResults.SCHEMA, StressResults.class);
    }

    /** Reads a document of {@code schema} that has no older version, naming {@code document} in errors. */
    private static <T> T readDocument(byte[] json, String document, String schema, Class<T> type) {
        try {
            ObjectNode tree = tree(json);
            String id = schemaOf(tree);
            if (!id.equals(schema)) {
                throw new ResultsException("schema", "expected \"" + schema + "\", got \"" + id + "\"");
            }
            return bind(tree, type);
        } catch (ResultsException e) {
            throw e.inDocument(document);
        }
    }

    private static <T> T fromFile(Path file, java.util.function.Function<byte[], T> read) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return read.apply(json);
        } catch (ResultsException e) {
            throw e.inFile(file);
        }
    }

    /** Returns {@code json} parsed, which must be a JSON object. */
    private static ObjectNode tree(byte[] json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ResultsException("(root)", "not valid JSON: " + e.getOriginalMessage() + location(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new ResultsException("(root)", "expected a JSON object");
        }
        return (ObjectNode) tree;
    }

    /** Returns the document's {@code schema} field as text. */
    private static String schemaOf(JsonNode tree) {
        JsonNode schema = tree.get("schema");
        if (schema == null) {
            throw new ResultsException("schema", "missing");
        }
        return schema.isString() ? schema.asString() : schema.toString();
    }

    /** Returns {@code tree} bound to {@code type}; fails with a {@link ResultsException} naming the field at fault. */
    static <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw problem(e, tree.path("schema").asString(""));
        }
    }

    /** Returns what a Jackson failure means, as a {@link ResultsException} about the field at fault. */
    private static ResultsException problem(JacksonException e, String schema) {
        String at = path(e);
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ResultsException r) {
                return r.under(at);
            }
        }
        String path = at.isEmpty() ? "(root)" : at;
        if (e instanceof UnrecognizedPropertyException) {
            return new ResultsException(path, "not a field of " + schema);
        }
        if (e instanceof InvalidNullException) {
            return new ResultsException(path, "must not be null");
        }
        if (e instanceof MismatchedInputException m) {
            Matcher missing = MISSING.matcher(m.getOriginalMessage());
            if (missing.find()) {
                String name = missing.group(1);
                boolean named = at.equals(name) || at.endsWith("." + name);
                return new ResultsException(at.isEmpty() ? name : named ? at : at + "." + name, "missing");
            }
            String got = m instanceof InvalidFormatException f ? ", got \"" + f.getValue() + "\"" : "";
            return new ResultsException(path, "expected " + expectation(m.getTargetType()) + got);
        }
        return new ResultsException(path, e.getOriginalMessage());
    }

    /** Returns the path of the field a Jackson failure is about, such as {@code equity[12].time}; empty for the document. */
    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** Returns what a value of {@code type} looks like in results.json, for error messages. */
    private static String expectation(Class<?> type) {
        if (type == null) {
            return "another value";
        } else if (type == Instant.class) {
            return "an ISO-8601 instant such as 2024-01-02T00:00:00Z";
        } else if (type == LocalDate.class) {
            return "a date such as 2024-01-02";
        } else if (type == Double.class || type == Double.TYPE) {
            return "a number or null";
        } else if (type == Integer.class || type == Integer.TYPE || type == Long.class || type == Long.TYPE) {
            return "a whole number";
        } else if (type == Boolean.class || type == Boolean.TYPE) {
            return "true or false";
        } else if (type == String.class) {
            return "text";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        } else if (type.isRecord() || Map.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a value of type " + type.getSimpleName();
    }

    /** Writes a figure: {@code null} when it is undefined (NaN or infinite), 0 for -0. */
    private static final class FigureSerializer extends StdSerializer<Double> {

        FigureSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializationContext ctxt) {
            double v = value;
            if (Double.isFinite(v)) {
                gen.writeNumber(v + 0.0);
            } else {
                gen.writeNull();
            }
        }
    }

    /** Reads a figure: a number, or {@code null} for an undefined one (NaN). */
    private static final class FigureDeserializer extends StdDeserializer<Double> {

        FigureDeserializer() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDoubleValue();
            }
            return (Double) ctxt.handleUnexpectedToken(Double.class, p);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
