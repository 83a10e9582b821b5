package org.govsite.output.data;

import org.govsite.model.Report;
import org.govsite.model.ReportSummary;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.ArchiveOutput;
import org.govsite.output.Paths;
import org.govsite.output.write.OutputSink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The whole archive as one dataset in long format, one row per value cell of every published report: agency, year,
 * table, row, column, value. UTF-8 with a BOM, CRLF. Keeps only how it last made the dataset ({@link #note}); one
 * build at a time.
 */
public final class DatasetWriter implements ArchiveOutput {
    /** The dataset's header: agency and year columns, then the columns of a report's CSV. */
    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("机构代码", "机构", "年度", "格式"));
        h.addAll(OpenDataWriter.CSV_HEADER);
        HEADER = List.copyOf(h);
    }

    /** What a report's CSV was made from: equal texts, equal CSV files. */
    @FunctionalInterface
    public interface Sources {
        /** What the CSV of the report of {@code agencyId} and {@code year} was made from, or {@code null}. */
        String of(String agencyId, int year);
    }

    /** Regenerated blocks held in memory at most, beyond which the dataset is made whole. */
    private static final long HELD_LIMIT = 64L << 20;

    private final Path previousBlocks;
    private final Path nextBlocks;
    private final Sources sources;
    private String note = "";

    /** A dataset made whole each time from the reports' CSV files (a check, a preview, a build in memory). */
    public DatasetWriter() {
        this(null, null, (agencyId, year) -> null);
    }

    /**
     * A dataset made from the previous build's one where it can: the blocks of reports whose CSV was made from the
     * same sources are copied from it by ranges, in the kernel; only the others are read from their CSV.
     *
     * @param previousBlocks where the previous build recorded its dataset's blocks ({@link DatasetBlocks})
     * @param nextBlocks     where this build records its own (moved over {@code previousBlocks} once it succeeds)
     * @param sources        what each report's CSV was made from
     */
    public DatasetWriter(Path previousBlocks, Path nextBlocks, Sources sources) {
        this.previousBlocks = previousBlocks;
        this.nextBlocks = nextBlocks;
        this.sources = sources;
    }

    /** How the last dataset was made, for the build's note: e.g. "19999 blocks copied, 1 written". */
    public String note() {
        return note;
    }

    /**
     * Each report's rows are read back from its CSV, already written by {@link OpenDataWriter}, with the agency and
     * year columns put before each record: the archive keeps no tables, and the dataset cannot differ from the
     * reports' own files. Bytes are copied as they are (a record ends at a CRLF outside quotes; in UTF-8 no byte of a
     * multi-byte character is a quote, CR or LF), never decoded and encoded again: at 20,000 reports the dataset is
     * about 1 GB. When the previous build's dataset is in the sink with its blocks recorded, the blocks of unchanged
     * reports are copied from it instead ({@link #fromPrevious}); anything it cannot vouch for makes the whole.
     */
    @Override
    public void write(ArchiveIndex archive, OutputSink out) throws IOException {
        if (nextBlocks == null) {
            whole(archive, out, null);
            note = "";
            return;
        }
        Files.deleteIfExists(nextBlocks);
        Optional<Path> old = out.file(Paths.DATASET);
        String why;
        if (old.isEmpty()) {
            why = "no previous dataset";
        } else {
            Optional<DatasetBlocks> blocks = DatasetBlocks.read(previousBlocks);
            why = blocks.isEmpty() ? "its blocks are not recorded" : fromPrevious(archive, out, old.get(), blocks.get());
            if (why == null) {
                return;
            }
        }
        whole(archive, out, why);
    }

    /** The whole dataset from every report's CSV; its blocks recorded when {@code why} is not null. */
    private void whole(ArchiveIndex archive, OutputSink out, String why) throws IOException {
        List<String> keys = new ArrayList<>();
        List<DatasetBlocks.Block> blocks = new ArrayList<>();
        long at;
        try (OutputStream o = out.stream(Paths.DATASET)) {
            byte[] head = header();
            o.write(head);
            at = head.length;
            for (ArchiveIndex.Entry e : archive.entries()) {
                ReportSummary s = e.summary();
                long length = rows(prefix(s), out.read(csvOf(s)), o);
                keys.add(s.agencyId() + "/" + s.year());
                String source = sources.of(s.agencyId(), s.year());
                blocks.add(new DatasetBlocks.Block(source == null ? "" : source, at, length));
                at += length;
            }
        }
        if (why != null) {
            note = "whole: " + why;
            record(out, keys, blocks);
        }
    }

    /** One piece of the new dataset: a range of the old one, or new bytes. */
    private record Piece(long offset, long length, byte[] bytes) {
    }

    /**
     * The dataset from the previous one: a block whose report's CSV was made from the same sources, or whose new
     * bytes are those of its old block, is copied by range; the others are made from their CSV. Returns null when
     * done, or why it cannot be (then nothing was written).
     */
    private String fromPrevious(ArchiveIndex archive, OutputSink out, Path old, DatasetBlocks previous)
            throws IOException {
        try (FileChannel in = FileChannel.open(old, StandardOpenOption.READ)) {
            // opened before it is checked: the channel reads this file even once the path is written again
            if (!DatasetBlocks.identity(old).equals(previous.file())) {
                return "its blocks describe another file";
            }
            long size = in.size();
            List<Piece> pieces = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            List<DatasetBlocks.Block> blocks = new ArrayList<>();
            byte[] head = header();
            add(pieces, same(in, 0, head) ? new Piece(0, head.length, null) : new Piece(0, head.length, head));
            long at = head.length;
            long held = 0;
            int copied = 0;
            int written = 0;
            for (ArchiveIndex.Entry e : archive.entries()) {
                ReportSummary s = e.summary();
                String key = s.agencyId() + "/" + s.year();
                String source = sources.of(s.agencyId(), s.year());
                DatasetBlocks.Block b = previous.blocks().get(key);
                boolean inFile = b != null && b.offset() >= 0 && b.length() >= 0 && b.offset() + b.length() <= size;
                byte[] prefix = prefix(s);
                long length;
                if (inFile && source != null && source.equals(b.source()) && b.length() >= prefix.length
                        && same(in, b.offset(), prefix)) {
                    add(pieces, new Piece(b.offset(), b.length(), null));
                    length = b.length();
                    copied++;
                } else {
                    ByteArrayOutputStream block = new ByteArrayOutputStream(1 << 16);
                    rows(prefix, out.read(csvOf(s)), block);
                    byte[] bytes = block.toByteArray();
                    length = bytes.length;
                    if (inFile && b.length() == bytes.length && same(in, b.offset(), bytes)) {
                        add(pieces, new Piece(b.offset(), b.length(), null)); // the same rows as before
                        copied++;
                    } else {
                        held += bytes.length;
                        if (held > HELD_LIMIT) {
                            return "too many reports changed";
                        }
                        add(pieces, new Piece(0, bytes.length, bytes));
                        written++;
                    }
                }
                keys.add(key);
                blocks.add(new DatasetBlocks.Block(source == null ? "" : source, at, length));
                at += length;
            }
            if (pieces.size() == 1 && pieces.get(0).bytes() == null && pieces.get(0).offset() == 0
                    && pieces.get(0).length() == size && out.keep(Paths.DATASET)) {
                note = "kept: " + copied + " blocks unchanged";
                record(out, keys, blocks);
                return null;
            }
            Optional<FileChannel> channel = out.channel(Paths.DATASET);
            if (channel.isEmpty()) {
                return "the output cannot copy ranges";
            }
            try (FileChannel o = channel.get()) {
                for (Piece p : pieces) {
                    if (p.bytes() == null) {
                        long done = 0;
                        while (done < p.length()) {
                            long n = in.transferTo(p.offset() + done, p.length() - done, o);
                            if (n <= 0) {
                                throw new IOException("the previous dataset ended early");
                            }
                            done += n;
                        }
                    } else {
                        ByteBuffer buffer = ByteBuffer.wrap(p.bytes());
                        while (buffer.hasRemaining()) {
                            o.write(buffer);
                        }
                    }
                }
            }
            note = copied + " blocks copied, " + written + " written";
            record(out, keys, blocks);
            return null;
        }
    }

    /** Appends a piece, joining a range to the one before it when they touch. */
    private static void add(List<Piece> pieces, Piece p) {
        if (!pieces.isEmpty() && p.bytes() == null) {
            Piece last = pieces.get(pieces.size() - 1);
            if (last.bytes() == null && last.offset() + last.length() == p.offset()) {
                pieces.set(pieces.size() - 1, new Piece(last.offset(), last.length() + p.length(), null));
                return;
            }
        }
        pieces.add(p);
    }

    /** Whether the file holds {@code bytes} at {@code offset}. */
    private static boolean same(FileChannel in, long offset, byte[] bytes) throws IOException {
        if (offset + bytes.length > in.size()) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(bytes.length);
        while (b.hasRemaining()) {
            if (in.read(b, offset + b.position()) < 0) {
                return false;
            }
        }
        return Arrays.equals(b.array(), bytes);
    }

    /** Records the blocks of the dataset just written or kept, for the next build. */
    private void record(OutputSink out, List<String> keys, List<DatasetBlocks.Block> blocks) throws IOException {
        Optional<Path> file = out.file(Paths.DATASET);
        if (file.isPresent()) {
            DatasetBlocks.write(nextBlocks, DatasetBlocks.identity(file.get()), keys, blocks);
        }
    }

    private static byte[] header() throws IOException {
        StringWriter head = new StringWriter();
        head.write(Csv.BOM);
        Csv.row(head, HEADER);
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The agency and year columns put before each record of a report, with the comma after them. */
    private static byte[] prefix(ReportSummary s) throws IOException {
        StringWriter lead = new StringWriter();
        Csv.row(lead, List.of(s.agencyId(), s.agencyName(), String.valueOf(s.year()), s.formatId().orElse("")));
        String text = lead.toString();
        return (text.substring(0, text.length() - Csv.EOL.length()) + ",").getBytes(StandardCharsets.UTF_8);
    }

    private static String csvOf(ReportSummary s) {
        return Paths.reportData(s.agencyId(), s.year(), "csv");
    }

    /** Writes a report's records with {@code prefix} before each; returns the number of bytes written. */
    private static long rows(byte[] prefix, byte[] csv, OutputStream o) throws IOException {
        long length = 0;
        int start = indexOf(csv, 0) + 2; // after the BOM and the header
        boolean quoted = false;
        for (int i = start; i < csv.length; i++) {
            byte c = csv[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\r' && i + 1 < csv.length && csv[i + 1] == '\n') {
                o.write(prefix);
                o.write(csv, start, i + 2 - start);
                length += prefix.length + i + 2 - start;
                i++;
                start = i + 1;
            }
        }
        return length;
    }

    /** Where the first CRLF at or after {@code from} starts (the header has no quoted line ends). */
    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length - 2;
    }

    /** The number of value rows of a report in the dataset (and in its own CSV). */
    public static int rows(Report report) {
        return OpenDataWriter.rowCount(report);
    }

    /** The number of value rows in the dataset. */
    public static int rows(ArchiveIndex archive) {
        int rows = 0;
        for (ArchiveIndex.Entry e : archive.entries()) {
            rows += e.dataRows();
        }
        return rows;
    }
}
