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
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govsite.TestSites;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.GovSite;
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
 * TH with Scope), Noto Sans SC embedded as TrueType, title and zh-CN in the metadata, the six sections as bookmarks,
 * A4, byte-identical across two builds in different folders, and linked from its page with its size.
 */
class ReportPdfTest {
    private static final Pattern REPORT_PAGE = Pattern.compile("agencies/[a-z0-9-]+/[0-9]{4}\\.html");
    private static final Pattern LINK = Pattern.compile(
            "<a href=\"([0-9]{4}\\.pdf)\" type=\"application/pdf\">下载PDF（([0-9]+) KB）</a>");

    @TempDir
    static Path tmp;
    static Path first;
    static Path second;
    /** Each report page's path and its PDF's bytes, from the first build. */
    static final Map<String, byte[]> pdfs = new TreeMap<>();

    @BeforeAll
    static void build() throws IOException {
        first = generate(tmp.resolve("a"), true);
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
