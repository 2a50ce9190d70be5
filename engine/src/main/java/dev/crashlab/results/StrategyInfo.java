package dev.crashlab.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The strategy of a run as its results name it.
 *
 * @param name       the strategy's name (its class's simple name unless it names itself)
 * @param parameters its bound parameters, wrappers included, as configured (free-form JSON)
 */
public record StrategyInfo(String name, ObjectNode parameters) {

    public StrategyInfo {
        Objects.requireNonNull(name, "name");
        parameters = parameters.deepCopy();
    }

    @Override
    public ObjectNode parameters() {
        return parameters.deepCopy();
    }

    /** Returns each parameter's value as text: strings as they are, anything else as JSON. */
    public Map<String, String> parameterTexts() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : parameters.properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isString() ? v.asString() : v.toString());
        }
        return out;
    }

    /** Returns the parameters as one line, {@code a=1, b=x}. */
    public String parametersLine() {
        StringBuilder sb = new StringBuilder();
        parameterTexts().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
