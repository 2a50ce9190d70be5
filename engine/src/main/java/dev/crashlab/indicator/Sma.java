package dev.crashlab.indicator;

import dev.crashlab.data.OhlcvSeries;
import java.util.Objects;

/**
 * A simple moving average is the mean of the closes of the last {@code barCount} bars, the
 * current one included; NaN until {@code barCount} bars have been pushed. It agrees with ta4j's
 * {@code SMAIndicator} from then on (before, ta4j averages the bars it has).
 *
 * <h2>Exact</h2>
 * The value is the correctly rounded sum of the window divided by {@code barCount}: what
 * {@code math.fsum(window) / barCount} gives, bit for bit, so two averages that are equal in
 * exact arithmetic compare equal here too, and a crossing is never a rounding error (a plain
 * running sum drifted by 1e-14 and fired a crossing a bar early on a million bars).
 *
 * <p>The window sum is kept exactly as a 128-bit integer count of 2<sup>scale</sup>, the scale
 * set 32 binary orders below the first non-zero close: a close enters and one leaves by integer
 * addition and subtraction, whose carries are one cycle where floating-point error-free sums
 * chain four-cycle additions, and the sum is rounded once to the nearest double. That holds every
 * close from 2<sup>−32</sup> to about 2<sup>69 − log2 barCount − 32</sup> times the first one. A
 * close outside that range, or one that is not finite, ends it for good: the sum is then an
 * unevaluated pair {@code hi + lo} of doubles updated by error-free transformations (Knuth's
 * TwoSum, {@code hi} the correctly rounded sum), and when a step cannot keep the pair exact
 * (closes whose magnitudes span more than a double-double holds, about 2<sup>50</sup>), the
 * window is summed afresh exactly (Shewchuk's algorithm, as {@code math.fsum}).
 *
 * <p>{@link #updateAll} takes a shorter way where the closes allow it: in a block of bars whose
 * closes, and the n before, are positive normal doubles whose binary exponents differ by at most
 * 10 minus the bit length of n (5 for n = 30), every window sum is an integer below
 * 2<sup>63</sup> counted in units of the last mantissa bit of the block's smallest exponent, so
 * one {@code long} holds it exactly and the hardware's conversion of that {@code long} rounds it:
 * the same correctly rounded sum as the 128-bit one, at about a third of the instructions a bar.
 * The closes leaving the window are read back from the series, so the block keeps no ring.
 */
public final class Sma extends BarIndicator {

    private final int barCount;
    private final double[] window;
    private int next;
    private int filled;
    // The exact window sum is hi + lo, |lo| at most half an ulp of hi.
    private double hi;
    private double lo;
    // False while the window's exact sum needs more than two doubles: every bar is then summed afresh.
    private boolean exact = true;
    // While true, the window sum is the 128-bit integer sumHigh:sumLow times 2^scale (see "Exact"),
    // and each close of the window that integer's part in windowHigh:windowLow; hi and lo are unused.
    private boolean integral = true;
    private boolean scaled;
    private int scale;
    private final int maxShift;
    private long sumHigh;
    private long sumLow;
    private final long[] windowHigh;
    private final long[] windowLow;
    // The close being pushed, as split: its part of the integer sum.
    private long partHigh;
    private long partLow;
    // The widest spread of binary exponents in a block that one long sums exactly; negative when none does.
    private final int blockSpread;

    // Bars per block of the long sum: a block's closes are checked at once, and the sum is
    // taken afresh at each block whose smallest exponent differs from the last's.
    private static final int BLOCK = 2048;

    /**
     * Creates the average of the last {@code barCount} closes.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1
     */
    public Sma(int barCount) {
        this(barCount, ValueHistory.DEFAULT_CAPACITY);
    }

