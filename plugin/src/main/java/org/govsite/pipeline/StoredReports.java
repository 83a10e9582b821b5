package org.govsite.pipeline;

import org.govsite.check.CheckedReport;
import org.govsite.check.LinkTargets;
import org.govsite.check.YearSums;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.Rule;
import org.govsite.diagnostics.Severity;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.model.Agency;
import org.govsite.model.AgencyKind;
import org.govsite.model.ReportSummary;
import org.govsite.model.SourcePos;
import org.govsite.model.Term;
import org.govsite.output.write.AtomicFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;

/**
 * What a build keeps of each report for the next incremental {@code generate}, so that a report whose folder and
 * whose previous year's folder are unchanged is neither loaded nor checked again: its findings (replayed, so that
 * {@code failOn} and the printed findings are those of a full build), whether it was clean, its summary, its values
 * for the year sums, its count of open-data rows, its narrative's links to other reports, where its search entry is,
 * and what its pages were rendered with. The files its outputs wrote are in the manifest ({@link Incremental}).
 *
 * <p>Kept in {@code target/.govsite.sites/reports} (binary, as {@link java.io.DataOutputStream} writes), one file
 * replaced by one rename after each successful build. Its header names the site it describes (trusted only with a
 * manifest of the same site), the site's layout (every agency and year: a report folder that appears or vanishes changes what a link
 * reaches, and nothing is kept then) and the Git commit the revisions were read at.
 */
final class StoredReports {
    static final String FILE = "reports";
    private static final String HEADER = "govsite-reports 6";

    /**
     * One report as a build left it.
     *
     * @param folder         its folder's fingerprint ({@link Incremental#folder})
     * @param previousFolder the fingerprint of the folder of the year before it in its agency, or "" (the check of
     *                       the carry-over reads that report)
     * @param loaded         false when the report could not be loaded (then summary and cells are null)
     * @param rendered       what its outputs were rendered with, or null when it was not rendered
     * @param search         where its search entry is in the entries file: offset and length, or null
     * @param fingerprint    what its outputs were made from ({@link Incremental#report}), or null
     */
    record Stored(String folder, String previousFolder, List<Finding> findings, boolean clean, boolean loaded,
                  ReportSummary summary, YearSums.Cells cells, int dataRows, List<CheckedReport.CrossLink> crossLinks,
                  Rendered rendered, long[] search, String fingerprint) {
    }

    /** The context a report's outputs were rendered with: its agency's published years and the previous summary. */
    record Rendered(List<Integer> years, ReportSummary previous) {
    }

    /**
     * A build's stored reports.
     *
     * @param site    the site folder it describes
     * @param layout  the fingerprint of every agency's years ({@link #layout})
     * @param history the Git commit the revisions were read at, or "" outside Git
     * @param entries the search entries file, relative to the home
     * @param reports by "agency/year"
     * @param linksClean whether the build's self-check found no broken link (in a theme template): only then may the
     *                   next build check only the pages it writes
     * @param agencies   per agency with published reports, the fingerprint of their summaries: an agency page whose
     *                   fingerprint is unchanged is kept as it is
     * @param check      what the findings depend on besides the report folders ({@link Incremental.Keys#check}): a
     *                   check under the same fingerprint replays them
     * @param known      every agency as its agency.yaml gave it, by id, when site.yaml and every agency.yaml gave no
     *                   finding (else empty): a build under the same fingerprint of those files takes them as they are
     *                   instead of reading 5,000 agency.yaml files again
     */
    record Snapshot(String site, String layout, String history, String entries, Map<String, Stored> reports,
                    boolean linksClean, Map<String, String> agencies, String check, Map<String, Agency> known) {
    }

    private StoredReports() {
    }

