package org.govsite.pipeline;

import org.govsite.output.write.AtomicFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.LinkOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final AtomicInteger read = new AtomicInteger();

    /** @param before what the previous build recorded, by absolute path */
    FileHashes(Map<String, Known> before) {
        this.before = Map.copyOf(before);
    }

    /** Takes {@code owned} as it is, a map no one else holds (no copy of 60,000 entries). */
    private FileHashes(HashMap<String, Known> owned) {
        this.before = Collections.unmodifiableMap(owned);
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
        Instant t = attrs.lastModifiedTime().toInstant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static final String FILE = "hashes";
    private static final byte[] HEADER = "govsite-hashes 2\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * The hashes the previous build of {@code home} recorded, or none when there are none or they cannot be read.
     * The file is read whole and decoded without a stream per field: at 20,000 reports it holds 60,000 files.
     */
    static FileHashes load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return empty();
        }
        try {
            return read(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return empty(); // a cache: without it every file is read
        }
    }

    /** Records what this build hashed or trusted, for the next build (one rename replaces the file). */
    void save(Path home) throws IOException {
        AtomicFile.write(home.resolve(FILE), "hashes-", stream -> {
            try (BinaryOut out = new BinaryOut(stream)) {
                write(out);
            }
        });
    }

    /**
     * What this build hashed or trusted, for the next build: by path, sorted, each path as the count of leading bytes
     * it shares with the one before and the rest (a site's paths share most of theirs), its size, time, file key and
     * the 32 bytes of its hash.
     */
    void write(BinaryOut out) throws IOException {
        Map<String, Known> sorted = new TreeMap<>(now);
        out.write(HEADER);
        out.writeInt(sorted.size());
        byte[] last = new byte[0];
        HexFormat hex = HexFormat.of();
        for (Map.Entry<String, Known> e : sorted.entrySet()) {
            byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
            int shared = 0;
            int max = Math.min(Math.min(last.length, path.length), 0xFFFF);
            while (shared < max && last[shared] == path[shared]) {
                shared++;
            }
            out.writeShort(shared);
            out.writeInt(path.length - shared);
            out.write(path, shared, path.length - shared);
            last = path;
            Known k = e.getValue();
            out.writeLong(k.size());
            out.writeLong(k.modified());
            byte[] key = k.key().getBytes(StandardCharsets.UTF_8);
            out.writeShort(key.length);
            out.write(key);
            byte[] sha = hex.parseHex(k.sha());
            out.writeByte(sha.length);
            out.write(sha);
        }
        out.write(HEADER);
    }

    static FileHashes read(ByteBuffer in) throws IOException {
        for (byte b : HEADER) {
            if (in.get() != b) {
                throw new IOException("not a hashes file of this version");
            }
        }
        int n = in.getInt();
        HashMap<String, Known> known = new HashMap<>(Math.max(16, n * 2));
        byte[] path = new byte[256];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            int shared = in.getShort() & 0xFFFF;
            int rest = in.getInt();
            if (shared + rest > path.length) {
                path = Arrays.copyOf(path, Math.max(shared + rest, path.length * 2));
            }
            in.get(path, shared, rest);
            String p = new String(path, 0, shared + rest, StandardCharsets.UTF_8);
            long size = in.getLong();
            long modified = in.getLong();
            byte[] key = new byte[in.getShort() & 0xFFFF];
            in.get(key);
            byte[] sha = new byte[in.get() & 0xFF];
            in.get(sha);
            known.put(p, new Known(size, modified, new String(key, StandardCharsets.UTF_8), hex.formatHex(sha)));
        }
        for (byte b : HEADER) {
            if (in.get() != b) {
                throw new IOException("a hashes file that does not end");
            }
        }
        return new FileHashes(known);
    }
}
