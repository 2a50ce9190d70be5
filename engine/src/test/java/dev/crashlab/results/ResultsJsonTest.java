package dev.crashlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading results.json: nulls as NaN, and every kind of broken file failing with the path of its field. */
class ResultsJsonTest {

    private static final String METRICS = """
            {"totalReturn": 0.5, "cagr": null, "volatility": null, "sharpe": null, "sortino": null, "maxDrawdown": 0.0,
             "maxDrawdownDays": 0.0, "calmar": null, "moneyWeightedReturn": null, "initialCash": 100.0,
             "netContributions": 0.0, "finalEquity": 150.0, "profit": 50.0, "exposure": 0.67, "turnover": 1.0,
             "feesPaid": 0.0, "fundingPaid": 0.0, "liquidations": 0, "trades": 0, "winRate": null, "profitFactor": null,
             "averageWin": null, "averageLoss": null, "bestTrade": null, "worstTrade": null, "beta": null,
             "correlation": null, "periodsPerYear": 365.0, "riskFreeRate": 0.0}""";

    /** The tail figures of a short series: too few periods for most. */
    private static final String TAIL = """
            {"periods": 2, "var95": 0.2, "cvar95": 0.2, "var99": 0.2, "cvar99": 0.2, "tailRatio": 1.25,
             "skewness": null, "excessKurtosis": null, "ulcerIndex": 0.0, "painIndex": 0.0, "longestUnderwaterDays": 0.0,
             "drawdowns": []}""";

    static final String MINIMAL = """
            {"schema": "crashlab-results/2", "crashlabVersion": "0.1.0", "generatedAt": "2026-01-02T03:04:05Z",
             "name": "tiny", "strategy": {"name": "S", "parameters": {"n": 3, "s": "x"}}, "config": {},
             "period": {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z", "steps": 3,
                        "periodsPerYear": 365, "interval": "1d"},
             "universe": [{"symbol": "BTC-USD", "assetClass": "crypto", "quoteCurrency": "USD", "calendar": "24/7"}],
             "synthetic": false, "warnings": [], "data": [],
             "account": {"initialCash": 100, "contributions": {"amount": 0, "period": "none"},
                         "margin": {"mode": "cross", "initial": 1, "maintenance": 0.004,
                                    "maintenanceTiers": [{"floor": 0, "rate": 0.004}], "liquidationFee": 0.01}},
             "costs": {"feeRate": 0.001, "fixedFee": 0, "slippageBps": 0, "fillMode": "next_open", "optimistic": false,
                       "pathRule": "nearest-extreme-first", "borrowRate": 0, "fundingRate": 0, "fundingSeries": {}},
             "metrics": %1$s,
             "tail": %2$s,
             "positions": {"BTC-USD": 0.0},
             "equity": [
               {"time": "2024-01-01T00:00:00Z", "equity": 100, "cash": 100, "contributions": 0, "long": 0, "short": 0},
               {"time": "2024-01-02T00:00:00Z", "equity": 120, "cash": 0, "contributions": 0, "long": 120, "short": 0},
               {"time": "2024-01-03T00:00:00Z", "equity": 150, "cash": 0, "contributions": 0, "long": 150, "short": 0}],
             "prices": {"BTC-USD": [10, null, 15]},
             "orders": [], "openOrders": [], "fills": [], "trades": [], "events": [], "benchmark": null,
             "regimes": {"labels": ["calm", "crash"], "steps": [0, 1, 1], "windows": [],
                         "metrics": [{"label": "calm", "steps": 1, "totalReturn": 0.2, "maxDrawdown": 0.0, "timeInMarket": 1.0,
                                      "tail": %3$s},
                                     {"label": "crash", "steps": 1, "totalReturn": 0.25, "maxDrawdown": 0.0, "timeInMarket": 1.0,
                                      "tail": %3$s}]},
             "crises": [{"name": "Up days", "from": "2024-01-02", "to": "2024-01-03", "description": "", "builtIn": false,
                         "coverage": "full", "periods": 2, "start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z",
                         "return": 0.5, "maxDrawdown": 0.0, "daysToRecover": 0.0, "recovery": "2024-01-03T00:00:00Z",
                         "tail": %2$s, "liquidations": 0, "fundingPaid": 0.0, "heldBack": 0, "benchmark": null}],
             "series": {},
             "tracked": [{"name": "gate", "kind": "state", "values": [null, 1, 0]}],
             "candles": null}
            """.formatted(METRICS, TAIL, TAIL.replace("\"periods\": 2", "\"periods\": 1"));

