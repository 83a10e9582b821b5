package org.govsite.output.search;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

/**
 * A narrative's plain text, as a reader sees it: the words of its paragraphs, headings, lists and tables, one block a
 * line. Markdown syntax, link targets and raw HTML (which a page shows as text but nobody searches for) are left out.
 * A soft line break inside a paragraph joins its lines without a space, as Chinese text is wrapped.
 */
public final class NarrativeText {
    private NarrativeText() {
    }

    public static String of(Node document) {
        StringBuilder out = new StringBuilder();
        walk(document, out);
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(0, end);
    }

    private static void walk(Node node, StringBuilder out) {
        if (node instanceof Text || node instanceof Code) {
            out.append(node.getChars());
            return;
        }
        if (node instanceof HtmlInline || node instanceof HtmlInlineComment || node instanceof HtmlBlock
                || node instanceof HtmlCommentBlock) {
            return;
        }
        if (node instanceof HardLineBreak) {
            out.append('\n');
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            walk(child, out);
        }
        if ((node instanceof Block || node instanceof TableCell) && out.length() > 0
                && out.charAt(out.length() - 1) != '\n') {
            out.append(node instanceof TableCell ? ' ' : '\n');
        }
    }
}
