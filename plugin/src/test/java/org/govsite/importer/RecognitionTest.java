package org.govsite.importer;

import org.govsite.TestSites;
import org.govsite.diagnostics.Finding;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.FormatDefinitionException;
import org.govsite.format.FormatReader;
import org.govsite.format.TableDef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows by label with the tolerances real reports need; values as published; what cannot be read is a finding. */
class RecognitionTest {
    private static final FormatDefinition F2021 = FormatCatalog.builtIn().byId("2021").orElseThrow();
    private static final FormatDefinition F2019 = FormatCatalog.builtIn().byId("2019").orElseThrow();

    private static Labels labels(FormatDefinition f, String table) {
        return new Labels(f, f.table(table).orElseThrow());
    }

    private static String leaf(Labels l, String label) {
        return l.leaf(label, List.of(), Optional.empty(), false).map(h -> h.path()).orElse("-");
    }

    @Test
    void labelsMatchWhateverTheSpacesWidthsBracketsAndNumbering() {
        Labels t3 = labels(F2021, "applications");
        for (String label : List.of("（一）予以公开", "(一)予以公开", "一、予以公开", "( 一 ) 予 以 公 开", "（一）　予以公开")) {
            assertEquals("results.granted", leaf(t3, label), label);
        }
        for (String label : List.of("1.属于国家秘密", "1、属于国家秘密", "1．属于国家秘密", "１．属于国家秘密")) {
            assertEquals("results.refused.state_secret", leaf(t3, label), label);
        }
        assertEquals("results.refused.security_stability", leaf(t3, "3. 危及\"三安全一稳定\""));
        // the parenthetical left out, and a group's label written in front
        assertEquals("results.partly_granted", leaf(t3, "（二）部分公开"));
        assertEquals("results.refused.state_secret", leaf(t3, "(三) 不予公开 1. 属于国家秘密"));
        assertEquals("results.granted", leaf(t3, "三、本年度办理结果 (一) 予以公开"));
        // never a guess: a label that names no row, or a bare fragment
        assertEquals("-", leaf(t3, "予以公开及部分公开"));
        assertEquals("-", leaf(t3, "信息内容"));
    }

