package org.govsite.pipeline.preview;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview serves only the files under its folder, adds the reload script to pages, and pushes reloads. */
class PreviewServerTest {
    @TempDir
    Path dir;
    private Path site;
    private PreviewServer server;

    @BeforeEach
    void start() throws IOException {
        site = dir.resolve("site");
        Files.createDirectories(site.resolve("a"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><body><h1>首页</h1></body></html>",
                StandardCharsets.UTF_8);
        Files.writeString(site.resolve("a/b.html"), "<html><body>b</body></html>", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("a/data.csv"), "x,y\r\n", StandardCharsets.UTF_8);
        Files.writeString(site.resolve(".hidden"), "no", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("secret.txt"), "SECRET", StandardCharsets.UTF_8);
        Files.createSymbolicLink(site.resolve("out.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("outdir"), dir);
        server = new PreviewServer(site, 0, page -> page.equals("a/b.html") ? "<div id=\"overlay\">错误</div>" : "");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A raw request, so that no client normalises the path first. Returns the status line and the body. */
    private String[] get(String rawPath) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int blank = all.indexOf("\r\n\r\n");
            return new String[]{all.substring(0, all.indexOf("\r\n")), blank < 0 ? "" : all.substring(blank + 4)};
        }
    }

    @Test
    void servesPagesWithTheReloadScriptAndTheOverlay() throws IOException {
        String[] index = get("/");
        assertTrue(index[0].contains(" 200 "), index[0]);
        assertTrue(index[1].contains("首页"));
        assertTrue(index[1].contains("<script src=\"/__govsite/reload.js\"></script></body>"), index[1]);
        String[] b = get("/a/b.html");
        assertTrue(b[1].contains("<div id=\"overlay\">错误</div>"), b[1]);
        String[] csv = get("/a/data.csv");
        assertEquals("x,y\r\n", csv[1], "non-HTML files are served as they are");
        assertTrue(get("/__govsite/reload.js")[1].contains("EventSource"));
    }

    @Test
    void traversalSymlinksOutAndHiddenFilesAre404() throws IOException {
        for (String path : new String[]{"/../secret.txt", "/%2e%2e/secret.txt", "/a/..%2F..%2Fsecret.txt",
                "/a/%2E%2E/%2E%2E/secret.txt", "/..%5Csecret.txt", "/out.txt", "/outdir/secret.txt", "/.hidden",
                "/a/%00.html", "/nosuch.html", "/a/../../secret.txt"}) {
            String[] r = get(path);
            assertTrue(r[0].contains(" 404 ") || r[0].contains(" 400 "), path + " → " + r[0]);
            assertFalse(r[1].contains("SECRET"), path);
        }
    }

    @Test
    void openPagesAreToldToReload() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
                s.getOutputStream().write("GET /__govsite/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = s.getInputStream();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                assertTrue(readUntilData(r).endsWith("data: 0"));
                server.reload();
                String second = readUntilData(r);
                assertTrue(second.endsWith("data: 1"), second);
            }
        });
    }

    private static String readUntilData(BufferedReader r) throws IOException {
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return line;
            }
        }
        throw new IOException("stream closed");
    }
}
