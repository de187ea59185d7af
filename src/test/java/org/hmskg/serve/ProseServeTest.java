package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.pipeline.Builder;
import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.store.DatasetVersion;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on documents of prose: two purpose-made editions of a strategy ({@code src/test/resources/prose/}),
 * built by the pipeline and served over HTTP, and the first edition alone. Search finds paragraphs and single
 * sentences with their document, {@code /network} counts the ministries tagged on paragraphs, VoID counts the new
 * classes, and the gallery says which queries need several editions and whether the served data holds them.
 */
class ProseServeTest {
    static final Path PROSE = Path.of("src/test/resources/prose");
    static final String BASE = Fixture.BASE;
    static final String OLD = "strategy-prose-2025";
    static final String NEW = "strategy-prose-2026";
    static final String EDITIONS_QUERY = "38-commitments-reported-done-in-the-next-edition";
    static final String PLAIN_QUERY = "33-commitments-due-in-a-fiscal-year";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static HmsServer both;
    static HmsServer first;
    static Fixture.Client http;
    static Fixture.Client firstHttp;

    @BeforeAll
    static void start() throws IOException {
        Builder.Result two = Builder.build(new Builder.Request(PROSE, Optional.empty(), Instant.now()));
        Path one = Files.createDirectories(dir.resolve("one"));
        Files.copy(PROSE.resolve(OLD + ".txt"), one.resolve(OLD + ".txt"));
        Builder.Result single = Builder.build(new Builder.Request(one, Optional.empty(), Instant.now()));
        assertTrue(two.conforms() && single.conforms());
        DatasetVersion v2 = two.version();
        DatasetVersion v1 = single.version();
        both = HmsServer.builder().port(0).dataset(() -> v2).build().start();
        first = HmsServer.builder().port(0).dataset(() -> v1).build().start();
        http = new Fixture.Client(both.port());
        firstHttp = new Fixture.Client(first.port());
    }

    @AfterAll
    static void stop() {
        both.stop();
        first.stop();
    }

    static String paragraph(String doc, int n) {
        return BASE + "id/paragraph/" + doc + "/" + n;
    }

    static String statement(String doc, String block, int n) {
        return BASE + "id/statement/" + doc + "/" + block + "/" + n;
    }

    static JsonNode json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    static List<JsonNode> search(String query) {
        List<JsonNode> results = new ArrayList<>();
        json(http.get("/search?" + query, "Accept", "application/json")).get("results").forEach(results::add);
        return results;
    }

    static List<String> iris(List<JsonNode> results) {
        return results.stream().map(r -> r.get("iri").asText()).toList();
    }

    static Document page(Fixture.Client client, String path) {
        HttpResponse<String> r = client.get(path, "Accept", Fixture.CHROME);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Jsoup.parse(r.body());
    }

    @Nested
    class Search {
        @Test
        void findsParagraphsAndTheirSentencesWithTheirDocument() {
            List<JsonNode> results = search("q=" + Fixture.encode("第三者提供"));
            assertEquals(List.of(paragraph(OLD, 4), paragraph(NEW, 4), statement(OLD, "p4", 1),
                    statement(NEW, "p4", 1)), iris(results), "blocks before the sentences they hold");
            JsonNode p = results.getFirst();
            assertEquals("paragraph", p.get("type").asText());
            assertEquals("text", p.get("match").asText());
            assertEquals(BASE + "id/document/" + OLD, p.get("document").asText());
            assertEquals("健康・医療戦略", p.get("documentTitle").asText());
            assertFalse(p.has("kind"), "a paragraph has no kind");
            JsonNode s = results.get(2);
            assertEquals("statement", s.get("type").asText());
            assertEquals("Commitment", s.get("kind").asText(), "2025: it will be simplified");
            assertEquals("Achievement", results.get(3).get("kind").asText(), "2026: it was");
            assertEquals(BASE + "id/document/" + OLD, s.get("document").asText(), "a sentence's document is its block's");
            assertEquals("/id/statement/" + OLD + "/p4/1", s.get("page").asText());
        }

        @Test
        void aTypeFilterKeepsOnlyThoseThingsAndAnUnknownTypeIsRefused() {
            List<String> sentences = iris(search("q=" + Fixture.encode("ゲノム") + "&type=statement"));
            assertEquals(List.of(statement(OLD, "p3", 1), statement(NEW, "p3", 1)), sentences);
            List<JsonNode> blocks = search("q=" + Fixture.encode("ゲノム") + "&type=measure,paragraph");
            assertEquals(List.of(paragraph(OLD, 3), paragraph(NEW, 3)), iris(blocks));
            assertEquals(iris(blocks), iris(search("q=" + Fixture.encode("ゲノム") + "&type=measure&type=paragraph")));
            HttpResponse<String> bad = http.get("/search?q=x&type=sentence", "Accept", "application/json");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("type must be one of"), bad.body());
        }

        @Test
        void aSentenceIsFoundByItsTextNotByItsLabel() {
            // a statement's label is its block's name and the start of its text ("段落 4・文 1：…")
            assertTrue(search("q=" + Fixture.encode("段落 4・文 1")).isEmpty());
        }

