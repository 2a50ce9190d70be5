package dev.crashlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.clock.Schedule;
import dev.crashlab.strategy.ParameterException;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.testing.TestStrategies.Dip;
import dev.crashlab.testing.TestStrategies.Twice;
import dev.crashlab.testing.TestStrategies.TwinB;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StrategyFactoryTest {

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    private final StrategyFactory factory = new StrategyFactory(getClass().getClassLoader());

    /** Records that are not public, in the user's own package, bind as public ones do. */
    record Tier(@Range(min = 0, max = 1) double drawdown, double multiplier) {
    }

    record Tiered(List<Tier> tiers) {
        static final Tiered DEFAULTS = new Tiered(List.of());
    }

    record NoDefaults(double x) {
    }

    @Test
    void bindsParametersOverTheRecordsDefaults() {
        Dip dip = (Dip) factory.create(Dip.class, json("{\"threshold\": 0.35, \"period\": \"monthly\"}"), null, "strategy");

        assertThat(dip.params).isEqualTo(new Dip.Params(0.35, 365, Schedule.MONTHLY, List.of()));
        assertThat(((Dip) factory.create(Dip.class, null, null, "strategy")).params).isEqualTo(Dip.Params.DEFAULTS);
    }

    @Test
    void namesThePathAndTheRangeOfABadNumber() {
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"threshold\": \"abc\"}"), null, "runs[1].strategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("runs[1].strategy.params.threshold: expected a number in [0, 1], got \"abc\"");
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"threshold\": 1.5}"), null, "runs[1].strategy"))
                .hasMessage("runs[1].strategy.params.threshold: expected a number in [0, 1], got 1.5");
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"lookbackDays\": 2.5}"), null, "strategy"))
                .hasMessage("strategy.params.lookbackDays: expected an integer in [1, ∞], got 2.5");
    }

    @Test
    void enforcesTheRecordsRulesAfterBindingNamingTheConfigPath() {
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"threshold\": 1.5}"), null, "runs[3].strategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("runs[3].strategy.params.threshold: expected a number in [0, 1], got 1.5");
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"lookbackDays\": 0}"), null, "runs[3].strategy"))
                .hasMessage("runs[3].strategy.params.lookbackDays: expected an integer in [1, ∞], got 0");
        assertThatThrownBy(() -> StrategyFactory.bind(Tiered.class,
                json("{\"tiers\": [{\"drawdown\": 0.2, \"multiplier\": 1}, {\"drawdown\": 2, \"multiplier\": 1}]}"),
                "runs[0].strategy.params"))
                .hasMessage("runs[0].strategy.params.tiers[1].drawdown: expected a number in [0, 1], got 2");
    }

    @Test
    void needsEveryParameterOfARecordWithoutDefaults() {
        assertThatThrownBy(() -> StrategyFactory.bind(NoDefaults.class, json("{}"), "strategy.params"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("strategy.params.x: missing; dev.crashlab.config.StrategyFactoryTest.NoDefaults has no DEFAULTS,"
                        + " so every parameter must be given");
        assertThat(StrategyFactory.bind(NoDefaults.class, json("{\"x\": 2}"), "strategy.params").x())
                .isEqualTo(2);
    }

    @Test
    void aStrategyBuiltInCodeRunsTheSameChecks() {
        assertThatThrownBy(() -> new Dip(new Dip.Params(2, 365, Schedule.WEEKLY, List.of())))
                .isInstanceOf(ParameterException.class)
                .hasMessage("TestStrategies.Dip.Params.threshold: expected a number in [0, 1], got 2");
    }

    @Test
    void refusesUnknownParametersListingTheKnownOnes() {
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"treshold\": 0.2}"), null, "strategy"))
                .hasMessage("strategy.params.treshold: unknown parameter; did you mean threshold?; dev.crashlab.testing.TestStrategies.Dip.Params"
                        + " takes threshold, lookbackDays, period, tiers");
    }

    @Test
    void refusesAnUnknownEnumValueListingTheKnownOnes() {
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"period\": \"hourly\"}"), null, "strategy"))
                .hasMessage("strategy.params.period: expected one of daily, weekly, monthly, got \"hourly\"");
    }

    @Test
    void reportsWhatTheRecordRefusesWithItsField() {
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"tiers\": null}"), null, "strategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("strategy.params.tiers: must be given");
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"tiers\": [0.1, null]}"), null, "strategy"))
                .hasMessage("strategy.params.tiers[1]: must be given");
        assertThatThrownBy(() -> factory.create(Dip.class, json("{\"tiers\": \"x\"}"), null, "strategy"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("strategy.params.tiers: ");
    }

    @Test
    void wrapsAnotherStrategyWhenTheClassIsAWrapper() {
        Strategy inner = new Dip(Dip.Params.DEFAULTS);
        Twice twice = (Twice) factory.create(Twice.class, json("{\"factor\": 3}"), inner, "strategy.wrappers[0]");

        assertThat(twice.wrapped).isSameAs(inner);
        assertThat(twice.params.factor()).isEqualTo(3);
        assertThat(StrategyFactory.isWrapper(Twice.class)).isTrue();
        assertThatThrownBy(() -> factory.create(Twice.class, null, null, "strategy"))
                .hasMessage("strategy: Twice wraps another strategy: use it under wrappers");
    }

    @Test
    void findsAnAnnotatedClassByItsSimpleNameOrTheNameItGives() {
        assertThat(factory.find("Dip", "strategy.class")).isEqualTo(Dip.class);
        assertThat(factory.find("double-up", "strategy.wrappers[0].class")).isEqualTo(Twice.class);
        assertThat(factory.shortNames()).contains("Dip", "double-up", "Twin").doesNotContain("Twice");
    }

    @Test
    void twoClassesClaimingOneShortNameAreAnErrorNamingBoth() {
        assertThatThrownBy(() -> factory.find("Twin", "runs[2].strategy.class"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("runs[2].strategy.class: short name \"Twin\" is claimed by dev.crashlab.testing.TestStrategies$TwinA"
                        + " and dev.crashlab.testing.TestStrategies$TwinB; name one by its fully qualified class name");
        assertThat(factory.find(TwinB.class.getName(), "strategy.class")).isEqualTo(TwinB.class);
    }

    @Test
    void aStrategysShortNameIsNoRegimeClassifier() {
        assertThatThrownBy(() -> factory.findRegime("Dip", "regime.class"))
                .hasMessage("regime.class: class dev.crashlab.testing.TestStrategies$Dip (short name \"Dip\") does not implement"
                        + " dev.crashlab.strategy.RegimeClassifier");
    }

    @Test
    void findsClassesByFullNameAndExplainsUnknownNames() {
        assertThat(factory.find(Dip.class.getName(), "strategy.class")).isEqualTo(Dip.class);
        assertThatThrownBy(() -> factory.find("NoSuchStrategy", "runs[0].strategy.class"))
                .hasMessageStartingWith("runs[0].strategy.class: unknown strategy \"NoSuchStrategy\": not a short name (BuyAndHold, Dip, Twin,"
                        + " double-up) nor a class on the classpath");
        assertThatThrownBy(() -> factory.find("java.lang.String", "strategy.class"))
                .hasMessage("strategy.class: class java.lang.String does not implement dev.crashlab.strategy.Strategy");
    }

    @Test
    void echoesParametersAsAMap() {
        assertThat(StrategyFactory.describe(Dip.Params.DEFAULTS)).containsEntry("threshold", 0.2).containsEntry("period", "WEEKLY");
    }
}
