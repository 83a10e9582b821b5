package org.govsite.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content hashes (SHA-256) of input files, without reading a file whose metadata is what the previous build
 * recorded: as Gradle's file-system snapshots and ninja's log do, a file whose size, modification time (to the
 * nanosecond the file system keeps) and file key (device and inode on Unix) are unchanged is trusted to have the
 * content it had, and only the others are read and hashed again.
 *
 * <p>An edit that keeps the size within the same tick of the modification time would go unnoticed (the "racy clean"
 * case of Git's index). So, as Git does, a file whose modification time is less than {@link #RACY_MILLIS} before the
 * moment it was hashed is not recorded: the next build reads it again. Anything else that rewrites a file gives it a
 * new time (or a new inode), and a tool that restores old times on purpose (touch -d, some archivers) also changes the
 * size or the inode unless it copies the file byte for byte in place.
 *
 * <p>Safe for concurrent use.
 */
final class FileHashes {
    /** A file changed within this long before it was hashed is hashed again by the next build. */
    static final long RACY_MILLIS = 2_000;

    /** What was known of a file when it was hashed. */
    record Known(long size, long modified, String key, String sha) {
    }

    private final Map<String, Known> before;
    private final Map<String, Known> now = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();

    /** @param before what the previous build recorded, by absolute path */
    FileHashes(Map<String, Known> before) {
        this.before = Map.copyOf(before);
    }

    /** A cache that knows nothing: every file is read. */
    static FileHashes empty() {
        return new FileHashes(Map.of());
    }

    /** The hex SHA-256 of a regular file's bytes, read only when its metadata changed. */
    String sha(Path file, BasicFileAttributes attrs) throws IOException {
        String path = file.toString();
        long modified = modified(attrs);
        String key = String.valueOf(attrs.fileKey());
        Known k = before.get(path);
        if (k != null && k.size() == attrs.size() && k.modified() == modified && k.key().equals(key)) {
            now.put(path, k);
            return k.sha();
        }
        long at = System.currentTimeMillis();
        MessageDigest digest = Incremental.sha256();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        read.incrementAndGet();
        String sha = HexFormat.of().formatHex(digest.digest());
        if (size == attrs.size() && modified / 1_000_000 < at - RACY_MILLIS) {
            now.put(path, new Known(attrs.size(), modified, key, sha));
        }
        return sha;
    }

    /** How many files were read (not trusted by their metadata). */
    int filesRead() {
        return read.get();
    }

    private static long modified(BasicFileAttributes attrs) {
        java.time.Instant t = attrs.lastModifiedTime().toInstant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static final String FILE = "hashes";
    private static final String HEADER = "govsite-hashes 1";

    /** The hashes the previous build of {@code home} recorded, or none when there are none or they cannot be read. */
    static FileHashes load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                1 << 16))) {
            if (!in.readUTF().equals(HEADER)) {
                return empty();
            }
            return read(in);
        } catch (IOException | RuntimeException e) {
            return empty(); // a cache: without it every file is read
        }
    }

    /** Records what this build hashed or trusted, for the next build (one rename replaces the file). */
    void save(Path home) throws IOException {
        Path temp = Files.createTempFile(home, "hashes-", ".part");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temp), 1 << 16))) {
                out.writeUTF(HEADER);
                write(out);
            }
            Files.move(temp, home.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What this build hashed or trusted, for the next build. */
    void write(DataOutputStream out) throws IOException {
        Map<String, Known> sorted = new TreeMap<>(now);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Known> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().size());
            out.writeLong(e.getValue().modified());
            out.writeUTF(e.getValue().key());
            out.writeUTF(e.getValue().sha());
        }
    }

    static FileHashes read(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Known> known = new java.util.HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            known.put(in.readUTF(), new Known(in.readLong(), in.readLong(), in.readUTF(), in.readUTF()));
        }
        return new FileHashes(known);
    }
}
