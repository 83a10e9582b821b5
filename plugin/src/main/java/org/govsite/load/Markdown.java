package org.govsite.load;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/** The one Markdown dialect of narratives: CommonMark plus GFM tables, raw HTML escaped, HTML comments dropped. Immutable, thread-safe. */
public final class Markdown {
    /** Parser and renderer options, shared so that both stages agree. */
    public static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(HtmlRenderer.ESCAPE_HTML, true)
            // HTML comments (new-year's guidance under each heading) are dropped, never shown as text
            .set(HtmlRenderer.SUPPRESS_HTML_COMMENT_BLOCKS, true)
            .set(HtmlRenderer.SUPPRESS_INLINE_HTML_COMMENTS, true)
            .set(HtmlRenderer.SOFT_BREAK, "")
            .set(HtmlRenderer.GENERATE_HEADER_ID, false)
            .set(TablesExtension.WITH_CAPTION, false)
            .toImmutable();

    public static final Parser PARSER = Parser.builder(OPTIONS).build();

    private Markdown() {
    }
}
