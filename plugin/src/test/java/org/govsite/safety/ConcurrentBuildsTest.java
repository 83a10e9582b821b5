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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, case 3: two builds into one output folder at the same time, each in a JVM of its own (as two Maven
 * processes are). They take turns on the output's lock, each stages in a folder of its own, and each publishes a
 * whole site: no I/O error, no false L1, never the other build's site under a BUILD SUCCESS.
 */
class ConcurrentBuildsTest {
    @TempDir
    Path tmp;

    private static ChildJvm.Child start(Hostile h, Path out, Path log) throws Exception {
        return ChildJvm.start(ChildGenerate.class, List.of(), Map.of(), log, h.project.toString(),
                h.source.toString(), out.toString());
    }

    @Test
    void twoConcurrentBuildsOfOnePortalBothPublishTheWholeSite() throws Exception {
        Hostile h = new Hostile(tmp.resolve("one"));
        Path reference = tmp.resolve("reference");
        assertTrue(h.generate(reference, org.govsite.diagnostics.FailOn.ERROR).published());

        ChildJvm.Child a = start(h, h.output, tmp.resolve("a.log"));
        ChildJvm.Child b = start(h, h.output, tmp.resolve("b.log"));
        assertEquals(0, a.await(), a.output());
        assertEquals(0, b.await(), b.output());
        List<String> files = TestSites.files(reference);
        assertEquals(files, TestSites.files(h.output));
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(h.output.resolve(f)), f);
        }
        // the published site, and the one before it kept as the next build's base (the second build was incremental)
        assertEquals(2, TestSites.siteFolders(h.output).size());
    }

    @Test
    void twoProjectsBuildingIntoOneOutputEachPublishTheirOwnSiteInTurn() throws Exception {
        Hostile one = new Hostile(tmp.resolve("one"));
        Hostile two = new Hostile(tmp.resolve("two"));
        one.write("src/govsite/site.yaml", "title: 第一门户年度报告\n");
        two.write("src/govsite/site.yaml", "title: 第二门户年度报告\n");
        Path shared = tmp.resolve("shared/govsite");
        ChildJvm.Child a = start(one, shared, tmp.resolve("a.log"));
        ChildJvm.Child b = start(two, shared, tmp.resolve("b.log"));
        assertEquals(0, a.await(), a.output());
        assertEquals(0, b.await(), b.output());
        // the site is wholly one of the two: every page carries the same portal's title, none the other's
        String index = Files.readString(shared.resolve("index.html"), StandardCharsets.UTF_8);
        String owner = index.contains("第二门户") ? "第二门户" : "第一门户";
        String other = owner.equals("第二门户") ? "第一门户" : "第二门户";
        for (String f : TestSites.files(shared)) {
            if (f.endsWith(".html")) {
                String page = Files.readString(shared.resolve(f), StandardCharsets.UTF_8);
                assertTrue(page.contains(owner) && !page.contains(other), f + " is not wholly " + owner + "'s");
            }
        }
        assertEquals(1, TestSites.siteFolders(shared).size());
    }
}
