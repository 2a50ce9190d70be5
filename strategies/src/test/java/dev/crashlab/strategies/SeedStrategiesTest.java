package dev.crashlab.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.config.StrategyFactory;
import dev.crashlab.strategy.BuyAndHold;
import dev.crashlab.strategy.Strategy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The seed strategies as configs reach them: by short name, bound and wrapped. */
class SeedStrategiesTest {

    private final StrategyFactory factory = new StrategyFactory(getClass().getClassLoader());
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void findsEverySeedStrategyByItsSimpleNameThroughItsAnnotation() {
        assertThat(factory.shortNames()).contains("BuyAndHold", "DcaOnDrawdown", "DecemberReboundThenShort", "EtfOutflowFilter",
                "Leveraged");
        assertThat(factory.find("DcaOnDrawdown", "runs[0].strategy.class")).isEqualTo(DcaOnDrawdown.class);
        assertThat(factory.findRegime("CrashRegime", "regime.class")).isEqualTo(CrashRegime.class);
    }

    @Test
    void createsAConfiguredStrategyAndWrapsItByShortNames() {
        Strategy dca = factory.create(factory.find("DcaOnDrawdown", "strategy.class"), json.readTree("{\"threshold\": 0}"), null,
                "strategy");
        Strategy filtered = factory.create(factory.find("EtfOutflowFilter", "wrappers[0].class"),
                json.readTree("{\"policy\": \"defer\"}"), dca, "wrappers[0]");
        Strategy leveraged = factory.create(factory.find("Leveraged", "wrappers[1].class"), json.readTree("{\"leverage\": 3}"),
                filtered, "wrappers[1]");

        assertThat(leveraged.name()).isEqualTo("Leveraged(EtfOutflowFilter(DcaOnDrawdown), 3×)");
        assertThat(StrategyFactory.isWrapper(EtfOutflowFilter.class)).isTrue();
        assertThat(StrategyFactory.isWrapper(Leveraged.class)).isTrue();
        assertThat(StrategyFactory.isWrapper(BuyAndHold.class)).isFalse();
        assertThat(factory.create(BuyAndHold.class, json.readTree("{\"symbols\": [\"X\"]}"), null, "benchmark"))
                .isInstanceOf(BuyAndHold.class);
    }
}
