package dev.crashlab.strategy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The range a numeric parameter must lie in, both ends included unless said otherwise:
 * {@code @Range(min = 0, max = 1, maxExcluded = true)} is [0, 1). {@link Parameters#check} enforces
 * it, for config binding and for code alike, and errors name it:
 * {@code params.threshold: expected a number in [0, 1), got 1.5}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {

    /** Returns the smallest allowed value. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Returns the largest allowed value. */
    double max() default Double.POSITIVE_INFINITY;

    /** Returns whether {@link #min()} itself is refused: {@code min = 0, minExcluded = true} is "greater than 0". */
    boolean minExcluded() default false;

    /** Returns whether {@link #max()} itself is refused. */
    boolean maxExcluded() default false;
}
