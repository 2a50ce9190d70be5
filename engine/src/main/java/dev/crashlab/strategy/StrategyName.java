package dev.crashlab.strategy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets configs name a strategy or regime classifier by a short name instead of its fully
 * qualified class name: {@code @StrategyName} alone registers the class's simple name
 * ({@code class: DcaOnDrawdown}), {@code @StrategyName("dip")} another one.
 *
 * <p>Nothing else is needed: no library class, no {@code META-INF/services} file, no annotation
 * processor. When a config names a class by a short name, crashlab reads the class files of the
 * classpath's class folders (a project's own {@code target/classes}) and of the jars built
 * against crashlab, and keeps the classes that carry this annotation; two classes claiming one
 * name are an error naming both. A class can always be named by its fully qualified name, with
 * or without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StrategyName {

    /** Returns the short name: letters, digits, {@code _} and {@code -}, no dot; empty (the default) for the class's simple name. */
    String value() default "";
}
