package dev.crashlab.report;

import java.util.Objects;

/**
 * A link an index page lists besides the runs, such as a comparison or a sweep report.
 *
 * @param title       the text of the link
 * @param href        the relative link
 * @param description what the page shows, or empty
 * @param written     whether the invocation rendering the index wrote this page (the index marks
 *                    it); false for a page found in the output folder from an earlier invocation
 */
public record PageLink(String title, String href, String description, boolean written) {

    public PageLink {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(href, "href");
        description = description == null ? "" : description;
    }

    /** Returns the link to a page the rendering invocation wrote. */
    public PageLink(String title, String href, String description) {
        this(title, href, description, true);
    }
}
