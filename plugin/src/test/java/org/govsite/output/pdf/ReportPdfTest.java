package org.govsite.output.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.govsite.TestSites;
import org.govsite.browser.SampleSite;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.GovSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every published report of the sample site gets a PDF beside its page: PDF/UA-1 by veraPDF, tagged (H1, H2, Table,
 * TH with Scope and an ID, TD with the Headers of the page), Noto Sans SC embedded as TrueType, title and zh-CN in the metadata, the six sections as bookmarks,
 * A4, byte-identical across two builds in different folders, and linked from its page with its size.
 */
class ReportPdfTest {
    private static final Pattern REPORT_PAGE = Pattern.compile("agencies/[a-z0-9-]+/[0-9]{4}\\.html");
    private static final Pattern LINK = Pattern.compile(
            "<a href=\"([0-9]{4}\\.pdf)\" type=\"application/pdf\">下载PDF（([0-9]+) KB）</a>");

    @TempDir
    static Path tmp;
    /** The sample site as the browser tests read it: one build of it, with its PDFs, serves the whole JVM. */
    static Path first;
    /** A second build, of a copy of the sample in another folder. */
    static Path second;
    /** Each report page's path and its PDF's bytes, from the first build. */
    static final Map<String, byte[]> pdfs = new TreeMap<>();

    @BeforeAll
    static void build() throws IOException {
        first = SampleSite.shared();
        second = generate(tmp.resolve("b"), true);
        try (Stream<Path> files = Files.walk(first)) {
            for (Path p : files.sorted().toList()) {
                String rel = first.relativize(p).toString().replace('\\', '/');
                if (REPORT_PAGE.matcher(rel).matches()) {
                    Path pdf = first.resolve(rel.replace(".html", ".pdf"));
                    assertTrue(Files.exists(pdf), "no PDF beside " + rel);
                    pdfs.put(rel, Files.readAllBytes(pdf));
                }
            }
        }
        assertTrue(pdfs.size() >= 10, "sample reports: " + pdfs.keySet());
    }

    static Path generate(Path project, boolean pdf) throws IOException {
        Path source = TestSites.copySample(project);
        Path out = project.resolve("out");
        assertTrue(new GovSite(BuildConfig.builder(project, source).outputDir(out).pdf(pdf).build()).generate()
                .published());
        return out.toRealPath();
    }

