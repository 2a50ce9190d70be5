package dev.crashlab.strategies;

import dev.crashlab.strategy.CrisisWindow;
import java.time.LocalDate;
import java.util.List;

/**
 * The named crisis windows of crypto's 2020–2025 history, marked on report charts: what
 * {@link CrashRegime} names, and what any regime classifier of one's own may return from
 * {@code namedWindows()}. strategies/README.md says what happened in each.
 */
public final class CryptoCrises {

    /** The windows, in time order, dates inclusive (UTC days). */
    public static final List<CrisisWindow> WINDOWS = List.of(
            new CrisisWindow("COVID crash", LocalDate.of(2020, 3, 12), LocalDate.of(2020, 3, 16),
                    "Black Thursday: BTC fell 38% on 12 March 2020 as stocks and gold sold off together"),
            new CrisisWindow("LUNA/UST collapse", LocalDate.of(2022, 5, 7), LocalDate.of(2022, 5, 13),
                    "UST lost its dollar peg from 7 May 2022 and LUNA went to nearly zero by 13 May"),
            new CrisisWindow("Celsius and 3AC", LocalDate.of(2022, 6, 12), LocalDate.of(2022, 6, 18),
                    "Celsius froze withdrawals on 12 June 2022, Three Arrows Capital failed, BTC fell below 20k"),
            new CrisisWindow("FTX collapse", LocalDate.of(2022, 11, 6), LocalDate.of(2022, 11, 11),
                    "A run on FTX from 6 November 2022; withdrawals halted on the 8th, bankruptcy on the 11th"),
            new CrisisWindow("10 October 2025 liquidations", LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 11),
                    "A tariff threat set off the largest liquidation of leveraged crypto positions on record"),
            new CrisisWindow("November 2025 drawdown", LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 21),
                    "BTC fell from its October high of about 125k to 85k as tech, gold and Asian stocks sold off "
                            + "and spot-BTC ETFs bled"));

    private CryptoCrises() {
    }
}
