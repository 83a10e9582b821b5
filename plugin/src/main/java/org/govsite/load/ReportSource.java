package org.govsite.load;

import java.nio.file.Path;

/**
 * Stage 0 of a report: its folder, before anything is read from it. {@link SiteLoader#load} turns it into a
 * {@link LoadedReport}.
 *
 * @param agency the agency folder it belongs to (with the agency's other years, in order)
 * @param year   the year folder
 */
public record ReportSource(AgencySource agency, AgencySource.YearSource year) {
    public String agencyId() {
        return agency.agency().id();
    }

    public Path dir() {
        return year.dir();
    }

    /** The agency's report folder before this one, or {@code null}. */
    public ReportSource previous() {
        int i = agency.years().indexOf(year);
        return i <= 0 ? null : new ReportSource(agency, agency.years().get(i - 1));
    }

    /** The agency's report folder after this one, or {@code null}. */
    public ReportSource next() {
        int i = agency.years().indexOf(year);
        return i < 0 || i >= agency.years().size() - 1 ? null : new ReportSource(agency, agency.years().get(i + 1));
    }
}