    /**
     * Creates the average of the last {@code barCount} closes, with room in its history for
     * {@code capacityHint} bars.
     *
     * @throws IllegalArgumentException if {@code barCount} is less than 1 or {@code capacityHint} negative
     */
    public Sma(int barCount, int capacityHint) {
        super(capacityHint);
        this.barCount = Parameters.atLeast("Sma", "barCount", barCount, 1);
        this.window = new double[barCount];
        this.windowHigh = new long[barCount];
        this.windowLow = new long[barCount];
        // barCount closes below 2^(53 + maxShift) each sum below 2^127: the sign bit stays free.
        this.maxShift = 74 - (64 - Long.numberOfLeadingZeros(barCount - 1L));
        // barCount + 1 parts below 2^(53 + spread) each stay below 2^63 (the sum briefly holds
        // the entering close with the leaving one, though wrapping would not matter either).
        this.blockSpread = 10 - (64 - Long.numberOfLeadingZeros((long) barCount));
    }

    /** Returns true: this indicator reads the close alone. */
    @Override
    public boolean readsCloseOnly() {
        return true;
    }

    @Override
    protected double compute(double open, double high, double low, double close, double volume) {
        push(close);
        return filled == barCount ? hi / barCount : Double.NaN;
    }

    @Override
    public void updateAll(OhlcvSeries bars, int from, int to) {
        Objects.checkFromToIndex(from, to, bars.size());
        int n = barCount;
        int b = from;
        while (b < to) {
            if (integral && scaled && filled == n) {
                int end;
                if (b - from >= n) {
                    // The window holds bars b - n to b - 1 of this series: blocks can read them back.
                    b = pushBlocks(bars, b, to);
                    if (b == to) {
                        break;
                    }
                    end = Math.min(to, b + BLOCK); // a block the long cannot sum
                } else {
                    end = Math.min(to, from + n);
                }
                b = pushFullWindows(bars, b, end);
                if (b == end) {
                    continue;
                }
            }
            push(bars.close(b++));
            append(filled == n ? hi / n : Double.NaN);
        }
    }

    /**
     * Pushes bars {@code from} onwards, up to {@code to}, block by block while a block's sums fit
     * one {@code long} (see the class comment), as {@link #pushFullWindows} would, and returns
     * the first bar not pushed: {@code to}, or the first of a block that does not fit. The window
     * must hold bars {@code from − n} to {@code from − 1} of {@code bars}, full, and the sum be
     * integral; on return the ring and the 128-bit sum hold the last n bars pushed.
     */
    private int pushBlocks(OhlcvSeries bars, int from, int to) {
        int n = barCount;
        int spread = blockSpread;
        if (spread < 0) {
            return from;
        }
        // A close's exponent field e (biased) is within the 128-bit sum's range when its shift
        // e − 1075 − scale is in [0, maxShift]; a positive normal double has e in [1, 2046] and a
        // clear sign bit, so bits >>> 52 outside that range (NaN, infinity, zero, subnormal,
        // negative) fails the same test. The long's unit 2^(eMin − 1075) must be a normal double
        // and the largest sum (below 2^63 units) finite.
        int lowest = Math.max(Math.max(1, 1075 + scale), 53);
        int highest = Math.min(Math.min(2046, 1075 + scale + maxShift), 2035);
        double[] values = reserve(to - from);
        int v = size();
        int b = from;
        int unitExponent = -1;
        long sum = 0;
        double rounded = hi;
        while (b < to) {
            int end = Math.min(to, b + BLOCK);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int k = b - n; k < end; k++) {
                long e = Double.doubleToRawLongBits(bars.close(k)) >>> 52;
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
            if (min < lowest || max > highest || max - min > spread) {
                break;
            }
            int eMin = (int) min;
            if (eMin != unitExponent) {
                unitExponent = eMin;
                sum = 0;
                for (int k = b - n; k < b; k++) {
                    sum += part(bars.close(k), eMin);
                }
            }
            // 2^(eMin − 1075), normal since eMin >= 53.
            double unit = Double.longBitsToDouble((long) (eMin - 52) << 52);
            for (; b < end; b++) {
                sum += part(bars.close(b), eMin) - part(bars.close(b - n), eMin);
                // The long converts to the nearest double, ties to even; times a power of two,
                // normal, exactly: the correctly rounded window sum.
                rounded = (double) sum * unit;
                values[v++] = rounded / n;
            }
        }
        int pushed = b - from;
        appended(v - size());
        if (pushed > 0) {
            hi = rounded;
            next = (int) ((next + (long) pushed) % n);
            refillWindow(bars, b);
        }
        return b;
    }

