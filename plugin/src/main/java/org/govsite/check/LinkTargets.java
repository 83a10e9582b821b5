package org.govsite.check;

import org.govsite.model.Report;

import java.util.List;

/**
 * What a relative link written in a report's narrative reaches, as the site will be laid out. The check stage asks;
 * the output side, which owns the site layout, answers (see {@code org.govsite.output.SiteLayout}).
 */
public interface LinkTargets {
    /**
     * @param report      the report whose narrative holds the link
     * @param attachments the files published beside the report, relative to its folder
     * @param link        the link as written (after Markdown unescaping)
     */
    Target resolve(Report report, List<String> attachments, String link);

    /** The kinds of answer. */
    enum Kind {
        /** Not a file of the site (http, https, mailto …): not checked. */
        EXTERNAL,
        /** A file that every build of this site publishes, or one of the report's own attachments. */
        FOUND,
        /** No such file in the site. */
        MISSING,
        /** The file exists, the anchor does not. */
        MISSING_FRAGMENT,
        /** Outside the site's folder. */
        OUTSIDE,
        /** Another report's page or data: reached only if that report is published. */
        REPORT,
        /** A year's page: reached only if a report of that year is published. */
        YEAR
    }

    /**
     * One answer.
     *
     * @param page     for MISSING_FRAGMENT, the page without the anchor; otherwise the page reached, or ""
     * @param fragment the anchor, or ""
     * @param agencyId for REPORT, the report's agency
     * @param year     for REPORT and YEAR, the year
     */
    record Target(Kind kind, String page, String fragment, String agencyId, int year) {
        public static Target of(Kind kind) {
            return new Target(kind, "", "", "", 0);
        }
    }
}
