package org.govsite.load;

import org.govsite.model.Agency;

import java.nio.file.Path;
import java.util.List;

/** An agency folder: the agency and its year folders, in year order. */
public record AgencySource(Agency agency, Path dir, List<YearSource> years) {
    public AgencySource {
        years = List.copyOf(years);
    }

    /** A year folder of an agency. */
    public record YearSource(int year, Path dir) {
    }
}
