package dev.crashlab.report.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the jte templates of {@code src/main/jte}, compiled to classes at build time with
 * content type HTML: every {@code ${...}} in them is escaped for where it stands (element text or
 * attribute value). Only the inlined assets and the script-safe chart JSON are written unescaped.
 */
public final class Templates {

    /** The package the jte Maven plugin generates the template classes in. */
    public static final String PACKAGE = "dev.crashlab.report.internal.jte";

    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    private Templates() {
    }

    /** Returns the HTML of template {@code name} with the single parameter {@code p}. */
    public static String render(String name, Object p) {
        StringOutput out = new StringOutput(1 << 21);
        ENGINE.render(name, Map.of("p", p), out);
        return out.toString();
    }
}
