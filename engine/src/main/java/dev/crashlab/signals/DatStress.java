package dev.crashlab.signals;

import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.PublishedSeries;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Stress of a digital-asset treasury company (a "DAT", Strategy/MSTR the largest): how close its
 * market value is to the bitcoin it holds. Near or below 1× its holdings, issuing stock no longer
 * buys more coin than it dilutes, and selling coin to buy back stock starts to pay: the spiral in
 * which treasury companies sell into a falling market.
 *
 * <pre>{@code
 * DatStress mstr = DatStress.of("mstr_mnav", "mstr_btc_held", "mstr_filings");
 * Condition stressed = mstr.zone().atLeast(1);
 * }</pre>
 *
 * <p><b>What was knowable when.</b> {@code dat/mstr_mnav_daily.csv} gives a daily mNAV
 * (enterprise value / (BTC held × BTC price)), but its holdings and capital structure between
 * filings are the source's interpolation ({@code capitalStructureSource = derived}), partly from
 * filings made later. {@link #knowableMnav()} therefore divides the crypto NAV again by the
 * holdings of the last filing published by the step ({@code dat/mstr_btc_holdings_filings.csv},
 * a value dated D published D+1 00:00 UTC by default). <b>The residual leak:</b> the enterprise
 * value still uses the interpolated diluted share count, debt, preferred equity and cash; on the
 * staged file the share count of a derived row is up to 75 % above that of the last XBRL row
 * before it (September 2024, when no XBRL row stands between 2023-06-30 and 2024-09-30), so in
 * such stretches the mNAV embeds issuance not yet filed. The filings list must also be complete:
 * it lacks the 8-K of 2020-12-21 (70,470 BTC), so from then to 2021-01-21 the knowable mNAV uses
 * 40,824 BTC and stands about 73 % above the file's.
 *
 * <p>The mNAV row dated D (MSTR's and BTC's closes of D) is read from the step of D+1 with the
 * default publication rule, a filing dated D likewise; the fallback's bars are read at the step
 * of their own date. <b>Missing data.</b> mNAV is NaN while the mNAV series is empty or its latest value is dated
 * before T − maxAgeDays (default {@value #DEFAULT_MAX_AGE_DAYS}: a trading-day series over a long
 * weekend, and a day more), before the first filing is published, and when the holdings series
 * has no value on the mNAV's date. The staged mNAV runs 2020-09-30 … 2026-01-26; outside it
 * {@link #zone()} falls back on MSTR's price relative to BTC ({@link #mstrToBtcFromHigh}).
 *
 * @param mnav        the series of the source's daily mNAV ({@code mnav} column)
 * @param btcHoldings the series of the source's daily BTC held, from the same file ({@code btcHoldings} column)
 * @param filings     the series of BTC held per filing ({@code holdings} of the filings file)
 * @param mstr        the treasury company's symbol, for the fallback
 * @param btc         bitcoin's symbol, for the fallback
 * @param maxAgeDays  the oldest the latest mNAV, or a current bar, may be, in days before the step's date
 */
public record DatStress(String mnav, String btcHoldings, String filings, String mstr, String btc, int maxAgeDays) {

    /** Days a trading-day series may go without a new value: a long weekend's 4 and one more. */
    public static final int DEFAULT_MAX_AGE_DAYS = 5;

    /**
     * The default zone's mNAV: at most 1.2. At 1.0 the company is worth its coins and selling
     * coin to buy back stock breaks even; at 1.2 a new share still buys only 20 % more bitcoin
     * than it dilutes, about what issue costs and preferred dividends take, so the issuance that
     * kept buying has stalled: the approach to the spiral, not only the spiral itself (Strategy
     * fell from 1.45 on 2025-10-10 to 1.17 on 2025-11-13 and below 1 by mid-December).
     */
    public static final double DEFAULT_MNAV_AT_MOST = 1.2;

    /**
     * The default fallback: MSTR/BTC at least 50 % below its 365-day high. A premium that falls
     * from the 2.5–3.5× of its highs to about 1.2× has lost 55–65 % of MSTR's price relative to
     * its coins (MSTR/BTC stood 58 % below its 365-day high on 2025-11-13).
     */
    public static final double DEFAULT_FALLBACK_DROP = 0.5;

    /** The default fallback window: a year. */
    public static final int DEFAULT_FALLBACK_DAYS = 365;

    public DatStress {
        Objects.requireNonNull(mnav, "mnav");
        Objects.requireNonNull(btcHoldings, "btcHoldings");
        Objects.requireNonNull(filings, "filings");
        Objects.requireNonNull(mstr, "mstr");
        Objects.requireNonNull(btc, "btc");
        Labels.atLeast("maxAgeDays", maxAgeDays, 0);
    }

    /** Returns the stress of Strategy from these series, with prices {@code MSTR} and {@code BTC-USD}. */
    public static DatStress of(String mnav, String btcHoldings, String filings) {
        return new DatStress(mnav, btcHoldings, filings, "MSTR", "BTC-USD", DEFAULT_MAX_AGE_DAYS);
    }

    /** Returns this stress with other instruments for the fallback. */
    public DatStress withPrices(String company, String bitcoin) {
        return new DatStress(mnav, btcHoldings, filings, company, bitcoin, maxAgeDays);
    }

    /** Returns this stress with another maximum age, in days. */
    public DatStress withMaxAgeDays(int days) {
        return new DatStress(mnav, btcHoldings, filings, mstr, btc, days);
    }

    /**
     * Returns the mNAV with the holdings known at the step: mNAV(L) × held(L) / H, where L is the
     * latest mNAV's date, held(L) the source's BTC held that day and H the holdings of the last
     * filing published by now. That is enterprise value(L) / (H × BTC price(L)): the source's
     * enterprise value over the crypto NAV it would have had with the filed holdings.
     */
    public DataSignal knowableMnav() {
        return new KnowableMnav(this);
    }

    /**
     * Returns how far MSTR's price relative to BTC is below its trailing high, a fraction &lt;= 0:
     * R(D) / max R(d) − 1 over MSTR's bars dated d in [D − days + 1, D], D its current bar's date,
     * R(d) = MSTR's close on d / BTC's close as of d (its last bar dated on or before d, at most
     * maxAgeDays older). NaN until MSTR's bars reach back to D − days + 1. Before 2020-08 MSTR
     * held no bitcoin, so the ratio means nothing there.
     */
    public DataSignal mstrToBtcFromHigh(int days) {
        return new MstrToBtc(this, Labels.atLeast("days", days, 1));
    }

    /**
     * Returns 1 in the stress zone, else 0: {@code knowableMnav() <= mnavAtMost} where the mNAV is
     * defined; where it is not, {@code mstrToBtcFromHigh(fallbackDays) <= -fallbackDrop}. NaN when
     * both are undefined; {@code knowableMnav().unavailable(ctx)} says whether the fallback is used.
     */
    public DataSignal zone(double mnavAtMost, double fallbackDrop, int fallbackDays) {
        return new Zone(new KnowableMnav(this), Labels.finite("mnavAtMost", mnavAtMost),
                new MstrToBtc(this, Labels.atLeast("fallbackDays", fallbackDays, 1)), Labels.finite("fallbackDrop", fallbackDrop));
    }

    /** Returns {@code zone(DEFAULT_MNAV_AT_MOST, DEFAULT_FALLBACK_DROP, DEFAULT_FALLBACK_DAYS)}. */
    public DataSignal zone() {
        return zone(DEFAULT_MNAV_AT_MOST, DEFAULT_FALLBACK_DROP, DEFAULT_FALLBACK_DAYS);
    }

    private record KnowableMnav(DatStress dat) implements Explained {
        @Override
        public String name() {
            return "dat.knowableMnav(" + dat.mnav + " × " + dat.btcHoldings + " / " + dat.filings + ")";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            PublishedSeries mnav = Inputs.series(ctx, dat.mnav, dat.maxAgeDays, why);
            if (mnav == null) {
                return Double.NaN;
            }
            LocalDate date = mnav.latestDate();
            PublishedSeries held = ctx.series(dat.btcHoldings);
            int h = held.indexOnOrBefore(date);
            if (h < 0 || !held.date(h).equals(date)) {
                return Why.nan(why, () -> dat.btcHoldings + ": no value dated " + date + ", the date of the latest " + dat.mnav);
            }
            PublishedSeries filed = ctx.series(dat.filings);
            if (filed.isEmpty()) {
                return Why.nan(why, () -> dat.filings + ": no filing published yet at " + ctx.date());
            }
            if (!(filed.latest() > 0)) {
                return Why.nan(why, () -> dat.filings + ": the filing dated " + filed.latestDate() + " holds no bitcoin");
            }
            return mnav.latest() * held.value(h) / filed.latest();
        }
    }

    private record MstrToBtc(DatStress dat, int days) implements Explained {
        @Override
        public String name() {
            return "dat.mstrToBtcFromHigh(" + dat.mstr + "/" + dat.btc + ", " + days + "d)";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            Bars company = Inputs.bars(ctx, dat.mstr, dat.maxAgeDays, why);
            Bars coin = Inputs.bars(ctx, dat.btc, dat.maxAgeDays, why);
            if (company == null || coin == null) {
                return Double.NaN;
            }
            int i = company.size() - 1;
            LocalDate from = company.date(i).minusDays(days - 1);
            if (company.date(0).isAfter(from)) {
                return Why.nan(why, () -> dat.mstr + ": first bar dated " + company.date(0) + ", after " + from
                        + ", the first day of the " + days + "-day window");
            }
            double now = Double.NaN;
            double high = Double.NEGATIVE_INFINITY;
            int j = coin.size() - 1;
            for (; i >= 0 && !company.date(i).isBefore(from); i--) {
                LocalDate d = company.date(i);
                while (j >= 0 && coin.date(j).isAfter(d)) {
                    j--;
                }
                if (j < 0 || coin.date(j).isBefore(d.minusDays(dat.maxAgeDays))) {
                    return Why.nan(why, () -> dat.btc + ": no bar within " + dat.maxAgeDays + " days before " + d
                            + ", a date of " + dat.mstr + "'s window");
                }
                double ratio = company.close(i) / coin.close(j);
                now = Double.isNaN(now) ? ratio : now;
                high = Math.max(high, ratio);
            }
            return now / high - 1;
        }
    }

    private record Zone(KnowableMnav mnav, double mnavAtMost, MstrToBtc fallback, double fallbackDrop) implements Explained {
        @Override
        public String name() {
            return "dat.zone(" + mnav.name() + " <= " + Labels.number(mnavAtMost) + ", else " + fallback.name() + " <= -"
                    + Labels.number(fallbackDrop) + ")";
        }

        @Override
        public double compute(StrategyContext ctx, Why why) {
            Why noMnav = Why.inner(why);
            double value = mnav.compute(ctx, noMnav);
            if (!Double.isNaN(value)) {
                return value <= mnavAtMost ? 1 : 0;
            }
            Why noFallback = Why.inner(why);
            double drop = fallback.compute(ctx, noFallback);
            if (!Double.isNaN(drop)) {
                return drop <= -fallbackDrop ? 1 : 0;
            }
            return Why.nan(why, () -> noMnav.reason() + "; and the fallback: " + noFallback.reason());
        }
    }
}
