package org.govsite.model;

import org.govsite.format.CellDef;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.KeyFigureDef;
import org.govsite.format.TableDef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table's values: cells by position, and the one sum of a row group by a column group. */
class TableValuesTest {
    private static final FormatDefinition F2021 = FormatCatalog.builtIn().byId("2021").orElseThrow();
    private static final TableDef APPLICATIONS = F2021.table("applications").orElseThrow();

    /** Every cell 1, typed on line 100 + its index. */
    private static Cell[] ones() {
        Cell[] cells = new Cell[APPLICATIONS.cells().size()];
        for (CellDef c : APPLICATIONS.cells()) {
            cells[c.index()] = new Cell(BigDecimal.ONE, "", new SourcePos("r.yaml", 100 + c.index(), 5));
        }
        return cells;
    }

    private static KeyFigureDef figure(String key) {
        return F2021.keyFigures().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aGroupSumsItsLeavesAndKnowsItsFirstCell() {
        TableValues values = new TableValues(APPLICATIONS, ones(), 1);
        // 不予公开 has eight rows; in the column 总计 that is eight cells of 1
        TableValues.Sum refused = values.sum(figure("refused").cells()).orElseThrow();
        assertEquals(0, new BigDecimal(8).compareTo(refused.value()));
        CellDef first = APPLICATIONS.cell(APPLICATIONS.row("results.refused.state_secret").orElseThrow(),
                APPLICATIONS.column("total").orElseThrow()).orElseThrow();
        assertEquals(100 + first.index(), refused.first().line());
        // a column group: 法人或其他组织 × 一 is five cells
        var organisations = APPLICATIONS.group(APPLICATIONS.row("new").orElseThrow(),
                APPLICATIONS.column("organisations").orElseThrow()).orElseThrow();
        assertEquals(5, organisations.size());
        assertEquals(0, new BigDecimal(5).compareTo(values.sum(organisations).orElseThrow().value()));
    }

    @Test
    void aMissingCellIsNeverZero() {
        Cell[] cells = ones();
        CellDef gone = APPLICATIONS.cell(APPLICATIONS.row("results.refused.third_party").orElseThrow(),
                APPLICATIONS.column("total").orElseThrow()).orElseThrow();
        cells[gone.index()] = null;
        TableValues values = new TableValues(APPLICATIONS, cells, 1);
        assertTrue(values.sum(figure("refused").cells()).isEmpty());
        assertTrue(values.sum(figure("granted").cells()).isPresent());
        assertTrue(values.cell(gone).isEmpty());
        assertTrue(!values.complete());
    }

    @Test
    void cellsAreFoundByTheirHeadersNotByName() {
        TableDef active = F2021.table("active").orElseThrow();
        // item5 and item6 share the column key 'decisions'; item5 has no column 'amount'
        var licensing = active.row("item5.licensing").orElseThrow();
        assertTrue(active.cell(licensing, active.column("decisions").orElseThrow()).isPresent());
        assertEquals(Optional.empty(), active.cell(licensing, active.column("amount").orElseThrow()));
        assertEquals(List.of("t2", "表二"), List.of(active.htmlId(), active.number()));
    }

    @Test
    void aSectionHeadingsNumeral() {
        assertEquals("三", Narrative.SectionHeading.numeralOf("三、收到和处理政府信息公开申请情况"));
        assertEquals("", Narrative.SectionHeading.numeralOf("总体情况"));
        assertEquals(3, new Narrative.SectionHeading("三、x", "三", new SourcePos("r.md", 9, 1)).number());
    }
}