    /**
     * Returns the positive normal {@code close}, of exponent field at least {@code eMin} and
     * within the block's spread of it, as an integer count of 2<sup>eMin − 1075</sup>.
     */
    private static long part(double close, int eMin) {
        long bits = Double.doubleToRawLongBits(close);
        return ((bits & 0xf_ffff_ffff_ffffL) | (1L << 52)) << ((int) (bits >>> 52) - eMin);
    }

    /**
     * Sets the ring and the 128-bit sum to bars {@code end − n} to {@code end − 1}, the oldest at
     * {@link #next}, each within the integer sum's range: the state {@link #push} would have left.
     */
    private void refillWindow(OhlcvSeries bars, int end) {
        int n = barCount;
        long high = 0;
        long low = 0;
        for (int k = 0; k < n; k++) {
            double close = bars.close(end - n + k);
            split(close);
            int at = (next + k) % n;
            window[at] = close;
            windowHigh[at] = partHigh;
            windowLow[at] = partLow;
            long added = low + partLow;
            high += partHigh + carry(low, partLow, added);
            low = added;
        }
        sumHigh = high;
        sumLow = low;
    }

    /** Returns the carry out of the unsigned 64-bit addition {@code a + b = sum}, as 0 or 1, without a branch. */
    private static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    /**
     * Pushes bars {@code from} onwards, up to {@code to}, while the window is full and the sum
     * integral, as {@link #push} and {@link #append} would, and returns the first bar not pushed:
     * {@code to}, or one whose close is not positive, normal and within the integer sum's range
     * ({@link #push} takes it). The state lives in local variables, which the JIT keeps in
     * registers, and goes back to the fields when the loop ends; a bar whose rounded sum leaves
     * the normal range ends the loop too, pushed, through {@link #leaveIntegral}.
     */
    private int pushFullWindows(OhlcvSeries bars, int from, int to) {
        int n = barCount;
        double[] closes = window;
        long[] highs = windowHigh;
        long[] lows = windowLow;
        int at = next;
        long high = sumHigh;
        long low = sumLow;
        int s = scale;
        int max = maxShift;
        double[] values = reserve(to - from);
        int v = size();
        int b = from;
        double sum = hi;
        for (; b < to; b++) {
            double close = bars.close(b);
            // split(close), inlined for the closes a series holds, positive and normal: close =
            // mantissa × 2^exponent = part × 2^scale. Others (a sign bit, a zero exponent field,
            // infinity, NaN) end the loop as a close out of range does; push handles them.
            long bits = Double.doubleToRawLongBits(close);
            int shift = (int) (bits >>> 52) - 1075 - s;
            if (bits <= 0xf_ffff_ffff_ffffL || bits >= 0x7ff0_0000_0000_0000L || shift < 0 || shift > max) {
                break;
            }
            long mantissa = (bits & 0xf_ffff_ffff_ffffL) | (1L << 52);
            long partLow = shift < 64 ? mantissa << shift : 0;
            long partHigh = shift < 64 ? (mantissa >>> 1) >>> (63 - shift) : mantissa << (shift - 64);
            // The leaving close out, the new one in: addToWindow's borrow and carry.
            long leavingLow = lows[at];
            long difference = low - leavingLow;
            high -= highs[at] + (((~low & leavingLow) | (~(low ^ leavingLow) & difference)) >>> 63);
            long added = difference + partLow;
            high += partHigh + (((difference & partLow) | ((difference | partLow) & ~added)) >>> 63);
            low = added;
            closes[at] = close;
            highs[at] = partHigh;
            lows[at] = partLow;
            at = at + 1 == n ? 0 : at + 1;
            sum = toDouble(high, low, s);
            if (Double.isNaN(sum)) {
                break;
            }
            values[v++] = sum / n;
        }
        next = at;
        sumHigh = high;
        sumLow = low;
        hi = sum;
        appended(v - size());
        if (b < to && Double.isNaN(sum)) {
            // Bar b is pushed, its rounded sum outside the normal range: the pair of doubles takes over.
            leaveIntegral();
            append(hi / n);
            b++;
        }
        return b;
    }

