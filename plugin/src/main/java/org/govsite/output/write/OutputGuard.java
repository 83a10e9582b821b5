package org.govsite.output.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Refuses an output folder that a build would destroy something with: replacing the output deletes it as a whole,
 * so it must never be, contain or lie inside a folder the build reads. Paths are compared as they really are on
 * disk (symbolic links resolved), so a link cannot hide the overlap.
 */
public final class OutputGuard {
    private OutputGuard() {
    }

    /** A folder the output must keep clear of, and what it is called in the message. */
    public record Protected(String what, Path dir) {
    }

    /**
     * @param project the project folder: the output may lie inside it (target/), but must not be or contain it
     * @param inputs  folders the build reads (source, theme, formats): the output must not be, contain or lie inside
     *                any of them
     * @throws OutputRefusedException when the output overlaps one of them
     */
    public static void check(Path output, Path project, Protected... inputs) throws IOException {
        Path out = real(output);
        Path proj = real(project);
        if (proj.startsWith(out)) {
            throw new OutputRefusedException(out.equals(proj)
                    ? "outputDirectory " + output + " is the project folder; it would be deleted"
                    : "outputDirectory " + output + " contains the project folder " + project
                    + "; it would be deleted");
        }
        for (Protected p : inputs) {
            Path in = real(p.dir());
            if (in.startsWith(out) || out.startsWith(in)) {
                String how = out.equals(in) ? "is" : in.startsWith(out) ? "contains" : "lies inside";
                throw new OutputRefusedException("outputDirectory " + output + " " + how + " the " + p.what() + " "
                        + p.dir() + "; choose a folder outside it, such as target/govsite");
            }
        }
    }

    /**
     * Refuses a file the build writes (the findings files) where it would overwrite an input.
     *
     * @param what the parameter's name, for the message
     */
    public static void checkFile(Path file, String what, Protected... inputs) throws IOException {
        Path f = real(file);
        for (Protected p : inputs) {
            if (f.startsWith(real(p.dir()))) {
                throw new OutputRefusedException(what + " " + file + " lies inside the " + p.what() + " "
                        + p.dir() + "; it would overwrite the input");
            }
        }
    }

    /**
     * The path with every existing part resolved as it is on disk (symbolic links followed), the parts that do not
     * exist yet appended as written.
     */
    static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path rest = existing.relativize(abs);
        Path resolved = Files.exists(existing) ? existing.toRealPath() : existing;
        return rest.toString().isEmpty() ? resolved : resolved.resolve(rest).normalize();
    }
}
