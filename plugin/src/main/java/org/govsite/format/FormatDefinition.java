package org.govsite.format;

import java.util.List;
import java.util.Optional;

/**
 * One official report format (or a portal's own variant): its sections, tables and the equations between cells.
 *
 * @param firstYear the first report year it applies to
 * @param lastYear  the last report year it applies to, or {@code Integer.MAX_VALUE}
 * @param narrative what R8 reads in the narrative
 */
public record FormatDefinition(String id, String title, int firstYear, int lastYear, List<String> sections,
                               List<TableDef> tables, List<RuleDef> rules, List<YearRuleDef> yearRules,
                               List<KeyFigureDef> keyFigures, NarrativeDef narrative) {
    public FormatDefinition {
        narrative = narrative == null ? NarrativeDef.NONE : narrative;
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
        rules = List.copyOf(rules);
        yearRules = List.copyOf(yearRules);
        keyFigures = List.copyOf(keyFigures);
    }

    /** A definition without narrative statements (R8 then reads nothing). */
    public FormatDefinition(String id, String title, int firstYear, int lastYear, List<String> sections,
                            List<TableDef> tables, List<RuleDef> rules, List<YearRuleDef> yearRules,
                            List<KeyFigureDef> keyFigures) {
        this(id, title, firstYear, lastYear, sections, tables, rules, yearRules, keyFigures, NarrativeDef.NONE);
    }

    public Optional<TableDef> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public boolean appliesTo(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
