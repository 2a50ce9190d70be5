package dev.crashlab.execution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maintenance tiers are the margin a position must keep, as a rate that rises with its notional:
 * a position of notional N in tier k (the last tier whose floor is at most N) must keep
 * {@code N × rate_k − amount_k}, where the amounts make the requirement continuous at each floor
 * ({@code amount_k = amount_{k−1} + floor_k × (rate_k − rate_{k−1})}, {@code amount_0 = 0}): the
 * form crypto venues publish ("maintenance margin = notional × rate − maintenance amount").
 *
 * <p>{@link #BINANCE_BTCUSDT} is the default: Binance's USDⓈ-M BTCUSDT perpetual tiers as
 * announced on 2021-03-18 ("Updates to Leverage and Margin Tiers of Binance Futures Contracts"):
 * 0.40 % up to 50,000 USDT of notional, 0.50 % to 250,000, 1 % to 1 M, 2.5 % to 10 M, 5 % to
 * 20 M, 10 % to 50 M, 12.5 % to 100 M, 15 % to 200 M, 25 % to 300 M and 50 % beyond. A 10× long
 * of a few thousand dollars is then liquidated when it has lost 96 % of its margin, as on the
 * venue, where a flat 5 % would leave it 40 %.
 */
public final class MaintenanceTiers {

    /**
     * One tier of the table.
     *
     * @param floor the notional from which the tier applies, in quote currency ({@code 0} for the first)
     * @param rate  the maintenance rate, a fraction of notional in [0, 1)
     */
    public record Tier(double floor, double rate) {
        public Tier {
            if (!(floor >= 0) || !Double.isFinite(floor)) {
                throw new IllegalArgumentException("a tier's floor must be a finite notional >= 0, got " + floor);
            }
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("a tier's rate must be a fraction in [0, 1), got " + rate);
            }
        }
    }

    /** Binance's BTCUSDT perpetual maintenance tiers of 2021-03-18: the default. */
    public static final MaintenanceTiers BINANCE_BTCUSDT = of(List.of(
            new Tier(0, 0.004), new Tier(50_000, 0.005), new Tier(250_000, 0.01), new Tier(1_000_000, 0.025),
            new Tier(10_000_000, 0.05), new Tier(20_000_000, 0.10), new Tier(50_000_000, 0.125),
            new Tier(100_000_000, 0.15), new Tier(200_000_000, 0.25), new Tier(300_000_000, 0.50)));

    private final double[] floors;
    private final double[] rates;
    private final double[] amounts;

    private MaintenanceTiers(double[] floors, double[] rates) {
        this.floors = floors;
        this.rates = rates;
        this.amounts = new double[floors.length];
        for (int k = 1; k < floors.length; k++) {
            amounts[k] = amounts[k - 1] + floors[k] * (rates[k] - rates[k - 1]);
        }
    }

    /** Returns a single rate for every notional. */
    public static MaintenanceTiers flat(double rate) {
        Tier only = new Tier(0, rate);
        return new MaintenanceTiers(new double[] {0}, new double[] {only.rate()});
    }

    /**
     * Returns the table of {@code tiers}: the first's floor is 0, floors increase and rates do not
     * decrease (a larger position never needs a smaller share of its notional).
     */
    public static MaintenanceTiers of(List<Tier> tiers) {
        Objects.requireNonNull(tiers, "tiers");
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("maintenance tiers need at least one tier");
        }
        if (tiers.getFirst().floor() != 0) {
            throw new IllegalArgumentException("the first maintenance tier must start at notional 0, got "
                    + tiers.getFirst().floor());
        }
        double[] floors = new double[tiers.size()];
        double[] rates = new double[tiers.size()];
        for (int k = 0; k < tiers.size(); k++) {
            Tier t = tiers.get(k);
            if (k > 0 && !(t.floor() > floors[k - 1])) {
                throw new IllegalArgumentException("maintenance tier " + k + ": floor " + t.floor()
                        + " must be above the previous tier's " + floors[k - 1]);
            }
            if (k > 0 && t.rate() < rates[k - 1]) {
                throw new IllegalArgumentException("maintenance tier " + k + ": rate " + t.rate()
                        + " must not be below the previous tier's " + rates[k - 1]);
            }
            floors[k] = t.floor();
            rates[k] = t.rate();
        }
        return new MaintenanceTiers(floors, rates);
    }

    /** Returns the tiers, lowest first. */
    public List<Tier> tiers() {
        List<Tier> out = new ArrayList<>();
        for (int k = 0; k < floors.length; k++) {
            out.add(new Tier(floors[k], rates[k]));
        }
        return List.copyOf(out);
    }

    /** Returns whether the table is one rate for every notional. */
    public boolean isFlat() {
        return floors.length == 1;
    }

    /** Returns the rate of the first tier, the lowest. */
    public double firstRate() {
        return rates[0];
    }

    /** Returns the maintenance margin a position of {@code notional} (quote currency, {@code >= 0}) must keep. */
    public double requirement(double notional) {
        int k = tierOf(notional);
        return notional * rates[k] - amounts[k];
    }

    private int tierOf(double notional) {
        int k = floors.length - 1;
        while (k > 0 && notional < floors[k]) {
            k--;
        }
        return k;
    }

    /** Returns how many tiers the table has. */
    int size() {
        return floors.length;
    }

    /** Returns the floor of tier {@code k}. */
    double floor(int k) {
        return floors[k];
    }

    /**
     * Returns the price at which a position of {@code quantity} units (negative: short) meets its
     * maintenance requirement, where the rest of what backs it is worth {@code backing} whatever
     * the price: the p with {@code backing + quantity × p = requirement(|quantity| × p)}. For a
     * long it is the highest such price below which the position is under water, for a short
     * the lowest above which it is; NaN when there is none (a long paid in full, a position of
     * 0). Each tier's requirement is linear in the price, so each tier is solved exactly and the
     * root that lies inside its own tier is the answer.
     */
    public double liquidationPrice(double quantity, double backing) {
        if (quantity == 0 || Double.isNaN(backing)) {
            return Double.NaN;
        }
        double units = Math.abs(quantity);
        // backing + q p − (|q| p r_k − a_k) = 0  ⇒  p = −(backing + a_k) / (q − |q| r_k)
        double best = Double.NaN;
        for (int k = 0; k < floors.length; k++) {
            double p = -(backing + amounts[k]) / (quantity - units * rates[k]);
            if (!(p > 0) || !Double.isFinite(p)) {
                continue;
            }
            double notional = units * p;
            boolean inside = notional >= floors[k] && (k + 1 == floors.length || notional < floors[k + 1]);
            if (inside) {
                best = p;
                break;
            }
        }
        return best;
    }

    /** Returns the table as text: {@code 0.4 % from 0, 0.5 % from 50000, ...}, or the name of a known table. */
    @Override
    public String toString() {
        if (this == BINANCE_BTCUSDT) {
            return "Binance BTCUSDT tiers (2021-03-18)";
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < floors.length; k++) {
            s.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %% from %s",
                    plain(rates[k] * 100), plain(floors[k])));
        }
        return s.toString();
    }

    private static String plain(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaintenanceTiers other && Arrays.equals(floors, other.floors) && Arrays.equals(rates, other.rates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(floors) + Arrays.hashCode(rates);
    }
}
