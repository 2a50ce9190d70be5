package dev.crashlab.report;

import java.util.Objects;

/**
 * A link an index page lists besides the runs, such as a comparison or a sweep report.
 *
 * @param title       the text of the link
 * @param href        the relative link
 * @param description what the page shows, or empty
 */
public record PageLink(String title, String href, String description) {

    public PageLink {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(href, "href");
        description = description == null ? "" : description;
    }
}