    @Test
    void identicalInputGivesIdenticalBytes() throws IOException {
        for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
            byte[] again = Files.readAllBytes(second.resolve(e.getKey().replace(".html", ".pdf")));
            assertArrayEquals(e.getValue(), again, e.getKey() + ": the PDF differs between two builds");
        }
    }

    @Test
    void thePageLinksThePdfWithItsSize() throws IOException {
        for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
            String html = Files.readString(first.resolve(e.getKey()), StandardCharsets.UTF_8);
            Matcher m = LINK.matcher(html);
            assertTrue(m.find(), e.getKey() + " has no PDF link");
            assertEquals(e.getKey().substring(e.getKey().lastIndexOf('/') + 1).replace(".html", ".pdf"), m.group(1));
            assertEquals((e.getValue().length + 1023) / 1024, Integer.parseInt(m.group(2)), e.getKey());
        }
    }

    @Test
    void offLeavesNoPdfAndNoLink() throws IOException {
        Path out = generate(tmp.resolve("off"), false);
        String page = "agencies/shanzhou-zfb/2024.html";
        assertFalse(Files.exists(out.resolve(page.replace(".html", ".pdf"))));
        assertFalse(Files.readString(out.resolve(page), StandardCharsets.UTF_8).contains("下载PDF"));
    }

    @Test
    void veraPdfAcceptsEveryPdfAsPdfUa1() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(e.getValue()),
                    PDFAFlavour.PDFUA_1);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
                ValidationResult result = validator.validate(parser);
                List<String> failed = new ArrayList<>();
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() == TestAssertion.Status.FAILED) {
                        failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " "
                                + a.getMessage() + " @ " + a.getLocation().getContext());
                    }
                }
                assertEquals(List.of(), failed.stream().distinct().limit(20).toList(), e.getKey());
                assertTrue(result.isCompliant(), e.getKey());
            }
        }
    }

    @Test
    void taggedWithMetadataBookmarksAndTheFontEmbedded() throws IOException {
        byte[] bytes = pdfs.get("agencies/shanzhou-zfb/2024.html");
        assertNotNull(bytes);
        String title = "三门峡市陕州区人民政府办公室2024年政府信息公开工作年度报告";
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked());
            assertEquals(title, doc.getDocumentInformation().getTitle());
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains(title), xmp);
            assertTrue(xmp.contains("pdfuaid:part") && xmp.matches("(?s).*pdfuaid:part(=\"1\"|>1<).*"), xmp);
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            assertNull(doc.getDocumentInformation().getCreationDate(), "no publication date, no date");

            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem i : doc.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(i.getTitle());
            }
            assertEquals(6, bookmarks.size(), bookmarks.toString());
            assertTrue(bookmarks.get(0).startsWith("一、") && bookmarks.get(5).startsWith("六、"), bookmarks.toString());

            for (PDPage page : doc.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertEquals(595, Math.round(box.getWidth()));
                assertEquals(842, Math.round(box.getHeight()));
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont font = res.getFont(name);
                    assertTrue(font instanceof PDType0Font, font.getName());
                    PDCIDFont cid = ((PDType0Font) font).getDescendantFont();
                    assertTrue(cid.getBaseFont().matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)"), cid.getBaseFont());
                    assertNotNull(cid.getFontDescriptor().getFontFile2(), "TrueType outlines embedded: " + name);
                }
            }
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("收到和处理政府信息公开申请情况"), "table 3's caption as text");
            assertTrue(text.contains("一、总体情况"), text.substring(0, Math.min(400, text.length())));

            Map<String, Integer> tags = new TreeMap<>();
            List<String> scopes = new ArrayList<>();
            walk(doc.getDocumentCatalog().getStructureTreeRoot(), tags, scopes);
            assertEquals(1, tags.getOrDefault("H1", 0), tags.toString());
            assertEquals(6, tags.getOrDefault("H2", 0), tags.toString());
            assertEquals(3, tags.getOrDefault("Table", 0), tags.toString());
            assertTrue(tags.getOrDefault("TH", 0) > 40 && tags.getOrDefault("TD", 0) > 100, tags.toString());
            assertTrue(scopes.contains("Row") && scopes.contains("Column"), scopes.toString());
        }
    }

    /**
     * A published record's PDF carries its 数据核对 box, as its page does, and shows its blank cells blank: the
     * screen-reader text 空白 of the page is not printed.
     */
    @Test
    void aPublishedRecordsPdfHasTheDataCheckBoxAndBlankCells() throws IOException {
        byte[] bytes = pdfs.get("agencies/shanzhou-fgw/2020.html");
        assertNotNull(bytes, pdfs.keySet().toString());
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("数据核对"), text);
            assertTrue(text.contains("本报告发布时“（一）予以公开”一行“总计”栏为空；按各类申请人之和应为6"), text);
            // the box's own words aside, neither a blank's 空白 nor a "/"'s 不适用 (the page's screen-reader text) prints
            String cells = text.replace("空白的单元格保持空白", "").replace("空白、", "").replace("空白之处", "")
                    .replace("空白按0计", "").replace("表示不适用", "");
            assertFalse(cells.contains("空白"), "blank cells print blank");
            assertFalse(cells.contains("不适用"), "a \"/\" cell prints as /");
        }
    }

    @Test
    void theDocumentDateIsThePublicationDate() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdfs.get("agencies/dayingzhen/2022.html"))) {
            Calendar c = doc.getDocumentInformation().getCreationDate();
            assertEquals("2023-01-29", String.format(Locale.ROOT, "%tF", c));
            assertNull(doc.getDocumentInformation().getModificationDate());
        }
    }

    /**
     * Every data cell (each TD of a table body) of every official table names its headers (/Headers), and they are
     * the page's: the same ids as the page's {@code headers=}, in the same order, cell for cell; each id is the /ID
     * of exactly one TH (unique, and listed in the structure tree root's /IDTree), whose text is the page's header's.
     */
    @Test
    void everyDataCellNamesTheHeadersOfThePage() throws IOException {
        int checked = 0;
        for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
            org.jsoup.nodes.Document page = Jsoup.parse(first.resolve(e.getKey()).toFile(), "UTF-8");
            page.select(".gs-vh").remove();
            List<List<String>> expected = new ArrayList<>();
            for (Element td : page.select("table.gs-official td[headers]")) {
                expected.add(List.of(td.attr("headers").trim().split("\\s+")));
            }
            Map<String, String> headerText = new HashMap<>();
            for (Element th : page.select("table.gs-official th[id]")) {
                headerText.put(th.id(), th.text().replaceAll("\\s+", ""));
            }
            try (PDDocument doc = Loader.loadPDF(e.getValue())) {
                Cells cells = Cells.of(doc);
                assertEquals(expected, cells.headers, e.getKey() + ": the data cells' headers are the page's");
                assertEquals(0, cells.dataCellsWithoutHeaders, e.getKey() + ": a TD of a TBody without Headers");
                assertEquals(headerText.keySet(), cells.th.keySet(), e.getKey() + ": the TH ids are the page's");
                PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
                for (Map.Entry<String, PDStructureElement> th : cells.th.entrySet()) {
                    assertEquals(headerText.get(th.getKey()), cells.text(th.getValue()), e.getKey() + " " + th.getKey());
                    PDStructureElement byTree = root.getIDTree() == null ? null
                            : root.getIDTree().getValue(th.getKey());
                    assertNotNull(byTree, e.getKey() + ": " + th.getKey() + " is not in the IDTree");
                    assertEquals(th.getValue().getCOSObject(), byTree.getCOSObject(), th.getKey());
                }
                checked += cells.headers.size();
            }
        }
        assertTrue(checked > 1000, "data cells checked: " + checked);
    }

    /** Named cells of the official tables: their Headers resolve to exactly the headers the format gives them. */
    @Test
    void namedCellsResolveToTheirHeaders() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdfs.get("agencies/shanzhou-zfb/2024.html"))) {
            Cells cells = Cells.of(doc);
            List<List<String>> texts = new ArrayList<>();
            for (List<String> ids : cells.headers) {
                texts.add(ids.stream().map(id -> cells.text(cells.th.get(id))).toList());
            }
            // 表三: （一）予以公开 × 自然人
            assertEquals(1, texts.stream().filter(List.of("申请人情况", "自然人", "三、本年度办理结果", "（一）予以公开")::equals)
                    .count(), texts.toString());
            // 表二: 第二十条第（五）项 行政许可 × 本年处理决定数量
            assertEquals(1, texts.stream().filter(List.of("第二十条第（五）项", "本年处理决定数量", "行政许可")::equals)
                    .count(), texts.toString());
            // 表四: 行政复议 结果维持
            assertEquals(1, texts.stream().filter(List.of("行政复议", "结果维持")::equals).count(), texts.toString());
            // and a cell of 表三 names no header of another table
            for (List<String> ids : cells.headers) {
                assertEquals(1, ids.stream().map(id -> id.substring(0, id.indexOf('-'))).distinct().count(),
                        ids.toString());
            }
        }
    }

    /** The tables' cells of a PDF's structure tree: each TD's Headers, each TH by its ID, and their text. */
    private static final class Cells {
        final List<List<String>> headers = new ArrayList<>();
        final Map<String, PDStructureElement> th = new TreeMap<>();
        int dataCellsWithoutHeaders;
        private final Map<PDPage, Map<Integer, String>> marked = new HashMap<>();

        static Cells of(PDDocument doc) {
            Cells c = new Cells();
            c.walk(doc.getDocumentCatalog().getStructureTreeRoot(), false);
            return c;
        }

        private void walk(PDStructureNode node, boolean inBody) {
            for (Object kid : node.getKids()) {
                if (!(kid instanceof PDStructureElement e)) {
                    continue;
                }
                String type = e.getStandardStructureType();
                if ("TH".equals(type) && e.getElementIdentifier() != null) {
                    assertNull(th.put(e.getElementIdentifier(), e), "two TH with the ID " + e.getElementIdentifier());
                } else if ("TD".equals(type)) {
                    COSArray ids = headersOf(e);
                    if (ids == null) {
                        dataCellsWithoutHeaders += inBody ? 1 : 0;
                    } else {
                        List<String> list = new ArrayList<>();
                        for (int i = 0; i < ids.size(); i++) {
                            list.add(((org.apache.pdfbox.cos.COSString) ids.getObject(i)).getString());
                        }
                        headers.add(list);
                    }
                }
                walk(e, inBody || "TBody".equals(type));
            }
        }

        private static COSArray headersOf(PDStructureElement e) {
            COSBase a = e.getCOSObject().getDictionaryObject(COSName.A);
            List<COSDictionary> dicts = new ArrayList<>();
            if (a instanceof COSDictionary d) {
                dicts.add(d);
            } else if (a instanceof COSArray arr) {
                for (int i = 0; i < arr.size(); i++) {
                    if (arr.getObject(i) instanceof COSDictionary d) {
                        dicts.add(d);
                    }
                }
            }
            for (COSDictionary d : dicts) {
                if ("Table".equals(d.getNameAsString(COSName.O))
                        && d.getDictionaryObject("Headers") instanceof COSArray ids) {
                    return ids;
                }
            }
            return null;
        }

        /** The element's text: its marked content, through the pages' content streams. */
        String text(PDStructureElement e) {
            StringBuilder out = new StringBuilder();
            for (Object kid : e.getKids()) {
                if (kid instanceof Integer mcid) {
                    out.append(marked(e.getPage()).getOrDefault(mcid, ""));
                } else if (kid instanceof PDMarkedContentReference ref) {
                    out.append(marked(ref.getPage() != null ? ref.getPage() : e.getPage())
                            .getOrDefault(ref.getMCID(), ""));
                } else if (kid instanceof PDStructureElement child) {
                    out.append(text(child));
                }
            }
            return out.toString().replaceAll("\\s+", "");
        }

        private Map<Integer, String> marked(PDPage page) {
            return marked.computeIfAbsent(page, p -> {
                Map<Integer, String> out = new HashMap<>();
                try {
                    PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
                    extractor.processPage(p);
                    for (PDMarkedContent mc : extractor.getMarkedContents()) {
                        collect(mc, out);
                    }
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
                return out;
            });
        }

        private static void collect(PDMarkedContent mc, Map<Integer, String> out) {
            StringBuilder text = new StringBuilder();
            for (Object o : mc.getContents()) {
                if (o instanceof TextPosition t) {
                    text.append(t.getUnicode());
                } else if (o instanceof PDMarkedContent inner) {
                    collect(inner, out);
                }
            }
            if (mc.getMCID() >= 0) {
                out.merge(mc.getMCID(), text.toString(), String::concat);
            }
        }
    }

    private static void walk(PDStructureNode node, Map<String, Integer> tags, List<String> scopes) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                tags.merge(e.getStandardStructureType(), 1, Integer::sum);
                if ("TH".equals(e.getStandardStructureType())) {
                    COSBase a = e.getCOSObject().getDictionaryObject(COSName.A);
                    COSDictionary attrs = a instanceof COSArray arr ? (COSDictionary) arr.getObject(0)
                            : (COSDictionary) a;
                    scopes.add(attrs.getNameAsString("Scope"));
                }
                walk(e, tags, scopes);
            }
        }
    }
}
