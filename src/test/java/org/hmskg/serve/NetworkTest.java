package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.hmskg.serve.http.HeadersFilter;
import org.hmskg.serve.pages.GraphPicture;
import org.hmskg.store.DatasetVersion;
import org.hmskg.vocab.Iris;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code /network} and the small graph on initiative pages, over HTTP on a purpose-made dataset whose links graph
 * is derived by the build's own derivation. The pictures are read as XML: node sizes and edge weights are checked
 * on the drawn elements, and every node's link is followed.
 */
class NetworkTest {
    static final String NET = "/serve/network.trig";

    static HmsServer server;
    static Fixture.Client http;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = Fixture.load(NET);
        Txn.executeWrite(dsg, () -> {
            List<Node> names = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(names::add);
            Graph links = org.hmskg.map.DerivedLinks.derive(dsg.getUnionGraph(), names);
            links.find().forEachRemaining(t -> dsg.add(Iris.graph("links"), t.getSubject(), t.getPredicate(),
                    t.getObject()));
        });
        var v = new DatasetVersion(dsg, "net1", Instant.parse("2026-11-26T05:00:00Z"), Map.of());
        server = HmsServer.builder().port(0).dataset(() -> v).ontology(Fixture.ontology()).build().start();
        http = new Fixture.Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> page(String path) {
        HttpResponse<String> r = http.get(path, "Accept", Fixture.CHROME);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        return r;
    }

