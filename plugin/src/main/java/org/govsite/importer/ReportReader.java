package org.govsite.importer;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Message;
import org.govsite.format.Block;
import org.govsite.format.CellDef;
import org.govsite.format.FormatCatalog;
import org.govsite.format.FormatDefinition;
import org.govsite.format.Header;
import org.govsite.format.Layout;
import org.govsite.format.TableDef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.DateTimeException;

/**
 * Recognition: from a source's lines to an {@link ImportedReport}. The format from the labels, the year, agency,
 * 发布日期 and 索引号 from the title and header lines, the six sections by their numbering, the tables' rows by
 * label (never by position alone), the values as published. What cannot be placed is a finding with its line.
 */
public final class ReportReader {
    private static final String NUMERALS = "一二三四五六七八九十";
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年度?");
    private static final String META_KEYS = "发布日期|发布时间|成文日期|公开日期|发布机构|发文机关|索引号|报告年度|报告格式|"
            + "信息来源|来源|主题分类|文号|公开方式|公开范围|生效日期|有效性|时间";
    /** Each "key：" of a header line that holds several, after a space ("来源：平潭县人民政府 时间：2020-01-20 15:22"). */
    private static final Pattern META_KEY = Pattern.compile("(?:^|(?<=\\s))(" + META_KEYS + ")\\s*[：:]\\s*");
    /** A header line "发布日期：2020-01-31". */
    private static final Pattern META = Pattern.compile("^(" + META_KEYS + ")\\s*[：:]\\s*(.*)$");
    /** A header table's label cell (a CMS's 信息索引 table: 索引号 | … | 公开日期 | …), its value in the next cell. */
    private static final Pattern META_CELL = Pattern.compile("^(" + META_KEYS + ")\\s*[：:]?$");
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})");
    private static final Pattern SUB_HEADING = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]");
    private static final int MAX_HEADING = 40;

    private final FormatCatalog formats;

    public ReportReader(FormatCatalog formats) {
        this.formats = formats;
    }

    /**
     * @param yearHint the year to use when the source names none (or empty)
     */
    public ImportedReport read(Source source, Optional<Integer> yearHint) {
        return new Run(source, yearHint).read();
    }

    private final class Run {
        private final Source source;
        private final List<SourceLine> lines;
        private final Optional<Integer> yearHint;
        private final List<Finding> findings = new ArrayList<>();
        private final boolean textual;

        Run(Source source, Optional<Integer> yearHint) {
            this.source = source;
            this.lines = source.lines();
            this.yearHint = yearHint;
            this.textual = source.kind() == Source.Kind.TEXT || source.kind() == Source.Kind.PDF;
            findings.addAll(source.findings());
        }

        ImportedReport read() {
            Optional<String> title = Optional.empty();
            // header lines: the title and the 发布日期 / 索引号 lines before section 一
            int[] section = new int[lines.size()];
            String[] headings = new String[7];
            int[] headingLines = new int[7];
            FormatDefinition guess = detectFormat().orElse(null);
            List<String> titles = guess != null ? guess.sections() : FormatCatalog.standardSections();
            int current = 0;
            boolean ended = false;
            for (int i = 0; i < lines.size(); i++) {
                SourceLine l = lines.get(i);
                if (ended) {
                    section[i] = -1;
                    continue;
                }
                int next = current + 1;
                if (next <= 6 && isSectionHeading(l, next, titles.get(next - 1))) {
                    current = next;
                    headings[current] = l.cells().get(0).strip();
                    headingLines[current] = l.line();
                    section[i] = -2;
                    continue;
                }
                if (current == 6 && l.kind() == SourceLine.Kind.HEADING && l.level() <= 2) {
                    ended = true;
                    section[i] = -1;
                    continue;
                }
                section[i] = current;
            }
            List<String> preamble = new ArrayList<>();
            HeaderFields header = new HeaderFields();
            for (int i = 0; i < lines.size(); i++) {
                if (section[i] != 0) {
                    continue;
                }
                SourceLine l = lines.get(i);
                if (l.kind() == SourceLine.Kind.ROW) {
                    List<String> cells = l.cells();
                    for (int c = 0; c + 1 < cells.size(); c++) {
                        Matcher key = META_CELL.matcher(cells.get(c).replace('\u3000', ' ').strip());
                        if (key.matches()) {
                            header.put(key.group(1), cells.get(c + 1).strip());
                            c++;
                        }
                    }
                    continue;
                }
                if (l.kind() == SourceLine.Kind.IMAGE) {
                    continue;
                }
                String text = l.cells().get(0).strip();
                String plain = text.replace('\u3000', ' ').strip();
                if (META.matcher(plain).matches()) {
                    // one key, or several on one line: each value runs to the next key
                    Matcher key = META_KEY.matcher(plain);
                    List<int[]> keys = new ArrayList<>();
                    while (key.find()) {
                        keys.add(new int[] {key.start(), key.end(), key.end(1)});
                    }
                    for (int k = 0; k < keys.size(); k++) {
                        int end = k + 1 < keys.size() ? keys.get(k + 1)[0] : plain.length();
                        header.put(plain.substring(keys.get(k)[0], keys.get(k)[2]),
                                plain.substring(keys.get(k)[1], end).strip());
                    }
                    continue;
                }
                if (title.isEmpty() && isTitle(text)) {
                    title = Optional.of(text);
                    // what came before the report's title is the page around it (a CMS's date line, menus,
                    // the site's name), not the report's preamble
                    preamble.clear();
                    continue;
                }
                preamble.add(text);
            }
            Optional<String> publisher = header.publisher;
            Optional<LocalDate> published = header.published;
            Optional<String> indexNo = header.indexNo;
            Optional<Integer> year = title.flatMap(ReportReader::yearOf);
            if (yearHint.isPresent()) {
                if (year.isPresent() && !year.get().equals(yearHint.get())) {
                    findings.add(Finding.of(ImportRules.I1, source.file(), 1, 0,
                            Message.of("import.yearDiffers", yearHint.get(), year.get())));
                }
                year = yearHint;
            }
            if (year.isEmpty()) {
                findings.add(Finding.of(ImportRules.I1, source.file(), 1, 0, Message.of("import.noYear")));
            }
            Optional<Integer> reportYear = year;
            Optional<String> publishedBy = publisher;
            Optional<FormatDefinition> format = Optional.ofNullable(guess)
                    .or(() -> reportYear.flatMap(formats::forYear));
            Optional<String> agency = title.flatMap(ReportReader::agencyOf).or(() -> publishedBy);
            if (agency.isEmpty()) {
                findings.add(Finding.of(ImportRules.I1, source.file(), 1, 0, Message.of("import.noAgency")));
            }
            List<ImportedReport.Table> tables = new ArrayList<>();
            Set<Integer> consumed = new HashSet<>();
            if (format.isPresent()) {
                for (TableDef def : format.get().tables()) {
                    tables.add(new TableRun(format.get(), def, section, consumed).read());
                }
            }
            for (int s = 1; s <= 6; s++) {
                if (headings[s] == null) {
                    findings.add(Finding.of(ImportRules.I1, source.file(), 0, 0,
                            Message.of("import.noSection", titles.get(s - 1))));
                }
            }
            List<ImportedReport.Section> sections = new ArrayList<>();
            for (int s = 1; s <= 6; s++) {
                if (headings[s] == null) {
                    continue;
                }
                List<ImportedReport.Paragraph> paragraphs = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (section[i] != s || consumed.contains(i)) {
                        continue;
                    }
                    SourceLine l = lines.get(i);
                    if (l.kind() == SourceLine.Kind.ROW || l.kind() == SourceLine.Kind.IMAGE) {
                        continue;
                    }
                    String text = l.cells().get(0).strip();
                    if (textual && text.contains("\t")) {
                        continue;
                    }
                    paragraphs.add(new ImportedReport.Paragraph(text, isSubHeading(l, text)));
                }
                sections.add(new ImportedReport.Section(s, headings[s], paragraphs));
            }
            return new ImportedReport(source, format, year, title, agency, publisher, published, indexNo, tables,
                    preamble, sections, findings);
        }

        /** The 发布日期, 发布机构 and 索引号 of the header lines or header table (发布日期 wins over the other dates). */
        private static final class HeaderFields {
            private Optional<String> publisher = Optional.empty();
            private Optional<LocalDate> published = Optional.empty();
            private Optional<String> indexNo = Optional.empty();

            void put(String key, String value) {
                switch (key) {
                    case "发布日期", "发布时间", "成文日期", "公开日期", "时间" -> {
                        if (published.isEmpty() || key.equals("发布日期")) {
                            Optional<LocalDate> d = date(value);
                            if (d.isPresent()) {
                                published = d;
                            }
                        }
                    }
                    case "发布机构", "发文机关" -> {
                        if (!value.isEmpty()) {
                            publisher = Optional.of(value);
                        }
                    }
                    case "索引号" -> {
                        if (!value.isEmpty()) {
                            indexNo = Optional.of(value.split("\\s+")[0]);
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        private boolean isSubHeading(SourceLine l, String text) {
            String n = text.strip();
            if (n.length() > MAX_HEADING || n.contains("。")) {
                return false;
            }
            return SUB_HEADING.matcher(n).find() || l.kind() == SourceLine.Kind.HEADING;
        }

        private boolean isSectionHeading(SourceLine l, int number, String officialTitle) {
            if (l.kind() == SourceLine.Kind.ROW || l.kind() == SourceLine.Kind.IMAGE) {
                return false;
            }
            String raw = l.cells().get(0).strip();
            if (textual && raw.contains("\t")) {
                return false;
            }
            String n = Labels.normal(raw);
            if (n.length() > MAX_HEADING || n.contains("。")) {
                return false;
            }
            String numeral = String.valueOf(NUMERALS.charAt(number - 1));
            if (!(n.startsWith(numeral + "、") || n.startsWith(numeral + ".") || n.startsWith(numeral + ","))) {
                return false;
            }
            String rest = n.substring(2);
            String official = Labels.stripNumbering(Labels.normal(officialTitle));
            int shared = 0;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i + 2 <= official.length(); i++) {
                String bigram = official.substring(i, i + 2);
                if (seen.add(bigram) && rest.contains(bigram)) {
                    shared++;
                }
            }
            return shared >= 2 || rest.equals(official);
        }

        private boolean isTitle(String text) {
            String n = Labels.normal(text);
            return n.length() <= 80 && n.contains("政府信息公开") && n.contains("年度报告") && !n.contains("。");
        }

        /** The format whose own labels (those no other format has) occur most often; empty when none occurs. */
        private Optional<FormatDefinition> detectFormat() {
            StringBuilder all = new StringBuilder();
            for (SourceLine l : lines) {
                all.append(Labels.normal(l.text())).append('\n');
            }
            String text = all.toString();
            FormatDefinition best = null;
            int bestScore = 0;
            boolean tie = false;
            List<FormatDefinition> candidates = formats.all().stream().filter(f -> !f.tables().isEmpty()).toList();
            for (FormatDefinition f : candidates) {
                Set<String> own = labels(f);
                for (FormatDefinition other : candidates) {
                    if (other != f) {
                        own.removeAll(labels(other));
                    }
                }
                int score = 0;
                for (String label : own) {
                    if (label.length() >= 3 && text.contains(label)) {
                        score++;
                    }
                }
                if (score > bestScore) {
                    best = f;
                    bestScore = score;
                    tie = false;
                } else if (score == bestScore && score > 0) {
                    tie = true;
                }
            }
            return tie ? Optional.empty() : Optional.ofNullable(best);
        }

        private static Set<String> labels(FormatDefinition f) {
            Set<String> out = new LinkedHashSet<>();
            for (TableDef t : f.tables()) {
                for (Block b : t.blocks()) {
                    b.columns().forEach(c -> out.add(Labels.normal(c.label())));
                    b.rows().forEach(r -> out.add(Labels.normal(r.label())));
                }
                collect(t.rows(), out);
                collect(t.columns(), out);
            }
            return out;
        }

        private static void collect(List<Header> headers, Set<String> out) {
            for (Header h : headers) {
                out.add(Labels.normal(h.label()));
                collect(h.children(), out);
            }
        }

        /** Reads one table from the lines of its section. */
        private final class TableRun {
            private final FormatDefinition format;
            private final TableDef def;
            private final int[] section;
            private final Set<Integer> consumed;
            private final Labels labels;
            private final ImportedValue[] cells;
            private final int[] rowLines;
            private final List<Integer> images = new ArrayList<>();

            TableRun(FormatDefinition format, TableDef def, int[] section, Set<Integer> consumed) {
                this.format = format;
                this.def = def;
                this.section = section;
                this.consumed = consumed;
                this.labels = new Labels(format, def);
                this.cells = new ImportedValue[def.cells().size()];
                this.rowLines = new int[def.rowLeaves().size()];
            }

            ImportedReport.Table read() {
                Optional<Header> context = Optional.empty();
                String pending = null;
                int pendingIndex = -1;
                Header awaiting = null;
                int awaitingLine = 0;
                List<String> collected = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (!inTable(i)) {
                        continue;
                    }
                    SourceLine l = lines.get(i);
                    if (l.kind() == SourceLine.Kind.IMAGE) {
                        images.add(l.line());
                        continue;
                    }
                    Cells row = cellsOf(l);
                    if (row == null) {
                        continue;
                    }
                    boolean onlyValues = !row.cells().isEmpty() && row.cells().stream().allMatch(
                            ImportedValue::looksLikeValue) && row.cells().stream().anyMatch(c -> !c.isBlank());
                    if (awaiting != null) {
                        if (onlyValues) {
                            collected.addAll(trim(row.cells()));
                            consumed.add(i);
                            if (collected.size() >= columnsOf(awaiting).size()) {
                                place(awaiting, collected, awaitingLine, false);
                                awaiting = null;
                            }
                            continue;
                        }
                        if (!collected.isEmpty()) {
                            place(awaiting, collected, awaitingLine, false);
                        }
                        // else a label line with no values before the next label line was a piece of a group's
                        // label broken over lines ("（六）" / "其他" / "处理 → 1.申请人…": "其他" is not the row
                        // "3.其他"): nothing is placed from it; a row never found is still reported as missing
                        awaiting = null;
                    }
                    // a spread table (表四) published all blank: one structured row of exactly its cells, all empty
                    boolean allBlankSpread = row.structured() && !row.cells().isEmpty()
                            && row.cells().stream().allMatch(String::isBlank);
                    if ((onlyValues || allBlankSpread) && def.layout() == Layout.SPREAD) {
                        List<String> values = row.structured() ? row.cells() : trim(row.cells());
                        if (values.size() == def.cells().size()) {
                            consumed.add(i);
                            for (Header leaf : def.rowLeaves()) {
                                int n = def.columnLeaves().size();
                                int from = leaf.index() * n;
                                place(leaf, values.subList(from, from + n), l.line(), true);
                            }
                            continue;
                        }
                    }
                    // the rightmost label cell that names a row
                    Header leaf = null;
                    int at = -1;
                    List<String> before = new ArrayList<>();
                    for (int c = 0; c < row.cells().size(); c++) {
                        String cell = row.cells().get(c);
                        if (cell.isBlank() || ImportedValue.looksLikeValue(cell)) {
                            continue;
                        }
                        Optional<Header> group = labels.group(cell);
                        if (group.isPresent()) {
                            context = group;
                        }
                        Optional<Header> found = labels.leaf(cell, before, context, false);
                        if (found.isEmpty() && pending != null && c == firstLabel(row)) {
                            found = labels.leaf(pending + cell, before, context, false);
                            if (found.isPresent()) {
                                consumed.add(pendingIndex);
                            }
                        }
                        if (found.isPresent()) {
                            leaf = found.get();
                            at = c;
                        }
                        before.add(cell);
                    }
                    if (leaf == null && !row.peeled()) {
                        String joined = String.join("", row.cells().stream()
                                .filter(c -> !c.isBlank() && !ImportedValue.looksLikeValue(c)).toList());
                        Optional<Header> found = labels.leaf(joined, List.of(), context, false);
                        if (found.isPresent()) {
                            leaf = found.get();
                            for (int c = row.cells().size() - 1; c >= 0; c--) {
                                if (!row.cells().get(c).isBlank() && !ImportedValue.looksLikeValue(row.cells().get(c))) {
                                    at = c;
                                    break;
                                }
                            }
                        }
                    }
                    if (leaf == null) {
                        boolean numbers = row.cells().stream().anyMatch(c -> !c.isBlank()
                                && ImportedValue.looksLikeValue(c));
                        boolean tableLine = !row.peeled() && (l.kind() == SourceLine.Kind.ROW || row.cells().size() > 1);
                        if (numbers && tableLine && !onlyValues) {
                            String label = String.join(" ", row.cells().stream()
                                    .filter(c -> !c.isBlank() && !ImportedValue.looksLikeValue(c)).toList());
                            findings.add(Finding.of(ImportRules.I1, source.file(), l.line(), 0,
                                    Message.of("import.unplaced", def.number(), Message.typed(label))));
                            consumed.add(i);
                        } else if (tableLine) {
                            consumed.add(i);
                            if (textual && !numbers) {
                                // a row label broken inside its cell after a group's cell ("（六）其他处理 → 1.申请人…、
                                // 行政机关" then "不再处理其政府信息公开申请 → 1 0 …"): its first part waits for the rest
                                int last = lastLabel(row);
                                if (last >= 0) {
                                    pending = row.cells().get(last);
                                    pendingIndex = i;
                                }
                            }
                        } else if (row.cells().size() == 1 && textual) {
                            pending = row.cells().get(0);
                            pendingIndex = i;
                            if (isHeaderText(row)) {
                                consumed.add(i);
                            }
                        }
                        continue;
                    }
                    List<String> after = row.cells().subList(at + 1, row.cells().size());
                    boolean numeric = after.stream().anyMatch(c -> !c.isBlank() && ImportedValue.looksLikeValue(c));
                    if (!numeric) {
                        boolean text = after.stream().anyMatch(c -> !c.isBlank() && !ImportedValue.looksLikeValue(c));
                        boolean header = text || row.cells().subList(0, at).stream()
                                .anyMatch(c -> !c.isBlank() && labels.group(c).isEmpty());
                        if (header) {
                            consumed.add(i);
                            continue;
                        }
                    }
                    pending = null;
                    consumed.add(i);
                    List<String> values = new ArrayList<>(after);
                    if (!row.structured()) {
                        values = trim(values);
                    } else {
                        // cells a layout left over (padding, a merged label cell): blank ones only
                        while (values.size() > columnsOf(leaf).size() && values.get(values.size() - 1).isBlank()) {
                            values.remove(values.size() - 1);
                        }
                        while (values.size() > columnsOf(leaf).size() && values.get(0).isBlank()) {
                            values.remove(0);
                        }
                    }
                    if (values.isEmpty() && textual) {
                        awaiting = leaf;
                        awaitingLine = l.line();
                        collected = new ArrayList<>();
                        continue;
                    }
                    place(leaf, values, l.line(), row.structured());
                }
                if (awaiting != null) {
                    place(awaiting, collected, awaitingLine, false);
                }
                finish();
                return new ImportedReport.Table(def, Arrays.asList(cells));
            }

            private int lastLabel(Cells row) {
                for (int c = row.cells().size() - 1; c >= 0; c--) {
                    if (!row.cells().get(c).isBlank() && !ImportedValue.looksLikeValue(row.cells().get(c))) {
                        return c;
                    }
                }
                return -1;
            }

            private int firstLabel(Cells row) {
                for (int c = 0; c < row.cells().size(); c++) {
                    if (!row.cells().get(c).isBlank() && !ImportedValue.looksLikeValue(row.cells().get(c))) {
                        return c;
                    }
                }
                return -1;
            }

            /** A text line in a table's section made only of pieces of the table's labels (a header row). */
            private boolean isHeaderText(Cells row) {
                if (!textual || row.cells().size() != 1) {
                    return false;
                }
                String all = tableText();
                String[] tokens = row.cells().get(0).strip().split("\\s+");
                for (String t : tokens) {
                    String n = Labels.normal(t);
                    if (n.isEmpty() || !all.contains(n)) {
                        return false;
                    }
                }
                return true;
            }

            private String tableText;

            private String tableText() {
                if (tableText == null) {
                    tableText = buildTableText();
                }
                return tableText;
            }

            private String buildTableText() {
                StringBuilder sb = new StringBuilder(Labels.normal(def.caption()));
                if (def.corner() != null) {
                    sb.append(Labels.normal(def.corner()));
                }
                if (def.rowHeaderLabel() != null) {
                    sb.append(Labels.normal(def.rowHeaderLabel()));
                }
                for (Block b : def.blocks()) {
                    sb.append(Labels.normal(b.label()));
                    b.columns().forEach(c -> sb.append(Labels.normal(c.label())));
                }
                appendLabels(def.columns(), sb);
                appendLabels(def.rows(), sb);
                return sb.toString();
            }

            private void appendLabels(List<Header> headers, StringBuilder sb) {
                for (Header h : headers) {
                    sb.append(Labels.normal(h.label())).append('|');
                    appendLabels(h.children(), sb);
                }
            }

            private boolean inTable(int i) {
                int s = section[i];
                return s == def.section();
            }

            private List<Header> columnsOf(Header leaf) {
                return def.columnsOf(leaf);
            }

            private void place(Header leaf, List<String> values, int line, boolean structured) {
                List<Header> columns = columnsOf(leaf);
                if (rowLines[leaf.index()] != 0) {
                    findings.add(Finding.of(ImportRules.I1, source.file(), line, 0, Message.of("import.twice",
                            def.number(), leaf.label(), rowLines[leaf.index()])));
                    return;
                }
                rowLines[leaf.index()] = line;
                if (values.size() != columns.size()) {
                    findings.add(Finding.of(ImportRules.I1, source.file(), line, 0, Message.of(
                            source.kind() == Source.Kind.PDF ? "import.countPdf" : "import.count", def.number(),
                            leaf.label(), columns.size(), values.size())));
                    return;
                }
                for (int c = 0; c < columns.size(); c++) {
                    Header column = columns.get(c);
                    CellDef cell = def.cell(leaf, column).orElseThrow();
                    String text = values.get(c);
                    Optional<ImportedValue> v = ImportedValue.parse(text, cell.kind(), column.unit(), format);
                    if (v.isEmpty()) {
                        findings.add(Finding.of(ImportRules.I1, source.file(), line, 0, Message.of("import.notNumber",
                                def.number(), leaf.label(), column.label(), Message.typed(text.strip()))));
                        continue;
                    }
                    if (v.get().converted()) {
                        findings.add(Finding.of(ImportRules.I2, source.file(), line, 0, Message.of("import.fullWidth",
                                def.number(), leaf.label(), column.label(), Message.typed(text.strip()),
                                Message.typed(ImportedValue.halfWidth(text.strip())))));
                    }
                    if (v.get().unitDropped().isPresent()) {
                        findings.add(Finding.of(ImportRules.I2, source.file(), line, 0, Message.of("import.columnUnit",
                                def.number(), leaf.label(), column.label(), Message.typed(text.strip()),
                                Message.typed(v.get().yaml()))));
                    }
                    cells[cell.index()] = v.get();
                }
            }

            private void finish() {
                boolean none = Arrays.stream(rowLines).allMatch(l -> l == 0);
                if (none) {
                    if (!images.isEmpty()) {
                        findings.add(Finding.of(ImportRules.I1, source.file(), images.get(0), 0,
                                Message.of("import.image", def.number())));
                    } else {
                        findings.add(Finding.of(ImportRules.I1, source.file(), 0, 0, Message.of(
                                source.kind() == Source.Kind.PDF ? "import.noTablePdf" : "import.noTable",
                                def.number())));
                    }
                    return;
                }
                for (Header leaf : def.rowLeaves()) {
                    if (rowLines[leaf.index()] == 0) {
                        findings.add(Finding.of(ImportRules.I1, source.file(), 0, 0,
                                Message.of("import.missingRow", def.number(), leaf.label())));
                    }
                }
            }
        }

        /** The cells of a line: a row's cells, a text line split at tabs, or a text line's trailing values. */
        private Cells cellsOf(SourceLine l) {
            if (l.kind() == SourceLine.Kind.ROW) {
                return new Cells(l.cells(), true, false);
            }
            String text = l.cells().get(0);
            if (!textual) {
                return new Cells(List.of(text.strip()), true, false);
            }
            if (text.contains("\t")) {
                return new Cells(Arrays.stream(text.split("\t", -1)).map(String::strip).toList(), false, false);
            }
            String[] tokens = text.strip().split("[\\s\\u3000]+");
            int k = tokens.length;
            while (k > 0 && ImportedValue.looksLikeValue(tokens[k - 1]) && !tokens[k - 1].isEmpty()) {
                k--;
            }
            if (k == tokens.length) {
                return new Cells(List.of(text.strip()), false, false);
            }
            List<String> cells = new ArrayList<>();
            if (k > 0) {
                cells.add(String.join(" ", Arrays.asList(tokens).subList(0, k)));
            }
            cells.addAll(Arrays.asList(tokens).subList(k, tokens.length));
            return new Cells(cells, false, k > 0);
        }
    }

    /**
     * @param structured whether the source laid the cells out (HTML, Word): an empty cell is a blank cell
     * @param peeled     whether the values were split off a text line at spaces (the label must then be whole)
     */
    private record Cells(List<String> cells, boolean structured, boolean peeled) {
    }

    private static List<String> trim(List<String> cells) {
        int from = 0;
        int to = cells.size();
        while (from < to && cells.get(from).isBlank()) {
            from++;
        }
        while (to > from && cells.get(to - 1).isBlank()) {
            to--;
        }
        return new ArrayList<>(cells.subList(from, to));
    }

    static Optional<Integer> yearOf(String title) {
        Matcher m = YEAR.matcher(title);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The agency's name in a title: what is left without the year and 政府信息公开（工作）年度报告. */
    static Optional<String> agencyOf(String title) {
        String t = title.replaceAll("\\s+", "");
        t = t.replaceAll("((?:19|20)\\d{2})年度?", "");
        t = t.replaceAll("(关于)?政府信息公开(工作)?(的)?年度报告.*$", "");
        t = t.replaceAll("^[《〈<]|[》〉>]$", "").strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    static Optional<LocalDate> date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
