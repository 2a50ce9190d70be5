package dev.crashlab.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts and style every page inlines, read once from the class path: Apache ECharts'
 * {@code echarts.min.js} from the {@code org.webjars:echarts} WebJar, and crashlab's own
 * {@code report.js} and {@code report.css}. Pages load nothing else, so they work offline from
 * {@code file://}.
 */
public final class Assets {

    private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

    private static final String ECHARTS_VERSION = webjarVersion();
    private static final String ECHARTS = forScriptElement(read("META-INF/resources/webjars/echarts/" + ECHARTS_VERSION
            + "/echarts.min.js"));
    private static final String SCRIPT = forScriptElement(read("dev/crashlab/report/report.js"));
    private static final String STYLE = read("dev/crashlab/report/report.css");

    private Assets() {
    }

    /** Returns the version of the ECharts WebJar on the class path. */
    public static String echartsVersion() {
        return ECHARTS_VERSION;
    }

    /** Returns echarts.min.js, ready to inline. */
    public static String echarts() {
        return ECHARTS;
    }

    /** Returns report.js, ready to inline. */
    public static String script() {
        return SCRIPT;
    }

    /** Returns report.css. */
    public static String style() {
        return STYLE;
    }

    /**
     * Returns script text that cannot end its script element early: every {@code </script} becomes
     * {@code <\/script}, which means the same inside JavaScript strings, regular expressions and
     * comments (the only places it can occur).
     */
    static String forScriptElement(String js) {
        Matcher m = SCRIPT_END.matcher(js);
        return m.find() ? m.replaceAll("<\\\\/$1") : js;
    }

    private static String webjarVersion() {
        Properties p = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/echarts/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the class path", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path: is the org.webjars:echarts dependency"
                    + " (or the reports jar's resources) missing?");
        }
        return in;
    }
}
