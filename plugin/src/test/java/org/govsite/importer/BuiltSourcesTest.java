package org.govsite.importer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A .docx and a PDF made in the test from the seed's content (so that neither is a hand-made binary) import to the
 * same values as the sample site's 2024 report.
 */
class BuiltSourcesTest {
    static List<String> seedLines() throws IOException {
        return Files.readString(SeedImportTest.seed(), StandardCharsets.UTF_8).lines().toList();
    }

    /** The seed as Word would hold it: paragraphs, and each run of tab-separated lines as a table. */
    static byte[] docx(List<String> lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            java.math.BigInteger numId = decimalNumbering(doc);
            java.math.BigInteger current = null;
            List<List<String>> table = new ArrayList<>();
            for (String line : lines) {
                if (line.contains("\t")) {
                    table.add(List.of(line.split("\t", -1)));
                    continue;
                }
                flush(doc, table);
                if (line.isBlank()) {
                    continue;
                }
                XWPFParagraph p = doc.createParagraph();
                var run = p.createRun();
                java.util.regex.Matcher item = java.util.regex.Pattern.compile("^(\\d)\\. (.*)$").matcher(line.strip());
                if (item.matches()) {
                    // Word's own numbering: the number is not in the text; a list restarts at 1
                    if (item.group(1).equals("1")) {
                        current = doc.getNumbering().addNum(doc.getNumbering().getAbstractNumID(numId));
                    }
                    p.setNumID(current);
                    run.setText(item.group(2));
                    continue;
                }
                run.setText(line.strip());
                if (line.strip().matches("^（[一二三四五]）.{1,20}：$")) {
                    run.setBold(true);
                }
            }
            flush(doc, table);
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A numbering definition like Word's "1." list. */
    private static java.math.BigInteger decimalNumbering(XWPFDocument doc) {
        var numbering = doc.createNumbering();
        var abs = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(java.math.BigInteger.ZERO);
        var lvl = abs.addNewLvl();
        lvl.setIlvl(java.math.BigInteger.ZERO);
        lvl.addNewStart().setVal(java.math.BigInteger.ONE);
        lvl.addNewNumFmt().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat.DECIMAL);
        lvl.addNewLvlText().setVal("%1.");
        java.math.BigInteger absId = numbering.addAbstractNum(new org.apache.poi.xwpf.usermodel.XWPFAbstractNum(abs));
        return numbering.addNum(absId);
    }

    private static void flush(XWPFDocument doc, List<List<String>> table) {
        if (table.isEmpty()) {
            return;
        }
        int width = table.stream().mapToInt(List::size).max().orElse(1);
        XWPFTable t = doc.createTable(table.size(), width);
        for (int r = 0; r < table.size(); r++) {
            XWPFTableRow row = t.getRow(r);
            List<String> cells = table.get(r);
            for (int c = 0; c < width; c++) {
                row.getCell(c).setText(c < cells.size() ? cells.get(c).strip() : "");
            }
        }
        table.clear();
    }

    @Test
    void aDocxMadeFromTheSeedImportsToTheSameValues() throws IOException {
        byte[] bytes = docx(seedLines());
        ImportedReport report = SeedImportTest.read(Sources.read(bytes, Source.Kind.DOCX, "seed.docx"));
        assertEquals(List.of(), SeedImportTest.errors(report), () -> report.findings().toString());
        Map<String, String> expected = YamlCells.of(SeedImportTest.sampleYaml());
        assertEquals(expected, YamlCells.of(ReportFiles.yaml(report, "seed.docx")));
        String md = ReportFiles.markdown(report);
        assertTrue(md.contains("\n### （一）主动公开：\n"), md);
        assertEquals(6, report.sections().size());
        // Word's automatic numbering is written out, and stays a list
        assertTrue(md.contains("\n1. 信息发布：") && md.contains("\n2. 重点领域信息公开：") && md.contains("\n3. 针对单位"), md);
    }