    /** Adds {@code close} to the window and takes out the close it replaces, keeping the sum exact and hi its rounding. */
    private void push(double close) {
        if (integral && pushIntegral(close)) {
            return;
        }
        double leaving = 0;
        if (filled == barCount) {
            leaving = window[next];
        } else {
            filled++;
        }
        window[next] = close;
        next = next + 1 == barCount ? 0 : next + 1;
        if (!exact || !add(close) || !add(-leaving)) {
            resum();
        }
    }

    /**
     * Pushes {@code close} onto the integer sum and sets {@code hi} to its rounding once the
     * window is full; returns false, having left the integer sum for the pair of doubles, when
     * {@code close} is not within its range (then nothing is pushed: the caller pushes it). Its
     * steps are small methods, so that the JIT inlines them all into the loop of updateAll.
     */
    private boolean pushIntegral(double close) {
        if (!split(close)) {
            leaveIntegral();
            return false;
        }
        addToWindow(close);
        if (filled == barCount) {
            hi = toDouble(sumHigh, sumLow, scale);
            if (Double.isNaN(hi)) {
                // The rounded sum would be subnormal or overflow: the pair of doubles handles those.
                leaveIntegral();
            }
        }
        return true;
    }

    /**
     * Sets {@code partHigh:partLow} to {@code close} as an integer count of 2<sup>scale</sup>
     * (fixing the scale at the first non-zero close); returns false when it is not finite or
     * not within the range of the integer sum.
     */
    private boolean split(double close) {
        long bits = Double.doubleToRawLongBits(close);
        int biased = (int) (bits >>> 52) & 0x7ff;
        long mantissa = bits & 0xf_ffff_ffff_ffffL;
        if (biased != 0) {
            mantissa |= 1L << 52;
        }
        // close = ±mantissa × 2^exponent
        int exponent = Math.max(biased, 1) - 1075;
        if (mantissa != 0 && !scaled) {
            scale = exponent - 32;
            scaled = true;
        }
        int shift = exponent - scale;
        if (biased == 0x7ff || mantissa != 0 && (shift < 0 || shift > maxShift)) {
            return false;
        }
        long high;
        long low;
        if (mantissa == 0) {
            high = 0;
            low = 0;
        } else if (shift < 64) {
            low = mantissa << shift;
            high = shift == 0 ? 0 : mantissa >>> (64 - shift);
        } else {
            low = 0;
            high = mantissa << (shift - 64);
        }
        if (bits < 0) {
            low = -low;
            high = low == 0 ? -high : ~high;
        }
        partHigh = high;
        partLow = low;
        return true;
    }

    /** Puts {@code close}, split into {@code partHigh:partLow}, into the window and the integer sum, taking out the close it replaces. */
    private void addToWindow(double close) {
        // Carries and borrows by bit arithmetic, not comparisons: they come at random, and a
        // mispredicted branch costs more than the rest of the bar.
        if (filled == barCount) {
            long leavingLow = windowLow[next];
            long difference = sumLow - leavingLow;
            long borrow = ((~sumLow & leavingLow) | (~(sumLow ^ leavingLow) & difference)) >>> 63;
            sumLow = difference;
            sumHigh -= windowHigh[next] + borrow;
        } else {
            filled++;
        }
        long high = partHigh;
        long low = partLow;
        window[next] = close;
        windowHigh[next] = high;
        windowLow[next] = low;
        next = next + 1 == barCount ? 0 : next + 1;
        long sum = sumLow + low;
        sumHigh += high + carry(sumLow, low, sum);
        sumLow = sum;
    }

