package dev.crashlab.strategy;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * The rules of a strategy's parameter record, declared once on the record and enforced in one
 * place, for config binding and for code that builds the record itself.
 *
 * <h2>A parameter record</h2>
 * <pre>{@code
 * public record Params(String symbol, @Range(min = 0, minExcluded = true) double amount,
 *         @Range(min = 0, max = 1, maxExcluded = true) double threshold) {
 *     public static final Params DEFAULTS = new Params("BTC-USD", 100, 0.2);
 * }
 *
 * public DcaOnDrawdown(Params params) {
 *     this.p = Parameters.check(params);
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Defaults</b> are the record's {@code public static final DEFAULTS}: config binding
 *       starts from it ({@code {"threshold": 0.35}} changes one parameter), code writes
 *       {@code Params.DEFAULTS} or a full record. A record without {@code DEFAULTS} needs every
 *       parameter in the config.</li>
 *   <li><b>Checks</b> ({@link #check}): no component is {@code null}; strings are not blank;
 *       numbers are finite, within their {@link Range} and not above the component their
 *       {@link AtMost} names; lists marked {@link NonEmpty} hold an element; list elements and
 *       nested records follow the same rules. Config binding runs
 *       them on every bound record and names the config path; a strategy's one constructor runs
 *       them too, so a record built in code cannot bypass them. A compact constructor is left
 *       for what no annotation can say, or to normalise a value (sort a list).</li>
 * </ul>
 */
public final class Parameters {

    private Parameters() {
    }

    /**
     * Returns {@code params} once every component follows the rules above; throws a
     * {@link ParameterException} naming the first that does not.
     */
    public static <R extends Record> R check(R params) {
        if (params == null) {
            throw new IllegalArgumentException("parameters must be given, got null");
        }
        check(recordName(params.getClass()), "", params);
        return params;
    }

    /** Returns the record's {@code static final DEFAULTS} (public by convention), or {@code null} when it declares none. */
    public static <R extends Record> R defaults(Class<R> type) {
        Field field;
        try {
            field = type.getDeclaredField("DEFAULTS");
        } catch (NoSuchFieldException e) {
            return null;
        }
        if (!Modifier.isStatic(field.getModifiers()) || field.getType() != type) {
            return null;
        }
        try {
            field.trySetAccessible(); // a record that is not public, in the user's own package
            return type.cast(field.get(null));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + type.getName() + ".DEFAULTS", e);
        }
    }

    /**
     * Returns what a value of {@code component} must be, for messages: {@code a number in [0, 1)},
     * {@code an integer in [1, ∞]}, {@code a number}, {@code an integer}.
     */
    public static String expected(RecordComponent component) {
        Class<?> t = component.getType();
        boolean integral = t == int.class || t == long.class || t == Integer.class || t == Long.class;
        Range range = component.getAnnotation(Range.class);
        return (integral ? "an integer" : "a number") + (range == null ? "" : " in " + rangeText(range));
    }

    /**
     * A record component as the checks read it, found once per record class: reflection on a
     * record's components builds new objects and parses annotations at every call, which made
     * checking a record cost more than running a short backtest (a sweep checks thousands).
     */
    private record Rule(RecordComponent component, String name, Method accessor, Range range, AtMost atMost,
            boolean nonEmpty, Type elementType) {

        static Rule of(RecordComponent component) {
            Method accessor = component.getAccessor();
            accessor.trySetAccessible(); // a record that is not public, in the user's own package
            Type elementType = component.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
            return new Rule(component, component.getName(), accessor, component.getAnnotation(Range.class),
                    component.getAnnotation(AtMost.class), component.isAnnotationPresent(NonEmpty.class), elementType);
        }

        Object read(Record params, String record) {
            try {
                return accessor.invoke(params);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + record + "." + name, e);
            }
        }
    }

    private static final ClassValue<List<Rule>> RULES = new ClassValue<>() {
        @Override
        protected List<Rule> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(Rule::of).toList();
        }
    };

    private static void check(String record, String prefix, Record params) {
        List<Rule> rules = RULES.get(params.getClass());
        for (Rule rule : rules) {
            Object value = rule.read(params, record);
            // The parameter's name (prefix + rule.name()) is built only for a failure or a nested
            // record: a sweep checks every variant's parameters, and nearly all pass.
            if (value instanceof Number number && !(value instanceof Integer || value instanceof Long)) {
                if (!Double.isFinite(number.doubleValue())) {
                    throw new ParameterException(record, prefix + rule.name(), "expected a finite number, got " + number);
                }
            }
            Range range = rule.range();
            if (range != null && value instanceof Number number && !within(range, number.doubleValue())) {
                throw new ParameterException(record, prefix + rule.name(), "expected " + expected(rule.component()) + ", got "
                        + plain(number));
            }
            AtMost atMost = rule.atMost();
            if (atMost != null && value instanceof Number number) {
                double limit = other(params, rules, atMost.value(), record, prefix + rule.name());
                if (number.doubleValue() > limit) {
                    throw new ParameterException(record, prefix + rule.name(), "expected at most " + prefix + atMost.value()
                            + " (" + plain(limit) + "), got " + plain(number));
                }
            }
            if (rule.nonEmpty() && value instanceof List<?> list && list.isEmpty()) {
                throw new ParameterException(record, prefix + rule.name(), "expected at least one element, got []");
            }
            checkValue(record, prefix, rule.name(), -1, value);
            if (value instanceof List<?> list) {
                Type elementType = rule.elementType();
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    checkValue(record, prefix, rule.name(), i, element);
                    if (element instanceof Number number && elementType != Integer.class && elementType != Long.class
                            && !Double.isFinite(number.doubleValue())) {
                        throw new ParameterException(record, nameOf(prefix, rule.name(), i),
                                "expected a finite number, got " + number);
                    }
                }
            }
        }
    }

    /** Returns the name of component {@code component} after {@code prefix}, of its element {@code index} when it is not negative. */
    private static String nameOf(String prefix, String component, int index) {
        return index < 0 ? prefix + component : prefix + component + "[" + index + "]";
    }

    /** Returns the numeric value of the component {@code name} of {@code params}, named by an {@link AtMost}. */
    private static double other(Record params, List<Rule> rules, String name, String record, String annotated) {
        for (Rule rule : rules) {
            if (rule.name().equals(name) && rule.read(params, record) instanceof Number n) {
                return n.doubleValue();
            }
        }
        throw new IllegalStateException(record + "." + annotated + ": @AtMost names " + name + ", not a numeric component");
    }

    /**
     * Checks what holds for a value wherever it sits (the component {@code component} after
     * {@code prefix}, its element {@code index} when not negative): given, not blank, a nested
     * record's own rules.
     */
    private static void checkValue(String record, String prefix, String component, int index, Object value) {
        if (value == null) {
            throw new ParameterException(record, nameOf(prefix, component, index), "must be given");
        }
        if (value instanceof String s && s.isBlank()) {
            throw new ParameterException(record, nameOf(prefix, component, index),
                    "expected a non-blank string, got \"" + s + "\"");
        }
        if (value instanceof Record nested) {
            check(record, nameOf(prefix, component, index) + ".", nested);
        }
    }

    private static boolean within(Range range, double x) {
        boolean aboveMin = range.minExcluded() ? x > range.min() : x >= range.min();
        boolean belowMax = range.maxExcluded() ? x < range.max() : x <= range.max();
        return aboveMin && belowMax;
    }

    private static String rangeText(Range range) {
        return (range.minExcluded() ? "(" : "[") + bound(range.min()) + ", " + bound(range.max())
                + (range.maxExcluded() ? ")" : "]");
    }

    private static String bound(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Returns a number as written in a config: {@code 2} rather than {@code 2.0}. */
    private static String plain(Number n) {
        double v = n.doubleValue();
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : n.toString();
    }

    /** Returns {@code DcaOnDrawdown.Params} for a nested record, the simple name otherwise. */
    private static String recordName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }
}
