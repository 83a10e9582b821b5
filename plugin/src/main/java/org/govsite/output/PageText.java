package org.govsite.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The words of the pages that are not written in the templates ({@code org/govsite/pages.properties}, UTF-8), so
 * that a portal's theme can change them: keys in {@code theme/pages.properties} replace the plugin's. Pages are
 * always Chinese, whatever the language of findings. Immutable, shared by every thread.
 */
public final class PageText {
    /** The file in a theme folder whose keys replace the plugin's. */
    public static final String THEME_FILE = "pages.properties";

    private final Map<String, String> texts;

    private PageText(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    /** The plugin's texts. */
    public static PageText builtIn() {
        return of(null);
    }

    /** The plugin's texts, with those of {@code themeDir}/pages.properties in their place where it has them. */
    public static PageText of(Path themeDir) {
        Map<String, String> texts = new TreeMap<>();
        try (InputStream in = PageText.class.getResourceAsStream("/org/govsite/pages.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing org/govsite/pages.properties");
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), texts);
            Path theme = themeDir == null ? null : themeDir.resolve(THEME_FILE);
            if (theme != null && Files.isRegularFile(theme)) {
                try (Reader r = Files.newBufferedReader(theme, StandardCharsets.UTF_8)) {
                    read(r, texts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PageText(texts);
    }

    private static void read(Reader r, Map<String, String> into) throws IOException {
        Properties p = new Properties();
        p.load(r);
        p.stringPropertyNames().forEach(k -> into.put(k, p.getProperty(k)));
    }

    /**
     * The text of {@code key} with its placeholders filled in; every argument is inserted as text (a year is 2024,
     * never 2,024).
     *
     * @throws IllegalArgumentException for an unknown key
     */
    public String text(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no page text " + key);
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(strings);
    }
}
