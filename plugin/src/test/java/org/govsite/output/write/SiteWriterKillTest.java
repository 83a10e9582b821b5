package org.govsite.output.write;

import org.govsite.ChildJvm;
import org.govsite.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, case 7: a build killed at any step of the swap leaves the previous site or the new one, whole, at the
 * output path; there is no moment without a complete site. Each build runs in a JVM of its own that halts
 * ({@code Runtime.halt}, like {@code kill -9}) at the step named.
 */
class SiteWriterKillTest {
    @TempDir
    Path tmp;

    private int build(Path out, String label, String haltAt) throws Exception {
        return build(out, label, haltAt, false);
    }

    private int build(Path out, String label, String haltAt, boolean noLinks) throws Exception {
        return run(out, label, haltAt, noLinks, false).await();
    }

    private ChildJvm.Child run(Path out, String label, String haltAt, boolean noLinks, boolean seed)
            throws Exception {
        ChildJvm.Child c = ChildJvm.start(HaltingBuild.class, List.of("-Dgovsite.haltAt=" + haltAt,
                        "-Dgovsite.noLinks=" + noLinks, "-Dgovsite.seed=" + seed), Map.of(),
                tmp.resolve(label + "-" + haltAt + ".log"), out.toString(), label);
        int code = c.await();
        if (code != 0 && code != HaltingBuild.HALTED) {
            throw new AssertionError(c.output());
        }
        return c;
    }

    /** An incremental build (seeded from the published site): its exit code, and how it was seeded. */
    private String seeded(Path out, String label, String haltAt, int expectedCode) throws Exception {
        ChildJvm.Child c = run(out, label, haltAt, false, true);
        assertEquals(expectedCode, c.await(), c.output());
        return c.output();
    }

    /**
     * Incremental builds keep the site before the published one as the next staging folder. A kill at any step of
     * taking it up, bringing it up to date, switching or recording it leaves a whole site, and the next build either
     * uses the kept site (when its record still holds) or deletes it and links every file; never more than the
     * published site and one kept site remain.
     */
    @Test
    void aKillAtAnyStepOfKeepingThePreviousSiteLeavesAWholeSiteAndAtMostTwoFolders() throws Exception {
        Path out = tmp.resolve("target/govsite");
        assertEquals(0, build(out, "first", ""));
        assertTrue(seeded(out, "second", "", 0).contains("every file linked, no earlier site kept"));
        assertEquals(2, TestSites.siteFolders(out).size(), "the published site and the one kept before it");
        assertTrue(seeded(out, "third", "", 0).contains("the site before the published one, brought up to date at "
                + (HaltingBuild.PAGES + 1) + " path(s)"));
        assertEquals("third", wholeSite(out));
        int n = 0;
        for (String step : List.of("claimed", "updated", "linked", "switched", "kept")) {
            String label = "killed" + (++n);
            seeded(out, label, step, HaltingBuild.HALTED);
            boolean switched = step.equals("switched") || step.equals("kept");
            String expected = switched ? label : n == 1 ? "third" : "after-" + (n - 1);
            assertEquals(expected, wholeSite(out), "killed at " + step);
            String how = seeded(out, "after-" + n, "", 0);
            assertEquals("after-" + n, wholeSite(out));
            if (step.equals("kept")) {
                assertTrue(how.contains("the site before the published one"), step + ": " + how);
            } else {
                // the folder the killed build had taken up (or the site it left unrecorded) is not trusted
                assertTrue(how.contains("every file linked"), step + ": " + how);
            }
            assertEquals(2, TestSites.siteFolders(out).size(), step + ": " + TestSites.names(out.getParent()));
        }
    }

    /** The site at the output path is whole, and every page is of one build. */
    private static String wholeSite(Path out) throws IOException {
        String label = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        for (int i = 0; i < HaltingBuild.PAGES; i++) {
            assertEquals(label + " " + i, Files.readString(out.resolve("pages/" + i + ".html"),
                    StandardCharsets.UTF_8));
        }
        assertEquals(HaltingBuild.PAGES + 1, TestSites.files(out).size());
        return label;
    }

    @Test
    void aKillAtAnyStepOfTheSwapLeavesTheOldOrTheNewSiteWhole() throws Exception {
        Path out = tmp.resolve("target/govsite");
        assertEquals(0, build(out, "first", ""));
        assertEquals("first", wholeSite(out));
        int n = 0;
        for (String step : List.of("linked", "switched")) {
            String label = "build" + (++n);
            assertEquals(HaltingBuild.HALTED, build(out, label, step), step);
            String expected = step.equals("linked") ? "first" : label;
            assertEquals(expected, wholeSite(out), "killed at " + step);
            // the next build cleans up what the killed one left and publishes
            assertEquals(0, build(out, "after-" + step, ""));
            assertEquals("after-" + step, wholeSite(out));
            assertEquals(1, TestSites.siteFolders(out).size(), TestSites.names(out.getParent()).toString());
        }
    }

    @Test
    void aKillWhileMigratingAnOldOutputFolderLosesNothing() throws Exception {
        Path out = tmp.resolve("target/govsite");
        // a site as govsite 0.1 left it: a real folder, no marker
        Files.createDirectories(out.resolve("assets"));
        Files.writeString(out.resolve("index.html"), "old", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("404.html"), "old 404", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("assets/govsite.css"), "old css", StandardCharsets.UTF_8);
        assertEquals(HaltingBuild.HALTED, build(out, "migrating", "movedAside"));
        assertTrue(Files.notExists(out), "between the two renames of the one-time migration");
        assertEquals(0, build(out, "migrated", ""));
        assertEquals("migrated", wholeSite(out));
        assertTrue(Files.isSymbolicLink(out));
        assertEquals(List.of("lock"), TestSites.names(out.resolveSibling(".govsite.sites")).stream()
                .filter(name -> !name.startsWith("site-")).toList());
    }

    /** Where links cannot be made: a kill between the two renames leaves the previous site, put back next time. */
    @Test
    void withoutLinksAKillBetweenTheRenamesIsRepairedByTheNextBuild() throws Exception {
        Path out = tmp.resolve("target/govsite");
        assertEquals(0, build(out, "first", "", true));
        assertTrue(Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(out));
        assertEquals("first", wholeSite(out));
        assertEquals(HaltingBuild.HALTED, build(out, "killed", "movedAside", true));
        assertTrue(Files.notExists(out), "the gap of the two-rename scheme");
        assertEquals("first", wholeSiteIn(out.resolveSibling(".govsite.sites/restore")));
        assertEquals(0, build(out, "next", "", true));
        assertEquals("next", wholeSite(out));
        assertEquals(List.of("lock"), TestSites.names(out.resolveSibling(".govsite.sites")));
    }

    private static String wholeSiteIn(Path folder) throws IOException {
        return wholeSite(folder);
    }
}
