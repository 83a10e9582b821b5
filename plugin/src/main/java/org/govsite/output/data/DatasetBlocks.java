package org.govsite.output.data;

import org.govsite.output.write.AtomicFile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;

/**
 * Where each report's rows are in a dataset a build wrote, so that the next build can copy the unchanged ones from
 * it by ranges instead of reading every report's CSV again: per report (in the dataset's order) what its CSV was made
 * from, and its block's offset and length; with the identity of the dataset file it describes (file key, size and
 * modification time, as {@code FileHashes} trusts input files). A side file beside the manifest, binary; trusted only
 * for the very file it describes (a hard link to it in a staging folder seeded from the published site).
 *
 * @param file   the identity of the dataset file described: file key, size, modification time in nanoseconds
 * @param blocks by "agency/year"
 */
record DatasetBlocks(String file, Map<String, Block> blocks) {
    private static final String HEADER = "govsite-dataset-blocks 1";

    /**
     * One report's rows in the dataset.
     *
     * @param source what its CSV was made from ({@link DatasetWriter.Sources}), or "" when unknown (never matched)
     * @param offset where its block starts in the file
     * @param length its block's length in bytes
     */
    record Block(String source, long offset, long length) {
    }

    /** The identity of a file: its file key (device and inode on Unix), size and modification time to the ns. */
    static String identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Instant t = a.lastModifiedTime().toInstant();
        return a.fileKey() + " " + a.size() + " " + (t.getEpochSecond() * 1_000_000_000L + t.getNano());
    }

    /** The blocks recorded in {@code side}, or empty when there are none or they cannot be read. */
    static Optional<DatasetBlocks> read(Path side) {
        if (!Files.isRegularFile(side, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(side), 1 << 16))) {
            if (!in.readUTF().equals(HEADER)) {
                return Optional.empty();
            }
            String file = in.readUTF();
            int n = in.readInt();
            Map<String, Block> blocks = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                blocks.put(in.readUTF(), new Block(in.readUTF(), in.readLong(), in.readLong()));
            }
            if (!in.readUTF().equals("end")) {
                return Optional.empty();
            }
            return Optional.of(new DatasetBlocks(file, blocks));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the dataset is made from every report's CSV
        }
    }

    /** Writes the blocks of a dataset just written ({@code keys} in its order), replacing {@code side} in one rename. */
    static void write(Path side, String file, List<String> keys, List<Block> blocks) throws IOException {
        AtomicFile.write(side, "dataset-blocks-", stream -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
                out.writeUTF(HEADER);
                out.writeUTF(file);
                out.writeInt(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    Block b = blocks.get(i);
                    out.writeUTF(keys.get(i));
                    out.writeUTF(b.source());
                    out.writeLong(b.offset());
                    out.writeLong(b.length());
                }
                out.writeUTF("end");
            }
        });
    }
}
