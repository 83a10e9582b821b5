package org.govsite.output.render;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.serializer.IStandardJavaScriptSerializer;
import org.thymeleaf.standard.serializer.StandardJavaScriptSerializer;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The Thymeleaf engine. A portal's theme folder ({@code theme/templates}) is searched first, so a portal replaces
 * any template (header.html, footer.html …) without forking the plugin; the plugin's own templates come next.
 */
public final class Templates {
    private final TemplateEngine engine = new TemplateEngine();

    public Templates(Path themeTemplates) {
        StandardDialect dialect = new StandardDialect();
        dialect.setJavaScriptSerializer(new LazyJavaScriptSerializer());
        engine.setDialect(dialect);
        int order = 1;
        if (themeTemplates != null && Files.isDirectory(themeTemplates)) {
            FileTemplateResolver theme = new FileTemplateResolver();
            theme.setPrefix(themeTemplates.toAbsolutePath() + "/");
            theme.setSuffix(".html");
            theme.setTemplateMode(TemplateMode.HTML);
            theme.setCharacterEncoding(StandardCharsets.UTF_8.name());
            theme.setCheckExistence(true);
            theme.setCacheable(true);
            theme.setOrder(order++);
            engine.addTemplateResolver(theme);
        }
        ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        builtIn.setPrefix("org/govsite/templates/");
        builtIn.setSuffix(".html");
        builtIn.setTemplateMode(TemplateMode.HTML);
        builtIn.setCharacterEncoding(StandardCharsets.UTF_8.name());
        builtIn.setCacheable(true);
        builtIn.setOrder(order);
        engine.addTemplateResolver(builtIn);
    }

    /**
     * Renders {@code template} with the variables into {@code out}. The page is rendered in memory first, so that a
     * failing disk is an {@link IOException} of this method, not an error Thymeleaf logs with its stack trace.
     */
    public void render(String template, Map<String, Object> variables, Writer out) throws IOException {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, variables);
        PageBuffer page = new PageBuffer();
        engine.process(template, context, page);
        page.copyTo(out);
    }

    /**
     * Thymeleaf's own JavaScript serializer, made when a template first inlines a value into JavaScript (none of the
     * plugin's does; a theme's may). Made up front, as the standard dialect does, it finds jackson-databind on the
     * class path and builds an {@code ObjectMapper}: some 285 classes loaded by every build for nothing.
     */
    private static final class LazyJavaScriptSerializer implements IStandardJavaScriptSerializer {
        private volatile IStandardJavaScriptSerializer serializer;

        @Override
        public void serializeValue(Object object, Writer writer) {
            IStandardJavaScriptSerializer s = serializer;
            if (s == null) {
                synchronized (this) {
                    s = serializer;
                    if (s == null) {
                        s = new StandardJavaScriptSerializer(true);
                        serializer = s;
                    }
                }
            }
            s.serializeValue(object, writer);
        }
    }

    /**
     * A page in memory: a {@code StringWriter} without its lock (a {@code StringBuffer}) and sized for a report page
     * (some 60,000 characters), copied out in chunks rather than as one more string.
     */
    private static final class PageBuffer extends Writer {
        private final StringBuilder text = new StringBuilder(1 << 16);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public Writer append(CharSequence s) {
            text.append(s);
            return this;
        }

        @Override
        public Writer append(CharSequence s, int start, int end) {
            text.append(s, start, end);
            return this;
        }

        @Override
        public Writer append(char c) {
            text.append(c);
            return this;
        }

        void copyTo(Writer out) throws IOException {
            char[] chunk = new char[8192];
            for (int from = 0; from < text.length(); from += chunk.length) {
                int to = Math.min(text.length(), from + chunk.length);
                text.getChars(from, to, chunk, 0);
                out.write(chunk, 0, to - from);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
