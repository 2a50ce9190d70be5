package dev.crashlab.config;

import dev.crashlab.Names;
import dev.crashlab.strategy.ParameterException;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.RegimeClassifier;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyName;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes strategies from configuration: finds the class by short or full name, binds its
 * parameter record from JSON over the record's defaults, and wraps another strategy when the
 * class is a wrapper.
 *
 * <h2>Finding a class</h2>
 * A name with a dot is a fully qualified class name, loaded with the factory's class loader. A
 * name without one is first a short name: the simple name of a class annotated
 * {@link StrategyName}, or the name that annotation gives. The classes are found by reading the
 * classpath once, at the first short name asked for ({@link ShortNames}: the class folders and
 * the jars built against crashlab; 50–90 ms on the examples project). Two classes that claim
 * one name are an error naming both, raised when that name is used.
 *
 * <h2>Conventions a strategy follows</h2>
 * <ul>
 *   <li>Parameters are a record, say {@code Params}, whose components carry their rules
 *       ({@link dev.crashlab.strategy.Range}, {@link dev.crashlab.strategy.NonEmpty}) and whose
 *       {@code public static final Params DEFAULTS} gives the defaults (see {@link Parameters}).</li>
 *   <li>The strategy has one public constructor, taking {@code Params}; a wrapper's takes
 *       {@code (Strategy wrapped, Params)}. A strategy without parameters has a public
 *       no-argument constructor (a wrapper: {@code (Strategy wrapped)}).</li>
 * </ul>
 * The binder enforces the rules: unknown or missing parameters, values of the wrong type, out of
 * range or refused by the record are reported with their path: {@code runs[1].strategy.params.threshold:
 * expected a number in [0, 1), got 1.5}.
 */
public final class StrategyFactory {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ClassLoader loader;
    private ShortNames shortNames;
    private final Map<String, Class<?>> found = new ConcurrentHashMap<>();

    /**
     * Creates a factory that finds classes with {@code loader}: by fully qualified name, or by the
     * short name of a class annotated with {@link StrategyName} (see {@link ShortNames}; the
     * classpath is read once, at the first short name asked for).
     */
    public StrategyFactory(ClassLoader loader) {
        this.loader = loader;
    }

    /** Returns the short names of the {@link StrategyName} classes on the classpath, sorted. */
    public List<String> shortNames() {
        return shortNameIndex().names().stream().sorted().toList();
    }

    private synchronized ShortNames shortNameIndex() {
        if (shortNames == null) {
            shortNames = ShortNames.scan(loader);
        }
        return shortNames;
    }

    /** Returns the strategy class named {@code name}: a short name ({@link StrategyName}) or a fully qualified class name. */
    public Class<? extends Strategy> find(String name, String path) {
        return find(name, path, Strategy.class, "strategy");
    }

    /** Returns the regime classifier class named {@code name}: a short name ({@link StrategyName}) or a fully qualified class name. */
    public Class<? extends RegimeClassifier> findRegime(String name, String path) {
        return find(name, path, RegimeClassifier.class, "regime classifier");
    }

    private <T> Class<? extends T> find(String name, String path, Class<T> kind, String what) {
        // A sweep asks for the same name once per variant: the answer cannot change.
        Class<?> known = found.get(kind.getName() + " " + name);
        if (known != null) {
            return known.asSubclass(kind);
        }
        Class<? extends T> type = lookUp(name, path, kind, what);
        found.put(kind.getName() + " " + name, type);
        return type;
    }

    private <T> Class<? extends T> lookUp(String name, String path, Class<T> kind, String what) {
        if (!name.contains(".")) {
            List<Class<?>> claimants = shortNameIndex().claimants(name);
            List<Class<?>> ofKind = claimants.stream().filter(kind::isAssignableFrom).toList();
            if (ofKind.size() > 1) {
                throw new ConfigException(path, "short name \"" + name + "\" is claimed by " + String.join(" and ",
                        ofKind.stream().map(Class::getName).sorted().toList()) + "; name one by its fully qualified class name");
            }
            if (ofKind.size() == 1) {
                return ofKind.getFirst().asSubclass(kind);
            }
            if (!claimants.isEmpty()) {
                throw new ConfigException(path, "class " + claimants.getFirst().getName() + " (short name \"" + name
                        + "\") does not implement " + kind.getName());
            }
        }
        try {
            Class<?> type = Class.forName(name, false, loader);
            if (!kind.isAssignableFrom(type)) {
                throw new ConfigException(path, "class " + name + " does not implement " + kind.getName());
            }
            return type.asSubclass(kind);
        } catch (ClassNotFoundException e) {
            ShortNames index = shortNameIndex();
            List<String> known = index.names().stream()
                    .filter(n -> index.claimants(n).stream().anyMatch(kind::isAssignableFrom)).sorted().toList();
            throw new ConfigException(path, "unknown " + what + " \"" + name + "\": not a short name ("
                    + String.join(", ", known) + ") nor a class on the classpath"
                    + (index.problems().isEmpty() ? "" : "; " + String.join("; ", index.problems())), e);
        }
    }

