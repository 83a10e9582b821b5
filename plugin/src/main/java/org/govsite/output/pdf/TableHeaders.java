package org.govsite.output.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the tables of a tagged PDF the structure of the page's tables (WCAG H43, PDF/UA-1 7.5): every {@code TH}
 * whose HTML cell has an {@code id} gets that id as its element identifier ({@code /ID}, listed in the structure
 * tree root's {@code /IDTree}), and every {@code TD} whose HTML cell has {@code headers} gets them as its table
 * attribute {@code /Headers}: the same header sets as the page, from the same rows ({@code TableView.rowsHtml()},
 * from the format definition). openhtmltopdf writes {@code Scope}, {@code RowSpan} and {@code ColSpan} but neither.
 *
 * <p>openhtmltopdf makes one structure element per HTML cell, in document order, table by table (a table header
 * repeated on the next page is an artifact, not a second {@code TH}). So the n-th table element of the structure tree
 * is the n-th {@code table} of the HTML, and its n-th cell the n-th {@code th}/{@code td}; that they match (how many,
 * which kind, their spans) is checked, and a mismatch is an error rather than a guess. The ids are the page's, which
 * derive from the format definition: the same input gives the same bytes.
 */
final class TableHeaders {
    private static final COSName TABLE = COSName.getPDFName("Table");
    private static final COSName HEADERS = COSName.getPDFName("Headers");
    private static final COSName ROW_SPAN = COSName.getPDFName("RowSpan");
    private static final COSName COL_SPAN = COSName.getPDFName("ColSpan");

    private TableHeaders() {
    }

    /**
     * @param pdf  the rendered document, before it is saved
     * @param html the document openhtmltopdf rendered
     * @throws IllegalStateException when the structure tree's tables do not match the HTML's cell for cell
     */
    static void add(PDDocument pdf, Document html) {
        PDStructureTreeRoot root = pdf.getDocumentCatalog().getStructureTreeRoot();
        List<Element> tables = html.select("table");
        if (root == null || tables.isEmpty()) {
            return;
        }
        List<PDStructureElement> tagged = new ArrayList<>();
        collectTables(root, tagged);
        if (tagged.size() != tables.size()) {
            throw new IllegalStateException("the PDF's structure tree has " + tagged.size() + " tables, its HTML "
                    + tables.size());
        }
        Map<String, PDStructureElement> ids = new HashMap<>();
        List<Map.Entry<PDStructureElement, String>> cellsWithHeaders = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            List<Element> cells = tables.get(t).select("th, td");
            List<PDStructureElement> elements = new ArrayList<>();
            collectCells(tagged.get(t), elements);
            if (cells.size() != elements.size()) {
                throw new IllegalStateException("table " + (t + 1) + " has " + cells.size() + " cells in the HTML, "
                        + elements.size() + " in the PDF's structure tree");
            }
            for (int i = 0; i < cells.size(); i++) {
                Element cell = cells.get(i);
                PDStructureElement element = elements.get(i);
                check(t, cell, element);
                String id = cell.id();
                if (cell.tagName().equals("th") && !id.isEmpty()) {
                    if (ids.put(id, element) != null) {
                        throw new IllegalStateException("two table headers have the id " + id);
                    }
                    element.setElementIdentifier(id);
                }
                String headers = cell.attr("headers").strip();
                if (cell.tagName().equals("td") && !headers.isEmpty()) {
                    cellsWithHeaders.add(Map.entry(element, headers));
                }
            }
        }
        for (Map.Entry<PDStructureElement, String> e : cellsWithHeaders) {
            COSArray refs = new COSArray();
            for (String id : e.getValue().split("\\s+")) {
                if (!ids.containsKey(id)) {
                    throw new IllegalStateException("a table cell names the header " + id + ", which no TH has");
                }
                refs.add(new COSString(id));
            }
            tableAttributes(e.getKey()).setItem(HEADERS, refs);
        }
        if (!ids.isEmpty()) {
            root.getCOSObject().setItem(COSName.ID_TREE, idTree(ids));
        }
    }

    /** The structure tree's tables, in document order (a table inside a table cell is not expected, nor looked for). */
    private static void collectTables(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if (StandardStructureTypes.TABLE.equals(e.getStructureType())) {
                    out.add(e);
                } else {
                    collectTables(e, out);
                }
            }
        }
    }

    /** A table's TH and TD, in document order (through THead, TBody, TFoot and TR). */
    private static void collectCells(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                String type = e.getStructureType();
                if (StandardStructureTypes.TH.equals(type) || StandardStructureTypes.TD.equals(type)) {
                    out.add(e);
                } else if (!StandardStructureTypes.TABLE.equals(type)) {
                    collectCells(e, out);
                }
            }
        }
    }

    /** The HTML cell and the structure element are the same cell: the same kind and the same spans. */
    private static void check(int table, Element cell, PDStructureElement element) {
        String kind = cell.tagName().equals("th") ? StandardStructureTypes.TH : StandardStructureTypes.TD;
        COSDictionary attrs = existingTableAttributes(element);
        int rowSpan = attrs == null ? 1 : attrs.getInt(ROW_SPAN, 1);
        int colSpan = attrs == null ? 1 : attrs.getInt(COL_SPAN, 1);
        if (!kind.equals(element.getStructureType()) || rowSpan != span(cell, "rowspan")
                || colSpan != span(cell, "colspan")) {
            throw new IllegalStateException("table " + (table + 1) + ": the PDF's " + element.getStructureType()
                    + " (" + rowSpan + "×" + colSpan + ") is not the HTML's " + cell.tagName() + " (" + cell.id()
                    + " " + span(cell, "rowspan") + "×" + span(cell, "colspan") + ")");
        }
    }

    private static int span(Element cell, String attr) {
        String v = cell.attr(attr).strip();
        try {
            return v.isEmpty() ? 1 : Math.max(1, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The element's attribute object owned by Table, if it has one (openhtmltopdf writes one dictionary). */
    private static COSDictionary existingTableAttributes(PDStructureElement element) {
        COSBase a = element.getCOSObject().getDictionaryObject(COSName.A);
        if (a instanceof COSDictionary d) {
            return TABLE.equals(d.getCOSName(COSName.O)) ? d : null;
        }
        if (a instanceof COSArray arr) {
            for (int i = 0; i < arr.size(); i++) {
                if (arr.getObject(i) instanceof COSDictionary d && TABLE.equals(d.getCOSName(COSName.O))) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The element's Table attribute object, made (or added to its list of attribute objects) if it has none. */
    private static COSDictionary tableAttributes(PDStructureElement element) {
        COSDictionary existing = existingTableAttributes(element);
        if (existing != null) {
            return existing;
        }
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.O, TABLE);
        COSBase a = element.getCOSObject().getDictionaryObject(COSName.A);
        if (a == null) {
            element.getCOSObject().setItem(COSName.A, d);
        } else {
            COSArray arr;
            if (a instanceof COSArray existingArray) {
                arr = existingArray;
            } else {
                arr = new COSArray();
                arr.add(a);
                element.getCOSObject().setItem(COSName.A, arr);
            }
            arr.add(d);
        }
        return d;
    }

    /**
     * The structure tree root's {@code /IDTree}: a name tree of one node, its keys in the byte order of their
     * strings (ISO 32000-1, 7.9.6).
     */
    private static COSDictionary idTree(Map<String, PDStructureElement> ids) {
        List<COSString> keys = new ArrayList<>();
        Map<COSString, PDStructureElement> byKey = new HashMap<>();
        for (Map.Entry<String, PDStructureElement> e : ids.entrySet()) {
            COSString key = new COSString(e.getKey());
            keys.add(key);
            byKey.put(key, e.getValue());
        }
        keys.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(), b.getBytes()));
        COSArray names = new COSArray();
        for (COSString key : keys) {
            names.add(key);
            names.add(byKey.get(key).getCOSObject());
        }
        COSDictionary tree = new COSDictionary();
        tree.setItem(COSName.NAMES, names);
        return tree;
    }
}
