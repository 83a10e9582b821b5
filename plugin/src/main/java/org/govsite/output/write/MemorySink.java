package org.govsite.output.write;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The site in memory: for tests (two builds compared byte for byte) and for a preview server that serves what it
 * rebuilt. Safe for concurrent writers; files are kept sorted by path.
 */
public final class MemorySink implements OutputSink {
    private final ConcurrentSkipListMap<String, byte[]> files = new ConcurrentSkipListMap<>();

    @Override
    public void write(String path, byte[] bytes) {
        files.put(check(path), bytes.clone());
    }

    @Override
    public void delete(String path) {
        files.remove(path);
    }

    /** Every file, by path, sorted; the map is a read-only view. */
    public NavigableMap<String, byte[]> files() {
        return Collections.unmodifiableNavigableMap(files);
    }

    /** A file's bytes, or {@code null}. */
    public byte[] get(String path) {
        byte[] b = files.get(path);
        return b == null ? null : b.clone();
    }

    @Override
    public byte[] read(String path) throws IOException {
        byte[] b = get(path);
        if (b == null) {
            throw new NoSuchFileException(path);
        }
        return b;
    }

    /** Removes every file. */
    public void clear() {
        files.clear();
    }

    private static String check(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.equals("..")
                || path.startsWith("../") || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException("path outside the site: " + path);
        }
        return path;
    }

    @Override
    public String toString() {
        return "MemorySink" + files.keySet();
    }

}
