package org.govsite.output.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the site straight into a folder, each file replaced in one rename so that a reader (the preview server)
 * never sees half a file. For the preview only: a published site is staged and switched as a whole
 * ({@link SiteWriter}). Safe for concurrent writers of different files.
 */
public final class DirectorySink implements OutputSink {
    private static final String TEMP_PREFIX = ".govsite-tmp-";
    private final Path root;

    public DirectorySink(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    public Path root() {
        return root;
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), TEMP_PREFIX, ".part");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(resolve(path));
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(resolve(path));
    }

    private Path resolve(String path) {
        Path file = root.resolve(path).normalize();
        if (path.isEmpty() || path.contains("\\") || !file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("path outside the site: " + path);
        }
        return file;
    }
}
