package org.govsite.load;

import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Messages;
import org.govsite.diagnostics.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, case 10: a file that cannot be read is a finding with the reason, not "I/O error: …/report.yaml". */
class SourceTextTest {
    @TempDir
    Path tmp;

    @Test
    void theReasonIsSaidInWords() {
        assertEquals("permission denied", SourceText.reason(new AccessDeniedException("/x/report.yaml")));
        assertEquals("Is a directory", SourceText.reason(
                new java.nio.file.FileSystemException("/x/report.yaml", null, "Is a directory")));
        assertEquals("IOException: Input/output error", SourceText.reason(new IOException("Input/output error")));
    }

    @Test
    void aFileThatCannotBeReadIsALocatedFinding() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("report.yaml")); // reading a folder fails as a file read would
        List<Finding> findings = new ArrayList<>();
        assertTrue(SourceText.read(dir, new FileDiagnostics("reports/a/2024/report.yaml", findings::add))
                .isEmpty());
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Rule.M1, f.rule());
        assertEquals("reports/a/2024/report.yaml", f.file());
        assertTrue(f.message().startsWith("无法读取文件（") && f.message().length() > 8, f.message());
    }
}