    /** The page's one inline SVG with this id, parsed as XML (it must be well-formed). */
    static Element svg(String html, String id) {
        int start = html.indexOf("<svg id=\"" + id + "\"");
        assertTrue(start >= 0, "the page draws #" + id);
        int end = html.indexOf("</svg>", start) + "</svg>".length();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                    html.substring(start, end).getBytes(StandardCharsets.UTF_8)));
            return d.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("the picture is not well-formed: " + e.getMessage(), e);
        }
    }

    static List<Element> all(Element root, String tag, String cls) {
        NodeList list = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (cls == null || List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element e, String tag) {
        return (Element) e.getElementsByTagName(tag).item(0);
    }

    /** Nodes by the page they link to. */
    static Map<String, Element> nodes(Element svg) {
        Map<String, Element> byHref = new HashMap<>();
        all(svg, "a", "node").forEach(a -> byHref.put(a.getAttribute("href"), a));
        return byHref;
    }

    static double radius(Element node) {
        return Double.parseDouble(child(node, "circle").getAttribute("r"));
    }

    @Nested
    class TheNetworkPage {
        final String html = page("/network").body();
        final Element svg = svg(html, "ministry-network");

        @Test
        void hasATitleADescriptionAndIsLabelledByThem() {
            assertEquals("ministry-network-title ministry-network-desc", svg.getAttribute("aria-labelledby"));
            assertTrue(child(svg, "title").getTextContent().contains("4 ministries, 3 pairs"));
            assertTrue(child(svg, "desc").getTextContent().contains("Circle area"));
        }

        @Test
        void eachTaggedMinistryIsACircleSizedByTheMeasuresItLeads() {
            Map<String, Element> nodes = nodes(svg);
            assertEquals(Set.of("/id/ministry/mhlw", "/id/ministry/meti", "/id/ministry/mext", "/id/ministry/evil"),
                    nodes.keySet(), "a ministry on no measure is left out");
            Map<String, String> leads = nodes.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAttribute("data-leads")));
            assertEquals(Map.of("/id/ministry/mhlw", "3", "/id/ministry/meti", "1", "/id/ministry/mext", "0",
                    "/id/ministry/evil", "0"), leads);
            assertEquals("3", nodes.get("/id/ministry/meti").getAttribute("data-measures"));
            assertEquals(GraphPicture.MAX_RADIUS, radius(nodes.get("/id/ministry/mhlw")), 0.05);
            assertEquals(GraphPicture.MIN_RADIUS + (GraphPicture.MAX_RADIUS - GraphPicture.MIN_RADIUS)
                    * Math.sqrt(1.0 / 3), radius(nodes.get("/id/ministry/meti")), 0.05, "area grows with leads");
            assertEquals(GraphPicture.MIN_RADIUS, radius(nodes.get("/id/ministry/mext")), 0.05);
        }

        @Test
        void eachPairSharingMeasuresIsALineWeightedByHowMany() {
            Map<Set<String>, Element> edges = new HashMap<>();
            all(svg, "g", "edge").forEach(g -> edges.put(Set.of(g.getAttribute("data-from"),
                    g.getAttribute("data-to")), g));
            assertEquals(3, edges.size());
            Element widest = edges.get(Set.of("/id/ministry/mhlw", "/id/ministry/meti"));
            assertEquals("2", widest.getAttribute("data-shared"));
            assertEquals(GraphPicture.MAX_STROKE, Double.parseDouble(child(widest, "line")
                    .getAttribute("stroke-width")), 0.05);
            Element thin = edges.get(Set.of("/id/ministry/mhlw", "/id/ministry/mext"));
            assertEquals("1", thin.getAttribute("data-shared"));
            assertEquals((GraphPicture.MIN_STROKE + GraphPicture.MAX_STROKE) / 2,
                    Double.parseDouble(child(thin, "line").getAttribute("stroke-width")), 0.05);
            assertEquals("1", edges.get(Set.of("/id/ministry/mext", "/id/ministry/evil")).getAttribute("data-shared"));
            assertTrue(child(widest, "title").getTextContent().contains("2 shared measure(s) or paragraph(s)"));
        }

        @Test
        void everyNodeLinksToAPageThatResolves() {
            for (String href : nodes(svg).keySet()) {
                assertEquals(200, http.get(href, "Accept", Fixture.CHROME).statusCode(), href);
            }
        }

        @Test
        void namesAreJapaneseWithBothLanguagesInTheTitle() {
            Element mhlw = nodes(svg).get("/id/ministry/mhlw");
            assertEquals("厚生労働省", child(mhlw, "text").getTextContent());
            assertEquals("ja", child(mhlw, "text").getAttribute("lang"));
            String title = child(mhlw, "title").getTextContent();
            assertTrue(title.contains("厚生労働省") && title.contains("Ministry of Health, Labour and Welfare")
                    && title.contains("leads 3"), title);
            assertEquals(title, mhlw.getAttribute("aria-label"));
        }

        @Test
        void theSameDataIsInTablesUnderThePicture() {
            String nodesTable = html.substring(html.indexOf("<table class=\"network-nodes\">"));
            assertTrue(nodesTable.matches("(?s).*<a href=\"/id/ministry/mhlw\" lang=\"ja\">厚生労働省</a></td>"
                    + "<td lang=\"en\">Ministry of Health, Labour and Welfare</td><td class=\"num\">3</td>"
                    + "<td class=\"num\">3</td>.*"), nodesTable);
            String edgesTable = html.substring(html.indexOf("<table class=\"network-edges\">"));
            List<String> rows = edgesTable.lines().filter(l -> l.startsWith("<tr><td>")).toList();
            assertEquals(3, rows.size(), edgesTable);
            String pair = rows.getFirst();
            assertTrue(pair.contains(">厚生労働省</a>") && pair.contains(">経済産業省</a>")
                    && pair.endsWith("<td class=\"num\">2</td></tr>"), "most shared first: " + pair);
            assertTrue(html.indexOf("<svg") < html.indexOf("<table class=\"network-nodes\">"));
        }

        @Test
        void aLabelWithMarkupStaysText() {
            assertFalse(html.contains("<b>危</b>"), "no markup from the data");
            assertFalse(html.contains("<script>"), "no script at all");
            assertTrue(html.contains("&lt;b&gt;危&lt;/b&gt;&amp;&quot;省&#39;"));
            assertEquals("<b>危</b>&\"省'", child(nodes(svg).get("/id/ministry/evil"), "text").getTextContent());
        }

        @Test
        void englishNamesOnRequestAndAnUnknownLanguageIsRefused() {
            Element mhlw = nodes(svg(page("/network?lang=en").body(), "ministry-network")).get("/id/ministry/mhlw");
            assertEquals("Ministry of Health, Labour and Welfare", child(mhlw, "text").getTextContent());
            assertEquals("en", child(mhlw, "text").getAttribute("lang"));
            HttpResponse<String> bad = http.get("/network?lang=fr", "Accept", Fixture.CHROME);
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("lang must be ja or en"));
        }

        @Test
        void theSamePolicyAsEveryPage() {
            HttpResponse<String> r = page("/network");
            assertEquals(HeadersFilter.CSP, r.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertFalse(r.body().contains("<script"));
            assertFalse(r.body().matches("(?s).*https?://(?!w3id\\.org|www\\.w3\\.org).*\\.js.*"));
        }
    }

    @Nested
    class AnInitiativePage {
        final String html = page("/id/initiative/amed").body();
        final Element svg = svg(html, "initiative-graph");

        @Test
        void drawsItsMinistriesAndTheInitiativesNamedWithIt() {
            Map<String, Element> nodes = nodes(svg);
            assertEquals(Set.of("/id/initiative/amed", "/id/ministry/mhlw", "/id/ministry/meti", "/id/ministry/mext",
                    "/id/initiative/pmda", "/id/initiative/jica"), nodes.keySet());
            assertTrue(nodes.get("/id/initiative/amed").getAttribute("class").contains("centre"));
            assertEquals("ministry", nodes.get("/id/ministry/meti").getAttribute("data-kind"));
            assertEquals("initiative", nodes.get("/id/initiative/pmda").getAttribute("data-kind"));
            Map<String, String> measures = new HashMap<>();
            nodes.forEach((href, a) -> measures.put(href, a.getAttribute("data-measures")));
            assertEquals("3", measures.get("/id/ministry/mhlw"));
            assertEquals("2", measures.get("/id/ministry/meti"));
            assertEquals("1", measures.get("/id/ministry/mext"));
            assertEquals("2", measures.get("/id/initiative/pmda"));
            assertEquals("1", measures.get("/id/initiative/jica"));
            assertEquals(GraphPicture.MAX_RADIUS, radius(nodes.get("/id/ministry/mhlw")), 0.05);
            assertTrue(radius(nodes.get("/id/initiative/pmda")) > radius(nodes.get("/id/initiative/jica")));
        }

        @Test
        void eachLineIsWeightedByTheMeasuresBehindIt() {
            Map<String, String> weights = new HashMap<>();
            all(svg, "g", "edge").forEach(g -> weights.put(g.getAttribute("data-to"), g.getAttribute("data-measures")));
            assertEquals(Map.of("/id/ministry/mhlw", "3", "/id/ministry/meti", "2", "/id/ministry/mext", "1",
                    "/id/initiative/pmda", "2", "/id/initiative/jica", "1"), weights);
        }

        @Test
        void everyNodeLinksToAPageThatResolves() {
            for (String href : nodes(svg).keySet()) {
                assertEquals(200, http.get(href, "Accept", Fixture.CHROME).statusCode(), href);
            }
        }

        @Test
        void aTableGivesTheSameData() {
            String table = html.substring(html.indexOf("<table class=\"neighbours\">"));
            assertTrue(table.matches("(?s).*<td>ministry</td><td><a href=\"/id/ministry/mhlw\" title=\"厚生労働省 "
                    + "\\(Ministry of Health, Labour and Welfare\\)\"><span lang=\"ja\">厚生労働省</span></a></td>"
                    + "<td class=\"num\">3</td><td class=\"num\">3</td>.*"), table);
            assertTrue(table.matches("(?s).*<td>initiative</td><td><a href=\"/id/initiative/pmda\".*"
                    + "<td class=\"num\">2</td><td class=\"num\"></td>.*"), table);
        }

        @Test
        void anInitiativeNamedNowhereHasNoPicture() {
            String lonely = page("/id/initiative/lonely").body();
            assertFalse(lonely.contains("<svg"), "nothing to draw");
            assertFalse(page("/id/ministry/mhlw").body().contains("initiative-graph"), "only initiatives");
        }
    }

    @Test
    void aLongNameIsCutInThePictureOnly() {
        String name = "内閣官房東京オリンピック競技大会・東京パラリンピック競技大会推進本部事務局";
        String cut = GraphPicture.fit(name, 180);
        assertTrue(cut.endsWith("…") && name.startsWith(cut.substring(0, cut.length() - 1)), cut);
        assertTrue(cut.length() <= 12, cut);
        assertEquals("厚生労働省", GraphPicture.fit("厚生労働省", 180));
        assertEquals("Ministry of Health, Labour and Welfare".length(),
                GraphPicture.fit("Ministry of Health, Labour and Welfare", 400).length());
    }

    @Test
    void theLandingPageLinksToTheNetwork() {
        assertTrue(page("/").body().contains("<a href=\"/network\">"));
    }
}
