package dev.crashlab.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrategyFrameTest {

    private static StackTraceElement frame(String type, String method, String file, int line) {
        return new StackTraceElement(type, method, file, line);
    }

    private static RuntimeException thrownAt(RuntimeException e, StackTraceElement... frames) {
        e.setStackTrace(frames);
        return e;
    }

    private static final StackTraceElement ENGINE = frame("dev.crashlab.backtest.Run", "execute", "Run.java", 262);

    @Test
    void namesTheFirstFrameOutsideTheJdkTheEngineAndTa4j() {
        RuntimeException e = thrownAt(new NumberFormatException("x"),
                frame("java.lang.Integer", "parseInt", "Integer.java", 661),
                frame("org.ta4j.core.indicators.CachedIndicator", "getValue", "CachedIndicator.java", 100),
                frame("dev.crashlab.strategy.ForwardingContext", "bars", "ForwardingContext.java", 40),
                frame("com.example.quant.OversoldBuyer$RsiRule", "onBar", "OversoldBuyer.java", 63),
                frame("com.example.quant.OversoldBuyer", "onBar", "OversoldBuyer.java", 44),
                ENGINE);

        assertThat(StrategyFrame.suffix(e)).isEqualTo(" at com.example.quant.OversoldBuyer$RsiRule.onBar(OversoldBuyer.java:63)");
    }

    @Test
    void prefersTheInnermostCauseWhereTheStrategyWrappedAFailure() {
        RuntimeException cause = thrownAt(new IllegalStateException("deep"),
                frame("java.util.Objects", "requireNonNull", "Objects.java", 233),
                frame("com.example.Lab", "price", "Lab.java", 12),
                ENGINE);
        RuntimeException wrapped = thrownAt(new RuntimeException("wrapped", cause),
                frame("com.example.Lab", "onBar", "Lab.java", 30), ENGINE);

        assertThat(StrategyFrame.suffix(wrapped)).isEqualTo(" at com.example.Lab.price(Lab.java:12)");
    }

    @Test
    void seedStrategiesCountAsTheStrategysOwnCode() {
        RuntimeException e = thrownAt(new ArithmeticException(),
                frame("dev.crashlab.strategies.DcaOnDrawdown", "buy", "DcaOnDrawdown.java", 77), ENGINE);

        assertThat(StrategyFrame.suffix(e)).isEqualTo(" at dev.crashlab.strategies.DcaOnDrawdown.buy(DcaOnDrawdown.java:77)");
    }

    @Test
    void addsNothingWhenNoFrameIsTheStrategys() {
        assertThat(StrategyFrame.suffix(thrownAt(new IllegalStateException(), ENGINE))).isEmpty();
        assertThat(StrategyFrame.suffix(thrownAt(new IllegalStateException(),
                frame("com.example.Lab", "onBar", null, -1)))).isEqualTo(" at com.example.Lab.onBar(unknown source)");
    }
}
