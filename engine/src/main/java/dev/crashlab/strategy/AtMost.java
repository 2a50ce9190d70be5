package dev.crashlab.strategy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A numeric parameter that must not exceed another component of its record, such as the first
 * day of a window and its last one ({@code @AtMost("entryToDay") int entryFromDay}), or a fast
 * average and a slow one. {@link Parameters#check} enforces it:
 * {@code params.entryFromDay: expected at most entryToDay (10), got 12}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AtMost {

    /** Returns the name of the component this one must not exceed. */
    String value();
}
