package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.output.write.MemorySink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staging in O(change): an incremental build keeps the site before the published one as the next build's staging
 * folder, and brings it up to date at the paths the published site's build touched, instead of linking every file.
 * Each state is checked against a full build of the same tree: after a successful build, after a failed one, with the
 * kept site tampered with or missing (every file linked, and the note says why), and after a full build (the kept
 * site deleted).
 */
class KeptSiteTest {
    private static final String KEPT = "the site before the published one, brought up to date at ";

    private static BuildConfig config(Path project, Path source) {
        return BuildConfig.builder(project, source).pdf(false).outputDir(project.resolve("target/govsite"))
                .failOn(FailOn.ERROR).threads(2).baseUrl("https://www.example.gov.cn/ndbg/").build();
    }

    private static Path home(Path project) {
        return project.resolve("target/.govsite.sites");
    }

    /** The kept site folder: the site folder that is not published. */
    private static Path kept(Path project) throws IOException {
        Path published = project.resolve("target/govsite").toRealPath();
        List<String> folders = TestSites.siteFolders(project.resolve("target/govsite"));
        assertEquals(2, folders.size(), folders.toString());
        return folders.stream().map(home(project)::resolve).filter(p -> !p.equals(published)).findFirst()
                .orElseThrow();
    }

    /** The published site is what a full build of the tree gives. */
    private static void assertFull(Path project, Path source, String what) throws IOException {
        MemorySink sink = new MemorySink();
        try (Pipeline p = new GovSite(config(project, source)).pipeline(sink)) {
            p.build();
        }
        Map<String, byte[]> expected = new TreeMap<>(sink.files());
        Map<String, byte[]> actual = IncrementalGenerateTest.files(project.resolve("target/govsite").toRealPath());
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same files");
        expected.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, actual.get(path)), what + ": " + path));
    }

    /** A valid change of a report: its publisher (shown on its page only). */
    private static void renumber(Path folder, int n) throws IOException {
        Path yaml = folder.resolve("report.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        String changed = text.replaceFirst("(?m)^(publisher: .*)$", "$1" + n);
        assertFalse(changed.equals(text), "a publisher in " + yaml);
        Files.writeString(yaml, changed, StandardCharsets.UTF_8);
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** Two builds: a full one, then an incremental one that links every file and keeps the first site. */
    private static Path twoBuilds(Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        assertTrue(new GovSite(config(tmp, source)).generate().note().startsWith("full build"));
        String second = new GovSite(config(tmp, source)).generate().note();
        assertTrue(second.contains("staging ") && second.contains("(every file linked, no earlier site kept beside the published one)"),
                second);
        return source;
    }

    @Test
    void theSiteBeforeThePublishedOneIsBroughtUpToDateAtTheChangedPathsOnly(@TempDir Path tmp) throws IOException {
        Path source = twoBuilds(tmp);
        Path kept = kept(tmp);
        Path published = tmp.resolve("target/govsite").toRealPath();
        // the two sites share every file's inode: the second build changed nothing
        assertEquals(inode(published.resolve("index.html")), inode(kept.resolve("index.html")));
        assertTrue(Files.isRegularFile(home(tmp).resolve("base")));

        renumber(source.resolve("reports/shanzhou-zfb/2024"), 1);
        String note = new GovSite(config(tmp, source)).generate().note();
        assertTrue(note.contains("(" + KEPT + "0 path(s))"), note); // the second build touched no file
        assertFull(tmp, source, "one number changed");
        assertEquals(kept, tmp.resolve("target/govsite").toRealPath(), "the kept folder is the new published site");
        Path before = kept(tmp);
        assertEquals(published, before, "and the previous published site is kept in turn");
        String report = "agencies/shanzhou-zfb/2024.html";
        assertFalse(inode(before.resolve(report)).equals(inode(kept.resolve(report))), "a written file is new");

        // the next build brings the kept site up to date with what that build wrote: the page and the lists
        renumber(source.resolve("reports/shanzhou-zfb/2023"), 2);
        String next = new GovSite(config(tmp, source)).generate().note();
        assertTrue(next.contains(KEPT) && !next.contains(KEPT + "0 path"), next);
        assertFull(tmp, source, "a second number changed");
        Path now = tmp.resolve("target/govsite").toRealPath();
        assertEquals(inode(now.resolve("assets/govsite.css")), inode(kept(tmp).resolve("assets/govsite.css")));
    }

    @Test
    void aFailedBuildLeavesItsStagingAsTheNextBase(@TempDir Path tmp) throws IOException {
        Path source = twoBuilds(tmp);
        Path yaml = source.resolve("reports/shanzhou-zfb/2024/report.yaml");
        byte[] original = Files.readAllBytes(yaml);
        TestSites.replaceIn(yaml, "other:         [13,", "other:         [12,");
        assertTrue(new GovSite(config(tmp, source)).generate().failed());
        Path base = kept(tmp); // the failed build's staging, recorded as differing at the paths it wrote
        String record = Files.readString(home(tmp).resolve("base"), StandardCharsets.UTF_8);
        assertTrue(record.contains("base\t" + base.getFileName() + "\n"), record);

        Files.write(yaml, original);
        renumber(source.resolve("reports/shanzhou-zfb/2023"), 3);
        String note = new GovSite(config(tmp, source)).generate().note();
        assertTrue(note.contains(KEPT), note);
        assertFull(tmp, source, "after a failed build");
    }

    @Test
    void aKeptSiteThatCannotBeTrustedIsDeletedAndEveryFileLinked(@TempDir Path tmp) throws IOException {
        Path source = twoBuilds(tmp);

        // a file added at the kept site's top: not the published site's
        Files.writeString(kept(tmp).resolve("stray.html"), "stray", StandardCharsets.UTF_8);
        String added = new GovSite(config(tmp, source)).generate().note();
        assertTrue(added.contains("(every file linked, the kept site differs from the published one in its top "
                + "folder)"), added);
        assertFull(tmp, source, "a stray file in the kept site");

        // a file of assets/ removed
        Files.delete(kept(tmp).resolve("assets/govsite.css"));
        String removed = new GovSite(config(tmp, source)).generate().note();
        assertTrue(removed.contains("(every file linked, the kept site differs from the published one in assets/)"),
                removed);
        assertFull(tmp, source, "a file removed from the kept site");

        // the kept folder replaced by a copy of itself (another folder under the same name)
        Path folder = kept(tmp);
        Path copy = home(tmp).resolve("copy");
        TestSites.copyTree(folder, copy);
        SiteWriterAccess.deleteTree(folder);
        Files.move(copy, folder);
        String replaced = new GovSite(config(tmp, source)).generate().note();
        assertTrue(replaced.contains("(every file linked, the kept site " + folder.getFileName()
                + " is not the folder recorded)"), replaced);
        assertFull(tmp, source, "a replaced kept site");

        // the kept folder gone
        SiteWriterAccess.deleteTree(kept(tmp));
        String missing = new GovSite(config(tmp, source)).generate().note();
        assertTrue(missing.contains("is missing)"), missing);
        assertFull(tmp, source, "a missing kept site");

        // the record corrupt: its folder is a leftover, deleted
        Files.writeString(home(tmp).resolve("base"), "govsite-base 1\nnonsense\n", StandardCharsets.UTF_8);
        String corrupt = new GovSite(config(tmp, source)).generate().note();
        assertTrue(corrupt.contains("(every file linked, the record of the kept site is corrupt)"), corrupt);
        assertFull(tmp, source, "a corrupt record");
        assertEquals(2, TestSites.siteFolders(tmp.resolve("target/govsite")).size());
    }

    @Test
    void aFullBuildDeletesTheKeptSite(@TempDir Path tmp) throws IOException {
        Path source = twoBuilds(tmp);
        Files.writeString(source.resolve("site.yaml"), Files.readString(source.resolve("site.yaml"),
                StandardCharsets.UTF_8) + "\n# changed\n", StandardCharsets.UTF_8);
        assertTrue(new GovSite(config(tmp, source)).generate().note().startsWith("full build (the plugin"));
        assertEquals(1, TestSites.siteFolders(tmp.resolve("target/govsite")).size());
        assertFalse(Files.exists(home(tmp).resolve("base")));
        String next = new GovSite(config(tmp, source)).generate().note();
        assertTrue(next.contains("(every file linked, no earlier site kept beside the published one)"), next);
        assertFull(tmp, source, "after a full build");
    }

    /** Deletes a folder tree, as a person tampering with the kept site might. */
    private static final class SiteWriterAccess {
        static void deleteTree(Path root) throws IOException {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