    /** Returns a regime classifier of class {@code type} with parameters bound from {@code params}. */
    public RegimeClassifier createRegime(Class<? extends RegimeClassifier> type, JsonNode params, String path) {
        return prepare(type, params, false, false, path).make(null);
    }

    /** Returns whether {@code type} wraps another strategy (its constructor takes a {@link Strategy} first). */
    public static boolean isWrapper(Class<? extends Strategy> type) {
        return Arrays.stream(type.getConstructors())
                .anyMatch(c -> c.getParameterCount() >= 1 && c.getParameterTypes()[0] == Strategy.class);
    }

    /** Returns the parameter record type of {@code type}, or {@code null} when it takes none. */
    public static Class<? extends Record> paramsType(Class<?> type) {
        for (Constructor<?> c : type.getConstructors()) {
            Class<?>[] p = c.getParameterTypes();
            Class<?> last = p.length == 0 ? null : p[p.length - 1];
            if (last != null && last.isRecord()) {
                return last.asSubclass(Record.class);
            }
        }
        return null;
    }

    /**
     * Creates {@code type} with parameters bound from {@code params} (null or empty: the
     * defaults), wrapping {@code wrapped} when {@code type} is a wrapper.
     *
     * @param path the path of the strategy's config, for messages (such as {@code runs[1].strategy})
     */
    public Strategy create(Class<? extends Strategy> type, JsonNode params, Strategy wrapped, String path) {
        return maker(type, params, wrapped != null, path).apply(wrapped);
    }

    /**
     * Returns what makes strategies of {@code type} with parameters bound from {@code params}
     * (null or empty: the defaults) now, once: each call constructs one from the same bound
     * record, wrapping the strategy it is given when {@code wraps} (pass {@code null} otherwise).
     * A sweep makes thousands of strategies; binding is most of the cost of making one.
     *
     * @param wraps whether the strategies made wrap another (a wrapper in the config's {@code wrappers})
     * @param path  the path of the strategy's config, for messages (such as {@code runs[1].strategy})
     * @throws ConfigException if {@code type} cannot be made with these parameters, as a wrapper or not
     */
    public Function<Strategy, Strategy> maker(Class<? extends Strategy> type, JsonNode params, boolean wraps, String path) {
        Prepared<? extends Strategy> prepared = prepare(type, params, wraps, isWrapper(type), path);
        return prepared::make;
    }

    /** Checks that {@code type} is used as what it is, binds its parameters and finds its constructor. */
    private <T> Prepared<T> prepare(Class<? extends T> type, JsonNode params, boolean wraps, boolean wrapper, String path) {
        Class<? extends Record> paramsType = paramsType(type);
        if (wrapper && !wraps) {
            throw new ConfigException(path, type.getSimpleName() + " wraps another strategy: use it under wrappers");
        }
        if (!wrapper && wraps) {
            throw new ConfigException(path, type.getSimpleName() + " does not wrap a strategy: it cannot be a wrapper");
        }
        try {
            if (paramsType == null) {
                if (params != null && !params.isEmpty()) {
                    throw new ConfigException(path + ".params", type.getSimpleName() + " takes no parameters");
                }
                return new Prepared<>(wrapper ? type.getConstructor(Strategy.class) : type.getConstructor(), null, wrapper, path);
            }
            Record bound = bind(paramsType, params, path + ".params");
            return new Prepared<>(wrapper ? type.getConstructor(Strategy.class, paramsType) : type.getConstructor(paramsType),
                    bound, wrapper, path);
        } catch (NoSuchMethodException e) {
            throw new ConfigException(path, type.getName() + " has no public constructor "
                    + (wrapper ? "(Strategy" + (paramsType == null ? ")" : ", " + paramsType.getSimpleName() + ")")
                    : "(" + (paramsType == null ? "" : paramsType.getSimpleName()) + ")"), e);
        }
    }

    /** A class's constructor and its bound parameters ({@code null} for none): makes instances without binding again. */
    private record Prepared<T>(Constructor<? extends T> constructor, Record params, boolean wrapper, String path) {

