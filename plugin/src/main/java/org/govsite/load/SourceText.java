package org.govsite.load;

import org.govsite.diagnostics.FileDiagnostics;
import org.govsite.diagnostics.Rule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads a source file as strict UTF-8, whatever the platform encoding; a file that is not UTF-8 is a finding. */
final class SourceText {
    private SourceText() {
    }

    static Optional<String> read(Path file, FileDiagnostics diagnostics) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.report(Rule.M1, 0, 0, "M1.unreadable", reason(e));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Optional.of(text.replace("\r\n", "\n"));
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            diagnostics.report(Rule.Y5, line, bad - lineStart + 1, "Y5.notUtf8",
                    String.format(Locale.ROOT, "0x%02X", bytes[bad] & 0xFF));
            return Optional.empty();
        }
    }

    /** Why a file could not be read, in words: the JDK's exceptions often carry only the path. */
    static String reason(IOException e) {
        String kind = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getClass().getSimpleName();
        String detail = e instanceof java.nio.file.FileSystemException || e.getMessage() == null ? ""
                : ": " + e.getMessage();
        return kind + detail;
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }
}
