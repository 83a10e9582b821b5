package org.govsite.output.write;

import org.govsite.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: the writer never deletes what govsite did not write, holds a lock, and stages apart from others. */
class SiteWriterTest {
    @TempDir
    Path tmp;

    private static void publish(Path out, String text) throws IOException {
        SiteWriter w = new SiteWriter(out);
        w.write("index.html", text.getBytes(StandardCharsets.UTF_8));
        w.commit();
    }

    private static String index(Path out) throws IOException {
        return Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    }

    @Test
    void theOutputIsALinkToAMarkedSiteFolderSwitchedByEachBuild() throws IOException {
        Path out = tmp.resolve("target/govsite");
        publish(out, "one");
        assertTrue(Files.isSymbolicLink(out));
        assertFalse(Files.readSymbolicLink(out).isAbsolute(), "relative: the target folder can be moved");
        assertTrue(Files.isRegularFile(out.resolve(SiteWriter.MARKER)));
        Path first = out.toRealPath();
        publish(out, "two");
        assertEquals("two", index(out));
        assertNotEquals(first, out.toRealPath());
        assertFalse(Files.exists(first), "the previous site is deleted after the switch");
        assertEquals(1, TestSites.siteFolders(out).size());
    }

    @Test
    void aRegularFileAtTheOutputIsRefusedAndKept() throws IOException {
        Path out = tmp.resolve("target/govsite");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "not a site", StandardCharsets.UTF_8);
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> new SiteWriter(out));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
        assertEquals("not a site", Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void aFolderGovsiteDidNotWriteIsRefusedAndKept() throws IOException {
        Path out = tmp.resolve("docs");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.md"), "mine", StandardCharsets.UTF_8);
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> new SiteWriter(out));
        assertTrue(e.getMessage().contains("not a site govsite wrote"), e.getMessage());
        assertEquals(List.of("notes.md"), TestSites.names(out));
        assertFalse(Files.exists(tmp.resolve(".docs.sites")), "nothing is created beside a refused output");
    }

    @Test
    void aLinkToElsewhereIsRefusedAndKept() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("index.html"), "theirs", StandardCharsets.UTF_8);
        Path out = tmp.resolve("govsite");
        Files.createSymbolicLink(out, elsewhere);
        assertThrows(OutputRefusedException.class, () -> new SiteWriter(out));
        assertEquals("theirs", index(out));
    }

    @Test
    void anEmptyFolderAndASiteOfTheEarlierVersionAreReplaced() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        publish(empty, "new");
        assertEquals("new", index(empty));

        Path old = tmp.resolve("old");
        Files.createDirectories(old.resolve("assets"));
        for (String f : List.of("index.html", "404.html", "assets/govsite.css", "data.csv")) {
            Files.writeString(old.resolve(f), "old", StandardCharsets.UTF_8);
        }
        publish(old, "migrated");
        assertTrue(Files.isSymbolicLink(old));
        assertEquals(List.of("index.html"), TestSites.files(old));
    }

    @Test
    void aSecondBuildOfTheSameOutputWaitsThenFailsClearly() throws IOException {
        Path out = tmp.resolve("target/govsite");
        SiteWriter first = new SiteWriter(out);
        OutputRefusedException e = assertThrows(OutputRefusedException.class,
                () -> new SiteWriter(out, Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("being written by another build"), e.getMessage());
        first.write("index.html", "first".getBytes(StandardCharsets.UTF_8));
        first.commit();
        assertEquals("first", index(out));
        // the lock is released: the next build proceeds
        publish(out, "second");
        assertEquals("second", index(out));
    }

    @Test
    void eachBuildStagesInAFolderOfItsOwn() throws IOException {
        Path a = tmp.resolve("a/govsite");
        Path b = tmp.resolve("b/govsite");
        SiteWriter wa = new SiteWriter(a);
        SiteWriter wb = new SiteWriter(b);
        assertNotEquals(wa.stagingRoot().getParent(), wb.stagingRoot().getParent());
        SiteWriter wa2;
        wa.discard();
        wa2 = new SiteWriter(a);
        assertFalse(Files.exists(wa.stagingRoot()), "a discarded staging folder is gone");
        assertNotEquals(wa.stagingRoot(), wa2.stagingRoot());
        wa2.discard();
        wb.discard();
    }

    /** A file kept by its inputs: only in a seeded staging folder, only with the inputs the published site's build gave. */
    @Test
    void aFileIsKeptByItsInputsOnlyWhenThePublishedSitesBuildMadeItFromTheSame() throws IOException {
        Path out = tmp.resolve("target/govsite");
        SiteWriter first = new SiteWriter(out);
        assertFalse(first.keepUnchanged("years/2024.html", "A"), "nothing published yet");
        first.write("years/2024.html", "A".getBytes(StandardCharsets.UTF_8));
        first.write("index.html", "i".getBytes(StandardCharsets.UTF_8));
        first.commit();

        SiteWriter unseeded = new SiteWriter(out);
        assertFalse(unseeded.keepUnchanged("years/2024.html", "A"), "a staging folder not seeded has nothing to keep");
        unseeded.discard();

        SiteWriter second = new SiteWriter(out);
        assertTrue(second.seedFromPublished());
        assertTrue(second.keepUnchanged("years/2024.html", "A"));
        assertFalse(second.keepUnchanged("index.html", "i"), "never recorded by its inputs");
        second.commit();
        assertEquals("A", Files.readString(out.resolve("years/2024.html"), StandardCharsets.UTF_8));

        SiteWriter third = new SiteWriter(out);
        assertTrue(third.seedFromPublished());
        assertFalse(third.keepUnchanged("years/2024.html", "B"), "other inputs");
        third.write("years/2024.html", "B".getBytes(StandardCharsets.UTF_8));
        third.commit();

        // a record of another site than the published one (a build killed before its switch) is not trusted
        Path record = out.resolveSibling(".govsite.sites/pages");
        Files.writeString(record, Files.readString(record, StandardCharsets.UTF_8).replaceFirst("site\tsite-",
                "site\tsite-other-"), StandardCharsets.UTF_8);
        SiteWriter fourth = new SiteWriter(out);
        assertTrue(fourth.seedFromPublished());
        assertFalse(fourth.keepUnchanged("years/2024.html", "B"));
        fourth.discard();
    }

    @Test
    void theMarkerCannotBeOverwrittenByAPage() throws IOException {
        SiteWriter w = new SiteWriter(tmp.resolve("govsite"));
        assertThrows(IllegalArgumentException.class, () -> w.write(SiteWriter.MARKER, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> w.write("../escape.html", new byte[0]));
        w.discard();
    }
}
