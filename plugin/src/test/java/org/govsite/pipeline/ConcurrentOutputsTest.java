package org.govsite.pipeline;

import org.govsite.TestSites;
import org.govsite.output.write.MemorySink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Report outputs run on several threads and share their renderers (see each output's Javadoc): the site rendered on
 * one thread and on four is the same, byte for byte.
 */
class ConcurrentOutputsTest {
    @TempDir
    static Path tmp;
    static Path source;

    private static MemorySink build(int threads) throws IOException {
        if (source == null) {
            source = TestSites.copySample(tmp);
        }
        MemorySink sink = new MemorySink();
        BuildResult r = new GovSite(BuildConfig.builder(tmp, source).pdf(false)
                .baseUrl("https://www.example.gov.cn/ndbg/").threads(threads).build()).pipeline(sink).build();
        assertTrue(r.published(), r.findings().toString());
        return sink;
    }

    @Test
    void oneThreadAndFourThreadsRenderTheSameBytes() throws IOException {
        MemorySink one = build(1);
        MemorySink eight = build(4);
        assertTrue(one.files().size() > 50, one.files().keySet().toString());
        assertEquals(one.files().keySet(), eight.files().keySet());
        for (Map.Entry<String, byte[]> f : one.files().entrySet()) {
            assertTrue(Arrays.equals(f.getValue(), eight.files().get(f.getKey())), f.getKey());
        }
    }
}
