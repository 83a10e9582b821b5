package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.diagnostics.FailOn;
import org.govsite.output.write.MemorySink;
import org.govsite.output.write.OutputSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Archive pages whose view is unchanged are neither rendered nor compared ({@link OutputSink#keepUnchanged}): after a
 * change that a page does not show, the next build does not write it; after one it shows, it does, and the result is
 * a full build's.
 */
class ArchivePagesKeptTest {
    private static final Set<String> PAGES = Set.of("index.html", "years/2023.html", "years/2024.html",
            "data/index.html", "sitemap.xml", "atom.xml", "404.html", "data/report.schema.json");

    /** A sink in memory that keeps a file by its inputs as a seeded staging folder does, and notes what is written. */
    private static final class Recording implements OutputSink {
        final MemorySink files = new MemorySink();
        Map<String, String> previous = Map.of();
        final Map<String, String> inputs = new ConcurrentHashMap<>();
        final Set<String> written = new ConcurrentSkipListSet<>();

        /** The next build: what this one made is the published site's. */
        void next() {
            previous = Map.copyOf(inputs);
            inputs.clear();
            written.clear();
        }

        @Override
        public boolean keepUnchanged(String path, String in) {
            inputs.put(path, in);
            return in.equals(previous.get(path)) && files.files().containsKey(path);
        }

        @Override
        public void write(String path, byte[] bytes) {
            written.add(path);
            files.write(path, bytes);
        }

        @Override
        public OutputStream stream(String path) throws IOException {
            written.add(path);
            return files.stream(path);
        }

        @Override
        public void delete(String path) {
            files.delete(path);
        }

        @Override
        public byte[] read(String path) throws IOException {
            return files.read(path);
        }
    }

    private static BuildConfig config(Path project, Path source) {
        return BuildConfig.builder(project, source).pdf(false).failOn(FailOn.NONE).threads(2)
                .baseUrl("https://www.example.gov.cn/ndbg/").build();
    }

    private static void build(Path project, Path source, OutputSink sink) throws IOException {
        try (Pipeline p = new GovSite(config(project, source)).pipeline(sink)) {
            p.build();
        }
    }

    private static void assertFull(Path project, Path source, Recording sink, String what) throws IOException {
        MemorySink full = new MemorySink();
        build(project, source, full);
        Map<String, byte[]> expected = new TreeMap<>(full.files());
        Map<String, byte[]> actual = new TreeMap<>(sink.files.files());
        // a report no longer published leaves its files in this sink (a generate removes them by its manifest)
        assertTrue(actual.keySet().containsAll(expected.keySet()), what);
        expected.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, actual.get(path)), what + ": " + path));
    }

    @Test
    void aYearPageIsRenderedOnlyWhenWhatItShowsChanged(@TempDir Path tmp) throws IOException {
        Path source = TestSites.copySample(tmp);
        Recording sink = new Recording();
        build(tmp, source, sink);
        assertTrue(sink.written.containsAll(PAGES), sink.written.toString());
        assertEquals(PAGES, Set.copyOf(sink.inputs.keySet().stream().filter(PAGES::contains).toList()));

        // nothing changed: none of them is written again
        sink.next();
        build(tmp, source, sink);
        assertTrue(sink.written.stream().noneMatch(PAGES::contains), sink.written.toString());
        assertFull(tmp, source, sink, "nothing changed");

        // a change no list shows (the publisher, on the report's own page only)
        Path yaml = source.resolve("reports/shanzhou-zfb/2024/report.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        Files.writeString(yaml, text.replaceFirst("(?m)^(publisher: .*)$", "$1（改）"), StandardCharsets.UTF_8);
        sink.next();
        build(tmp, source, sink);
        assertTrue(sink.written.contains("agencies/shanzhou-zfb/2024.html"), sink.written.toString());
        assertTrue(sink.written.stream().noneMatch(PAGES::contains), sink.written.toString());
        assertFull(tmp, source, sink, "the publisher changed");

        // a number of 2024: the 2024 page (its rows or its sums) is rendered again, 2023's is not
        RebuildTest.changeOneNumber(source.resolve("reports/shanzhou-zfb/2024"));
        sink.next();
        build(tmp, source, sink);
        assertTrue(sink.written.contains("years/2024.html"), sink.written.toString());
        assertFalse(sink.written.contains("years/2023.html"), sink.written.toString());
        assertFalse(sink.written.contains("data/report.schema.json"), sink.written.toString());
        assertFull(tmp, source, sink, "a number of 2024 changed");
    }
}
