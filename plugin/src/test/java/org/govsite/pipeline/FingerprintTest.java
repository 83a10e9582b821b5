package org.govsite.pipeline;

import org.govsite.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The fingerprints an incremental build trusts: a report folder's covers every file in it (names, contents, links and
 * sub-folders); the global one covers everything outside the report folders and nothing inside them.
 */
class FingerprintTest {

    private static String folder(Path dir) throws IOException {
        return Incremental.folder(dir, FileHashes.empty());
    }

    private static String global(Path project, Path source) throws IOException {
        return Incremental.keys(IncrementalGenerateTest.config(project, source), FileHashes.empty()).global();
    }

    @Test
    void aReportFolderFingerprintSeesEveryChangeInIt(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        Path year = source.resolve("reports/shanzhou-zfb/2024");
        String before = folder(year);
        assertEquals(before, folder(year), "nothing changed");

        Path md = year.resolve("report.md");
        String text = Files.readString(md, StandardCharsets.UTF_8);
        Files.writeString(md, text.replaceFirst("。", "，"), StandardCharsets.UTF_8); // same size in UTF-8
        String edited = folder(year);
        assertNotEquals(before, edited, "an edit inside a file");

        Files.createDirectories(year.resolve("附件"));
        String withFolder = folder(year);
        assertNotEquals(edited, withFolder, "an empty sub-folder");

        Files.writeString(year.resolve("附件/说明.txt"), "x", StandardCharsets.UTF_8);
        String withFile = folder(year);
        assertNotEquals(withFolder, withFile, "a file in a sub-folder");

        Files.createSymbolicLink(year.resolve("link"), Path.of("report.md"));
        String withLink = folder(year);
        assertNotEquals(withFile, withLink, "a link, named and not followed");
        Files.delete(year.resolve("link"));
        Files.createSymbolicLink(year.resolve("link"), Path.of("report.yaml"));
        assertNotEquals(withLink, folder(year), "a link to something else");

        Files.delete(year.resolve("link"));
        Files.move(year.resolve("附件/说明.txt"), year.resolve("附件/说明2.txt"));
        assertNotEquals(withFile, folder(year), "a renamed file");
        Files.move(year.resolve("附件/说明2.txt"), year.resolve("附件/说明.txt"));
        assertEquals(withFile, folder(year), "renamed back");
    }

    @Test
    void theGlobalFingerprintSeesEverythingButTheReportFolders(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        String before = global(tmp, source);
        Files.writeString(source.resolve("reports/shanzhou-zfb/2024/report.md"), "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.createDirectories(source.resolve("reports/shanzhou-zfb/2024/附件"));
        assertEquals(before, global(tmp, source), "a report folder's contents are not in it");

        Files.createDirectories(source.resolve("reports/shanzhou-zfb/notes"));
        String withFolder = global(tmp, source);
        assertNotEquals(before, withFolder, "a folder beside the year folders");

        Path agency = source.resolve("reports/shanzhou-zfb/agency.yaml");
        Files.writeString(agency, Files.readString(agency, StandardCharsets.UTF_8) + "\n", StandardCharsets.UTF_8);
        assertNotEquals(withFolder, global(tmp, source), "an agency.yaml");
    }
}
