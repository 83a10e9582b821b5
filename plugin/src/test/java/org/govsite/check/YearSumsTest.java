package org.govsite.check;

import org.govsite.ArchiveFixtures;
import org.govsite.check.Checker;
import org.govsite.format.CellDef;
import org.govsite.format.FormatCatalog;
import org.govsite.load.AgencySource;
import org.govsite.load.SiteLoader;
import org.govsite.model.Cell;
import org.govsite.model.SourcePos;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Messages;
import org.govsite.model.Report;
import org.govsite.diagnostics.Rule;
import org.govsite.model.TableValues;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A year's sum is every table summed cell by cell, and is checked by the same rules as a single report. */
class YearSumsTest {
    /**
     * 2020 holds a published record with blanks (shanzhou-fgw): its blank 总计 of （一） adds the 6 its row implies, its
     * other blanks 0, and the sum still passes the table rules; the total counts the record.
     */
    @Test
    void aPublishedRecordsBlanksAddWhatTheTableImplies() throws Exception {
        List<Finding> findings = new ArrayList<>();
        SiteLoader loader = new SiteLoader(ArchiveFixtures.SAMPLE.getParent().getParent(), ArchiveFixtures.SAMPLE,
                FormatCatalog.builtIn(), findings::add);
        YearSums sums = new YearSums();
        List<Report> year2020 = new ArrayList<>();
        for (AgencySource a : loader.agencies(loader.siteInfo())) {
            for (AgencySource.YearSource y : a.years()) {
                Optional<Report> r = loader.report(a.agency(), y);
                r.ifPresent(sums::add);
                r.filter(x -> x.year() == 2020).ifPresent(year2020::add);
            }
        }
        assertEquals(2, year2020.size());
        YearSums.YearTotal total = sums.of(2020).get(0);
        assertEquals(1, total.withBlanks());
        assertEquals(0, sums.of(2024).get(0).withBlanks());
        TableValues applications = total.sum().table("applications").orElseThrow();
        CellDef grantedTotal = applications.def().cell(applications.def().row("results.granted").orElseThrow(),
                applications.def().column("total").orElseThrow()).orElseThrow();
        // the draft's 11 and the published record's blank, implied 6
        assertEquals(0, new BigDecimal(11 + 6).compareTo(applications.value(grantedTotal).orElseThrow()));
        assertTrue(new Checker().checkTables(total.sum()).findings().isEmpty());
    }

    @Test
    void sumsEveryCellAndPassesTheTableRules() throws Exception {
        Messages messages = new Messages(Language.CHINESE);
        List<Finding> findings = new ArrayList<>();
        SiteLoader loader = new SiteLoader(ArchiveFixtures.SAMPLE.getParent().getParent(), ArchiveFixtures.SAMPLE,
                FormatCatalog.builtIn(), findings::add);
        List<Report> year2024 = new ArrayList<>();
        YearSums sums = new YearSums();
        for (AgencySource a : loader.agencies(loader.siteInfo())) {
            for (AgencySource.YearSource y : a.years()) {
                Optional<Report> r = loader.report(a.agency(), y);
                r.ifPresent(sums::add);
                r.filter(x -> x.year() == 2024).ifPresent(year2024::add);
            }
        }
        assertTrue(year2024.size() >= 2, "the sample has several reports for 2024");
        List<YearSums.YearTotal> totals = sums.of(2024);
        assertEquals(1, totals.size());
        YearSums.YearTotal total = totals.get(0);
        assertEquals(year2024.size(), total.reports());
        int cells = 0;
        for (TableValues t : total.sum().tables()) {
            for (CellDef c : t.def().cells()) {
                BigDecimal expected = BigDecimal.ZERO;
                for (Report r : year2024) {
                    expected = expected.add(r.table(t.def().key()).orElseThrow().value(c).orElseThrow());
                }
                assertEquals(0, expected.compareTo(t.value(c).orElseThrow()), c.address(t.def().key()));
                cells++;
            }
        }
        assertTrue(cells > 100);

        Checker checker = new Checker();
        Checker.Outcome ok = checker.checkTables(total.sum());
        assertTrue(ok.findings().isEmpty(), ok.findings().toString());
        assertEquals(List.of("R1", "R2", "R3", "R4"), ok.checked().stream().map(Rule::code).toList());

        // The same rule code catches a sum that does not add up: change one cell of table 三.
        TableValues applications = total.sum().table("applications").orElseThrow();
        Cell[] changed = new Cell[applications.def().cells().size()];
        for (CellDef c : applications.def().cells()) {
            changed[c.index()] = applications.cell(c).orElse(null);
        }
        CellDef newTotal = applications.def().cell(applications.def().row("new").orElseThrow(),
                applications.def().column("total").orElseThrow()).orElseThrow();
        changed[newTotal.index()] = new Cell(changed[newTotal.index()].value().add(BigDecimal.ONE), "", SourcePos.NONE);
        List<TableValues> tables = new ArrayList<>(total.sum().tables());
        tables.set(tables.indexOf(applications), new TableValues(applications.def(), changed, 0));
        Report wrong = new Report(total.sum().agency(), total.sum().meta(), total.sum().format(), tables,
                total.sum().narrative(), "", "");
        List<Finding> found = checker.checkTables(wrong).findings();
        assertFalse(found.isEmpty());
        assertTrue(found.stream().anyMatch(f -> f.rule().code().equals("R2")), found.toString());
    }
}
