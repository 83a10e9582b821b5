package org.govsite.pipeline.preview;

import org.govsite.diagnostics.Finding;
import org.govsite.diagnostics.Language;
import org.govsite.diagnostics.Severity;

import java.util.List;

/**
 * The preview's findings box on a report page: a labelled region at the top of the page with every finding of the
 * report (file:line and the message, in Chinese). Only the preview adds it; it never reaches the published site.
 */
final class Overlay {
    private Overlay() {
    }

    static String html(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"govsite-preview-findings\" role=\"region\" aria-labelledby=\"govsite-preview-h\"")
                .append(" style=\"position:fixed;left:0;right:0;bottom:0;max-height:40vh;overflow:auto;z-index:9999;")
                .append("background:#fff;color:#1a1a1a;border-top:4px solid #b00020;padding:0.75rem 1rem;")
                .append("font:16px/1.5 sans-serif\">");
        b.append("<h2 id=\"govsite-preview-h\" style=\"margin:0 0 0.5rem;font-size:18px\">预览：本报告有 ")
                .append(findings.size()).append(" 条检查结果（错误 ").append(errors)
                .append(" 个）。草稿在修正错误之前不会发布。</h2><ul style=\"margin:0;padding-left:1.25rem\">");
        for (Finding f : findings) {
            b.append("<li><code>").append(escape(f.file() + ":" + f.line() + ":" + f.column())).append("</code> ")
                    .append(escape(f.severity().label(Language.CHINESE))).append(" [")
                    .append(escape(f.rule().code())).append("] ").append(escape(f.message())).append("</li>");
        }
        return b.append("</ul></section>").toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
