package org.govsite.output.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A state file written whole or not at all: into a temporary file beside it ({@code prefix…part}), then one atomic
 * rename over the old one, so that a build killed half-way leaves the previous file, never a torn one. The temporary
 * file is removed whatever happens.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** What writes the file's content; the stream is closed afterwards (closing it within is harmless). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code file} from {@code content}, through a temporary file named {@code prefix…part} beside it. */
    public static void write(Path file, String prefix, Content content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), prefix, ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code text} as UTF-8 into {@code file}, the same way. */
    public static void writeString(Path file, String prefix, CharSequence text) throws IOException {
        write(file, prefix, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
