package dev.crashlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of crashlab. */
public final class Crashlab {

    private static final String VERSION = readVersion();

    private Crashlab() {
    }

    /** Returns the version of crashlab, as built by Maven. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Crashlab.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
