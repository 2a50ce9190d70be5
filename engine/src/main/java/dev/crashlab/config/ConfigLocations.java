package dev.crashlab.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;

/**
 * Where each field of a config file stands: the line and column of every key and list element,
 * by the path errors use ({@code runs[1].strategy.params.threshold}), so that a
 * {@link ConfigException} can say {@code (crashlab.yaml:14:9)} beside its path.
 *
 * <p>A path the file does not spell (a run's field inherited from the top-level defaults) is
 * looked up as the top-level field it came from ({@code runs[1].costs.feeRate} as
 * {@code costs.feeRate}); otherwise as its nearest enclosing field that the file does spell.
 */
public final class ConfigLocations {

    /** No locations: for configs built in code. */
    public static final ConfigLocations NONE = new ConfigLocations("", Map.of());

    private final String file;
    private final Map<String, String> byPath;

    private ConfigLocations(String file, Map<String, String> byPath) {
        this.file = file;
        this.byPath = Map.copyOf(byPath);
    }

    /** Reads the locations of {@code bytes}, the content of {@code file}, with {@code mapper}'s parser. */
    static ConfigLocations read(Path file, byte[] bytes, ObjectMapper mapper) {
        Map<String, String> out = new HashMap<>();
        String name = file.getFileName().toString();
        try (JsonParser parser = mapper.createParser(bytes)) {
            walk(parser, parser.nextToken(), "", name, out);
        } catch (RuntimeException e) {
            return new ConfigLocations(name, Map.of()); // the tree parse reports the syntax error
        }
        return new ConfigLocations(name, out);
    }

    /** Records the locations inside the value whose first token is {@code token}, at {@code path}. */
    private static void walk(JsonParser parser, JsonToken token, String path, String name, Map<String, String> out) {
        if (token == JsonToken.START_OBJECT) {
            for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                String child = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
                out.putIfAbsent(child, at(name, parser.currentTokenLocation()));
                walk(parser, parser.nextToken(), child, name, out);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                String child = path + "[" + i++ + "]";
                out.putIfAbsent(child, at(name, parser.currentTokenLocation()));
                walk(parser, t, child, name, out);
            }
        }
    }

    private static String at(String name, TokenStreamLocation location) {
        return name + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /** Returns where {@code path} stands in the file ({@code crashlab.yaml:14:9}), or {@code null} when unknown. */
    public String of(String path) {
        if (path == null || byPath.isEmpty()) {
            return null;
        }
        String inherited = path.replaceFirst("^runs\\[\\d+\\]\\.", "");
        for (String candidate = path; !candidate.isEmpty(); candidate = parent(candidate)) {
            if (byPath.containsKey(candidate)) {
                // A run's own object spelled without this field: the field may come from the defaults.
                return !candidate.equals(path) && byPath.containsKey(inherited) ? byPath.get(inherited) : byPath.get(candidate);
            }
        }
        return byPath.get(inherited);
    }

    /** Returns {@code e} with its location in the file added, when known and not already there. */
    public ConfigException locate(ConfigException e) {
        String location = of(e.path());
        return location == null || e.location() != null ? e : e.at(location);
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** Returns the file's name, as locations spell it. */
    public String file() {
        return file;
    }
}
