package com.example.quant;

import dev.crashlab.clock.Schedule;
import dev.crashlab.strategies.EtfOutflowFilter;
import dev.crashlab.strategy.Parameters;
import dev.crashlab.strategy.Range;
import dev.crashlab.strategy.Strategy;
import dev.crashlab.strategy.StrategyContext;
import dev.crashlab.strategy.StrategyName;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * Buys the dip when it is oversold and the ETFs have stopped bleeding: every week, if ta4j's RSI
 * of the closes is below {@code oversold}, it buys for {@code amount}; crashlab's
 * {@link EtfOutflowFilter} holds those buys back while the week's spot-ETF flows are negative.
 * It sells everything once the RSI is above {@code overbought}.
 */
@StrategyName
public final class OversoldBuyer implements Strategy {

    /** Parameters: the RSI's bars and levels, the cash of a weekly buy, the days of flows summed. */
    public record Params(String symbol, @Range(min = 2) int rsiBars, @Range(min = 0, max = 100) double oversold,
            @Range(min = 0, max = 100) double overbought, @Range(min = 0) double amount, @Range(min = 1) int flowDays) {
        public static final Params DEFAULTS = new Params("BTC-USD", 14, 40, 75, 100, 7);
    }

    private final Strategy filtered;

    public OversoldBuyer(Params params) {
        this.filtered = new EtfOutflowFilter(new RsiRule(Parameters.check(params)),
                new EtfOutflowFilter.Params("etf_flows", params.flowDays(), 0, EtfOutflowFilter.Policy.SKIP));
    }

    @Override
    public void init(StrategyContext ctx) {
        filtered.init(ctx);
    }

    @Override
    public void onBar(StrategyContext ctx) {
        filtered.onBar(ctx);
    }

    /** The rule itself, before the flow filter. */
    private static final class RsiRule implements Strategy {
        private final Params params;
        private RSIIndicator rsi;
        private Schedule.Tracker weeks;

        RsiRule(Params params) {
            this.params = params;
        }

        @Override
        public void init(StrategyContext ctx) {
            rsi = new RSIIndicator(new ClosePriceIndicator(ctx.ta4j(params.symbol())), params.rsiBars());
            weeks = Schedule.WEEKLY.tracker(ctx.start());
        }

        @Override
        public void onBar(StrategyContext ctx) {
            double value = rsi.getValue(rsi.getBarSeries().getEndIndex()).doubleValue();
            if (weeks.due(ctx.timeMillis()) > 0 && value < params.oversold() && ctx.portfolio().availableCash() > 0) {
                ctx.buyValue(params.symbol(), Math.min(params.amount(), ctx.portfolio().availableCash()));
            } else if (value > params.overbought() && ctx.portfolio().quantity(params.symbol()) > 0) {
                ctx.closePosition(params.symbol());
            }
        }
    }
}
