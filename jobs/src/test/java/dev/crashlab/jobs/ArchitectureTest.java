package dev.crashlab.jobs;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of crashlab's main code follow one direction, the data path of DESIGN.md:
 * data → clock → strategy API (with indicators and signals) → execution → portfolio → metrics →
 * results → engine → config → reports → jobs. A package may use only packages to its left; the
 * seed strategies use only the strategy API and what it stands on, and reports only results. No
 * two packages depend on each other. This runs in the jobs module, whose test classpath holds
 * every module's main classes but the Maven plugin's (a thin shell over the jobs).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // Main code only: neither this module's test classes nor the other modules' test-jars.
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("dev.crashlab");
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        ArchRule rule = slices().matching("dev.crashlab.(**)").should().beFreeOfCycles();
        rule.check(classes);
    }

    @Test
    void everyPackageUsesOnlyThePackagesBeforeItOnTheDataPath() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("version").definedBy("dev.crashlab")
                .layer("data").definedBy("dev.crashlab.data..")
                .layer("clock").definedBy("dev.crashlab.clock..")
                .layer("strategy API").definedBy("dev.crashlab.strategy..", "dev.crashlab.indicator..",
                        "dev.crashlab.signals..")
                .layer("seed strategies").definedBy("dev.crashlab.strategies..")
                .layer("execution").definedBy("dev.crashlab.execution..")
                .layer("portfolio").definedBy("dev.crashlab.portfolio..")
                .layer("metrics").definedBy("dev.crashlab.metrics..")
                .layer("results").definedBy("dev.crashlab.results..")
                .layer("engine").definedBy("dev.crashlab.backtest..", "dev.crashlab.stress..")
                .layer("config").definedBy("dev.crashlab.config..")
                .layer("reports").definedBy("dev.crashlab.report..")
                .layer("jobs").definedBy("dev.crashlab.jobs..")
                .whereLayer("version").mayNotAccessAnyLayer()
                .whereLayer("data").mayOnlyAccessLayers("version")
                .whereLayer("clock").mayOnlyAccessLayers("version", "data")
                .whereLayer("strategy API").mayOnlyAccessLayers("version", "data", "clock")
                .whereLayer("seed strategies").mayOnlyAccessLayers("version", "data", "clock", "strategy API")
                .whereLayer("execution").mayOnlyAccessLayers("version", "data", "clock", "strategy API")
                .whereLayer("portfolio").mayOnlyAccessLayers("version", "data", "clock", "strategy API", "execution")
                .whereLayer("metrics").mayOnlyAccessLayers("version", "data", "clock", "strategy API", "execution",
                        "portfolio")
                .whereLayer("results").mayOnlyAccessLayers("version", "data", "clock", "strategy API", "execution",
                        "portfolio", "metrics")
                .whereLayer("engine").mayOnlyAccessLayers("version", "data", "clock", "strategy API", "execution",
                        "portfolio", "metrics", "results")
                .whereLayer("config").mayOnlyAccessLayers("version", "data", "clock", "strategy API", "execution",
                        "portfolio", "metrics", "results", "engine")
                .whereLayer("reports").mayOnlyAccessLayers("version", "results")
                .whereLayer("jobs").mayOnlyAccessLayers("version", "data", "clock", "strategy API", "execution",
                        "portfolio", "metrics", "results", "engine", "config", "reports");
        rule.check(classes);
    }
}
