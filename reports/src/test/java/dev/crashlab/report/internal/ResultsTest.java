package dev.crashlab.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.report.ReportException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultsTest {

    private static final String MINIMAL = """
            {"schema": "crashlab-results/1", "name": "tiny", "strategy": {"name": "S", "parameters": {"n": 3, "s": "x"}},
             "period": {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z", "steps": 3, "periodsPerYear": 365},
             "universe": [{"symbol": "BTC-USD", "assetClass": "crypto", "quoteCurrency": "USD", "calendar": "24/7"}],
             "synthetic": false, "data": [],
             "metrics": {"totalReturn": 0.5, "sharpe": null},
             "positions": {"BTC-USD": 0.0},
             "equity": [
               {"time": "2024-01-01T00:00:00Z", "equity": 100, "cash": 100, "contributions": 0, "long": 0, "short": 0},
               {"time": "2024-01-02T00:00:00Z", "equity": 120, "cash": 0, "contributions": 0, "long": 120, "short": 0},
               {"time": "2024-01-03T00:00:00Z", "equity": 150, "cash": 0, "contributions": 0, "long": 150, "short": 0}],
             "prices": {"BTC-USD": [10, null, 15]},
             "fills": [], "trades": [], "events": [], "benchmark": null, "regimes": null, "series": {}}
            """;

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void readsTheSeriesAndTurnsNullsIntoNaN() {
        Results r = Results.of(json(MINIMAL));

        assertThat(r.name()).isEqualTo("tiny");
        assertThat(r.parameters()).containsExactly(java.util.Map.entry("n", "3"), java.util.Map.entry("s", "x"));
        assertThat(r.equity()).containsExactly(100, 120, 150);
        assertThat(r.prices().get("BTC-USD")[1]).isNaN();
        assertThat(r.metric("totalReturn")).isEqualTo(0.5);
        assertThat(r.metric("sharpe")).isNaN();
        assertThat(r.metric("cagr")).isNaN();
        assertThat(r.benchmark()).isNull();
        assertThat(r.regimes()).isNull();
        assertThat(r.hasContributions()).isFalse();
        assertThat(r.openPositions()).isEmpty();
    }

    @Test
    void rejectsAnotherSchemaNamingTheField() {
        assertThatThrownBy(() -> Results.of(json(MINIMAL.replace("crashlab-results/1", "crashlab-results/9"))))
                .isInstanceOf(ReportException.class)
                .hasMessage("results.json: field 'schema': expected \"crashlab-results/1\", got \"crashlab-results/9\"");
    }

    @Test
    void rejectsABadTimeNamingItsPath() {
        assertThatThrownBy(() -> Results.of(json(MINIMAL.replace("\"2024-01-02T00:00:00Z\", \"equity\"", "\"yesterday\", \"equity\""))))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("field 'equity[1].time'")
                .hasMessageContaining("\"yesterday\"")
                .extracting(e -> ((ReportException) e).field()).isEqualTo("equity[1].time");
    }

    @Test
    void rejectsPricesOfTheWrongLength() {
        assertThatThrownBy(() -> Results.of(json(MINIMAL.replace("[10, null, 15]", "[10, 15]"))))
                .hasMessageContaining("field 'prices.BTC-USD': 2 values for 3 steps");
    }

    @Test
    void rejectsTimesThatDoNotIncrease() {
        assertThatThrownBy(() -> Results.of(json(MINIMAL.replace("2024-01-03T00:00:00Z\", \"equity\": 150",
                "2024-01-02T00:00:00Z\", \"equity\": 150"))))
                .hasMessageContaining("field 'equity[2].time': times must increase");
    }
}