    private static RunResults read(String json) {
        return ResultsJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDocumentAndTurnsNullFiguresIntoNaN() {
        RunResults r = read(MINIMAL);

        assertThat(r.name()).isEqualTo("tiny");
        assertThat(r.strategy().parameterTexts()).containsExactly(Map.entry("n", "3"), Map.entry("s", "x"));
        assertThat(r.equityValues()).containsExactly(100, 120, 150);
        assertThat(r.priceValues("BTC-USD")[1]).isNaN();
        assertThat(r.metrics().totalReturn()).isEqualTo(0.5);
        assertThat(r.metrics().sharpe()).isNaN();
        assertThat(r.benchmark()).isNull();
        assertThat(r.regimes().steps()).containsExactly(0, 1, 1);
        assertThat(r.hasContributions()).isFalse();
        assertThat(r.openPositions()).isEmpty();
    }

    @Test
    void refusesAnUnknownSchemaNamingTheFileAndTheSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, MINIMAL.replace("crashlab-results/2", "crashlab-results/9"));

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ": field 'schema': expected \"crashlab-results/2\" (or \"crashlab-results/1\", which is"
                        + " converted), got \"crashlab-results/9\"");
    }

    @Test
    void namesTheRunWhoseFileIsBroken() {
        assertThatThrownBy(() -> {
            try {
                read(MINIMAL.replace("crashlab-results/2", "crashlab-results/9"));
            } catch (ResultsException e) {
                throw e.inRun("tiny");
            }
        }).hasMessageStartingWith("results.json of run 'tiny': field 'schema': ");
    }

    /** Returns the failure of reading {@link #MINIMAL} with {@code from} replaced by {@code to}. */
    private static AbstractThrowableAssert<?, ? extends Throwable> readingWith(String from, String to) {
        assertThat(MINIMAL).contains(from);
        return assertThatThrownBy(() -> read(MINIMAL.replace(from, to))).isInstanceOf(ResultsException.class);
    }

    @Test
    void rejectsABadTimeNamingItsPath() {
        readingWith("\"2024-01-02T00:00:00Z\", \"equity\"", "\"yesterday\", \"equity\"")
                .hasMessage("results.json: field 'equity[1].time': expected an ISO-8601 instant such as"
                        + " 2024-01-02T00:00:00Z, got \"yesterday\"")
                .extracting(e -> ((ResultsException) e).field()).isEqualTo("equity[1].time");
    }

    @Test
    void rejectsSeriesThatDoNotFitTogether() {
        readingWith("[10, null, 15]", "[10, 15]").hasMessage("results.json: field 'prices.BTC-USD': 2 values for 3 steps");
        readingWith("2024-01-03T00:00:00Z\", \"equity\": 150", "2024-01-02T00:00:00Z\", \"equity\": 150")
                .hasMessageContaining("field 'equity[2].time': times must increase");
        readingWith("\"steps\": [0, 1, 1]", "\"steps\": [0, 2, 1]")
                .hasMessage("results.json: field 'regimes.steps[1]': label index 2 outside 0..1");
        readingWith("[null, 1, 0]", "[1, 0]").hasMessage("results.json: field 'tracked[0].values': 2 values for 3 steps");
        readingWith("\"kind\": \"state\"", "\"kind\": \"flag\"")
                .hasMessageContaining("expected \"value\" or \"state\", got \"flag\"");
    }

    @Test
    void namesAMissingAnUnknownOrANullField() {
        readingWith("\"cash\": 0, \"contributions\": 0, \"long\": 120", "\"contributions\": 0, \"long\": 120")
                .hasMessage("results.json: field 'equity[1].cash': missing");
        readingWith("\"synthetic\": false, ", "").hasMessage("results.json: field 'synthetic': missing");
        readingWith("\"interval\": \"1d\"", "\"interval\": \"1d\", \"bars\": 3")
                .hasMessage("results.json: field 'period.bars': not a field of crashlab-results/2");
        readingWith("\"name\": \"tiny\"", "\"name\": null").hasMessage("results.json: field 'name': must not be null");
        readingWith("\"liquidations\": 0", "\"liquidations\": null")
                .hasMessageStartingWith("results.json: field 'metrics.liquidations': ");
    }

    @Test
    void readsTheTailFiguresAndTheCrisisScorecard() {
        RunResults r = read(MINIMAL);

        assertThat(r.tail().var95()).isEqualTo(0.2);
        assertThat(r.tail().skewness()).isNaN();
        assertThat(r.regimes().metrics().getFirst().tail().periods()).isEqualTo(1);
        assertThat(r.crisis("Up days")).get().satisfies(c -> {
            assertThat(c.totalReturn()).isEqualTo(0.5);
            assertThat(c.recovery()).isEqualTo(java.time.Instant.parse("2024-01-03T00:00:00Z"));
            assertThat(c.benchmark()).isNull();
        });
        assertThat(r.crisis("FTX collapse")).isEmpty();
    }

    @Test
    void aBrokenCrisisRowIsNamed() {
        readingWith("\"coverage\": \"full\"", "\"coverage\": \"most\"")
                .hasMessage("results.json: field 'crises[0].coverage': expected full, partial or none, got \"most\"");
        readingWith("\"heldBack\": 0, ", "").hasMessage("results.json: field 'crises[0].heldBack': missing");
    }

    @Test
    void aFigureWrittenAsTextIsNamed() {
        readingWith("\"totalReturn\": 0.5", "\"totalReturn\": \"0.5\"")
                .hasMessage("results.json: field 'metrics.totalReturn': expected a number or null");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> read("{\"schema\": "))
                .isInstanceOf(ResultsException.class)
                .hasMessageStartingWith("results.json: field '(root)': not valid JSON: ");
    }
}
