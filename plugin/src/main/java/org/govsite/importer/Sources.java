package org.govsite.importer;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a file into a {@link Source}, by its extension: .txt, .html/.htm, .docx, .pdf. */
public final class Sources {
    private Sources() {
    }

    /** The kind of source a file name says, or empty for a file the importer does not read. */
    public static Optional<Source.Kind> kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return Optional.of(Source.Kind.TEXT);
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml")) {
            return Optional.of(Source.Kind.HTML);
        }
        if (name.endsWith(".docx")) {
            return Optional.of(Source.Kind.DOCX);
        }
        if (name.endsWith(".pdf")) {
            return Optional.of(Source.Kind.PDF);
        }
        return Optional.empty();
    }

    /**
     * @param shown the path findings name
     * @throws IllegalArgumentException for a file of a kind the importer does not read
     */
    public static Source read(Path file, String shown) throws IOException {
        Source.Kind kind = kindOf(file).orElseThrow(() -> new IllegalArgumentException(
                "not a .txt, .html, .docx or .pdf file: " + file.getFileName()));
        byte[] bytes = Files.readAllBytes(file);
        return read(bytes, kind, shown);
    }

    public static Source read(byte[] bytes, Source.Kind kind, String shown) throws IOException {
        return switch (kind) {
            case TEXT -> text(bytes, shown);
            case HTML -> new Source(shown, kind, HtmlSource.lines(decodeHtml(bytes)), List.of());
            case DOCX -> docx(bytes, shown);
            case PDF -> pdf(bytes, shown);
        };
    }

    private static Source text(byte[] bytes, String shown) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Source(shown, Source.Kind.TEXT, TextSource.lines(text), List.of());
        } catch (CharacterCodingException e) {
            return new Source(shown, Source.Kind.TEXT, List.of(), List.of(Finding.of(ImportRules.I1, shown, 0, 0,
                    Message.of("import.notUtf8"))));
        }
    }

    /** UTF-8 unless the page declares GBK/GB2312/GB18030 (older portals), which are read as GB18030. */
    private static String decodeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.matches("(?s).*charset\\s*=\\s*[\"']?(gbk|gb2312|gb18030).*")) {
            return new String(bytes, java.nio.charset.Charset.forName("GB18030"));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Source docx(byte[] bytes, String shown) {
        try {
            return new Source(shown, Source.Kind.DOCX, DocxSource.lines(new ByteArrayInputStream(bytes)), List.of());
        } catch (IOException | RuntimeException e) {
            return new Source(shown, Source.Kind.DOCX, List.of(), List.of(Finding.of(ImportRules.I1, shown, 0, 0,
                    Message.of("import.unreadable", "Word (.docx)"))));
        }
    }

    private static Source pdf(byte[] bytes, String shown) {
        List<SourceLine> lines;
        try {
            lines = PdfSource.lines(bytes);
        } catch (IOException | RuntimeException e) {
            return new Source(shown, Source.Kind.PDF, List.of(), List.of(Finding.of(ImportRules.I1, shown, 0, 0,
                    Message.of("import.unreadable", "PDF"))));
        }
        if (lines.isEmpty()) {
            return new Source(shown, Source.Kind.PDF, List.of(), List.of(Finding.of(ImportRules.I1, shown, 0, 0,
                    Message.of("import.scanned"))));
        }
        return new Source(shown, Source.Kind.PDF, lines, List.of());
    }
}
