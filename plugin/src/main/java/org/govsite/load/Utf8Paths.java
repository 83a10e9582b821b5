package org.govsite.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File names as UTF-8 text, whatever the platform's file-name encoding ({@code sun.jnu.encoding}) is. Under
 * {@code LANG=C} the JDK cannot turn "附件1.pdf" into a {@link Path} nor a listed path back into text; both go through
 * the path's {@code file:} URI here, whose escapes carry the name's bytes exactly.
 */
public final class Utf8Paths {
    private Utf8Paths() {
    }

    /** {@code base} resolved against a '/'-separated relative path given as text. */
    public static Path resolve(Path base, String relative) {
        try {
            return base.resolve(relative);
        } catch (InvalidPathException e) {
            String uri = base.toAbsolutePath().toUri().toASCIIString();
            StringBuilder b = new StringBuilder(uri.endsWith("/") ? uri : uri + "/");
            String[] parts = relative.split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    b.append('/');
                }
                for (byte x : parts[i].getBytes(StandardCharsets.UTF_8)) {
                    int c = x & 0xFF;
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                            || c == '.' || c == '_' || c == '~') {
                        b.append((char) c);
                    } else {
                        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                                .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                    }
                }
            }
            return Path.of(URI.create(b.toString()));
        }
    }

    /** The path of {@code file} relative to {@code base} as '/'-separated UTF-8 text. */
    public static String relative(Path base, Path file) {
        Path rel = base.relativize(file);
        String text = rel.toString().replace('\\', '/');
        if (isPlain(text)) {
            return text;
        }
        URI b = base.toAbsolutePath().toUri();
        String bs = b.getRawPath().endsWith("/") ? b.getRawPath() : b.getRawPath() + "/";
        String fs = file.toAbsolutePath().toUri().getRawPath();
        if (!fs.startsWith(bs)) {
            return text;
        }
        String raw = fs.substring(bs.length());
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        return URI.create("x:/" + raw).getPath().substring(1);
    }

    /** A file's own name as UTF-8 text. */
    public static String name(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toString() : relative(parent, file.toAbsolutePath());
    }

    /** Text without the replacement marks a lossy decoding leaves. */
    private static boolean isPlain(String text) {
        return text.indexOf('?') < 0 && text.indexOf('\uFFFD') < 0;
    }
}