    /** Leaves the integer sum for the pair of doubles, exact from the window's closes. */
    private void leaveIntegral() {
        integral = false;
        resum();
    }

    /**
     * Returns the 128-bit two's complement integer {@code high:low} times 2<sup>scale</sup>
     * rounded to the nearest double, ties to even; NaN when that double would be subnormal or
     * infinite.
     *
     * <p>The hardware rounds it: the magnitude's top 63 bits, the lowest of them or-ed with every
     * bit below (a sticky bit), convert to the same double as the whole integer would, since the
     * rounding to 53 bits only asks whether what lies below the 54th bit is zero, half or more;
     * the power of two then scales that double exactly. Where the power is not a normal double or
     * the result might leave the normal range, {@link #roundBits} decides, bit by bit.
     */
    static double toDouble(long high, long low, int scale) {
        if (high > 0 && scale >= Double.MIN_EXPONENT - 2 && scale <= Double.MAX_EXPONENT - 127) {
            // The common case, a positive sum of at least 2^64 units: its exponent below is
            // within [scale + 2, scale + 64], where the product is normal.
            return scaled(high, low, 65 + scale);
        }
        long sign = high & Long.MIN_VALUE;
        if (sign != 0) {
            low = -low;
            high = low == 0 ? -high : ~high;
        }
        // The top 64 bits from the highest non-zero one, then what lies below them.
        boolean small = high == 0;
        long h = small ? low : high;
        if (h == 0) {
            return 0.0;
        }
        long l = small ? 0 : low;
        int exponent = (small ? 1 : 65) - Long.numberOfLeadingZeros(h) + scale;
        if (exponent < Double.MIN_EXPONENT || exponent > Double.MAX_EXPONENT - 63) {
            return roundBits(high, low, sign, scale);
        }
        double magnitude = scaled(h, l, (small ? 1 : 65) + scale);
        return sign != 0 ? -magnitude : magnitude;
    }

    /**
     * Returns the unsigned 128-bit integer {@code h:l} ({@code h} not zero) times
     * 2<sup>power − 65</sup> rounded to the nearest double, when 2<sup>power − z</sup>, z the
     * leading zeros of {@code h}, is a normal double of exponent at most 1023 − 63.
     */
    private static double scaled(long h, long l, int power) {
        int zeros = Long.numberOfLeadingZeros(h);
        long top = (h << zeros) | ((l >>> 1) >>> (63 - zeros));
        long sticky = (top & 1) | (l << zeros != 0 ? 1 : 0);
        // h:l × 2^(power − 65) ≈ (top >>> 1 | sticky) × 2^(power − zeros): a long in [2^62, 2^63]
        // times a normal power of two at most 2^960, so the product is normal, and exact.
        return (double) ((top >>> 1) | sticky) * Double.longBitsToDouble((long) (power - zeros + 1023) << 52);
    }

