package org.govsite.output.render;

import org.govsite.format.FormatCatalog;
import org.govsite.model.SiteInfo;
import org.govsite.output.ArchiveIndex;
import org.govsite.output.PageText;
import org.govsite.output.write.MemorySink;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feeds are written by one XML writer: whatever a title holds, they stay well-formed. */
class FeedRendererTest {
    @Test
    void markupInTheSiteTitleIsEscapedAndTheFeedsParse() throws Exception {
        String title = "A&B <政府> \"信息\" 'x'";
        ArchiveIndex archive = new ArchiveIndex(new SiteInfo(title, List.of()), List.of(), List.of(),
                FormatCatalog.builtIn());
        MemorySink out = new MemorySink();
        new FeedRenderer(new Templates(null), PageText.builtIn(), "https://www.example.gov.cn/a&b/")
                .write(archive, out);
        String atom = new String(out.read("atom.xml"), StandardCharsets.UTF_8);
        assertTrue(atom.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed "), atom);
        assertTrue(atom.contains("<title>A&amp;B &lt;政府&gt; \"信息\" 'x'</title>"), atom);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document feed = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.read("atom.xml")));
        assertEquals(title, feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0)
                .getTextContent());
        assertEquals("https://www.example.gov.cn/a&b/atom.xml", feed.getElementsByTagNameNS(
                "http://www.w3.org/2005/Atom", "link").item(0).getAttributes().getNamedItem("href").getNodeValue());
        Document sitemap = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.read("sitemap.xml")));
        assertEquals("https://www.example.gov.cn/a&b/index.html", sitemap.getElementsByTagNameNS(
                "http://www.sitemaps.org/schemas/sitemap/0.9", "loc").item(0).getTextContent());
    }
}
