package org.govsite.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The fingerprints' cache: a file whose size, time and file key are those recorded is not read again; one whose
 * metadata changed is; a file changed just before it was hashed is never trusted by its metadata (racy clean).
 */
class FileHashesTest {
    private static String sha(FileHashes hashes, Path file) throws IOException {
        return hashes.sha(file, Files.readAttributes(file, BasicFileAttributes.class));
    }

    private static FileHashes saveAndLoad(FileHashes hashes, Path home) throws IOException {
        hashes.save(home);
        return FileHashes.load(home);
    }

    @Test
    void trustsUnchangedMetadataAndReadsChangedFiles(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("report.yaml");
        Files.writeString(file, "year: 2024\n", StandardCharsets.UTF_8);
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(file, old);

        FileHashes first = FileHashes.empty();
        String original = sha(first, file);
        assertEquals(1, first.filesRead());

        FileHashes second = saveAndLoad(first, tmp);
        assertEquals(original, sha(second, file));
        assertEquals(0, second.filesRead(), "unchanged metadata: not read");

        // the same size, another time: read again, and the new content counts
        Files.writeString(file, "year: 2025\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));
        FileHashes third = saveAndLoad(second, tmp);
        String changed = sha(third, file);
        assertEquals(1, third.filesRead());
        assertNotEquals(original, changed);
    }

    @Test
    void aFileChangedJustBeforeItWasHashedIsReadAgain(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("report.md");
        Files.writeString(file, "一、总体情况\n", StandardCharsets.UTF_8); // its time is now
        FileHashes first = FileHashes.empty();
        sha(first, file);
        FileHashes second = saveAndLoad(first, tmp);
        sha(second, file);
        assertEquals(1, second.filesRead(), "a racily clean file is not trusted by its metadata");
    }

    @Test
    void anUnreadableCacheMeansEveryFileIsRead(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("a.txt");
        Files.writeString(file, "a", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        Files.writeString(tmp.resolve(FileHashes.FILE), "not a cache", StandardCharsets.UTF_8);
        FileHashes hashes = FileHashes.load(tmp);
        sha(hashes, file);
        assertEquals(1, hashes.filesRead());
    }
}
