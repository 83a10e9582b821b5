package org.govsite.load;

import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.diagnostics.Finding;
import org.govsite.format.CellDef;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.TableDef;
import org.govsite.model.Cell;
import org.govsite.model.CellState;
import org.govsite.model.TableValues;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cell states as report.yaml writes them: a number, blank, "/", an amount with or without its unit. */
class TableReaderTest {
    private static final FormatDefinition F2019 = FormatCatalog.builtIn().byId("2019").orElseThrow();
    private static final FormatDefinition F2021 = FormatCatalog.builtIn().byId("2021").orElseThrow();

    private final List<Finding> findings = new ArrayList<>();

    private TableValues read(FormatDefinition format, String key, String yaml, boolean published) {
        FileDiagnostics d = new FileDiagnostics("r.yaml", findings::add);
        YamlNode.Mapping root = (YamlNode.Mapping) new YamlReader(d).read(yaml).orElseThrow();
        TableDef def = format.tables().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
        return new TableReader(d).read(format, def, root.entry(key).orElseThrow(), published);
    }

    private static Cell cell(TableValues t, String row, String column) {
        CellDef c = t.def().cell(t.def().row(row).orElseThrow(), t.def().column(column).orElseThrow()).orElseThrow();
        return t.cell(c).orElseThrow();
    }

    private static final String ACTIVE_2019 = """
            active:
              item1:
                regulations:         {made: /, published: "/", total: ~}
                normative_documents: {made: 1, published: "", total:}
              item5:
                licensing:      {previous: 0, change: +4, decisions: 4}
                other_services: {previous: 0, change: 0, decisions: 0}
              item6:
                punishment: {previous: 0, change: 0, decisions: 0}
                coercion:   {previous: 0, change: 0, decisions: 0}
              item8:
                fees: {previous: 0, change: 0}
              item9:
                procurement: {projects: 0, amount: 0}
            """;

    @Test
    void aPublishedRecordKeepsBlanksAndSlashesAsPublished() {
        TableValues t = read(F2019, "active", ACTIVE_2019, true);
        assertEquals(List.of(), findings);
        assertEquals(CellState.NOT_APPLICABLE, cell(t, "item1.regulations", "made").state());
        assertEquals(CellState.NOT_APPLICABLE, cell(t, "item1.regulations", "published").state());
        assertEquals(CellState.BLANK, cell(t, "item1.regulations", "total").state());
        assertEquals(CellState.BLANK, cell(t, "item1.normative_documents", "published").state());
        assertEquals(CellState.BLANK, cell(t, "item1.normative_documents", "total").state());
        Cell blank = cell(t, "item1.regulations", "total");
        assertEquals(3, blank.line());
        assertTrue(blank.column() > 0);
        // a blank is never 0: no value
        assertEquals(Optional.empty(), t.value(t.def().cell(t.def().row("item1.regulations").orElseThrow(),
                t.def().column("total").orElseThrow()).orElseThrow()));
        // a 0 amount needs no unit
        Cell amount = cell(t, "item9.procurement", "amount");
        assertEquals(0, BigDecimal.ZERO.compareTo(amount.value()));
        assertEquals("", amount.unit());
        assertTrue(t.hasBlanks());
    }

    @Test
    void aDraftsBlankIsAFindingAtItsLineButAnySlashIsAsPublished() {
        TableValues t = read(F2019, "active", ACTIVE_2019, false);
        assertEquals(3, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.rule().code().equals("Y4")), findings.toString());
        assertEquals(List.of(3, 4, 4), findings.stream().map(Finding::line).toList());
        assertEquals(CellState.BLANK, cell(t, "item1.regulations", "total").state());
    }

    @Test
    void valueMessagesSayHowToFixTheValue() {
        read(F2021, "active", """
                active:
                  item1:
                    regulations:         {issued: １３, repealed: 13件, in_force: 0}
                    normative_documents: {issued: 0, repealed: 0, in_force: 0}
                  item5:
                    licensing: {decisions: 0}
                  item6:
                    punishment: {decisions: 0}
                    coercion:   {decisions: 0}
                  item8:
                    fees: {amount: 1.5万元}
                """, false);
        assertEquals(List.of(
                "“规章 / 本年制发件数”是全角数字“１３”：请改为半角数字 13",
                "“规章 / 本年废止件数”只写数字：请去掉“件”，写成 13，而不是“13件”",
                "“行政事业性收费 / 本年收费金额（单位：万元）”的单位由表头规定为万元：请只写数字 1.5，而不是“1.5万元”"),
                findings.stream().map(Finding::message).toList());
    }
}
