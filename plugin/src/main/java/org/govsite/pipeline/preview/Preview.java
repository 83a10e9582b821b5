package org.govsite.pipeline.preview;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Severity;

import java.io.IOException;
import java.net.URI;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code govsite:serve}: builds the site once into a preview folder, serves it on 127.0.0.1, watches the source folder
 * and rebuilds what changed, then tells the open pages to reload. The findings of a report are shown on its page in
 * an overlay, and printed. Stops when the thread running {@link #run} is interrupted (Ctrl-C), leaving no staging
 * folder behind.
 */
public final class Preview implements AutoCloseable {
    /** Builds the preview: all of it when {@code changed} is empty, else what the changed files affect. */
    public interface Build {
        List<Finding> build(Set<Path> changed) throws IOException;
    }

    private static final Pattern REPORT_PAGE = Pattern.compile("agencies/([a-z0-9-]+)/([0-9]{4})\\.html");
    private static final long QUIET_MS = 120;

    private final Path sourceDir;
    private final Path sourceRelative;
    private final Build build;
    private final Consumer<String> log;
    private final Locale locale;
    private final PreviewServer server;
    private final WatchService watcher;
    private volatile List<Finding> findings = List.of();

    /**
     * @param sourceRelative the source folder as findings name it (relative to the project), e.g. {@code src/govsite}
     */
    public Preview(Path sourceDir, String sourceRelative, Path outputDir, int port, Build build, Locale locale,
                   Consumer<String> log) throws IOException {
        this.locale = locale;
        this.sourceDir = sourceDir.toAbsolutePath().normalize();
        this.sourceRelative = Path.of(sourceRelative);
        this.build = build;
        this.log = log;
        rebuild(Set.of());
        this.server = new PreviewServer(outputDir, port, this::overlay);
        this.watcher = FileSystems.getDefault().newWatchService();
        register(this.sourceDir);
    }

    public URI address() {
        return server.address();
    }

    /** Watches and rebuilds until interrupted or closed. */
    public void run() throws IOException {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                Set<Path> changed = new TreeSet<>();
                collect(key, changed);
                // let an editor finish saving: gather every event until the folder is quiet
                WatchKey more;
                while ((more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    collect(more, changed);
                }
                if (!changed.isEmpty()) {
                    rebuild(changed);
                    server.reload();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: stop
        }
    }

    private void collect(WatchKey key, Set<Path> changed) throws IOException {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(sourceDir);
                continue;
            }
            Path file = dir.resolve((Path) event.context());
            if (file.getFileName().toString().startsWith(".")) {
                continue;
            }
            changed.add(file);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                register(file);
            }
        }
        key.reset();
    }

    private void rebuild(Set<Path> changed) throws IOException {
        long start = System.nanoTime();
        List<Finding> now = build.build(changed);
        findings = now;
        long ms = (System.nanoTime() - start) / 1_000_000;
        for (Finding f : now) {
            log.accept(f.format(locale));
        }
        long errors = now.stream().filter(f -> f.severity() == Severity.ERROR).count();
        log.accept("govsite：预览已" + (changed.isEmpty() ? "生成" : "更新（" + changed.size() + " 个文件有改动）")
                + "，用时 " + ms + " 毫秒；错误 " + errors + " 个。");
    }

    /** The findings overlay of a report page: the findings whose file lies in the report's folder. */
    String overlay(String page) {
        Matcher m = REPORT_PAGE.matcher(page);
        if (!m.matches()) {
            return "";
        }
        String folder = sourceRelative.resolve("reports").resolve(m.group(1)).resolve(m.group(2)).toString()
                .replace('\\', '/') + "/";
        List<Finding> mine = new ArrayList<>();
        for (Finding f : findings) {
            if (f.file().startsWith(folder)) {
                mine.add(f);
            }
        }
        return Overlay.html(mine);
    }

    private void register(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
        watcher.close();
    }
}
