package org.govsite.output.pdf;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Repairs the text of the embedded fonts' ToUnicode maps. Noto Sans SC draws 一 (U+4E00) and the Kangxi radical ⼀
 * (U+2F00) with one glyph, and PDFBox maps each glyph of a subset to the lowest code point that uses it: the radical.
 * A screen reader, a search or a copy would then get ⼀、⽅⾯ instead of 一、方面. A glyph that stands for a radical and
 * for an ideograph is named by the ideograph ({@link PdfFonts#ideographs}).
 */
final class ToUnicode {
    private ToUnicode() {
    }

    static void repair(PDDocument pdf, PdfFonts fonts) throws IOException {
        Set<COSDictionary> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : pdf.getPages()) {
            PDResources res = page.getResources();
            if (res == null) {
                continue;
            }
            for (COSName name : res.getFontNames()) {
                PDFont font = res.getFont(name);
                if (font instanceof PDType0Font && seen.add(font.getCOSObject())) {
                    repair(pdf, font.getCOSObject(), fonts.ideographs(font.getName().endsWith("-Bold")));
                }
            }
        }
    }

    private static void repair(PDDocument pdf, COSDictionary font, Map<Integer, Integer> ideographs)
            throws IOException {
        COSBase base = font.getDictionaryObject(COSName.TO_UNICODE);
        if (!(base instanceof COSStream stream)) {
            return;
        }
        CMap cmap;
        try (InputStream in = stream.createInputStream()) {
            cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        Map<Integer, String> map = new TreeMap<>();
        boolean changed = false;
        for (int code = 0; code <= 0xFFFF; code++) {
            String u = cmap.toUnicode(code, 2);
            if (u == null) {
                continue;
            }
            Integer ideograph = ideographs.get(code);
            String fixed = ideograph == null ? u : Character.toString(ideograph);
            changed |= !fixed.equals(u);
            map.put(code, fixed);
        }
        if (!changed) {
            return;
        }
        COSStream fixedStream = pdf.getDocument().createCOSStream();
        try (OutputStream out = fixedStream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(write(map).getBytes(StandardCharsets.US_ASCII));
        }
        font.setItem(COSName.TO_UNICODE, fixedStream);
    }

    /** A ToUnicode CMap of single mappings (ISO 32000-1, 9.10.3), at most 100 to a block. */
    private static String write(Map<Integer, String> map) {
        StringBuilder out = new StringBuilder(64 + map.size() * 16);
        out.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(map.entrySet());
        for (int i = 0; i < entries.size(); i += 100) {
            List<Map.Entry<Integer, String>> block = entries.subList(i, Math.min(entries.size(), i + 100));
            out.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> e : block) {
                out.append(String.format(Locale.ROOT, "<%04X> <", e.getKey()));
                for (char ch : e.getValue().toCharArray()) {
                    out.append(String.format(Locale.ROOT, "%04X", (int) ch));
                }
                out.append(">\n");
            }
            out.append("endbfchar\n");
        }
        out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return out.toString();
    }
}
