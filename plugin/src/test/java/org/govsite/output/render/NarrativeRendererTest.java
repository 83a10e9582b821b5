package org.govsite.output.render;

import org.govsite.load.SiteLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The narrative's HTML: split by section, raw HTML escaped, only safe links and images kept. */
class NarrativeRendererTest {
    private final NarrativeRenderer renderer = new NarrativeRenderer();

    private NarrativeRenderer.Parts render(String md) {
        return renderer.render(SiteLoader.narrative(md));
    }

    @Test
    void splitsAtLevelTwoHeadingsAndKeepsTheIntroduction() {
        NarrativeRenderer.Parts p = render("引言。\n\n## 一、总体情况\n\n正文一。\n\n### （一）主动公开\n\n细节。\n\n## 二、主动公开政府信息情况\n");
        assertEquals("<p>引言。</p>", p.intro().trim());
        assertEquals(2, p.sections().size());
        assertEquals("一", p.sections().get(0).numeral());
        assertEquals("一、总体情况", p.sections().get(0).title());
        assertTrue(p.sections().get(0).html().contains("<h3>（一）主动公开</h3>"), p.sections().get(0).html());
        assertEquals("", p.sections().get(1).html());
    }

    @Test
    void chineseLinesJoinWithoutSpaces() {
        NarrativeRenderer.Parts p = render("## 一、总体情况\n\n第一行\n第二行\n");
        assertEquals("<p>第一行第二行</p>", p.sections().get(0).html().trim());
    }

    @Test
    void relativeAndWebLinksStayUnsafeOnesGo() {
        String html = render("## 一、总体情况\n\n[附件](attachment.pdf) [条例](https://www.gov.cn/zhengce/) "
                + "[信箱](mailto:xxgk@example.gov.cn) [坏](javascript:alert(1)) [坏2](data:text/html,x)\n")
                .sections().get(0).html();
        assertTrue(html.contains("href=\"attachment.pdf\""), html);
        assertTrue(html.contains("href=\"https://www.gov.cn/zhengce/\""), html);
        assertTrue(html.contains("href=\"mailto:xxgk@example.gov.cn\""), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("data:"), html);
    }

    @Test
    void rawHtmlIsShownAsTextAndExternalImagesAreDropped() {
        String html = render("## 一、总体情况\n\n<b onclick=\"x()\">粗</b>\n\n![图](https://example.com/a.png) ![本地](chart.png)\n")
                .sections().get(0).html();
        assertFalse(html.contains("<b"), html);
        assertTrue(html.contains("&lt;b onclick"), html);
        assertFalse(html.contains("example.com"), html);
        assertTrue(html.contains("src=\"chart.png\""), html);
    }

    /** new-year's drafts carry guidance as HTML comments under each heading: a comment never reaches a page. */
    @Test
    void htmlCommentsAreDroppedNotShown() {
        String html = render("## 一、总体情况\n\n<!-- 本节写明总体情况 -->\n\n正文<!-- 行内 -->一。\n").sections().get(0).html();
        assertFalse(html.contains("本节写明"), html);
        assertFalse(html.contains("行内"), html);
        assertFalse(html.contains("&lt;!--"), html);
        assertTrue(html.contains("正文"), html);
    }
}
