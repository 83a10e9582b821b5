package org.govsite.pipeline.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The preview's HTTP server: the JDK's {@code com.sun.net.httpserver}, bound to 127.0.0.1 only. It serves the files
 * under one folder and nothing else: a path that leaves it ({@code ..}, encoded or not), a symlink whose target lies
 * outside it, a hidden file or anything unreadable is a 404. Into every HTML page it adds a small script that reloads
 * the page when the site is rebuilt (Server-Sent Events on {@code /__govsite/events}), and an overlay with the
 * findings of the page's report. Neither ever reaches the published site.
 *
 * <p>Thread-safe: requests are served on a small pool; {@link #reload} may be called from any thread.
 */
public final class PreviewServer implements AutoCloseable {
    /** The prefix of the preview's own endpoints; no page of the site can live under it. */
    static final String OWN = "/__govsite/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"));
    private static final String RELOAD_JS = """
            (function () {
              if (!window.EventSource) { return; }
              var generation = null;
              var events = new EventSource('/__govsite/events');
              events.addEventListener('reload', function (e) {
                if (generation !== null && e.data !== generation) { window.location.reload(); }
                generation = e.data;
              });
            })();
            """;

    private final Path root;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Function<String, String> overlay;
    private final List<HttpExchange> listeners = new CopyOnWriteArrayList<>();
    private volatile long generation;

    /**
     * @param root    the folder to serve
     * @param port    the port on 127.0.0.1; 0 for any free one
     * @param overlay for a page's path relative to {@code root} ('/'-separated), the HTML of its findings overlay, or
     *                an empty string
     */
    public PreviewServer(Path root, int port, Function<String, String> overlay) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.overlay = overlay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "govsite-preview");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address to open, e.g. {@code http://127.0.0.1:8080/}. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Tells every open page that the site changed: it reloads itself. */
    public void reload() {
        synchronized (this) {
            generation++;
        }
        for (HttpExchange e : listeners) {
            if (!send(e)) {
                listeners.remove(e);
                e.close();
            }
        }
    }

    private void handle(HttpExchange exchange) {
        boolean keepOpen = false;
        try {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                respond(exchange, 405, "text/plain; charset=utf-8", "405".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals(OWN + "events")) {
                keepOpen = events(exchange);
                return;
            }
            if (path.equals(OWN + "reload.js")) {
                respond(exchange, 200, TYPES.get("js"), RELOAD_JS.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = resolve(exchange.getRequestURI());
            if (file == null) {
                notFound(exchange);
                return;
            }
            String rel = root.relativize(file).toString().replace('\\', '/');
            byte[] body = Files.readAllBytes(file);
            String ext = extension(rel);
            if (ext.equals("html")) {
                body = inject(new String(body, StandardCharsets.UTF_8), overlay.apply(rel))
                        .getBytes(StandardCharsets.UTF_8);
            }
            respond(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
        } catch (IOException | RuntimeException e) {
            // a vanished file during a rebuild, a closed connection: the browser retries
        } finally {
            if (!keepOpen) {
                exchange.close();
            }
        }
    }

    /**
     * The file a request names, or {@code null}: the path is decoded once (so {@code %2e%2e} is {@code ..}), must stay
     * inside the root after normalisation, must not pass through a hidden segment, and must resolve — symlinks
     * followed — to a regular file inside the root's real path.
     */
    Path resolve(URI uri) {
        String decoded = uri.getPath();
        if (decoded == null || decoded.indexOf('\0') >= 0 || decoded.contains("\\")) {
            return null;
        }
        String rel = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        if (rel.isEmpty() || rel.endsWith("/")) {
            rel = rel + "index.html";
        }
        for (String segment : rel.split("/")) {
            if (segment.equals("..") || (segment.startsWith(".") && !segment.equals("."))) {
                return null;
            }
        }
        try {
            Path candidate = root.resolve(rel).normalize();
            if (!candidate.startsWith(root)) {
                return null;
            }
            if (Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                candidate = candidate.resolve("index.html");
            }
            if (!Files.exists(candidate)) {
                return null;
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath()) || !Files.isRegularFile(real)) {
                return null;
            }
            return candidate;
        } catch (InvalidPathException | IOException e) {
            return null;
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Path page = root.resolve("404.html");
        if (Files.isRegularFile(page)) {
            respond(exchange, 404, TYPES.get("html"),
                    inject(Files.readString(page, StandardCharsets.UTF_8), "").getBytes(StandardCharsets.UTF_8));
        } else {
            respond(exchange, 404, "text/plain; charset=utf-8", "404".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String inject(String html, String overlayHtml) {
        String add = overlayHtml + "<script src=\"/__govsite/reload.js\"></script>";
        int at = html.lastIndexOf("</body>");
        return at < 0 ? html + add : html.substring(0, at) + add + html.substring(at);
    }

    /** Opens an event stream; it stays open (the pool thread returns) until {@link #reload} fails on it. */
    private boolean events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        listeners.add(exchange);
        if (send(exchange)) {
            return true;
        }
        listeners.remove(exchange);
        return false;
    }

    /** One event; the stream is not thread-safe, and a reload may come while the first event is being flushed. */
    private boolean send(HttpExchange e) {
        synchronized (e) {
            try {
                OutputStream out = e.getResponseBody();
                out.write(("event: reload\ndata: " + generation + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException ex) {
                return false;
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String extension(String rel) {
        int dot = rel.lastIndexOf('.');
        return dot < 0 ? "" : rel.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        for (HttpExchange e : listeners) {
            e.close();
        }
        listeners.clear();
        server.stop(0);
        pool.shutdownNow();
    }
}
