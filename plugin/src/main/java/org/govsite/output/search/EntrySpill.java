package org.govsite.output.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Where the search keeps each published report's entry between its page and the index: not on the heap, so that
 * memory does not grow with the archive. With a folder, entries are appended to one file in it and read back by
 * offset; without one (tests, the preview), they are kept deflated in memory. Safe for concurrent {@link #put}s; an
 * entry put again replaces the earlier one (whose bytes are left unused in the file).
 */
final class EntrySpill implements AutoCloseable {
    /** Where an entry is: its offset in the file and its length, or its deflated bytes. */
    static final class Handle {
        private final long offset;
        private final int length;
        private final byte[] deflated;

        private Handle(long offset, int length, byte[] deflated) {
            this.offset = offset;
            this.length = length;
            this.deflated = deflated;
        }

        /** Where the entry is in the file, or -1 when it is kept in memory. */
        long offset() {
            return deflated == null ? offset : -1;
        }

        int length() {
            return length;
        }
    }

    private final FileChannel file;
    private long end;

    /** @param folder a folder for the spill file, or {@code null} to keep entries in memory */
    EntrySpill(Path folder) throws IOException {
        this.file = folder == null ? null : FileChannel.open(Files.createTempFile(folder, "search-", ".bin"),
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /**
     * A spill file that outlives the build, for the next incremental build: the entries of its first {@code keep}
     * bytes stay where they are (a previous build's handles point into them), new entries are written after them.
     */
    EntrySpill(Path file, long keep) throws IOException {
        this.file = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE);
        this.end = Math.min(keep, this.file.size());
    }

    /** The handle of an entry a previous build wrote at {@code offset} of this spill's file. */
    Handle at(long offset, int length) {
        if (file == null || offset < 0 || offset + length > end) {
            throw new IllegalArgumentException("no entry at " + offset + " of the search entries file");
        }
        return new Handle(offset, length, null);
    }

    /** Where the file's entries end: what a handle may point into. */
    synchronized long end() {
        return end;
    }

    Handle put(SearchEntry entry) {
        byte[] bytes = deflate(encode(entry));
        if (file == null) {
            return new Handle(0, bytes.length, bytes);
        }
        long at;
        synchronized (this) {
            at = end;
            end += bytes.length;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long pos = at;
            while (b.hasRemaining()) {
                pos += file.write(b, pos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Handle(at, bytes.length, null);
    }

    SearchEntry get(Handle h) throws IOException {
        byte[] bytes = h.deflated;
        if (bytes == null) {
            ByteBuffer b = ByteBuffer.allocate(h.length);
            long pos = h.offset;
            while (b.hasRemaining()) {
                int n = file.read(b, pos);
                if (n < 0) {
                    throw new IOException("search spill file ends early");
                }
                pos += n;
            }
            bytes = b.array();
        }
        return decode(inflate(bytes));
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    private static byte[] encode(SearchEntry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(e.text().length() * 3 + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, e.url());
            string(out, e.title());
            string(out, e.agencyName());
            string(out, e.group());
            out.writeInt(e.year());
            string(out, e.text());
            out.writeInt(e.figures().size());
            for (String f : e.figures()) {
                string(out, f);
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return bytes.toByteArray();
    }

    private static SearchEntry decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String url = string(in);
            String title = string(in);
            String agency = string(in);
            String group = string(in);
            int year = in.readInt();
            String text = string(in);
            int n = in.readInt();
            List<String> figures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                figures.add(string(in));
            }
            return new SearchEntry(url, title, agency, group, year, text, figures);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(bytes);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            ByteArrayOutputStream framed = new ByteArrayOutputStream(out.size() + 4);
            new DataOutputStream(framed).writeInt(bytes.length);
            out.writeTo(framed);
            return framed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            d.end();
        }
    }

    private static byte[] inflate(byte[] framed) throws IOException {
        int length = ByteBuffer.wrap(framed, 0, 4).getInt();
        Inflater i = new Inflater();
        try {
            i.setInput(framed, 4, framed.length - 4);
            byte[] out = new byte[length];
            int n = 0;
            while (n < length) {
                int k = i.inflate(out, n, length - n);
                if (k == 0 && (i.finished() || i.needsInput())) {
                    break;
                }
                n += k;
            }
            if (n != length) {
                throw new IOException("search spill entry is corrupt");
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException("search spill entry is corrupt", e);
        } finally {
            i.end();
        }
    }
}
