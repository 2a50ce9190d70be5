package dev.crashlab.config;

import dev.crashlab.results.check.RiskRule;
import java.util.Objects;

/**
 * One risk limit of the config's {@code checks}: a rule and the run it applies to.
 *
 * @param run  the run's name, or {@code null} for every run of the config
 * @param rule the rule
 * @param path the rule's place in the config, such as {@code checks[0].rules[1]}
 */
public record CheckConfig(String run, RiskRule rule, String path) {

    public CheckConfig {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(path, "path");
    }

    /** Returns whether this check applies to the run called {@code name}. */
    public boolean appliesTo(String name) {
        return run == null || run.equals(name);
    }
}
