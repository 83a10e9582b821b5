package org.govsite.output.write;

import org.govsite.diagnostics.Message;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds where a broken link of the generated site comes from in the portal's theme templates. Theme templates are
 * trusted, but a broken link in one must still stop the build clearly: it is reported as an L1 error on the template
 * file, at the line and column where the link is written (the plugin's own pages link only to what exists).
 *
 * <p>A link is traced by its text without the leading {@code ../} of the page's depth: {@code attachment.pdf}
 * written in {@code href="attachment.pdf"} or {@code th:href="${page.root() + 'attachment.pdf'}"} is found either way.
 */
public final class ThemeLinks {
    private final Path templates;
    private final Function<Path, String> display;

    /**
     * @param templates the theme's templates folder; it need not exist
     * @param display   a file's path as findings print it
     */
    public ThemeLinks(Path templates, Function<Path, String> display) {
        this.templates = templates;
        this.display = display;
    }

    /**
     * The broken links traced to a theme template, as findings on the template (one per place). Those that cannot be
     * traced are returned in {@code untraced}.
     */
    public List<Finding> trace(List<LinkChecker.Broken> broken, List<Finding> untraced) throws IOException {
        List<Path> files = new ArrayList<>();
        if (templates != null && Files.isDirectory(templates)) {
            try (Stream<Path> s = Files.walk(templates)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            texts.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        TreeSet<Finding> out = new TreeSet<>();
        for (LinkChecker.Broken b : broken) {
            Optional<Finding> traced = Optional.empty();
            String needle = b.link().strip().replaceFirst("^(\\.\\./|\\./)+", "");
            for (int i = 0; i < files.size() && traced.isEmpty() && !needle.isEmpty(); i++) {
                int at = indexInAttribute(texts.get(i), needle);
                if (at >= 0) {
                    String text = texts.get(i);
                    int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
                    int column = at - (text.lastIndexOf('\n', at - 1) + 1) + 1;
                    traced = Optional.of(new Finding(b.finding().severity(), Rule.L1, display.apply(files.get(i)),
                            line, column, b.finding().content(), List.of()));
                }
            }
            if (traced.isPresent()) {
                out.add(traced.get());
            } else {
                untraced.add(b.finding());
            }
        }
        return List.copyOf(out);
    }

    /** Where {@code needle} is written as (the end of) an attribute value, or -1. */
    private static int indexInAttribute(String text, String needle) {
        for (String quote : List.of("\"", "'")) {
            int at = text.indexOf(needle + quote);
            while (at >= 0) {
                int open = text.lastIndexOf('=', at);
                if (open >= 0 && text.substring(open, at).indexOf('\n') < 0) {
                    return at;
                }
                at = text.indexOf(needle + quote, at + 1);
            }
        }
        return -1;
    }
}
