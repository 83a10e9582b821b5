package org.govsite.output.render;

import java.util.List;

/**
 * What every page's frame needs.
 *
 * @param root the relative path from the page to the site root ("" or "../../"): links are relative only
 */
public record Page(String root, String title, String siteTitle, List<Link> crumbs) {
    public Page {
        crumbs = List.copyOf(crumbs);
    }

    /** A link with its label; {@code href} is {@code null} for the current page. */
    public record Link(String label, String href) {
    }

    /** "../" once per folder level of {@code path} (a path relative to the site root, '/'-separated). */
    public static String rootOf(String path) {
        int depth = (int) path.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }
}
