package dev.crashlab.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the records' constructors share: immutable copies of maps that keep their order. */
final class Fields {

    private Fields() {
    }

    /** Returns an unmodifiable copy of {@code map} that keeps its order. */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
