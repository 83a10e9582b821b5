package org.govsite.output.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stage 4, write: every file goes into a fresh staging folder beside the output folder, and only a successful build
 * swaps it in. A failed build leaves the previous output exactly as it was. Safe for concurrent writers of different
 * files.
 */
public final class SiteWriter implements OutputSink {
    private final Path output;
    private final Path staging;
    private final Path old;
    private final AtomicInteger files = new AtomicInteger();

    public SiteWriter(Path outputDirectory) throws IOException {
        this.output = outputDirectory.toAbsolutePath().normalize();
        String name = output.getFileName().toString();
        this.staging = output.resolveSibling("." + name + ".staging");
        this.old = output.resolveSibling("." + name + ".previous");
        Files.createDirectories(output.getParent());
        deleteTree(staging);
        Files.createDirectories(staging);
    }

    /** A UTF-8 writer for a file at {@code path}, relative to the site root with '/' separators. */
    @Override
    public Writer open(String path) throws IOException {
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        files.incrementAndGet();
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        files.incrementAndGet();
    }

    @Override
    public void delete(String path) throws IOException {
        if (Files.deleteIfExists(resolve(path))) {
            files.decrementAndGet();
        }
    }

    /** The staged site, for checks that read it before it is published. */
    public Path stagingRoot() {
        return staging;
    }

    public int fileCount() {
        return files.get();
    }

    private Path resolve(String path) {
        Path file = staging.resolve(path).normalize();
        if (!file.startsWith(staging)) {
            throw new IllegalArgumentException("path outside the site: " + path);
        }
        return file;
    }

    /** Publishes the staged site in place of the output folder. */
    public void commit() throws IOException {
        deleteTree(old);
        if (Files.exists(output)) {
            Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Throws the staged site away; the output folder is not touched. */
    public void discard() {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
