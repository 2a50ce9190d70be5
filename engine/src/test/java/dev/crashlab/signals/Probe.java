package dev.crashlab.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crashlab.backtest.Backtest;
import dev.crashlab.data.MarketData;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads signals at every step of a real backtest over given data, as a strategy would, and checks
 * at each step that a signal is NaN exactly when it gives a reason.
 */
final class Probe {

    /** What one signal showed at one step. */
    record Reading(double value, String reason) {
    }

    private final Map<DataSignal, Map<LocalDate, Reading>> readings = new LinkedHashMap<>();

    private Probe() {
    }

    /** Runs a backtest over {@code data} from {@code from} to {@code to} (UTC dates) that reads {@code signals} at each step. */
    static Probe run(MarketData data, LocalDate from, LocalDate to, DataSignal... signals) {
        Probe probe = new Probe();
        for (DataSignal signal : signals) {
            probe.readings.put(signal, new LinkedHashMap<>());
        }
        Backtest.builder(data).initialCash(1_000).start(from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .end(to.atStartOfDay(ZoneOffset.UTC).toInstant()).strategy(() -> new Strategy() {
                    @Override
                    public void onBar(StrategyContext ctx) {
                        for (DataSignal signal : signals) {
                            double value = signal.value(ctx);
                            String reason = signal.unavailable(ctx);
                            assertThat(reason == null).as("%s at %s: NaN exactly when a reason is given (%s, %s)", signal.name(),
                                    ctx.date(), value, reason).isEqualTo(!Double.isNaN(value));
                            probe.readings.get(signal).put(ctx.date(), new Reading(value, reason));
                        }
                    }
                }).build().run();
        return probe;
    }

    /** Returns the value of {@code signal} at the step dated {@code date}. */
    double value(DataSignal signal, LocalDate date) {
        return reading(signal, date).value();
    }

    /** Returns the reason {@code signal} gave at the step dated {@code date}, or null. */
    String reason(DataSignal signal, LocalDate date) {
        return reading(signal, date).reason();
    }

    /** Returns the values of {@code signal} at each step, in step order. */
    List<Double> values(DataSignal signal) {
        return readings.get(signal).values().stream().map(Reading::value).toList();
    }

    /** Returns every reading of {@code signal}, by step date. */
    Map<LocalDate, Reading> readings(DataSignal signal) {
        return readings.get(signal);
    }

    private Reading reading(DataSignal signal, LocalDate date) {
        Reading reading = readings.get(signal).get(date);
        if (reading == null) {
            throw new IllegalArgumentException("no step dated " + date + " for " + signal.name());
        }
        return reading;
    }
}
