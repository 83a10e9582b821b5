package org.govsite.safety;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.govsite.output.write.OutputRefusedException;
import org.govsite.pipeline.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus of issue 13: every case the attack found, and some more, each with its exact outcome (a located
 * finding, a refusal, or correct output) and never an exception other than the refusal. The numbers in the method
 * names are the issue's.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private Hostile h() {
        return new Hostile(tmp);
    }

    // ---- 1. sources deleted ------------------------------------------------------------------------------------

    private static void assertRefused(Hostile h, Path out, String why) {
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> h.generate(out, FailOn.ERROR));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void case1OutputIsTheSourceFolder() throws IOException {
        Hostile h = h();
        List<String> before = TestSites.files(h.project);
        assertRefused(h, h.source, "is the source folder");
        assertEquals(before, TestSites.files(h.project), "not a file of the project is touched");
    }

    @Test
    void case1OutputIsOrContainsTheProjectFolder() throws IOException {
        Hostile h = h();
        List<String> before = TestSites.files(h.project);
        assertRefused(h, h.project, "is the project folder");
        assertRefused(h, h.project.getParent(), "contains the project folder");
        assertEquals(before, TestSites.files(h.project));
    }

    @Test
    void case1OutputInsideTheSourceThemeOrFormats() throws IOException {
        Hostile h = h();
        h.write("src/govsite/theme/assets/portal.css", "body{}");
        List<String> before = TestSites.files(h.project);
        assertRefused(h, h.source.resolve("theme/assets/site"), "lies inside the source folder");
        assertRefused(h, h.source.resolve("reports"), "lies inside the source folder");
        assertEquals(before, TestSites.files(h.project), "the theme does not grow");
    }

    @Test
    void case1OutputThroughALinkIntoTheSourceIsRefused() throws IOException {
        Hostile h = h();
        Files.createDirectories(h.project.resolve("target"));
        Files.createSymbolicLink(h.project.resolve("target/site"), h.source);
        assertRefused(h, h.project.resolve("target/site"), "the source folder");
        assertTrue(Files.isRegularFile(h.file(Hostile.YAML)));
    }

    @Test
    void case1ARegularFileAtTheOutputOrThePomIsRefusedAndKept() throws IOException {
        Hostile h = h();
        h.write("target/govsite", "a file");
        assertRefused(h, h.output, "is a file");
        assertEquals("a file", Files.readString(h.output, StandardCharsets.UTF_8));
        assertRefused(h, h.file("pom.xml"), "is a file");
        assertEquals("<project/>", Files.readString(h.file("pom.xml"), StandardCharsets.UTF_8));
    }

    @Test
    void case1AFindingsFileInsideTheSourceIsRefused() throws IOException {
        Hostile h = h();
        List<String> before = TestSites.files(h.project);
        org.govsite.pipeline.BuildConfig config = org.govsite.pipeline.BuildConfig.builder(h.project, h.source).pdf(false)
                .findingsFile(h.file(Hostile.YAML)).build();
        OutputRefusedException e = assertThrows(OutputRefusedException.class,
                () -> new org.govsite.pipeline.GovSite(config).check());
        assertTrue(e.getMessage().startsWith("findingsFile "), e.getMessage());
        assertEquals(before, TestSites.files(h.project));
        assertTrue(Files.readString(h.file(Hostile.YAML), StandardCharsets.UTF_8).startsWith("year: 2024"));
    }

    // ---- 2. files from outside the project -------------------------------------------------------------------

    private Path secret(String name) throws IOException {
        Path f = tmp.resolve("outside/" + name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "root:secret", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void case2SymlinkedAttachmentsToOutsideAreFindingsAndNeverPublished() throws IOException {
        Hostile h = h();
        Files.createSymbolicLink(h.file("src/govsite/reports/a/2024/shadow.txt"), secret("shadow"));
        Files.createSymbolicLink(h.file("src/govsite/reports/a/2024/passwd.txt"), secret("passwd"));
        BuildResult strict = h.generate();
        assertEquals(List.of("M1 src/govsite/reports/a/2024/passwd.txt 0", "M1 src/govsite/reports/a/2024/shadow.txt 0"),
                Hostile.keys(strict), Hostile.messages(strict));
        assertTrue(strict.findings().get(0).message().contains("源文件夹以外"), Hostile.messages(strict));
        assertFalse(strict.published());

        BuildResult lax = h.generate(h.output, FailOn.NONE);
        assertTrue(lax.published());
        List<String> site = TestSites.files(h.output);
        assertTrue(site.stream().noneMatch(f -> f.endsWith("shadow.txt") || f.endsWith("passwd.txt")), site.toString());
        assertTrue(site.contains("agencies/a/2023.html"), "the rest of the archive is published");
    }

    @Test
    void case2NarrativeOrAgencyFolderLinkedOutsideIsAFinding() throws IOException {
        Hostile h = h();
        Path md = h.file(Hostile.MD);
        Path outsideMd = tmp.resolve("outside/report.md");
        Files.createDirectories(outsideMd.getParent());
        Files.move(md, outsideMd);
        Files.createSymbolicLink(md, outsideMd);
        Path agency = tmp.resolve("outside/agency-b");
        TestSites.copyTree(h.file("src/govsite/reports/a"), agency);
        Files.createSymbolicLink(h.file("src/govsite/reports/b"), agency);
        BuildResult r = h.check();
        assertEquals(List.of("M1 src/govsite/reports/a/2024/report.md 0", "M1 src/govsite/reports/b 0"),
                Hostile.keys(r), Hostile.messages(r));
    }

    @Test
    void case2SymlinksInsideTheSourceTreeAreFollowed() throws IOException {
        Hostile h = h();
        h.write("src/govsite/shared/附件1.pdf", "%PDF-1.4 shared");
        Files.createSymbolicLink(h.file("src/govsite/reports/a/2024/附件1.pdf"),
                h.file("src/govsite/reports/a/2024").relativize(h.file("src/govsite/shared/附件1.pdf")));
        BuildResult r = h.generate();
        assertEquals(List.of(), Hostile.keys(r), Hostile.messages(r));
        assertEquals("%PDF-1.4 shared", Files.readString(h.output.resolve("agencies/a/2024/附件1.pdf"),
                StandardCharsets.UTF_8));
    }

    @Test
    void case2ThemeAssetLinkedOutsideIsRefused() throws IOException {
        Hostile h = h();
        Files.createDirectories(h.file("src/govsite/theme/assets"));
        Files.createSymbolicLink(h.file("src/govsite/theme/assets/passwd.txt"), secret("passwd"));
        OutputRefusedException e = assertThrows(OutputRefusedException.class, h::generate);
        assertTrue(e.getMessage().contains("passwd.txt"), e.getMessage());
        assertFalse(Files.exists(h.output));
    }

    // ---- 4. Markdown that would blow the stack ---------------------------------------------------------------

    private void markdownIsALocatedFinding(String hostile, String messagePart) throws IOException {
        Hostile h = h();
        Path md = h.file(Hostile.MD);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        int line = (int) text.lines().count() + 2;
        Files.writeString(md, text + "\n" + hostile + "\n", StandardCharsets.UTF_8);
        BuildResult check = h.check();
        BuildResult generate = h.generate();
        for (BuildResult r : List.of(check, generate)) {
            assertEquals(List.of("M1 " + Hostile.MD + " " + line), Hostile.keys(r), Hostile.messages(r));
            assertTrue(Hostile.only(r).message().contains(messagePart), Hostile.messages(r));
            assertTrue(r.failed());
        }
    }

    @Test
    void case4ALineOfThreeThousandDashes() throws IOException {
        markdownIsALocatedFinding("-".repeat(3000), "分隔线");
    }

    @Test
    void case4DashesWithSpacesRepeated() throws IOException {
        markdownIsALocatedFinding("- ".repeat(10_000) + "x", "不予处理");
    }

    @Test
    void case4DashesWithSpacesNestedDeep() throws IOException {
        markdownIsALocatedFinding("- ".repeat(500) + "x", "嵌套");
    }

    @Test
    void case4AThousandDeepBlockquote() throws IOException {
        markdownIsALocatedFinding("> ".repeat(1000) + "x", "嵌套");
    }

    @Test
    void case4ListsNestedByIndentation() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append("  ".repeat(i)).append("- x\n");
        }
        Hostile h = h();
        Path md = h.file(Hostile.MD);
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + "\n" + b, StandardCharsets.UTF_8);
        BuildResult r = h.generate();
        assertEquals(List.of("M1"), r.findings().stream().map(f -> f.rule().code()).toList(), Hostile.messages(r));
    }

    @Test
    void case4AHundredMegabyteNarrativeLine() throws IOException {
        Hostile h = h();
        Path md = h.file(Hostile.MD);
        String text = Files.readString(md, StandardCharsets.UTF_8);
        int line = (int) text.lines().count() + 1;
        try (var out = Files.newBufferedWriter(md, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND)) {
            out.write("\n");
            char[] chunk = "公开".repeat(1 << 15).toCharArray();
            for (long written = 0; written < 100L << 20; written += chunk.length * 3L) {
                out.write(chunk);
            }
        }
        BuildResult r = h.check();
        assertEquals(List.of("M1 " + Hostile.MD + " " + (line + 1)), Hostile.keys(r), Hostile.messages(r));
    }

    // ---- 5. YAML numbers -------------------------------------------------------------------------------------

    @Test
    void case5HexUnderscoreAndOctalNumbersAreLocatedFindings() throws IOException {
        Hostile h = h();
        h.replace(Hostile.YAML, "licensing: {decisions: 40}", "licensing: {decisions: 0x28}");
        h.replace(Hostile.YAML, "punishment: {decisions: 3}", "punishment: {decisions: 0_3}");
        h.replace(Hostile.YAML, "fees: {amount: 0.5}", "fees: {amount: 0x0}");
        h.replace(Hostile.YAML, "coercion:   {decisions: 0}", "coercion:   {decisions: 00}");
        BuildResult r = h.check();
        assertEquals(List.of("R7 " + Hostile.YAML + " " + h.line(Hostile.YAML, "0x28"),
                "R7 " + Hostile.YAML + " " + h.line(Hostile.YAML, "0_3"),
                "R7 " + Hostile.YAML + " " + h.line(Hostile.YAML, "coercion"),
                "R7 " + Hostile.YAML + " " + h.line(Hostile.YAML, "0x0")).stream().sorted().toList(),
                Hostile.keys(r, "R7"), Hostile.messages(r));
        assertTrue(Hostile.messages(r).contains("十进制"), Hostile.messages(r));
    }

    @Test
    void case5ExponentAndHugeNumbersAreLocatedFindings() throws IOException {
        Hostile h = h();
        h.replace(Hostile.YAML, "fees: {amount: 0.5}", "fees: {amount: 1e999999999}");
        BuildResult r = h.generate();
        assertEquals(List.of("R7 " + Hostile.YAML + " 16"), Hostile.keys(r, "R7"), Hostile.messages(r));
    }

    // ---- 8. CSV formula injection ----------------------------------------------------------------------------

    @Test
    void case8FormulaCellsAreNeutralisedInTheDataset() throws IOException {
        Hostile h = h();
        h.replace("src/govsite/reports/a/agency.yaml", "name: 示例县教育局", "name: \"=HYPERLINK(\\\"http://x\\\")\"");
        h.write("src/govsite/reports/b/agency.yaml", "name: \"@SUM(A1)\"\nkind: department\n");
        TestSites.copyTree(h.file("src/govsite/reports/a/2024"), h.file("src/govsite/reports/b/2024"));
        h.replace("src/govsite/reports/b/2024/report.yaml", "publisher: 示例县教育局", "publisher: \"-2+3\"");
        BuildResult r = h.generate();
        assertTrue(r.published(), Hostile.messages(r));
        String csv = Files.readString(h.output.resolve("data/govsite-reports.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), csv.substring(0, 400));
        assertTrue(csv.contains(",'@SUM(A1),"), csv.substring(0, 400));
        for (String row : csv.split("\r\n")) {
            for (String cell : row.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(c.startsWith("=") || c.startsWith("@") || c.startsWith("+"), row);
            }
        }
    }

    // ---- 9. input silently ignored ---------------------------------------------------------------------------

    @Test
    void case9SampleAcceptsOnlyTrueOrFalse() throws IOException {
        for (String v : List.of("\"true\"", "yes", "\"yes please\"", "True", "1")) {
            Hostile h = new Hostile(tmp.resolve("sample-" + v.replaceAll("\\W", "")));
            h.replace(Hostile.YAML, "year: 2024", "year: 2024\nsample: " + v);
            BuildResult r = h.check();
            assertEquals(List.of("M1 " + Hostile.YAML + " 2"), Hostile.keys(r), v + ": " + Hostile.messages(r));
            assertTrue(Hostile.only(r).message().contains("true 或 false"), Hostile.messages(r));
        }
    }

    @Test
    void case9ASecondYamlDocumentIsAFinding() throws IOException {
        Hostile h = h();
        Path yaml = h.file(Hostile.YAML);
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        Files.writeString(yaml, text + "---\nsample: true\n", StandardCharsets.UTF_8);
        BuildResult r = h.check();
        assertEquals(List.of("Y1 " + Hostile.YAML + " " + h.line(Hostile.YAML, "sample: true")), Hostile.keys(r),
                Hostile.messages(r));
    }

    @Test
    void case9ADuplicateGroupKeyIsAFinding() throws IOException {
        Hostile h = h();
        h.write("src/govsite/site.yaml", "title: 测试\ngroups:\n  - {key: d, label: 部门}\n  - {key: d, label: 乡镇}\n");
        BuildResult r = h.check();
        assertEquals(List.of("Y2 src/govsite/site.yaml 4"), Hostile.keys(r), Hostile.messages(r));
    }

    @Test
    void case9ImplausibleYearFoldersAndDates() throws IOException {
        Hostile h = h();
        TestSites.copyTree(h.file("src/govsite/reports/a/2024"), h.file("src/govsite/reports/a/0000"));
        TestSites.copyTree(h.file("src/govsite/reports/a/2024"), h.file("src/govsite/reports/a/9999"));
        h.replace(Hostile.YAML, "published: 2025-01-20", "published: 1900-01-01");
        BuildResult r = h.check();
        assertEquals(List.of("M1 src/govsite/reports/a/0000 0", "M1 " + Hostile.YAML + " 3",
                "M1 src/govsite/reports/a/9999 0"), Hostile.keys(r), Hostile.messages(r));
    }

    @Test
    void case9ReservedAgencyIdsAreRefused() throws IOException {
        Hostile h = h();
        TestSites.copyTree(h.file("src/govsite/reports/a"), h.file("src/govsite/reports/con"));
        TestSites.copyTree(h.file("src/govsite/reports/a"), h.file("src/govsite/reports/lpt1"));
        BuildResult r = h.check();
        assertEquals(List.of("M1 src/govsite/reports/con 0", "M1 src/govsite/reports/lpt1 0"), Hostile.keys(r),
                Hostile.messages(r));
    }

    @Test
    void case9AnEncodedSlashInANarrativeLinkIsBroken() throws IOException {
        Hostile h = h();
        Path md = h.file(Hostile.MD);
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + "\n[首页](..%2F..%2Findex.html)\n",
                StandardCharsets.UTF_8);
        BuildResult r = h.generate();
        assertEquals(List.of("L1"), r.findings().stream().map(f -> f.rule().code()).toList(), Hostile.messages(r));
        assertTrue(Hostile.only(r).message().contains("..%2F..%2Findex.html"), Hostile.messages(r));
        assertFalse(r.published());
    }

    // ---- 10. messages that mislead ---------------------------------------------------------------------------

    @Test
    void case10AnAliasSaysAliasesAreNotSupported() throws IOException {
        Hostile h = h();
        h.replace(Hostile.YAML, "new:          [10,  2,  0,  0,  1,  0, 13]",
                "new:          &zero [10,  2,  0,  0,  1,  0, 13]");
        h.replace(Hostile.YAML, "carried_over: [ 1,  0,  0,  0,  0,  0,  1]", "carried_over: *zero");
        BuildResult r = h.check();
        assertEquals(List.of("Y1 " + Hostile.YAML + " " + h.line(Hostile.YAML, "*zero")), Hostile.keys(r),
                Hostile.messages(r));
        assertTrue(Hostile.only(r).message().contains("别名"), Hostile.messages(r));
    }

    @Test
    void case10DeepYamlIsLocated() throws IOException {
        Hostile h = h();
        Path yaml = h.file(Hostile.YAML);
        Files.writeString(yaml, Files.readString(yaml, StandardCharsets.UTF_8) + "index_no: "
                + "[".repeat(10_000) + "]".repeat(10_000) + "\n", StandardCharsets.UTF_8);
        BuildResult r = h.check();
        Finding f = Hostile.only(r);
        assertEquals(Rule.Y1, f.rule());
        assertEquals(h.line(Hostile.YAML, "index_no"), f.line());
        assertTrue(f.column() > 0 && f.message().contains("嵌套"), f.toString());
    }

    @Test
    void case10SiteYamlAsAFolderOrMissingIsNamed() throws IOException {
        Hostile h = h();
        Files.createDirectories(h.file("src/govsite/site.yaml"));
        BuildResult folder = h.check();
        assertEquals(List.of("M1 src/govsite/site.yaml 0"), Hostile.keys(folder), Hostile.messages(folder));

        Hostile g = new Hostile(tmp.resolve("nosite"));
        g.write("src/govsite/reports/a/agency.yaml", "name: 示例县教育局\nkind: department\ngroup: department\n");
        BuildResult missing = g.check();
        assertEquals(List.of("M1 src/govsite/reports/a/agency.yaml 3"), Hostile.keys(missing),
                Hostile.messages(missing));
        assertTrue(Hostile.only(missing).message().contains("缺少文件 src/govsite/site.yaml"), Hostile.messages(missing));
    }

    // ---- more of our own ------------------------------------------------------------------------------------

    @Test
    void aHugeAttachmentIsPublishedByteForByte() throws IOException {
        Hostile h = h();
        Path pdf = h.file("src/govsite/reports/a/2024/big.pdf");
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        try (var out = Files.newOutputStream(pdf)) {
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
        }
        BuildResult r = h.generate();
        assertTrue(r.published(), Hostile.messages(r));
        assertEquals(Files.size(pdf), Files.size(h.output.resolve("agencies/a/2024/big.pdf")));
        assertEquals(-1L, Files.mismatch(pdf, h.output.resolve("agencies/a/2024/big.pdf")));
    }

    @Test
    void controlCharactersAndBidiInTextStayText() throws IOException {
        Hostile h = h();
        h.replace("src/govsite/reports/a/agency.yaml", "name: 示例县教育局",
                "name: \"示例\\u202E局<script>alert(1)</script>\"");
        BuildResult r = h.generate();
        assertTrue(r.published(), Hostile.messages(r));
        String page = Files.readString(h.output.resolve("agencies/a/2024.html"), StandardCharsets.UTF_8);
        assertFalse(page.contains("<script>alert"), "escaped, never run");
    }
}
