package dev.crashlab.strategies;

import dev.crashlab.strategy.CrisisWindow;
import java.util.List;

/**
 * The named crisis windows of crypto's 2020–2025 history, now {@link CrisisWindow#BUILT_IN} in the
 * strategy API, where the engine scores them for every configured run.
 *
 * @deprecated use {@link CrisisWindow#BUILT_IN}
 */
@Deprecated(forRemoval = true)
public final class CryptoCrises {

    /** The windows, in time order. @deprecated use {@link CrisisWindow#BUILT_IN} */
    @Deprecated(forRemoval = true)
    public static final List<CrisisWindow> WINDOWS = CrisisWindow.BUILT_IN;

    private CryptoCrises() {
    }
}
