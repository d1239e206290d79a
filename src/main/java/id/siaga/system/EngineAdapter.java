package id.siaga.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a feature class that stands between the engine and the feature's rules: it reads
 * executions, tasks or the identity service and hands domain values to the rule classes. Together
 * with delegates and listeners, {@code @Configuration} classes, controllers and repositories, these
 * are the only classes of a feature that may use {@code org.camunda}; every other class of a
 * feature is a rule class and imports nothing from it ({@code ArchitectureTest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EngineAdapter {}
