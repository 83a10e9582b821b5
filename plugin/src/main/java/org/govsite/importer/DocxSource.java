package org.govsite.importer;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Word .docx (Apache POI XWPF): paragraphs in order, headings (a heading style, or a paragraph that is only bold
 * text), Word's automatic numbering written out as the reader sees it ("1."、"（一）"), and tables row by row. A cell
 * merged across columns (gridSpan) is one cell; a cell merged down (vMerge) is empty in the rows it continues into,
 * as a label cell spanning rows is in HTML. A picture where a table should be is an image line.
 */
final class DocxSource {
    private final List<SourceLine> out = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private int paragraph;

    private DocxSource() {
    }

    static List<SourceLine> lines(InputStream in) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(in)) {
            DocxSource reader = new DocxSource();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    reader.paragraph(p);
                } else if (element instanceof XWPFTable t) {
                    reader.table(t);
                }
            }
            return List.copyOf(reader.out);
        }
    }

    private void paragraph(XWPFParagraph p) {
        paragraph++;
        String text = HtmlSource.clean(p.getText());
        if (text.isEmpty()) {
            if (!p.getRuns().isEmpty() && p.getRuns().stream().anyMatch(r -> !r.getEmbeddedPictures().isEmpty())) {
                out.add(SourceLine.image(paragraph, ""));
            }
            return;
        }
        text = numbering(p) + text;
        int level = headingLevel(p);
        out.add(level > 0 ? SourceLine.heading(paragraph, text, level) : SourceLine.text(paragraph, text));
    }

    /** The number Word shows before a numbered paragraph, from its level's format and a running count. */
    private String numbering(XWPFParagraph p) {
        BigInteger id = p.getNumID();
        if (id == null) {
            return "";
        }
        BigInteger ilvl = p.getNumIlvl();
        String key = id + "/" + (ilvl == null ? 0 : ilvl.intValue());
        int n = counters.merge(key, 1, Integer::sum);
        String deeper = id + "/" + ((ilvl == null ? 0 : ilvl.intValue()) + 1);
        counters.remove(deeper);
        String format = p.getNumFmt() == null ? "decimal" : p.getNumFmt();
        String levelText = p.getNumLevelText() == null ? "%1." : p.getNumLevelText();
        String number = WordNumbering.number(format, n);
        if (number.isEmpty()) {
            return "";
        }
        String shown = levelText.replaceAll("%[1-9]", number);
        boolean space = shown.endsWith(".") || shown.endsWith(")");
        return shown + (space ? " " : "");
    }

    private static int headingLevel(XWPFParagraph p) {
        String style = p.getStyle() == null ? "" : p.getStyle().toLowerCase(Locale.ROOT);
        if (style.startsWith("heading") && style.length() > 7 && Character.isDigit(style.charAt(7))) {
            return style.charAt(7) - '0';
        }
        if (style.matches("[1-6]")) {
            return style.charAt(0) - '0';
        }
        List<XWPFRun> runs = p.getRuns().stream().filter(r -> r.text() != null && !r.text().isBlank()).toList();
        if (!runs.isEmpty() && runs.stream().allMatch(XWPFRun::isBold)) {
            return 3;
        }
        return 0;
    }

    private void table(XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
            paragraph++;
            List<String> cells = new ArrayList<>();
            boolean picture = false;
            for (XWPFTableCell cell : row.getTableCells()) {
                String text = HtmlSource.clean(cell.getText());
                cells.add(text);
                picture |= text.isEmpty() && cell.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                        .anyMatch(r -> !r.getEmbeddedPictures().isEmpty());
            }
            if (picture && cells.stream().allMatch(String::isEmpty)) {
                out.add(SourceLine.image(paragraph, ""));
            } else {
                out.add(SourceLine.row(paragraph, cells));
            }
        }
    }
}
