package dev.crashlab.report.internal;

import dev.crashlab.Crashlab;
import dev.crashlab.results.RegimeResults;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every page shares: its title, when it was rendered, the point budget of its lines, and the
 * inlined assets (ECharts, the page script and style).
 *
 * @param title      the page title
 * @param renderedAt when the page was rendered
 * @param maxPoints  the most points a line keeps (LTTB beyond)
 * @param charts     whether the page draws charts, so that ECharts is inlined
 */
public record Page(String title, Instant renderedAt, int maxPoints, boolean charts) {

    /** Returns the version of crashlab rendering the page. */
    public String rendererVersion() {
        return Crashlab.version();
    }

    /** Returns the render time as text, UTC, to the second. */
    public String renderedAtText() {
        return renderedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** Returns the version of the inlined ECharts. */
    public String echartsVersion() {
        return Assets.echartsVersion();
    }

    /** Returns the ECharts script, to inline. */
    public String echarts() {
        return Assets.echarts();
    }

    /** Returns the report script, to inline. */
    public String script() {
        return Assets.script();
    }

    /** Returns the report style sheet, to inline. */
    public String style() {
        return Assets.style();
    }

    /**
     * Returns the start of a page's chart data: its kind, the time range every time chart spans,
     * whether its times are daily (all midnight UTC, shown as dates), and the regime shading and
     * crisis windows of {@code regimes}, labels of the steps at {@code times}, when there are any.
     */
    public ObjectNode baseData(String kind, long start, long end, boolean daily, RegimeResults regimes, long[] times) {
        ObjectNode data = PageJson.object();
        data.put("kind", kind);
        data.put("start", start);
        data.put("end", end);
        data.put("daily", daily);
        if (regimes != null) {
            data.set("regimes", Charts.regimes(regimes, times));
            data.set("windows", Charts.windows(regimes.windows()));
        } else {
            data.putNull("regimes");
            data.putArray("windows");
        }
        return data;
    }

    /** Returns whether every time is midnight UTC: daily data, shown as dates. */
    public static boolean allMidnight(long[] times) {
        for (long t : times) {
            if (t % 86_400_000L != 0) {
                return false;
            }
        }
        return true;
    }
}