    /** The fingerprint of which agencies have which years. */
    static String layout(Map<String, ? extends Collection<Integer>> years) {
        MessageDigest d = Incremental.sha256();
        years.forEach((agency, list) -> {
            d.update(agency.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            for (int y : list) {
                d.update(Integer.toString(y).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 1);
            }
            d.update((byte) 2);
        });
        return HexFormat.of().formatHex(d.digest());
    }

    /** Reads the stored reports of {@code home}, or empty when there are none or they cannot be read. */
    static Optional<Snapshot> read(Path home, FormatCatalog formats, List<Rule> rules) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            In in = new In(ByteBuffer.wrap(Files.readAllBytes(file)));
            if (!in.readUTF().equals(HEADER)) {
                return Optional.empty();
            }
            Reader r = new Reader(in, formats, rules);
            String site = in.readUTF();
            String layout = in.readUTF();
            String history = in.readUTF();
            String entries = in.readUTF();
            String check = in.readUTF();
            int n = in.readInt();
            Map<String, Stored> reports = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                reports.put(key, r.stored());
            }
            boolean linksClean = in.readBoolean();
            int a = in.readInt();
            Map<String, String> agencies = new TreeMap<>();
            for (int i = 0; i < a; i++) {
                agencies.put(in.readUTF(), in.readUTF());
            }
            int k = in.readInt();
            Map<String, Agency> known = new TreeMap<>();
            for (int i = 0; i < k; i++) {
                Agency x = new Agency(in.readUTF(), in.readUTF(), AgencyKind.valueOf(in.readUTF()), in.readUTF(),
                        in.readInt());
                known.put(x.id(), x);
            }
            if (!in.readUTF().equals("end")) {
                return Optional.empty();
            }
            return Optional.of(new Snapshot(site, layout, history, entries, reports, linksClean, agencies, check,
                    known));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // every report is loaded and checked again
        }
    }

    /** Writes the stored reports (one rename replaces the file). */
    static void write(Path home, Snapshot s) throws IOException {
        AtomicFile.write(home.resolve(FILE), "reports-", file -> {
            try (BinaryOut stream = new BinaryOut(file)) {
                Out out = new Out(stream);
                Writer w = new Writer(out);
                out.writeUTF(HEADER);
                out.writeUTF(s.site());
                out.writeUTF(s.layout());
                out.writeUTF(s.history());
                out.writeUTF(s.entries());
                out.writeUTF(s.check());
                out.writeInt(s.reports().size());
                for (Map.Entry<String, Stored> e : s.reports().entrySet()) {
                    out.writeUTF(e.getKey());
                    w.stored(e.getValue());
                }
                out.writeBoolean(s.linksClean());
                out.writeInt(s.agencies().size());
                for (Map.Entry<String, String> a : s.agencies().entrySet()) {
                    out.writeUTF(a.getKey());
                    out.writeUTF(a.getValue());
                }
                out.writeInt(s.known().size());
                for (Agency x : s.known().values()) {
                    out.writeUTF(x.id());
                    out.writeUTF(x.name());
                    out.writeUTF(x.kind().name());
                    out.writeUTF(x.group());
                    out.writeInt(x.order());
                }
                out.writeUTF("end");
            }
        });
    }

    /** Removes the stored reports: the next build loads and checks every report. */
    static void forget(Path home) throws IOException {
        Files.deleteIfExists(home.resolve(FILE));
    }

    /** Whether a finding can be stored: its message's arguments are texts, integers, decimals or messages. */
    static boolean storable(List<Finding> findings) {
        for (Finding f : findings) {
            if (!storable(f.content())) {
                return false;
            }
        }
        return true;
    }

    private static boolean storable(Message m) {
        for (Object a : m.args()) {
            boolean ok = a instanceof String || a instanceof Integer || a instanceof Long || a instanceof BigDecimal
                    || a instanceof BigInteger || (a instanceof Message inner && storable(inner));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file's primitives, written: a text as an int length and its UTF-8 bytes; a name (a label, a rule, an agency:
     * repeated in many reports) as its number once it was written; a SHA-256 as its 32 bytes.
     */
    private static final class Out {
        private final BinaryOut out;
        private final Map<String, Integer> names = new HashMap<>();

        Out(BinaryOut out) {
            this.out = out;
        }

        void writeUTF(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        void name(String s) throws IOException {
            Integer id = names.get(s);
            if (id != null) {
                out.writeInt(id);
            } else {
                out.writeInt(-1);
                writeUTF(s);
                names.put(s, names.size());
            }
        }

        void hash(String hex) throws IOException {
            if (hex.length() == 64 && hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                out.writeByte(32);
                out.write(HexFormat.of().parseHex(hex));
            } else {
                out.writeByte(0);
                writeUTF(hex);
            }
        }

        void writeInt(int v) throws IOException {
            out.writeInt(v);
        }

        void writeLong(long v) throws IOException {
            out.writeLong(v);
        }

        void writeBoolean(boolean v) throws IOException {
            out.writeBoolean(v);
        }

        void writeByte(int v) throws IOException {
            out.writeByte(v);
        }

        void write(byte[] b) throws IOException {
            out.write(b);
        }
    }

    /** The file's primitives, read from the whole file in memory ({@link Out}). */
    private static final class In {
        private final ByteBuffer b;
        private final List<String> names = new ArrayList<>();

        In(ByteBuffer b) {
            this.b = b;
        }

        String readUTF() {
            int n = b.getInt();
            String s = new String(b.array(), b.arrayOffset() + b.position(), n,
                    StandardCharsets.UTF_8);
            b.position(b.position() + n);
            return s;
        }

        String name() {
            int id = b.getInt();
            if (id >= 0) {
                return names.get(id);
            }
            String s = readUTF();
            names.add(s);
            return s;
        }

        String hash() {
            int n = b.get();
            if (n == 0) {
                return readUTF();
            }
            byte[] h = new byte[n];
            b.get(h);
            return HexFormat.of().formatHex(h);
        }

        int readInt() {
            return b.getInt();
        }

        long readLong() {
            return b.getLong();
        }

        boolean readBoolean() {
            return b.get() != 0;
        }

        byte readByte() {
            return b.get();
        }

        void readFully(byte[] into) {
            b.get(into);
        }
    }

    /**
     * Writes the reports in key order. Besides {@link Out}'s forms: a report's previous year's folder fingerprint and
     * the previous summary it was rendered with are, as a rule, the folder and the summary of the report written just
     * before it (the year before, in the same agency): then only a mark is written.
     */
    private static final class Writer {
        private final Out out;
        private String lastFolder = "";
        private ReportSummary lastSummary;

        Writer(Out out) {
            this.out = out;
        }

        void stored(Stored s) throws IOException {
            out.hash(s.folder());
            boolean sameFolder = s.previousFolder().equals(lastFolder) && !lastFolder.isEmpty();
            out.writeBoolean(sameFolder);
            if (!sameFolder) {
                out.hash(s.previousFolder());
            }
            lastFolder = s.folder();
            out.writeInt(s.findings().size());
            for (Finding f : s.findings()) {
                finding(f);
            }
            out.writeBoolean(s.clean());
            out.writeBoolean(s.loaded());
            if (s.loaded()) {
                summary(s.summary());
                out.writeBoolean(s.cells() != null);
                if (s.cells() != null) {
                    cells(s.cells());
                }
            }
            out.writeInt(s.dataRows());
            out.writeInt(s.crossLinks().size());
            for (CheckedReport.CrossLink l : s.crossLinks()) {
                pos(l.at());
                out.writeUTF(l.link());
                LinkTargets.Target t = l.target();
                out.name(t.kind().name());
                out.writeUTF(t.page());
                out.writeUTF(t.fragment());
                out.writeUTF(t.agencyId());
                out.writeInt(t.year());
            }
            out.writeBoolean(s.rendered() != null);
            if (s.rendered() != null) {
                out.writeInt(s.rendered().years().size());
                for (int y : s.rendered().years()) {
                    out.writeInt(y);
                }
                ReportSummary previous = s.rendered().previous();
                if (previous == null) {
                    out.writeByte(0);
                } else if (previous.equals(lastSummary)) {
                    out.writeByte(2); // the summary of the report written just before
                } else {
                    out.writeByte(1);
                    summary(previous);
                }
            }
            out.writeBoolean(s.search() != null);
            if (s.search() != null) {
                out.writeLong(s.search()[0]);
                out.writeLong(s.search()[1]);
            }
            out.hash(s.fingerprint() == null ? "" : s.fingerprint());
            lastSummary = s.summary();
        }

        private void finding(Finding f) throws IOException {
            out.name(f.severity().name());
            rule(f.rule());
            out.writeUTF(f.file());
            out.writeInt(f.line());
            out.writeInt(f.column());
            message(f.content());
            out.writeInt(f.numbers().size());
            for (Term t : f.numbers()) {
                out.name(t.label());
                decimal(t.value());
            }
        }

        private void rule(Rule r) throws IOException {
            out.name(r.code());
            out.name(r.severity().name());
            out.name(r.chinese());
            out.name(r.english());
        }

        private void message(Message m) throws IOException {
            out.name(m.key());
            out.writeInt(m.args().size());
            for (Object a : m.args()) {
                if (a instanceof String s) {
                    out.writeByte('S');
                    text(s);
                } else if (a instanceof Integer i) {
                    out.writeByte('I');
                    out.writeInt(i);
                } else if (a instanceof Long l) {
                    out.writeByte('L');
                    out.writeLong(l);
                } else if (a instanceof BigDecimal d) {
                    out.writeByte('D');
                    decimal(d);
                } else if (a instanceof BigInteger b) {
                    out.writeByte('B');
                    text(b.toString());
                } else if (a instanceof Message inner) {
                    out.writeByte('M');
                    message(inner);
                } else {
                    throw new IllegalArgumentException("not storable: " + a.getClass());
                }
            }
        }

        /** A text of any length. */
        private void text(String s) throws IOException {
            out.writeUTF(s);
        }

        private void pos(SourcePos p) throws IOException {
            out.writeUTF(p.file());
            out.writeInt(p.line());
            out.writeInt(p.column());
        }

        private void summary(ReportSummary s) throws IOException {
            out.name(s.agencyId());
            out.name(s.agencyName());
            out.writeInt(s.year());
            text(s.title());
            out.name(s.published().map(LocalDate::toString).orElse(""));
            out.writeBoolean(s.sample());
            out.writeBoolean(s.formatId().isPresent());
            out.name(s.formatId().orElse(""));
            out.writeInt(s.figures().size());
            for (ReportSummary.Figure f : s.figures()) {
                out.name(f.key());
                out.name(f.label());
                decimal(f.value());
            }
        }

        private void cells(YearSums.Cells c) throws IOException {
            out.writeInt(c.year());
            out.name(c.format().map(FormatDefinition::id).orElse(""));
            out.writeInt(c.values().length);
            for (BigDecimal[] row : c.values()) {
                out.writeInt(row.length);
                for (BigDecimal v : row) {
                    if (v == null) {
                        out.writeByte(0);
                    } else {
                        out.writeByte(1);
                        decimal(v);
                    }
                }
            }
            out.writeBoolean(c.blanks());
        }

        /** A decimal exactly (its scale too): small ones as a long and a scale, others as text. */
        private void decimal(BigDecimal d) throws IOException {
            if (d.scale() == 0 && d.unscaledValue().bitLength() < 31) {
                out.writeByte(3); // most cells: a whole number
                out.writeInt(d.intValueExact());
            } else if (d.unscaledValue().bitLength() < 63) {
                out.writeByte(1);
                out.writeLong(d.unscaledValue().longValue());
                out.writeInt(d.scale());
            } else {
                out.writeByte(2);
                text(d.toString());
            }
        }
    }

    private static final class Reader {
        /** Whole numbers below this are one shared (immutable) value each: most cells are small counts. */
        private static final BigDecimal[] SMALL = new BigDecimal[4096];

        static {
            for (int i = 0; i < SMALL.length; i++) {
                SMALL[i] = BigDecimal.valueOf(i);
            }
        }

        private final In in;
        private final FormatCatalog formats;
        private final Map<String, Rule> rules = new HashMap<>();
        private String lastFolder = "";
        private ReportSummary lastSummary;

        Reader(In in, FormatCatalog formats, List<Rule> known) {
            this.in = in;
            this.formats = formats;
            known.forEach(r -> rules.put(r.code(), r));
        }

        Stored stored() throws IOException {
            String folder = in.hash();
            String previousFolder = in.readBoolean() ? lastFolder : in.hash();
            lastFolder = folder;
            int n = in.readInt();
            List<Finding> findings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                findings.add(finding());
            }
            boolean clean = in.readBoolean();
            boolean loaded = in.readBoolean();
            ReportSummary summary = null;
            YearSums.Cells cells = null;
            if (loaded) {
                summary = summary();
                if (in.readBoolean()) {
                    cells = cells();
                }
            }
            int dataRows = in.readInt();
            int links = in.readInt();
            List<CheckedReport.CrossLink> crossLinks = new ArrayList<>(links);
            for (int i = 0; i < links; i++) {
                SourcePos at = pos();
                String link = in.readUTF();
                crossLinks.add(new CheckedReport.CrossLink(at, link, new LinkTargets.Target(
                        LinkTargets.Kind.valueOf(in.name()), in.readUTF(), in.readUTF(), in.readUTF(),
                        in.readInt())));
            }
            Rendered rendered = null;
            if (in.readBoolean()) {
                int y = in.readInt();
                List<Integer> years = new ArrayList<>(y);
                for (int i = 0; i < y; i++) {
                    years.add(in.readInt());
                }
                int previous = in.readByte();
                rendered = new Rendered(List.copyOf(years), previous == 2 ? lastSummary
                        : previous == 1 ? summary() : null);
                if (previous == 2 && lastSummary == null) {
                    throw new IOException("a previous summary that is not there");
                }
            }
            long[] search = in.readBoolean() ? new long[] {in.readLong(), in.readLong()} : null;
            String fingerprint = in.hash();
            lastSummary = summary;
            return new Stored(folder, previousFolder, List.copyOf(findings), clean, loaded, summary, cells, dataRows,
                    List.copyOf(crossLinks), rendered, search, fingerprint.isEmpty() ? null : fingerprint);
        }

        private Finding finding() throws IOException {
            Severity severity = Severity.valueOf(in.name());
            Rule rule = rule();
            String file = in.readUTF();
            int line = in.readInt();
            int column = in.readInt();
            Message content = message();
            int n = in.readInt();
            List<Term> numbers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                numbers.add(new Term(in.name(), decimal()));
            }
            return new Finding(severity, rule, file, line, column, content, numbers);
        }

        private Rule rule() throws IOException {
            Rule stored = new Rule(in.name(), Severity.valueOf(in.name()), in.name(), in.name());
            Rule known = rules.get(stored.code());
            return stored.equals(known) ? known : stored;
        }

        private Message message() throws IOException {
            String key = in.name();
            int n = in.readInt();
            List<Object> args = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int tag = in.readByte();
                args.add(switch (tag) {
                    case 'S' -> text();
                    case 'I' -> in.readInt();
                    case 'L' -> in.readLong();
                    case 'D' -> decimal();
                    case 'B' -> new BigInteger(text());
                    case 'M' -> message();
                    default -> throw new IOException("unknown argument tag " + tag);
                });
            }
            return new Message(key, args);
        }

        private String text() throws IOException {
            return in.readUTF();
        }

        private SourcePos pos() throws IOException {
            return new SourcePos(in.readUTF(), in.readInt(), in.readInt());
        }

        private ReportSummary summary() throws IOException {
            String agencyId = in.name();
            String agencyName = in.name();
            int year = in.readInt();
            String title = text();
            String published = in.name();
            boolean sample = in.readBoolean();
            boolean hasFormat = in.readBoolean();
            String format = in.name();
            int n = in.readInt();
            List<ReportSummary.Figure> figures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                figures.add(new ReportSummary.Figure(in.name(), in.name(), decimal()));
            }
            return new ReportSummary(agencyId, agencyName, year, title,
                    published.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(published)), sample,
                    hasFormat ? Optional.of(format) : Optional.empty(), figures);
        }

        private YearSums.Cells cells() throws IOException {
            int year = in.readInt();
            String id = in.name();
            Optional<FormatDefinition> format = id.isEmpty() ? Optional.empty() : formats.byId(id);
            if (!id.isEmpty() && format.isEmpty()) {
                throw new IOException("unknown format " + id);
            }
            BigDecimal[][] values = new BigDecimal[in.readInt()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = new BigDecimal[in.readInt()];
                for (int j = 0; j < values[i].length; j++) {
                    values[i][j] = in.readByte() == 0 ? null : decimal();
                }
            }
            return new YearSums.Cells(year, format, values, in.readBoolean());
        }

        private BigDecimal decimal() throws IOException {
            int tag = in.readByte();
            if (tag == 1) {
                long unscaled = in.readLong();
                return BigDecimal.valueOf(unscaled, in.readInt());
            }
            if (tag == 2) {
                return new BigDecimal(text());
            }
            if (tag == 3) {
                int v = in.readInt();
                return v >= 0 && v < SMALL.length ? SMALL[v] : BigDecimal.valueOf(v);
            }
            throw new IOException("unknown decimal tag " + tag);
        }
    }
}
