package org.govsite.format;

import java.util.List;
import java.util.Optional;

/**
 * One official report format (or a portal's own variant): its sections, tables and the equations between cells.
 *
 * @param firstYear     the first report year it applies to
 * @param lastYear      the last report year it applies to, or {@code Integer.MAX_VALUE}
 * @param defaultByYear whether a report that names no format takes this one when its year is in
 *                      {@code firstYear … lastYear} (the official formats do)
 * @param units         the units an {@link ValueKind#AMOUNT_WITH_UNIT} value may carry, the base unit first
 * @param codes         the rule codes its rules carry, with severity and title
 * @param narrative     what R8 reads in the narrative
 * @param source        the file it was read from
 * @param importLabels  reworded row labels the importer accepts besides the official ones
 */
public record FormatDefinition(String id, String title, int firstYear, int lastYear, boolean defaultByYear,
                               List<String> sections, List<Unit> units, List<TableDef> tables, List<RuleCode> codes,
                               List<RuleDef> rules, List<YearRuleDef> yearRules, List<KeyFigureDef> keyFigures,
                               NarrativeDef narrative, String source,
                               List<ImportLabel> importLabels) {
    public FormatDefinition {
        narrative = narrative == null ? NarrativeDef.NONE : narrative;
        sections = List.copyOf(sections);
        units = List.copyOf(units);
        tables = List.copyOf(tables);
        codes = List.copyOf(codes);
        rules = List.copyOf(rules);
        yearRules = List.copyOf(yearRules);
        keyFigures = List.copyOf(keyFigures);
        importLabels = importLabels == null ? List.of() : List.copyOf(importLabels);
    }

    public Optional<TableDef> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** A rule code this format defines. */
    public Optional<RuleCode> code(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** A unit by its name (元, 万元), as a value carries it. */
    public Optional<Unit> unit(String name) {
        return units.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public boolean appliesTo(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