    @Test
    void rewordedLabelsAreDataInTheFormatFiles() {
        assertEquals("item1.normative_documents", leaf(labels(F2021, "active"), "规范性文件"));
        assertEquals("item1.normative_documents", leaf(labels(F2019, "active"), "行政规范性文件"));
        assertEquals("item1.normative_documents", leaf(labels(F2021, "active"), "行政规范性文件"));
        assertTrue(F2021.importLabels().stream().anyMatch(l -> l.labels().contains("规范性文件")));
        // 平潭君山片区 2024 and 2025 (published/pingtan-junshan-years): 和 added, 受理 for 处理
        Labels t3 = labels(F2021, "applications");
        assertEquals("results.refused.prohibited_by_law", leaf(t3, "2.其他法律和行政法规禁止公开"));
        assertEquals("results.other.no_correction", leaf(t3, "1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请"));
        assertEquals("results.other.unpaid_fees", leaf(t3, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请"));
        assertEquals("-", leaf(labels(F2019, "applications"), "2.其他法律和行政法规禁止公开"), "2021's data only");
    }

    /**
     * The real township-level page of {@code published/pingtan-junshan-2023} with the labels its agency used the next
     * year (2024: "其他法律和行政法规禁止公开", "行政机关不再受理…") imports to the same cells.
     */
    @Test
    void theNextYearsRewordedLabelsImportToTheSameCells() throws IOException {
        Path fixture = TestSites.pluginDir().resolve("src/test/resources/published/pingtan-junshan-2023");
        String text = Files.readString(fixture.resolve("source.txt"), StandardCharsets.UTF_8);
        String reworded = text.replace("2.其他法律行政法规禁止公开\t", "2.其他法律和行政法规禁止公开\t")
                .replace("行政机关不再处理其政府信息公开申请\t", "行政机关不再受理其政府信息公开申请\t");
        assertEquals(2, reworded.split("不再受理", -1).length - 1);
        assertTrue(reworded.contains("其他法律和行政法规"));
        ImportedReport r = SeedImportTest.read(Sources.read(reworded.getBytes(StandardCharsets.UTF_8), Source.Kind.TEXT,
                "source.txt"));
        assertEquals(List.of(), SeedImportTest.errors(r), () -> r.findings().toString());
        assertEquals(YamlCells.of(fixture.resolve("expected.yaml")), YamlCells.of(ReportFiles.yaml(r, "source.txt")));
    }

    private static String builtIn(String id) throws IOException {
        try (InputStream in = RecognitionTest.class.getResourceAsStream("/org/govsite/formats/" + id + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void importLabelsAreReadAsStrictlyAsTheRestOfAFormat() throws IOException {
        String base = builtIn("2021").replace("id: \"2021\"", "id: local").replace("default_by_year: true",
                "default_by_year: false");
        FormatDefinitionException typo = assertThrows(FormatDefinitionException.class, () -> FormatReader.read(
                base.replace("labels: [规范性文件]", "lables: [规范性文件]"), "formats/local.yaml"));
        assertTrue(typo.getMessage().contains("lables"), typo.getMessage());
        FormatDefinitionException row = assertThrows(FormatDefinitionException.class, () -> FormatReader.read(
                base.replace("row: item1.normative_documents, labels", "row: item1.normative_docs, labels"),
                "formats/local.yaml"));
        assertTrue(row.getMessage().contains("item1.normative_docs"), row.getMessage());
        assertTrue(row.line() > 0);
        FormatDefinitionException empty = assertThrows(FormatDefinitionException.class, () -> FormatReader.read(
                base.replace("labels: [规范性文件]", "labels: []"), "formats/local.yaml"));
        assertTrue(empty.getMessage().contains("at least one label"), empty.getMessage());
    }

    @Test
    void valuesAreKeptAsPublished() {
        TableDef t2 = F2019.table("active").orElseThrow();
        var count = t2.cells().get(0).kind();
        assertEquals("~", ImportedValue.parse("", count, F2019).orElseThrow().yaml());
        assertEquals("~", ImportedValue.parse("\u00A0", count, F2019).orElseThrow().yaml());
        assertEquals("/", ImportedValue.parse("/", count, F2019).orElseThrow().yaml());
        assertEquals("/", ImportedValue.parse("／", count, F2019).orElseThrow().yaml());
        assertEquals("13", ImportedValue.parse("１３", count, F2019).orElseThrow().yaml());
        assertTrue(ImportedValue.parse("１３", count, F2019).orElseThrow().converted());
        assertTrue(ImportedValue.parse("十三", count, F2019).isEmpty());
        assertTrue(ImportedValue.parse("13件", count, F2019).isEmpty());
        var amount = t2.cells().stream().filter(c -> c.column().key().equals("amount")).findFirst().orElseThrow()
                .kind();
        assertEquals("\"251000元\"", ImportedValue.parse("251000元", amount, F2019).orElseThrow().yaml());
        assertEquals("\"25.1万元\"", ImportedValue.parse("25.1万元", amount, F2019).orElseThrow().yaml());
        assertEquals("0", ImportedValue.parse("0", amount, F2019).orElseThrow().yaml());
        assertTrue(ImportedValue.parse("251000", amount, F2019).isEmpty(), "a unit is never guessed");
        var signed = t2.cells().stream().filter(c -> c.column().key().equals("change")).findFirst().orElseThrow()
                .kind();
        assertEquals("+5174", ImportedValue.parse("+5174", signed, F2019).orElseThrow().yaml());
        assertEquals("-183", ImportedValue.parse("-183", signed, F2019).orElseThrow().yaml());
    }

    private static ImportedReport html(String body) throws IOException {
        return SeedImportTest.read(Sources.read(body.getBytes(StandardCharsets.UTF_8), Source.Kind.HTML, "p.html"));
    }

    private static String seedAsHtml() throws IOException {
        StringBuilder html = new StringBuilder("<html><body><nav><a href='/'>首页</a> 2023年政府信息公开工作年度报告</nav>"
                + "<div class='content'><table><tr><td><table><tr><td>");
        boolean inTable = false;
        for (String line : Files.readString(SeedImportTest.seed(), StandardCharsets.UTF_8).lines().toList()) {
            if (line.contains("\t")) {
                if (!inTable) {
                    html.append("<table border='1'>");
                    inTable = true;
                }
                html.append("<tr>");
                for (String cell : line.split("\t", -1)) {
                    html.append("<td><p><span style='font-size:14px'>")
                            .append(cell.isBlank() ? "&nbsp;" : cell.strip()).append("</span></p></td>");
                }
                html.append("</tr>\n");
                continue;
            }
            if (inTable) {
                html.append("</table>");
                inTable = false;
            }
            if (!line.isBlank()) {
                html.append("<p><span>").append(line.strip().replace("&", "&amp;").replace("<", "&lt;"))
                        .append("</span></p>\n");
            }
        }
        html.append("</td></tr></table></td></tr></table></div><footer>版权所有 三门峡市陕州区人民政府 2025年</footer>"
                + "</body></html>");
        return html.toString();
    }

    @Test
    void aSavedPageWithLayoutTablesNavigationAndFooterImportsToTheSeedsNumbers() throws IOException {
        ImportedReport report = html(seedAsHtml());
        assertEquals(List.of(), SeedImportTest.errors(report), () -> report.findings().toString());
        Map<String, String> expected = YamlCells.of(SeedImportTest.sampleYaml());
        assertEquals(expected, YamlCells.of(ReportFiles.yaml(report, "p.html")));
        assertEquals(Optional.of(2024), report.year());
        String md = ReportFiles.markdown(report);
        assertTrue(!md.contains("版权所有") && !md.contains("首页"), md);
    }

    private static List<String> keys(ImportedReport r) {
        return r.findings().stream().map(f -> f.content().key()).toList();
    }

    @Test
    void aTablePublishedAsAnImageIsAFindingThatNamesIt() throws IOException {
        String page = seedAsHtml();
        int from = page.indexOf("<p><span>三、收到和处理政府信息公开申请情况</span></p>");
        int to = page.indexOf("<p><span>四、政府信息公开行政复议、行政诉讼情况</span></p>");
        String imaged = page.substring(0, from) + "<p><span>三、收到和处理政府信息公开申请情况</span></p>"
                + "<p><img src='t3.png' alt='表三'></p>" + page.substring(to);
        ImportedReport report = html(imaged);
        Finding image = report.findings().stream().filter(f -> f.content().key().equals("import.image"))
                .findFirst().orElseThrow(() -> new AssertionError(report.findings()));
        assertEquals("表三为图片，需手工录入", image.message());
        assertTrue(report.hasErrors());
        assertTrue(image.line() > 0);
    }

    @Test
    void aNonNumberIsAFindingAndFullWidthDigitsAreConvertedWithANote() throws IOException {
        String page = seedAsHtml().replaceFirst("<td><p><span style='font-size:14px'>13</span></p></td>",
                "<td><p><span style='font-size:14px'>十三</span></p></td>");
        ImportedReport bad = html(page);
        Finding f = bad.findings().stream().filter(x -> x.content().key().equals("import.notNumber")).findFirst()
                .orElseThrow(() -> new AssertionError(bad.findings()));
        assertTrue(f.message().contains("十三") && f.message().contains("一、本年新收政府信息公开申请数量"), f.message());
        assertTrue(f.line() > 0);
        ImportedReport wide = html(seedAsHtml().replaceFirst("<td><p><span style='font-size:14px'>13</span></p></td>",
                "<td><p><span style='font-size:14px'>１３</span></p></td>"));
        assertEquals(List.of(), SeedImportTest.errors(wide));
        assertTrue(keys(wide).contains("import.fullWidth"), keys(wide).toString());
        assertEquals(YamlCells.of(SeedImportTest.sampleYaml()), YamlCells.of(ReportFiles.yaml(wide, "p.html")));
    }

    @Test
    void anAmountInItsColumnsOwnUnitIsThatNumberAndAnotherUnitIsStillAFinding() throws IOException {
        var fees = F2021.table("active").orElseThrow().cells().stream()
                .filter(c -> c.column().key().equals("amount")).findFirst().orElseThrow();
        assertEquals(Optional.of("万元"), fees.column().unit(), "the label 本年收费金额（单位：万元） gives the unit");
        ImportedValue v = ImportedValue.parse("1.5万元", fees.kind(), fees.column().unit(), F2021).orElseThrow();
        assertEquals("1.5", v.yaml());
        assertEquals(Optional.of("万元"), v.unitDropped());
        assertEquals("0.38", ImportedValue.parse("0.38 万元", fees.kind(), fees.column().unit(), F2021).orElseThrow()
                .yaml());
        assertTrue(ImportedValue.parse("15000元", fees.kind(), fees.column().unit(), F2021).isEmpty());
        assertTrue(ImportedValue.parse("1.5万元", fees.kind(), F2021).isEmpty(), "no unit known: no unit dropped");
        assertTrue(ImportedValue.parse("万元", fees.kind(), fees.column().unit(), F2021).isEmpty());
        var count = F2021.table("active").orElseThrow().cells().get(0);
        assertEquals(Optional.empty(), count.column().unit());
        assertTrue(ImportedValue.parse("13件", count.kind(), count.column().unit(), F2021).isEmpty());

        String cell = "<td><p><span style='font-size:14px'>行政事业性收费</span></p></td>"
                + "<td><p><span style='font-size:14px'>0</span></p></td>";
        assertTrue(seedAsHtml().contains(cell));
        ImportedReport own = html(seedAsHtml().replace(cell, cell.replace(">0<", ">1.5万元<")));
        assertEquals(List.of(), SeedImportTest.errors(own));
        assertTrue(keys(own).contains("import.columnUnit"), keys(own).toString());
        assertEquals("1.5", YamlCells.of(ReportFiles.yaml(own, "p.html")).get("active.item8.fees.amount"));
        ImportedReport other = html(seedAsHtml().replace(cell, cell.replace(">0<", ">15000元<")));
        Finding f = other.findings().stream().filter(x -> x.content().key().equals("import.notNumber")).findFirst()
                .orElseThrow(() -> new AssertionError(other.findings()));
        assertTrue(f.message().contains("15000元"), f.message());
    }

    @Test
    void aRowThatCannotBePlacedIsAFindingWithItsLine() throws IOException {
        String text = Files.readString(SeedImportTest.seed(), StandardCharsets.UTF_8)
                .replace("\t\t4. 保护第三方合法权益\t", "\t\t4. 保护他人权益\t");
        ImportedReport r = SeedImportTest.read(Sources.read(text.getBytes(StandardCharsets.UTF_8), Source.Kind.TEXT,
                "seed.txt"));
        assertTrue(keys(r).contains("import.unplaced"), keys(r).toString());
        assertTrue(keys(r).contains("import.missingRow"), keys(r).toString());
        Finding unplaced = r.findings().stream().filter(f -> f.content().key().equals("import.unplaced"))
                .findFirst().orElseThrow();
        int line = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("保护他人权益")).findFirst()
                .orElseThrow()) + 1;
        assertEquals(line, unplaced.line());
    }

    @Test
    void labelsBrokenOverLinesAndRowsBrokenAcrossLinesAreJoined() throws IOException {
        String text = Files.readString(SeedImportTest.seed(), StandardCharsets.UTF_8)
                .replace("5. 要求行政机关确认或重新出具已获取信息\t\t0\t0\t0\t0\t0\t0\t0\t",
                        "5. 要求行政机关确认或重新\n出具已获取信息\t\t0\t0\t0\t0\t0\t0\t0\t")
                .replace("行政规范性文件\t0\t0\t0", "行政规范性文件\n0\t0\t0");
        ImportedReport r = SeedImportTest.read(Sources.read(text.getBytes(StandardCharsets.UTF_8), Source.Kind.TEXT,
                "seed.txt"));
        assertEquals(List.of(), SeedImportTest.errors(r), () -> r.findings().toString());
        assertEquals(YamlCells.of(SeedImportTest.sampleYaml()), YamlCells.of(ReportFiles.yaml(r, "seed.txt")));
    }

    @Test
    void titleAndHeaderLinesGiveYearAgencyDateAndIndexNumber() throws IOException {
        String text = "索引号：411222-0002-2025-00001\n发布日期：2025年1月17日\n"
                + Files.readString(SeedImportTest.seed(), StandardCharsets.UTF_8);
        ImportedReport r = SeedImportTest.read(Sources.read(text.getBytes(StandardCharsets.UTF_8), Source.Kind.TEXT,
                "seed.txt"));
        assertEquals(Optional.of(LocalDate.of(2025, 1, 17)), r.published());
        assertEquals(Optional.of("411222-0002-2025-00001"), r.indexNo());
        assertEquals(Optional.of("三门峡市陕州区人民政府办公室"), r.agency());
        assertEquals(Optional.of("上海市人民政府办公厅"),
                ReportReader.agencyOf("2019年上海市人民政府办公厅政府信息公开工作年度报告"));
        String yaml = ReportFiles.yaml(r, "seed.txt");
        assertTrue(yaml.contains("\npublished: 2025-01-17\n") && yaml.contains("\nindex_no: \"411222-0002-2025-00001\"\n"),
                yaml);
    }

    @Test
    void severalHeaderFieldsOnOneLineOrInAMetadataTableAreRead() throws IOException {
        String seed = Files.readString(SeedImportTest.seed(), StandardCharsets.UTF_8);
        ImportedReport line = SeedImportTest.read(Sources.read(("来源：陕州区人民政府 时间：2025-01-17 15:22 浏览：3\n" + seed)
                .getBytes(StandardCharsets.UTF_8), Source.Kind.TEXT, "seed.txt"));
        assertEquals(Optional.of(LocalDate.of(2025, 1, 17)), line.published());
        ImportedReport both = SeedImportTest.read(Sources.read(("时间：2025-01-20\n发布日期：2025-01-17\n" + seed)
                .getBytes(StandardCharsets.UTF_8), Source.Kind.TEXT, "seed.txt"));
        assertEquals(Optional.of(LocalDate.of(2025, 1, 17)), both.published(), "发布日期 wins over the other dates");
        ImportedReport inText = SeedImportTest.read(Sources.read(("发布机构：陕州区政府办 办公时间：工作日\n" + seed)
                .getBytes(StandardCharsets.UTF_8), Source.Kind.TEXT, "seed.txt"));
        assertEquals(Optional.empty(), inText.published(), "a key inside a word is not a key");

        String page = seedAsHtml().replace("<div class='content'>", "<div class='head'><p>繁體版</p><p>无障碍</p>"
                + "<table><tr><td>索引号</td><td>411222-0002-2025-00001</td><td>分类</td><td>年报</td></tr>"
                + "<tr><td>发布机构</td><td>三门峡市陕州区人民政府办公室</td><td>公开日期</td><td>2025-01-17</td></tr>"
                + "</table></div><div class='content'>");
        ImportedReport table = html(page);
        assertEquals(Optional.of(LocalDate.of(2025, 1, 17)), table.published());
        assertEquals(Optional.of("411222-0002-2025-00001"), table.indexNo());
        assertTrue(table.preamble().stream().noneMatch(p -> p.contains("繁體版") || p.contains("无障碍")),
                "what comes before the title is the page around the report: " + table.preamble());
    }

    @Test
    void markdownIsEscapedButNumberedItemsStayLists() {
        assertEquals("\\*重点\\* 5\\<6 \\[注\\] a\\_b", ReportFiles.escape("*重点* 5<6 [注] a_b"));
        assertEquals("\\# 不是标题", ReportFiles.escape("# 不是标题"));
        assertEquals("2\\. 不是列表", ReportFiles.escape("2. 不是列表"));
        var report = new ImportedReport(new Source("x", Source.Kind.TEXT, List.of(), List.of()), Optional.empty(),
                Optional.of(2024), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), List.of(new ImportedReport.Section(1, "一、总体情况", List.of(
                new ImportedReport.Paragraph("（一）主动公开", true),
                new ImportedReport.Paragraph("1. 信息发布", false),
                new ImportedReport.Paragraph("2. 重点领域", false),
                new ImportedReport.Paragraph("2. 又一个二", false),
                new ImportedReport.Paragraph("1.5万元为收费", false)))), List.of());
        assertEquals("## 一、总体情况\n\n### （一）主动公开\n\n1. 信息发布\n\n2. 重点领域\n\n2\\. 又一个二\n\n1.5万元为收费\n",
                ReportFiles.markdown(report));
    }
}
