package org.govsite.output.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A state file is replaced whole or left as it was, and no temporary file is left beside it either way. */
class AtomicFileTest {

    @Test
    void replacesTheFileWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("manifest");
        Files.writeString(file, "old", StandardCharsets.UTF_8);
        AtomicFile.writeString(file, "manifest-", "新的\n");
        assertEquals("新的\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(1, count(dir));
    }

    @Test
    void aFailureHalfWayLeavesThePreviousFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("reports");
        Files.writeString(file, "old", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, "reports-", out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(1, count(dir), "the temporary file is removed");
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
