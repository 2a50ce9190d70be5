package dev.crashlab.strategy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list parameter that must hold at least one element, such as the symbols of a basket.
 * {@link Parameters#check} enforces it: {@code params.symbols: expected at least one element, got []}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NonEmpty {
}
