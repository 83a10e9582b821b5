package org.govsite.check;

import org.govsite.TestSites;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.govsite.pipeline.BuildConfig;
import org.govsite.pipeline.BuildResult;
import org.govsite.pipeline.GovSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bug 1 of issue 8: a broken link in report.md was reported on a generated page under target/ that was never
 * published. Narrative links and images are checked on the Markdown AST, in the check stage, at report.md:line:col.
 */
class NarrativeLinksTest {
    private static final String REPORT = "src/govsite/reports/shanzhou-fgw/2024/report.md";

    private static Path withNarrativeLines(Path tmp, String... lines) throws IOException {
        Path source = TestSites.copySample(tmp);
        Path md = source.resolve("reports/shanzhou-fgw/2024/report.md");
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8) + "\n" + String.join("\n\n", lines)
                + "\n", StandardCharsets.UTF_8);
        return source;
    }

    private static List<Finding> l1(BuildResult r) {
        return r.findings().stream().filter(f -> f.rule() == Rule.L1).toList();
    }

    @Test
    void aBrokenNarrativeLinkIsAnErrorOnReportMdAtItsLineAndColumn(@TempDir Path tmp) throws IOException {
        Path source = withNarrativeLines(tmp, "详见[统计附表](missing.pdf)。");
        Path md = source.resolve("reports/shanzhou-fgw/2024/report.md");
        BuildResult r = new GovSite(BuildConfig.builder(tmp, source).pdf(false).outputDir(tmp.resolve("target/govsite"))
                .build()).generate();

        List<Finding> l1 = l1(r);
        assertEquals(1, l1.size(), r.findings().toString());
        Finding f = l1.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(REPORT, f.file());
        assertEquals(TestSites.lineOf(md, "missing.pdf"), f.line());
        assertEquals(3, f.column(), "the column of the link's '['");
        assertTrue(f.message().contains("missing.pdf"), f.message());
        assertTrue(r.findings().stream().noneMatch(x -> x.file().startsWith("target/")), r.findings().toString());
        assertFalse(r.published());
    }

    @Test
    void theCheckGoalFindsItTooWithoutWritingAPage(@TempDir Path tmp) throws IOException {
        Path source = withNarrativeLines(tmp, "![图表](img/none.png) 与 [上文](#no-such-anchor)");
        BuildResult r = new GovSite(BuildConfig.builder(tmp, source).locale(Language.ENGLISH).build()).check();
        List<Finding> l1 = l1(r);
        assertEquals(2, l1.size(), r.findings().toString());
        assertTrue(l1.stream().allMatch(f -> f.file().equals(REPORT)), l1.toString());
        assertEquals(List.of(1, 23), l1.stream().map(Finding::column).toList());
        assertEquals("link \"img/none.png\" points to a file that does not exist", l1.get(0).message(Language.ENGLISH));
        assertTrue(l1.get(1).message().contains("#no-such-anchor"), l1.get(1).message());
    }

    @Test
    void linksToAttachmentsPagesAndAnchorsOfTheSitePass(@TempDir Path tmp) throws IOException {
        Path source = withNarrativeLines(tmp,
                "[附件1](附件1.pdf)、[首页](../../index.html#by-year)、[上年报告](2023.html#s3)、[本机构](index.html)",
                "[表三](#t3)、[开放数据](../../data/index.html)、[数据](2024.csv)、[年度](../../years/2023.html)",
                "[条例](https://www.gov.cn/zhengce/)、[邮件](mailto:xxgk@example.gov.cn)",
                "[引用][ref]\n\n[ref]: ../shanzhou-jyj/2024.html");
        Files.write(source.resolve("reports/shanzhou-fgw/2024/附件1.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        Path out = tmp.resolve("target/govsite");
        BuildResult r = new GovSite(BuildConfig.builder(tmp, source).pdf(false).outputDir(out).build()).generate();
        assertEquals(List.of(), l1(r));
        assertTrue(r.published(), r.findings().toString());
    }

    @Test
    void aLinkOutOfTheSiteOrToAnUnknownReportIsAnError(@TempDir Path tmp) throws IOException {
        Path source = withNarrativeLines(tmp, "[外](../../../secret.txt) [无](../shanzhou-fgw/2019.html)");
        BuildResult r = new GovSite(BuildConfig.builder(tmp, source).build()).check();
        List<Finding> l1 = l1(r);
        assertEquals(2, l1.size(), r.findings().toString());
        assertTrue(l1.get(0).message().contains("站点目录之外"), l1.get(0).message());
        assertTrue(l1.get(1).message().contains("2019.html"), l1.get(1).message());
    }
}
