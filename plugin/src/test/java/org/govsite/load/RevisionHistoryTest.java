package org.govsite.load;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.govsite.ArchiveFixtures;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.govsite.pipeline.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionHistoryTest {
    @TempDir
    Path tmp;

    private static PersonIdent at(ZonedDateTime t) {
        return new PersonIdent("编辑", "editor@example.gov.cn", t.toInstant(), t.getZone());
    }

    @Test
    void aReportChangedAfterItsFirstCommitIsMarkedCorrectedWithTheDateInChinaTime() throws Exception {
        Path project = tmp.resolve("portal");
        Path source = ArchiveFixtures.copy(ArchiveFixtures.fixture("site"), project);
        Path md = source.resolve("reports/fgw/2023/report.md");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("src").call();
            PersonIdent first = at(ZonedDateTime.of(2024, 1, 22, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
            git.commit().setMessage("发布2023年报告").setAuthor(first).setCommitter(first).setSign(false).call();
            Files.writeString(md, Files.readString(md, StandardCharsets.UTF_8).replace("本年度", "2023年度"),
                    StandardCharsets.UTF_8);
            git.add().addFilepattern("src").call();
            // 2024-03-02 17:30 UTC is already 3 March in Beijing
            PersonIdent second = at(ZonedDateTime.of(2024, 3, 2, 17, 30, 0, 0, ZoneOffset.UTC));
            git.commit().setMessage("更正第六部分的文字").setAuthor(second).setCommitter(second).setSign(false).call();
        }
        try (RevisionHistory history = RevisionHistory.open(source)) {
            assertTrue(history.available());
            RevisionHistory.History h = history.of(source.resolve("reports/fgw/2023"));
            assertEquals(2, h.revisions().size());
            assertEquals(LocalDate.of(2024, 1, 22), h.revisions().get(0).date());
            assertEquals("更正第六部分的文字", h.revisions().get(1).message());
            assertEquals(LocalDate.of(2024, 3, 3), h.correctedOn().orElseThrow());
        }
        BuildResult result = ArchiveFixtures.generate(project, source, project.resolve("target/govsite"), null);
        assertTrue(result.published(), result.findings().toString());
        String page = Files.readString(project.resolve("target/govsite/agencies/fgw/2023.html"),
                StandardCharsets.UTF_8);
        assertTrue(page.contains("<strong>已更正</strong>"), page);
        assertTrue(page.contains("<time datetime=\"2024-03-03\">2024年3月3日</time>"), page);
        assertTrue(page.contains("修订记录"));
        assertTrue(page.contains("发布2023年报告") && page.contains("更正第六部分的文字"));
    }

    @Test
    void outsideGitNothingBreaksAndNoHistoryIsShown() throws Exception {
        Path project = tmp.resolve("plain");
        Path source = ArchiveFixtures.copy(ArchiveFixtures.fixture("site"), project);
        try (RevisionHistory history = RevisionHistory.open(source)) {
            assertFalse(history.available());
            assertTrue(history.of(source.resolve("reports/fgw/2023")).revisions().isEmpty());
        }
        BuildResult result = ArchiveFixtures.generate(project, source, project.resolve("target/govsite"), null);
        assertTrue(result.published(), result.findings().toString());
        String page = Files.readString(project.resolve("target/govsite/agencies/fgw/2023.html"),
                StandardCharsets.UTF_8);
        assertFalse(page.contains("修订记录"));
        assertFalse(page.contains("已更正"));
    }

    @Test
    void aCorruptHistoryIsAWarningFindingNotSilence() throws Exception {
        assertCorruptHistoryWarned(false);
    }

    /**
     * An incremental generate after an unchanged build keeps every page and walks no history: the corrupt repository
     * must still be said.
     */
    @Test
    void aCorruptHistoryIsSaidByAnIncrementalBuildThatKeepsEveryPage() throws Exception {
        assertCorruptHistoryWarned(true);
    }

    private void assertCorruptHistoryWarned(boolean builtBefore) throws Exception {
        Path project = tmp.resolve("corrupt");
        Path source = ArchiveFixtures.copy(ArchiveFixtures.fixture("site"), project);
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("src").call();
            PersonIdent first = at(ZonedDateTime.of(2024, 1, 22, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
            git.commit().setMessage("发布").setAuthor(first).setCommitter(first).setSign(false).call();
        }
        if (builtBefore) {
            BuildResult before = ArchiveFixtures.generate(project, source, project.resolve("target/govsite"), null);
            assertTrue(before.findings().stream().noneMatch(f -> f.rule() == Rule.G1), before.findings().toString());
        }
        try (var objects = Files.walk(project.resolve(".git/objects"))) {
            for (Path object : objects.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().length() == 2).toList()) {
                object.toFile().setWritable(true);
                Files.write(object, new byte[] {1, 2, 3});
            }
        }
        BuildResult result = ArchiveFixtures.generate(project, source, project.resolve("target/govsite"), null);
        var g1 = result.findings().stream().filter(f -> f.rule() == Rule.G1).toList();
        assertEquals(1, g1.size(), result.findings().toString());
        assertEquals(Severity.WARNING, g1.get(0).severity());
        assertTrue(g1.get(0).message().startsWith("无法读取 Git 历史"), g1.get(0).message());
        assertTrue(result.published(), "a warning: the site is still published, without revisions");
    }
}