    /**
     * The seed's tables as Word lays out the official form: a label spanning two columns is one cell (gridSpan), a
     * group label spanning rows is a vertical merge (vMerge), and the section numbering of the text is Word's own.
     */
    static byte[] docxMerged(List<String> lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable t = null;
            for (String line : lines) {
                if (!line.contains("\t")) {
                    t = null;
                    if (!line.isBlank()) {
                        doc.createParagraph().createRun().setText(line.strip());
                    }
                    continue;
                }
                List<String> cells = new ArrayList<>(List.of(line.split("\t", -1)));
                while (cells.size() > 1 && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                XWPFTableRow row;
                if (t == null) {
                    t = doc.createTable(1, 1);
                    row = t.getRow(0);
                } else {
                    row = t.createRow();
                    while (row.getTableCells().size() > 1) {
                        row.removeCell(row.getTableCells().size() - 1);
                    }
                }
                for (int c = 0; c < cells.size(); c++) {
                    String text = cells.get(c).strip();
                    boolean label = !text.isEmpty() && !ImportedValue.looksLikeValue(text);
                    var cell = c == 0 ? row.getCell(0) : row.addNewTableCell();
                    cell.setText(text);
                    var pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    if (text.isEmpty() && c == 0) {
                        pr.addNewVMerge();
                    } else if (label && c + 1 < cells.size() && cells.get(c + 1).isBlank()) {
                        pr.addNewGridSpan().setVal(java.math.BigInteger.valueOf(2));
                        cells.remove(c + 1);
                    } else if (label && c == 0) {
                        pr.addNewVMerge().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aDocxWithMergedCellsImportsToTheSameValues() throws IOException {
        byte[] bytes = docxMerged(seedLines());
        ImportedReport report = SeedImportTest.read(Sources.read(bytes, Source.Kind.DOCX, "merged.docx"));
        assertEquals(List.of(), SeedImportTest.errors(report), () -> report.findings().toString());
        assertEquals(YamlCells.of(SeedImportTest.sampleYaml()), YamlCells.of(ReportFiles.yaml(report, "merged.docx")));
    }


    /**
     * The seed's text drawn line by line into a PDF (cells a few spaces apart). The font is a Type0 font that is not
     * embedded (no CJK TrueType font to embed is at hand): each character gets a code of its own, and the font's
     * ToUnicode map gives the text back, as in any PDF with a text layer.
     */
    static byte[] pdf(List<String> lines) throws IOException {
        Map<Integer, Integer> codes = new java.util.TreeMap<>();
        List<String> shown = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                String text = line.strip().replace("\t", "    ").replace("\u00A0", " ");
                shown.add(text);
                text.codePoints().forEach(c -> codes.putIfAbsent(c, codes.size() + 1));
            }
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSDictionary font = type0Font(doc, codes);
            int perPage = 60;
            for (int from = 0; from < shown.size(); from += perPage) {
                PDPage page = new PDPage(new PDRectangle(1800, 1000));
                PDResources resources = new PDResources();
                COSDictionary fonts = new COSDictionary();
                fonts.setItem(COSName.getPDFName("F1"), font);
                resources.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(resources);
                StringBuilder ops = new StringBuilder();
                float y = 960;
                for (String text : shown.subList(from, Math.min(shown.size(), from + perPage))) {
                    ops.append("BT /F1 9 Tf 20 ").append(y).append(" Td <");
                    text.codePoints().forEach(c -> ops.append(String.format(java.util.Locale.ROOT, "%04X",
                            codes.get(c))));
                    ops.append("> Tj ET\n");
                    y -= 14;
                }
                PDStream contents = new PDStream(doc, new java.io.ByteArrayInputStream(
                        ops.toString().getBytes(StandardCharsets.US_ASCII)));
                page.setContents(contents);
                doc.addPage(page);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static COSDictionary type0Font(PDDocument doc, Map<Integer, Integer> codes) throws IOException {
        StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(codes.entrySet());
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<Integer, Integer>> chunk = entries.subList(from, Math.min(entries.size(), from + 100));
            cmap.append(chunk.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, Integer> e : chunk) {
                cmap.append(String.format(java.util.Locale.ROOT, "<%04X> <%04X>%n", e.getValue(), e.getKey()));
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        PDStream toUnicode = new PDStream(doc, new java.io.ByteArrayInputStream(
                cmap.toString().getBytes(StandardCharsets.US_ASCII)));
        COSDictionary info = new COSDictionary();
        info.setString(COSName.REGISTRY, "Adobe");
        info.setString(COSName.ORDERING, "Identity");
        info.setInt(COSName.SUPPLEMENT, 0);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "NotoSansCJKsc-Regular");
        descriptor.setInt(COSName.FLAGS, 4);
        COSArray bbox = new COSArray();
        for (int v : new int[]{0, -200, 1000, 900}) {
            bbox.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 700);
        descriptor.setInt(COSName.STEM_V, 80);
        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cid.setName(COSName.BASE_FONT, "NotoSansCJKsc-Regular");
        cid.setItem(COSName.CIDSYSTEMINFO, info);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setInt(COSName.DW, 1000);
        cid.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "NotoSansCJKsc-Regular");
        font.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cid);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        font.setItem(COSName.TO_UNICODE, toUnicode);
        return font;
    }

    @Test
    void aPdfMadeFromTheSeedTextImportsToTheSameValues() throws IOException {
        byte[] bytes = pdf(seedLines());
        ImportedReport report = SeedImportTest.read(Sources.read(bytes, Source.Kind.PDF, "seed.pdf"));
        assertEquals(List.of(), SeedImportTest.errors(report), () -> report.findings().toString());
        assertEquals(YamlCells.of(SeedImportTest.sampleYaml()), YamlCells.of(ReportFiles.yaml(report, "seed.pdf")));
    }

    @Test
    void aPdfWithoutTextIsAFindingNotACrash() throws IOException {
        byte[] bytes;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            bytes = out.toByteArray();
        }
        Source source = Sources.read(bytes, Source.Kind.PDF, "scan.pdf");
        assertEquals(List.of("import.scanned"), source.findings().stream().map(f -> f.content().key()).toList());
        ImportedReport report = SeedImportTest.read(source);
        assertTrue(report.hasErrors());
    }
}