        @Test
        void thePageShowsTheDocumentAndTheKind() {
            Document d = page(http, "/search?q=" + Fixture.encode("第三者提供"));
            List<Element> items = d.select("ol.results > li");
            assertEquals(4, items.size());
            Element in = items.getFirst().selectFirst("span.in a");
            assertEquals("/id/document/" + OLD, in.attr("href"));
            assertEquals("健康・医療戦略", in.text());
            assertEquals("statement (Commitment)", items.get(2).selectFirst("span.type").text());
            assertEquals("第三者提供", items.get(2).selectFirst(".snippet mark").text());
            Document filtered = page(http, "/search?q=" + Fixture.encode("第三者提供") + "&type=statement");
            assertEquals(2, filtered.select("ol.results > li").size());
            assertEquals("statement", filtered.selectFirst("form.search input[name=type]").attr("value"),
                    "a new search keeps the filter");
            assertEquals("/search?q=" + Fixture.encode("第三者提供"),
                    filtered.selectFirst("p.summary a").attr("href"), "and offers to drop it");
        }
    }

    @Nested
    class Network {
        final Document d = page(http, "/network");

        Map<String, Element> nodes() {
            Map<String, Element> byHref = new HashMap<>();
            d.select("#ministry-network a.node").forEach(a -> byHref.put(a.attr("href"), a));
            return byHref;
        }

        @Test
        void ministriesTaggedOnParagraphsOnlyAreInIt() {
            Element mext = nodes().get("/id/ministry/mext");
            assertEquals("6", mext.attr("data-measures"), "three paragraphs in each edition");
            assertEquals("0", mext.attr("data-leads"));
            Element secretariat = nodes().get("/id/ministry/cao-hmp");
            assertEquals("3", secretariat.attr("data-leads"), "◎健 stands on paragraphs only");
        }

        @Test
        void theLinesAreTheGalleryQuerysPairs() {
            Map<String, String> drawn = new HashMap<>();
            d.select("#ministry-network g.edge").forEach(g -> drawn.put(g.attr("data-from") + " " + g.attr("data-to"),
                    g.attr("data-shared")));
            Map<String, String> asked = new HashMap<>();
            String q = QueryLibrary.standard().byName("03-ministry-co-responsibility-network").orElseThrow().text();
            json(http.query(q)).at("/results/bindings").forEach(b -> asked.put(
                    b.at("/a/value").asText().replace(BASE, "/") + " " + b.at("/b/value").asText().replace(BASE, "/"),
                    b.at("/sharedMeasures/value").asText()));
            assertEquals(asked, drawn);
            assertEquals("6", drawn.get("/id/ministry/mext /id/ministry/mhlw"));
        }
    }

    @Test
    void voidCountsParagraphsAndStatements() {
        HttpResponse<String> r = http.get("/.well-known/void", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        Map<String, Long> partitions = new HashMap<>();
        Node classP = NodeFactory.createURI(Prefixes.VOID + "class");
        Node entities = NodeFactory.createURI(Prefixes.VOID + "entities");
        for (Triple t : g.find(Node.ANY, classP, Node.ANY).toList()) {
            Node count = g.find(t.getSubject(), entities, Node.ANY).next().getObject();
            partitions.put(t.getObject().getURI(), ((Number) count.getLiteralValue()).longValue());
        }
        String hms = "https://w3id.org/hmskg/def#";
        assertEquals(14, partitions.get(hms + "Paragraph"), "seven paragraphs in each edition");
        assertEquals(2, partitions.get(hms + "Measure"));
        long statements = json(http.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <" + hms + "Statement> }"))
                .at("/results/bindings/0/n/value").asLong();
        assertTrue(statements > 14);
        assertEquals(statements, partitions.get(hms + "Statement"));
        for (String kind : List.of("Achievement", "Ongoing", "Commitment", "TimeExpression")) {
            assertTrue(partitions.get(hms + kind) > 0, kind + " has its partition");
        }
    }

    @Nested
    class Gallery {
        @Test
        void withOneEditionTheEditionQueriesSayWhatTheyNeed() {
            for (String path : List.of("/", "/ui/")) {
                Document d = page(firstHttp, path);
                assertNeed(d, "needs several editions of a document: none loaded", false, path);
                Element plain = example(d, PLAIN_QUERY);
                assertEquals(null, plain.selectFirst(".needs"), path + ": a query the data can answer needs nothing");
                assertFalse(plain.hasClass("unanswerable"));
                assertEquals(4, d.select(".needs.unmet").size(), path + ": queries 29, 30, 31 and 38");
            }
        }

        @Test
        void withTwoEditionsTheySayTheDataHoldsIt() {
            for (String path : List.of("/", "/ui/")) {
                Document d = page(http, path);
                assertNeed(d, "needs several editions of a document: 2 editions linked by hms:previousEdition", true,
                        path);
                assertEquals(0, d.select(".needs.unmet").size(), path);
            }
        }

        /** The edition query's entry says what it needs, met or not, and is marked when it cannot answer. */
        void assertNeed(Document d, String text, boolean met, String path) {
            Element needing = example(d, EDITIONS_QUERY);
            Element need = needing.selectFirst(".needs");
            assertEquals(text, need.text(), path);
            assertTrue(need.hasClass(met ? "met" : "unmet"), path);
            assertEquals(!met, needing.hasClass("unanswerable"), path);
        }

        @Test
        void theEditionQueryAnswersWhereItSaysItCan() {
            String q = QueryLibrary.standard().byName(EDITIONS_QUERY).orElseThrow().text();
            assertTrue(json(http.query(q)).at("/results/bindings").size() > 0);
            assertEquals(0, json(firstHttp.query(q)).at("/results/bindings").size());
        }

        /** The gallery's item for a query, found by its title (landing page) or its id (query editor). */
        Element example(Document d, String name) {
            Element byId = d.getElementById("example-" + name);
            if (byId != null) {
                return byId.parent();
            }
            String title = QueryLibrary.standard().byName(name).orElseThrow().title();
            return d.select("ul.examples > li").stream().filter(li -> li.selectFirst("a").text().equals(title))
                    .findFirst().orElseThrow(() -> new AssertionError("no example titled " + title));
        }
    }
}
