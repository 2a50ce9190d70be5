package dev.crashlab.strategy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The range a numeric parameter must lie in, both ends included. Config binding checks it and
 * names it in errors: {@code params.threshold: expected a number in [0, 1], got 1.5}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {

    /** Returns the smallest allowed value. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Returns the largest allowed value. */
    double max() default Double.POSITIVE_INFINITY;
}
