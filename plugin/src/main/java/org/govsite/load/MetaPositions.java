package org.govsite.load;

import org.govsite.model.SourcePos;

/**
 * Where each metadata value of a report.yaml stands: the start of its value, or line 0 of the file where the report
 * does not give it. Findings about a metadata value (M1, M2, R10) point here.
 */
public record MetaPositions(SourcePos year, SourcePos format, SourcePos title, SourcePos published,
                            SourcePos publisher, SourcePos indexNo, SourcePos sample, SourcePos tables) {
    public MetaPositions {
        if (year == null || format == null || title == null || published == null || publisher == null
                || indexNo == null || sample == null || tables == null) {
            throw new IllegalArgumentException("every position is required (line 0 where the value is not given)");
        }
    }

    /** No value given: every position is the whole file. */
    public static MetaPositions none(String file) {
        SourcePos whole = new SourcePos(file, 0, 0);
        return new MetaPositions(whole, whole, whole, whole, whole, whole, whole, whole);
    }
}
