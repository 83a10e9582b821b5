package org.govsite.check;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.govsite.diagnostics.Message;
import org.govsite.load.Markdown;
import org.govsite.model.SourcePos;
import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Rule;
import org.govsite.model.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * L1 on the narrative: every link and image of report.md, read from the Markdown AST, must reach one of the report's
 * attachments or a page of the site as {@link LinkTargets} lays it out. A broken one is an error at
 * {@code report.md:line:column}, so the webmaster is pointed at the source, never at a generated page.
 */
final class NarrativeLinkRule {
    private NarrativeLinkRule() {
    }

    /** Checks every link; returns those that hold only if another report (or a year page) is published. */
    static List<CheckedReport.CrossLink> check(Report report, Document doc, List<String> attachments,
                                               LinkTargets targets, Consumer<Finding> findings) {
        Markdown.Lines lines = new Markdown.Lines(doc.getChars().toString());
        List<CheckedReport.CrossLink> cross = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            String url;
            if (n instanceof Link l) {
                url = l.getUrl().unescape();
            } else if (n instanceof Image i) {
                url = i.getUrl().unescape();
            } else if (n instanceof LinkRef r && r.getReferenceNode(doc) != null) {
                url = r.getReferenceNode(doc).getUrl().unescape();
            } else if (n instanceof ImageRef r && r.getReferenceNode(doc) != null) {
                url = r.getReferenceNode(doc).getUrl().unescape();
            } else {
                continue;
            }
            if (n instanceof Reference) {
                continue;
            }
            int offset = n.getStartOffset();
            SourcePos at = new SourcePos(report.markdownPath(), lines.line(offset), lines.column(offset));
            LinkTargets.Target t = targets.resolve(report, attachments, url);
            switch (t.kind()) {
                case EXTERNAL, FOUND -> {
                }
                case MISSING -> findings.accept(Finding.of(Rule.L1, at, Message.of("L1.missing", url)));
                case OUTSIDE -> findings.accept(Finding.of(Rule.L1, at, Message.of("L1.outside", url)));
                case MISSING_FRAGMENT -> findings.accept(Finding.of(Rule.L1, at,
                        Message.of("L1.fragment", url, t.fragment(), t.page())));
                case REPORT, YEAR -> cross.add(new CheckedReport.CrossLink(at, url, t));
            }
        }
        return cross;
    }
}
