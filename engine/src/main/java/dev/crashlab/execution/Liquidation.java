package dev.crashlab.execution;

import java.util.Arrays;

/**
 * The liquidation trigger of a cross-margined account: where along a step's bar paths its
 * equity first falls below the maintenance requirement of its positions.
 *
 * <p>All bars of a step walk their paths in lockstep: at position x (0 to 4, see
 * {@link BarPath}) each instrument with a bar is at its path's price at x, the others at their
 * marks. Between two consecutive points every price moves in a straight line, so the equity
 * {@code cash + Σ q × p} is linear in x and the requirement {@code Σ tiers(|q| × p)} is convex
 * (rates rise with notional): their difference, the surplus, is concave on each leg. A leg whose
 * two ends are not below the requirement is therefore never below it in between, and on a leg
 * whose end is, the surplus is linear between the points where a notional crosses a tier's
 * floor, so the crossing is found exactly, not by iteration.
 *
 * <p>On the gap (positions 0 to 1) nothing trades: the account is liquidated there only if it
 * is below its requirement at the open; the point where the straight gap leg crossed the
 * requirement then orders the liquidation among the other events the gap triggered, all at
 * the open.
 */
public final class Liquidation {

    private Liquidation() {
    }

    /**
     * Returns the first position at or after {@code from} where the surplus of an account with
     * {@code cash} and {@code quantities} falls below zero, or NaN if it never does on the path.
     *
     * @param paths per instrument, its bar's path at this step, or {@code null} when it has no bar
     *              (it stays at its mark)
     * @param marks per instrument, the price used when it has no path
     */
    public static double crossing(double cash, double[] quantities, double[] marks, BarPath[] paths,
            MaintenanceTiers tiers, double from) {
        if (from < BarPath.OPEN && surplus(cash, quantities, marks, paths, tiers, BarPath.OPEN) >= 0) {
            // Nothing trades on the gap: an account that meets its requirement at the open was
            // never liquidated in between, whatever straight line joins the previous close to it.
            from = BarPath.OPEN;
        }
        if (surplus(cash, quantities, marks, paths, tiers, from) < 0) {
            return from;
        }
        for (int k = (int) Math.floor(from); k < BarPath.CLOSE; k++) {
            double a = Math.max(from, k);
            double b = k + 1;
            if (surplus(cash, quantities, marks, paths, tiers, b) >= 0) {
                continue;
            }
            double[] cuts = tierCrossings(quantities, paths, tiers, a, b);
            double x0 = a;
            double f0 = surplus(cash, quantities, marks, paths, tiers, a);
            for (int c = 0; c <= cuts.length; c++) {
                double x1 = c < cuts.length ? cuts[c] : b;
                double f1 = surplus(cash, quantities, marks, paths, tiers, x1);
                if (f1 < 0) {
                    return f0 <= 0 ? x0 : x0 + (x1 - x0) * f0 / (f0 - f1);
                }
                x0 = x1;
                f0 = f1;
            }
            return b;
        }
        return Double.NaN;
    }

    /** Returns {@code cash + Σ q × p − Σ tiers(|q| × p)} with every instrument at its price at {@code position}. */
    public static double surplus(double cash, double[] quantities, double[] marks, BarPath[] paths,
            MaintenanceTiers tiers, double position) {
        double equity = cash;
        double requirement = 0;
        for (int i = 0; i < quantities.length; i++) {
            double q = quantities[i];
            if (q == 0) {
                continue;
            }
            double p = paths[i] == null ? marks[i] : paths[i].price(position);
            equity += q * p;
            requirement += tiers.requirement(Math.abs(q) * p);
        }
        return equity - requirement;
    }

    /** Returns the positions strictly inside (a, b), sorted, where some position's notional crosses a tier's floor. */
    private static double[] tierCrossings(double[] quantities, BarPath[] paths, MaintenanceTiers tiers, double a,
            double b) {
        if (tiers.size() == 1) {
            return new double[0];
        }
        double[] cuts = new double[0];
        for (int i = 0; i < quantities.length; i++) {
            if (quantities[i] == 0 || paths[i] == null) {
                continue;
            }
            double units = Math.abs(quantities[i]);
            double na = units * paths[i].price(a);
            double nb = units * paths[i].price(b);
            for (int k = 1; k < tiers.size(); k++) {
                double floor = tiers.floor(k);
                if ((na < floor) != (nb < floor)) {
                    double x = a + (b - a) * (floor - na) / (nb - na);
                    if (x > a && x < b) {
                        cuts = Arrays.copyOf(cuts, cuts.length + 1);
                        cuts[cuts.length - 1] = x;
                    }
                }
            }
        }
        Arrays.sort(cuts);
        return cuts;
    }
}