    /**
     * Returns {@link #toDouble}'s double from the magnitude {@code high:low} (non-negative) and
     * its {@code sign} bit, assembled from its bits: its top 53 bits, rounded, and its exponent.
     */
    private static double roundBits(long high, long low, long sign, int scale) {
        int length = high != 0 ? 128 - Long.numberOfLeadingZeros(high) : 64 - Long.numberOfLeadingZeros(low);
        if (length == 0) {
            return 0.0;
        }
        int shift = length - 53; // the bits below the top 53 round; none when negative
        long top;
        if (shift <= 0) {
            top = low << -shift;
        } else {
            top = shift >= 64 ? high >>> (shift - 64) : (high << (64 - shift)) | (low >>> shift);
            int roundAt = shift - 1;
            long half;
            long below;
            if (roundAt >= 64) {
                half = (high >>> (roundAt - 64)) & 1;
                below = (high & ((1L << (roundAt - 64)) - 1)) | low;
            } else {
                half = (low >>> roundAt) & 1;
                below = low & ((1L << roundAt) - 1);
            }
            // Ties to even, without a branch on the bits: up when half and (anything below, or top odd).
            top += half & (((below | -below) >>> 63) | (top & 1));
            if (top == 1L << 53) {
                top >>>= 1;
                shift++;
            }
        }
        // top is in [2^52, 2^53): the value is top × 2^(shift + scale), of exponent 52 + shift + scale.
        int exponent = 52 + shift + scale;
        if (exponent < Double.MIN_EXPONENT || exponent > Double.MAX_EXPONENT) {
            return Double.NaN;
        }
        return Double.longBitsToDouble(sign | (long) (exponent + 1023) << 52 | (top & 0xf_ffff_ffff_ffffL));
    }

    /**
     * Adds {@code v} to the pair: returns false when the result is not exactly {@code hi + lo}
     * any more, so that the caller sums afresh.
     */
    private boolean add(double v) {
        // hi + v = s + e exactly (TwoSum), then lo + e = t + f exactly.
        double s = hi + v;
        double vv = s - hi;
        double e = (hi - (s - vv)) + (v - vv);
        double t = lo + e;
        double ee = t - lo;
        double f = (lo - (t - ee)) + (e - ee);
        // s + t renormalised: hi the rounded sum, lo the exact rest (TwoSum).
        double h = s + t;
        double tt = h - s;
        double r = (s - (h - tt)) + (t - tt);
        // Exact while nothing was left over (f) and the rest still fits beside hi; r + f would
        // need a third component.
        hi = h;
        lo = r;
        return f == 0 && Double.isFinite(h);
    }

    /** Sums the window afresh, exactly (Shewchuk's partials, as Python's math.fsum). */
    private void resum() {
        double[] partials = new double[window.length + 1];
        int count = 0;
        for (int k = 0; k < filled; k++) {
            double x = window[k];
            int kept = 0;
            for (int j = 0; j < count; j++) {
                double y = partials[j];
                if (Math.abs(x) < Math.abs(y)) {
                    double swap = x;
                    x = y;
                    y = swap;
                }
                double high = x + y;
                double low = y - (high - x);
                if (low != 0) {
                    partials[kept++] = low;
                }
                x = high;
            }
            partials[kept++] = x;
            count = kept;
        }
        // The partials are non-overlapping, increasing in magnitude: their correctly rounded sum.
        double sum = 0;
        double rest = 0;
        if (count > 0) {
            int j = count - 1;
            sum = partials[j];
            while (j > 0) {
                double x = sum;
                double y = partials[--j];
                sum = x + y;
                double yr = sum - x;
                rest = y - yr;
                if (rest != 0) {
                    break;
                }
            }
            // Half-way cases: round as math.fsum does, using the sign of the next partial.
            if (j > 0 && ((rest < 0 && partials[j - 1] < 0) || (rest > 0 && partials[j - 1] > 0))) {
                double y = rest * 2;
                double x = sum + y;
                if (y == x - sum) {
                    sum = x;
                }
            }
        }
        hi = sum;
        lo = exactRest(partials, count, sum);
        exact = count <= 2;
    }

    /** Returns the exact sum of the partials minus {@code rounded}, rounded: what remains beside it. */
    private static double exactRest(double[] partials, int count, double rounded) {
        double rest = -rounded;
        double correction = 0;
        for (int j = count - 1; j >= 0; j--) {
            double s = rest + partials[j];
            double bp = s - rest;
            correction += (rest - (s - bp)) + (partials[j] - bp);
            rest = s;
        }
        return rest + correction;
    }
}
