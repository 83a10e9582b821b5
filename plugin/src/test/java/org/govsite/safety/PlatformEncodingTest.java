package org.govsite.safety;

import org.govsite.ChildJvm;
import org.govsite.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, case 6: under {@code LANG=C} the JDK's file-name encoding is ASCII, and a build with the README's
 * {@code 附件1.pdf} ended in {@code InvalidPathException … img/??????.gif}. The build runs in a JVM of its own with
 * {@code LC_ALL=C}; the test JVM (UTF-8 file names) then reads the published files by their Chinese names.
 */
class PlatformEncodingTest {
    @TempDir
    Path tmp;

    @Test
    void chineseAttachmentNamesBuildUnderLangC() throws Exception {
        Hostile h = new Hostile(tmp);
        h.write("src/govsite/reports/a/2024/附件1.pdf", "%PDF-1.4 附件");
        h.write("src/govsite/reports/a/2024/img/统计图表.gif", "GIF89a");
        Path md = h.file(Hostile.MD);
        Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8)
                + "\n[附件1](附件1.pdf) ![统计图表](img/统计图表.gif)\n", StandardCharsets.UTF_8);

        ChildJvm.Child c = ChildJvm.start(ChildGenerate.class, List.of(), Map.of("LC_ALL", "C", "LANG", "C"),
                tmp.resolve("child.log"), h.project.toString(), h.source.toString(), h.output.toString());
        int code = c.await();
        assertEquals(0, code, c.output());
        assertTrue(c.output().contains("published"), c.output());

        assertEquals("%PDF-1.4 附件", Files.readString(h.output.resolve("agencies/a/2024/附件1.pdf"),
                StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(h.output.resolve("agencies/a/2024/img/统计图表.gif")));
        String page = Files.readString(h.output.resolve("agencies/a/2024.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("2024/附件1.pdf") || page.contains("2024/%E9%99%84%E4%BB%B61.pdf"), page);
        assertTrue(TestSites.files(h.output).contains("agencies/a/2024/img/统计图表.gif"));
    }
}
