package dev.crashlab.config;

import dev.crashlab.Names;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A configuration node with its path, so that every value read from it can be reported where it
 * stands: {@code runs[1].costs.feeRate: expected a number in [0, 1), got "abc"}.
 */
final class Node {

    private final JsonNode json;
    private final String path;

    Node(JsonNode json, String path) {
        this.json = json;
        this.path = path;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return json;
    }

    String childPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        JsonNode child = json.get(field);
        return child != null && !child.isNull();
    }

    ConfigException error(String problem) {
        return new ConfigException(path, problem);
    }

    /** Fails when the node has a field outside {@code allowed}. */
    Node onlyFields(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : json.propertyNames()) {
            if (!known.contains(name)) {
                throw new ConfigException(childPath(name), "unknown field" + Names.didYouMean(name, List.of(allowed))
                        + "; expected one of " + String.join(", ", allowed));
            }
        }
        return this;
    }

    Node object(String field) {
        JsonNode child = json.get(field);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isObject()) {
            throw new ConfigException(childPath(field), "expected an object, got " + child);
        }
        return new Node(child, childPath(field));
    }

    Node requireObject(String field) {
        Node child = object(field);
        if (child == null) {
            throw new ConfigException(childPath(field), "missing: an object is required here");
        }
        return child;
    }

    List<Node> list(String field) {
        JsonNode child = json.get(field);
        if (child == null || child.isNull()) {
            return List.of();
        }
        if (!child.isArray()) {
            throw new ConfigException(childPath(field), "expected a list, got " + child);
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            out.add(new Node(child.get(i), childPath(field) + "[" + i + "]"));
        }
        return out;
    }

    /** Returns the fields of an object node as child nodes, in file order. */
    List<Map.Entry<String, Node>> entries() {
        List<Map.Entry<String, Node>> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            out.add(Map.entry(e.getKey(), new Node(e.getValue(), childPath(e.getKey()))));
        }
        return out;
    }

    String string(String field, String fallback) {
        JsonNode child = json.get(field);
        if (child == null || child.isNull()) {
            return fallback;
        }
        if (!child.isString() && !child.isNumber()) {
            throw new ConfigException(childPath(field), "expected a string, got " + child);
        }
        return child.asString();
    }

    String requireString(String field) {
        String value = string(field, null);
        if (value == null || value.isBlank()) {
            throw new ConfigException(childPath(field), "missing: a string is required here");
        }
        return value;
    }

    double number(String field, double fallback, double min, double max) {
        JsonNode child = json.get(field);
        if (child == null || child.isNull()) {
            return fallback;
        }
        String expected = "expected a number" + range(min, max);
        if (!child.isNumber()) {
            throw new ConfigException(childPath(field), expected + ", got " + child);
        }
        double value = child.asDouble();
        if (value < min || value > max || !Double.isFinite(value)) {
            throw new ConfigException(childPath(field), expected + ", got " + child);
        }
        return value;
    }

    long integer(String field, long fallback, long min, long max) {
        JsonNode child = json.get(field);
        if (child == null || child.isNull()) {
            return fallback;
        }
        if (!child.isIntegralNumber() || !child.canConvertToLong() || child.asLong() < min || child.asLong() > max) {
            throw new ConfigException(childPath(field), "expected a whole number" + range(min, max) + ", got " + child);
        }
        return child.asLong();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode child = json.get(field);
        if (child == null || child.isNull()) {
            return fallback;
        }
        if (!child.isBoolean()) {
            throw new ConfigException(childPath(field), "expected true or false, got " + child);
        }
        return child.asBoolean();
    }

    LocalDate date(String field, LocalDate fallback) {
        String text = string(field, null);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigException(childPath(field), "expected a date (yyyy-MM-dd), got \"" + text + "\"", e);
        }
    }

    /** Reads a string field through {@code parse}, reporting its {@link IllegalArgumentException} at the field. */
    <T> T parsed(String field, T fallback, Function<String, T> parse) {
        String text = string(field, null);
        if (text == null) {
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(childPath(field), e.getMessage(), e);
        }
    }

    /** Reads one of {@code values} by name, ignoring case and dashes. */
    <E extends Enum<E>> E choice(String field, E fallback, Class<E> type) {
        String text = string(field, null);
        if (text == null) {
            return fallback;
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
        throw new ConfigException(childPath(field), "expected one of " + String.join(", ", names) + ", got \"" + text + "\""
                + Names.didYouMean(text.strip().toLowerCase(Locale.ROOT).replace('-', '_'), names));
    }

    private static String range(double min, double max) {
        if (min <= Long.MIN_VALUE && max >= Long.MAX_VALUE
                || min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
            return "";
        }
        if (max == Double.POSITIVE_INFINITY) {
            return " >= " + fmt(min);
        }
        return " in [" + fmt(min) + ", " + fmt(max) + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
