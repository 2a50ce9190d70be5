package dev.crashlab.results;

import java.util.List;

/**
 * The margin terms of a run.
 *
 * @param mode             {@code cross} or {@code isolated}
 * @param initial          the initial margin, a fraction of gross exposure (1 / the leverage allowed)
 * @param maintenance      the first tier's maintenance rate
 * @param maintenanceTiers the maintenance rates by notional, from the lowest floor
 * @param liquidationFee   the liquidation fee, a fraction of notional
 */
public record MarginTerms(String mode, double initial, double maintenance, List<MaintenanceTier> maintenanceTiers,
        double liquidationFee) {

    public MarginTerms {
        maintenanceTiers = List.copyOf(maintenanceTiers);
    }
}
