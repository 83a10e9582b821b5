package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.output.write.MemorySink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Pipeline#rebuild}: for every single report of the sample site, one number changed, then rebuilt; the result
 * is byte-identical to a full build of the changed tree, and so is the rebuild after the change is undone.
 */
class RebuildTest {
    private static final Pattern TABLE_NUMBER = Pattern.compile("\\[\\s*([0-9]+)");
    private static final Pattern ANY_NUMBER = Pattern.compile("[0-9]+");

    private static BuildConfig config(Path project, Path source) {
        return BuildConfig.builder(project, source).pdf(false).failOn(FailOn.NONE).threads(2)
                .baseUrl("https://www.example.gov.cn/ndbg/").build();
    }

    private static MemorySink full(Path project, Path source, BuildResult[] result) throws IOException {
        MemorySink sink = new MemorySink();
        result[0] = new GovSite(config(project, source)).pipeline(sink).build();
        return sink;
    }

    /**
     * Changes the first number of a table row (or, without tables, the first number of the narrative); shared with
     * {@link IncrementalGenerateTest}.
     */
    static Path changeOneNumber(Path folder) throws IOException {
        Path yaml = folder.resolve("report.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        Matcher m = TABLE_NUMBER.matcher(text);
        Path file = yaml;
        if (!m.find()) {
            file = folder.resolve("report.md");
            text = Files.readString(file, StandardCharsets.UTF_8);
            m = ANY_NUMBER.matcher(text);
            assertTrue(m.find(), "a number in " + file);
        }
        int group = m.groupCount() == 1 ? 1 : 0;
        String changed = text.substring(0, m.start(group)) + (Long.parseLong(m.group(group)) + 1)
                + text.substring(m.end(group));
        Files.writeString(file, changed, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertSame(MemorySink expected, MemorySink actual, String what) {
        assertEquals(expected.files().keySet(), actual.files().keySet(), what + ": the same files");
        for (Map.Entry<String, byte[]> f : expected.files().entrySet()) {
            assertTrue(Arrays.equals(f.getValue(), actual.files().get(f.getKey())), what + ": " + f.getKey());
        }
    }

    @Test
    void rebuildingAfterOneChangedNumberEqualsAFullBuild(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        BuildResult[] result = new BuildResult[1];
        MemorySink original = full(tmp, source, result);
        BuildResult originalResult = result[0];
        MemorySink live = new MemorySink();
        Pipeline pipeline = new GovSite(config(tmp, source)).pipeline(live);
        pipeline.build();
        assertSame(original, live, "two full builds");

        List<Path> folders = new ArrayList<>();
        try (Stream<Path> s = Files.list(source.resolve("reports"))) {
            for (Path agency : s.sorted().toList()) {
                try (Stream<Path> years = Files.list(agency)) {
                    years.filter(Files::isDirectory).sorted().forEach(folders::add);
                }
            }
        }
        assertEquals(16, folders.size());
        for (Path folder : folders) {
            String name = source.relativize(folder).toString();
            Path file = folder.resolve("report.yaml");
            byte[] yaml = Files.readAllBytes(file);
            byte[] md = Files.readAllBytes(folder.resolve("report.md"));
            Path changed = changeOneNumber(folder);

            BuildResult rebuilt = pipeline.rebuild(Set.of(changed));
            MemorySink expected = full(tmp, source, result);
            assertSame(expected, live, name + " changed");
            assertEquals(result[0].findings(), rebuilt.findings(), name + " changed: the same findings");

            Files.write(file, yaml);
            Files.write(folder.resolve("report.md"), md);
            BuildResult back = pipeline.rebuild(Set.of(folder));
            assertSame(original, live, name + " restored");
            assertEquals(originalResult.findings(), back.findings(), name + " restored: the same findings");
        }
    }

    @Test
    void aChangeOutsideTheReportsIsAFullBuild(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        MemorySink live = new MemorySink();
        Pipeline pipeline = new GovSite(config(tmp, source)).pipeline(live);
        pipeline.build();
        TestSites.replaceIn(source.resolve("site.yaml"), "title: ", "title: 新");
        pipeline.rebuild(Set.of(source.resolve("site.yaml")));
        assertSame(full(tmp, source, new BuildResult[1]), live, "site.yaml changed");
    }
}