        T make(Strategy wrapped) {
            Class<?> type = constructor.getDeclaringClass();
            try {
                if (params == null) {
                    return wrapper ? constructor.newInstance(wrapped) : constructor.newInstance();
                }
                return wrapper ? constructor.newInstance(wrapped, params) : constructor.newInstance(params);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof ParameterException p) {
                    throw new ConfigException(path + ".params." + p.parameter(), p.problem(), e);
                }
                throw new ConfigException(path, type.getSimpleName() + " refused its parameters: " + e.getCause().getMessage(), e);
            } catch (ReflectiveOperationException e) {
                throw new ConfigException(path, "cannot create " + type.getName() + ": " + e, e);
            }
        }
    }

    /**
     * Returns the record {@code type} bound from {@code params} over its {@code DEFAULTS}, and
     * checked by {@link Parameters#check}; every problem names its path under {@code path}.
     */
    public static <R extends Record> R bind(Class<R> type, JsonNode params, String path) {
        ObjectNode tree = merged(type, defaults(type, path), params, path);
        R bound;
        try {
            bound = JSON.treeToValue(tree, type);
        } catch (DatabindException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String field = e.getPath().isEmpty() ? "" : "." + e.getPath().getFirst().getPropertyName();
            String problem = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new ConfigException(path + field, problem, e);
        } catch (JacksonException e) {
            throw new ConfigException(path, e.getOriginalMessage(), e);
        }
        try {
            return Parameters.check(bound);
        } catch (ParameterException e) {
            throw new ConfigException(path + "." + e.parameter(), e.problem(), e);
        }
    }

    /**
     * The defaults of each parameter record as a tree, made once (binding copies it), or the
     * error that refused them; a class value, so that a project's classes are not held past its
     * class loader.
     */
    private static final ClassValue<Object> DEFAULT_TREES = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            try {
                Record defaults = Parameters.defaults(type.asSubclass(Record.class));
                return defaults == null ? JSON.createObjectNode() : JSON.valueToTree(defaults);
            } catch (ExceptionInInitializerError e) {
                return e;
            }
        }
    };

    private static ObjectNode defaults(Class<? extends Record> type, String path) {
        Object tree = DEFAULT_TREES.get(type);
        if (tree instanceof ExceptionInInitializerError e) {
            throw new ConfigException(path, "the DEFAULTS of " + type.getName().replace('$', '.') + " are refused: "
                    + e.getCause().getMessage(), e);
        }
        return ((ObjectNode) tree).deepCopy();
    }

    /**
     * Returns {@code base} with the fields of {@code params} set over it, each checked against its
     * component; a nested record given as an object is merged the same way over its value in
     * {@code base} (or its own DEFAULTS), so {@code {etf: {days: 5}}} changes one field of it.
     */
    private static ObjectNode merged(Class<? extends Record> type, ObjectNode base, JsonNode params, String path) {
        RecordComponent[] components = type.getRecordComponents();
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw new ConfigException(path, "expected an object of parameters, got " + params);
            }
            for (Map.Entry<String, JsonNode> field : params.properties()) {
                RecordComponent component = Arrays.stream(components).filter(c -> c.getName().equals(field.getKey()))
                        .findFirst().orElseThrow(() -> new ConfigException(path + "." + field.getKey(),
                                "unknown parameter" + Names.didYouMean(field.getKey(), Arrays.stream(components)
                                        .map(RecordComponent::getName).toList()) + "; " + type.getName().replace('$', '.') + " takes "
                                        + String.join(", ", Arrays.stream(components).map(RecordComponent::getName).toList())));
                String at = path + "." + field.getKey();
                JsonNode value = field.getValue();
                if (component.getType().isRecord() && value.isObject()) {
                    Class<? extends Record> nested = component.getType().asSubclass(Record.class);
                    JsonNode inner = base.get(field.getKey());
                    value = merged(nested, inner instanceof ObjectNode o ? o.deepCopy() : defaults(nested, at), value, at);
                } else {
                    value = checked(component, value, at);
                }
                base.set(field.getKey(), value);
            }
        }
        for (RecordComponent component : components) {
            if (!base.has(component.getName())) {
                throw new ConfigException(path + "." + component.getName(), "missing; " + type.getName().replace('$', '.')
                        + " has no DEFAULTS, so every parameter must be given");
            }
        }
        return base;
    }

    /** Checks a scalar against the component's type (its range is {@link Parameters#check}'s); hands anything else to Jackson. */
    private static JsonNode checked(RecordComponent component, JsonNode value, String path) {
        Class<?> t = component.getType();
        boolean integral = t == int.class || t == long.class || t == Integer.class || t == Long.class;
        boolean decimal = t == double.class || t == float.class || t == Double.class || t == Float.class;
        if (integral || decimal) {
            if (!value.isNumber() || (integral && !value.canConvertToExactIntegral())) {
                throw new ConfigException(path, "expected " + Parameters.expected(component) + ", got " + value);
            }
            return value;
        }
        if (t == boolean.class || t == Boolean.class) {
            if (!value.isBoolean()) {
                throw new ConfigException(path, "expected true or false, got " + value);
            }
            return value;
        }
        if (t == String.class) {
            if (!value.isString()) {
                throw new ConfigException(path, "expected a string, got " + value);
            }
            return value;
        }
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : t.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            String wanted = value.isString() ? value.asString().strip().toUpperCase(Locale.ROOT).replace('-', '_') : null;
            if (wanted == null || !names.contains(wanted)) {
                List<String> lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
                throw new ConfigException(path, "expected one of " + String.join(", ", lower) + ", got " + value
                        + (wanted == null ? "" : Names.didYouMean(wanted.toLowerCase(Locale.ROOT), lower)));
            }
            return JSON.getNodeFactory().stringNode(wanted);
        }
        return value;
    }

    /** Returns a record's components and values, for echoing parameters in results. */
    public static Map<String, Object> describe(Record params) {
        if (params == null) {
            return Map.of();
        }
        return JSON.convertValue(params, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    }
}
