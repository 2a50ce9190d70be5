package dev.crashlab.metrics.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much a sweep's best cell stands out from its neighbours on the parameter grid: a best
 * cell on a plateau (a small drop to its neighbours) is more likely to hold out of sample than
 * a lone spike, and a best cell on the grid's edge says the optimum may lie outside the grid.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>The grid has k axes of d<sub>1</sub>..d<sub>k</sub> parameter values; its cells are
 *       given as one array in row-major order (the last axis varies fastest), cell
 *       (i<sub>1</sub>..i<sub>k</sub>) at Σ i<sub>j</sub> · Π<sub>l&gt;j</sub> d<sub>l</sub>.
 *       A NaN cell (a variant not run, or without a figure) is left out everywhere.</li>
 *   <li>Higher is better; negate a metric where lower is better (drawdown as a positive loss,
 *       say). The best cell is the highest; the first in row-major order among equals.</li>
 *   <li>Neighbours, by default ({@link Neighbourhood#AXIS_STEPS}), are the cells one grid step
 *       away along exactly one axis (at most 2k): each neighbour changes one parameter, so a drop
 *       can be traced to it. {@link Neighbourhood#BOX} takes every cell within one step along
 *       every axis at once, the 3<sup>k</sup> − 1 cells of the box around the best.</li>
 *   <li>dropToMean = best − mean of the neighbours, dropToMin = best − the lowest neighbour;
 *       both &gt;= 0, in the metric's unit. NaN when the best cell has no neighbour with a value.</li>
 *   <li>The best cell is on the edge when its index on some axis with at least two values is 0
 *       or d<sub>j</sub> − 1; an axis of one value has no edge to speak of.</li>
 * </ul>
 *
 * @param best            the flat index of the best cell; −1 when every cell is NaN
 * @param coordinates     its index along each axis
 * @param value           its metric
 * @param neighbours      how many neighbours with a value it has
 * @param neighbourMean   the mean of their metric
 * @param neighbourMin    the lowest of their metric
 * @param dropToMean      value − neighbourMean
 * @param dropToMin       value − neighbourMin
 * @param edgeAxes        the axes on whose first or last value the best cell sits, ascending
 */
public record ParameterStability(int best, List<Integer> coordinates, double value, int neighbours,
        double neighbourMean, double neighbourMin, double dropToMean, double dropToMin, List<Integer> edgeAxes) {

    /** Which cells count as the best cell's neighbours. */
    public enum Neighbourhood {
        /** The cells one step away along exactly one axis: at most 2k. */
        AXIS_STEPS,
        /** The cells at most one step away along every axis: at most 3<sup>k</sup> − 1. */
        BOX
    }

    /** Keeps the lists unmodifiable. */
    public ParameterStability {
        coordinates = List.copyOf(coordinates);
        edgeAxes = List.copyOf(edgeAxes);
    }

    /** Returns whether the best cell sits on the first or last value of any axis. */
    public boolean onEdge() {
        return !edgeAxes.isEmpty();
    }

    /** Returns the stability of the best cell of {@code metric} on a grid of {@code shape}, neighbours along one axis at a time. */
    public static ParameterStability of(int[] shape, double[] metric) {
        return of(shape, metric, Neighbourhood.AXIS_STEPS);
    }

    /**
     * Returns the stability of the best cell of {@code metric} (row-major over a grid of
     * {@code shape}) against its {@code neighbourhood}.
     *
     * @throws IllegalArgumentException when an axis has no value or {@code metric} does not hold
     *                                  one value per cell
     */
    public static ParameterStability of(int[] shape, double[] metric, Neighbourhood neighbourhood) {
        long cells = 1;
        for (int j = 0; j < shape.length; j++) {
            if (shape[j] < 1) {
                throw new IllegalArgumentException("axis " + j + " has " + shape[j] + " values; every axis needs at least one");
            }
            cells *= shape[j];
        }
        if (cells != metric.length) {
            throw new IllegalArgumentException("a grid of shape " + Arrays.toString(shape) + " has " + cells
                    + " cells, but " + metric.length + " values were given");
        }
        int best = -1;
        for (int i = 0; i < metric.length; i++) {
            if (!Double.isNaN(metric[i]) && (best < 0 || metric[i] > metric[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return new ParameterStability(-1, List.of(), Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    List.of());
        }
        int[] at = coordinates(shape, best);
        List<Integer> edges = new ArrayList<>();
        for (int j = 0; j < shape.length; j++) {
            if (shape[j] > 1 && (at[j] == 0 || at[j] == shape[j] - 1)) {
                edges.add(j);
            }
        }
        int count = 0;
        double sum = 0;
        double min = Double.NaN;
        for (int cell : neighbours(shape, at, neighbourhood)) {
            if (!Double.isNaN(metric[cell])) {
                count++;
                sum += metric[cell];
                min = Double.isNaN(min) ? metric[cell] : Math.min(min, metric[cell]);
            }
        }
        double mean = count == 0 ? Double.NaN : sum / count;
        return new ParameterStability(best, Arrays.stream(at).boxed().toList(), metric[best], count, mean, min,
                metric[best] - mean, metric[best] - min, edges);
    }

    /** Returns the coordinates of row-major cell {@code index}. */
    private static int[] coordinates(int[] shape, int index) {
        int[] at = new int[shape.length];
        for (int j = shape.length - 1; j >= 0; j--) {
            at[j] = index % shape[j];
            index /= shape[j];
        }
        return at;
    }

    /** Returns the row-major index of the cell at {@code at}. */
    private static int index(int[] shape, int[] at) {
        int index = 0;
        for (int j = 0; j < shape.length; j++) {
            index = index * shape[j] + at[j];
        }
        return index;
    }

    /** Returns the flat indices of the cells in {@code neighbourhood} of {@code at}, inside the grid, ascending. */
    private static List<Integer> neighbours(int[] shape, int[] at, Neighbourhood neighbourhood) {
        List<Integer> out = new ArrayList<>();
        int k = shape.length;
        int[] offset = new int[k];
        Arrays.fill(offset, -1);
        int[] cell = new int[k];
        while (true) {
            int moved = 0;
            boolean inside = true;
            for (int j = 0; j < k; j++) {
                cell[j] = at[j] + offset[j];
                moved += offset[j] != 0 ? 1 : 0;
                inside &= cell[j] >= 0 && cell[j] < shape[j];
            }
            boolean counts = neighbourhood == Neighbourhood.BOX ? moved > 0 : moved == 1;
            if (inside && counts) {
                out.add(index(shape, cell));
            }
            int j = k - 1;
            while (j >= 0 && offset[j] == 1) {
                offset[j] = -1;
                j--;
            }
            if (j < 0) {
                return out;
            }
            offset[j]++;
        }
    }
}
