package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.hmskg.serve.data.RetiredIris;
import org.hmskg.store.DatasetVersion;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page, as a browser asks for it, is well-formed HTML5 by a real parser's rules (jsoup's tree builder, which
 * follows the HTML5 parsing algorithm and reports every parse error), and a label made of markup, quotes and
 * control characters stays text wherever it is shown: entity pages (block pages with their sentences marked), the
 * initiative graph, the network picture, search, the landing page, the ontology, VoID, the Service Description,
 * downloads, the commitments page (its list, filters and picture), the 410 and error pages.
 */
class PagesTest {
    /** Markup, both quotes, event handlers, control characters and a right-to-left override. */
    static final String NASTY = "<script>alert(1)</script>\" onmouseover=\"alert(2)\"' data-evil='y' \u0001\u0007\u202E"
            + " <img src=x onerror=alert(4)></textarea><b>bold</b>";
    static final String HMS = "https://w3id.org/hmskg/def#";
    static HmsServer server;
    static Fixture.Client http;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = Fixture.load("/serve/fixture.trig");
        Node reference = uri(Fixture.BASE + "graph/reference");
        Node doc = uri(Fixture.BASE + "graph/test-doc");
        Node evil = uri(Fixture.EVIL);
        Node ministry = uri(Fixture.BASE + "id/ministry/evil");
        Node measure = uri(Fixture.BASE + "id/measure/test-doc/1");
        Txn.executeWrite(dsg, () -> {
            dsg.add(reference, evil, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(NASTY, "ja"));
            dsg.add(reference, evil, RDFS.comment.asNode(), NodeFactory.createLiteralString(NASTY));
            dsg.add(reference, ministry, RDF.type.asNode(), uri(HMS + "Ministry"));
            dsg.add(reference, ministry, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(NASTY, "ja"));
            dsg.add(reference, ministry, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(NASTY, "en"));
            dsg.add(doc, measure, uri(HMS + "ministry"), ministry);
            dsg.add(doc, measure, uri(HMS + "leadMinistry"), ministry);
            dsg.add(doc, measure, uri(HMS + "ministry"), uri(Fixture.BASE + "id/ministry/mhlw"));
            // A commitment of that measure, led by that ministry and written as the label is, and the statements'
            // own document: sentence marks on block pages, /commitments.
            Node statement = uri(Fixture.BASE + "id/statement/test-doc/1/1");
            dsg.add(doc, statement, RDF.type.asNode(), uri(HMS + "Statement"));
            dsg.add(doc, statement, RDF.type.asNode(), uri(HMS + "Commitment"));
            dsg.add(doc, statement, uri(HMS + "text"), NodeFactory.createLiteralString(NASTY));
            dsg.add(doc, statement, uri(HMS + "inBlock"), measure);
            dsg.add(doc, statement, uri(HMS + "start"), NodeFactory.createLiteralByValue(0));
            dsg.add(doc, statement, uri(HMS + "end"), NodeFactory.createLiteralByValue(24));
            dsg.add(doc, statement, uri(HMS + "ordinal"), NodeFactory.createLiteralByValue(1));
            dsg.add(doc, statement, uri(HMS + "leadMinistry"), ministry);
            dsg.add(doc, statement, uri(HMS + "ministry"), ministry);
            dsg.add(doc, statement, uri(HMS + "dueFiscalYear"), NodeFactory.createLiteralDT("2023",
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear));
            Fixture.load("/serve/statements.trig").find().forEachRemaining(dsg::add);
        });
        Graph ontology = Fixture.ontology();
        ontology.add(uri(HMS + "Programme"), RDFS.label.asNode(), NodeFactory.createLiteralLang(NASTY, "en"));
        ontology.add(uri(HMS + "Programme"), RDF.type.asNode(), uri("http://www.w3.org/2002/07/owl#Class"));
        DatasetVersion version = new DatasetVersion(dsg, "v<b>\"1'", Instant.parse("2026-11-26T05:00:00Z"),
                Map.of("doc<b>\"'.txt", "5f2b1c0d7e9a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c"));
        RetiredIris retired = new RetiredIris(List.of(new RetiredIris.Entry("id/initiative/gone",
                "id/initiative/amed", "2026-11-26", NASTY)));
        server = HmsServer.builder().port(0).dataset(() -> version).ontology(ontology).retired(retired).build()
                .start();
        http = new Fixture.Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** The pages: the fixed ones and the page of every thing in the dataset. */
    static List<String> pages() {
        List<String> pages = new ArrayList<>(List.of("/", "/ui/", "/def", "/.well-known/void", "/sparql",
                "/kg/sparql", "/download/", "/network", "/network?lang=en", "/search", "/search?q=alert",
                "/search?q=" + Fixture.encode(NASTY), "/graph/reference", "/graph/links", "/id/initiative/gone",
                "/commitments", "/commitments?year=2022", "/commitments?year=none", "/commitments?ministry=evil",
                "/commitments?ministry=" + Fixture.encode(NASTY), "/commitments?initiative=" + Fixture.encode(NASTY)));
        String subjects = http.get("/sparql?query=" + Fixture.encode("SELECT DISTINCT ?s WHERE { ?s ?p ?o }"),
                "Accept", "text/csv").body();
        subjects.lines().filter(l -> l.startsWith(Fixture.BASE + "id/"))
                .forEach(l -> pages.add(l.strip().substring(Fixture.BASE.length() - 1)));
        return pages;
    }

    /** The page parsed by the HTML5 rules; a parse error fails the test with the page and the error. */
    static Document parse(String page, HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
        Parser parser = Parser.htmlParser().setTrackErrors(20);
        Document d = Jsoup.parse(r.body(), "", parser);
        assertEquals(List.of(), parser.getErrors().stream().map(Object::toString).toList(), page);
        return d;
    }

    @Test
    void everyPageIsWellFormedHtml5() {
        List<String> pages = pages();
        assertTrue(pages.size() > 25, pages.toString());
        for (String page : pages) {
            var r = http.get(page, "Accept", Fixture.CHROME);
            Document d = parse(page, r);
            assertTrue(r.body().startsWith("<!DOCTYPE html>"), page);
            assertEquals("en", d.selectFirst("html").attr("lang"), page);
            assertEquals(1, d.select("head > title").size(), page);
            assertEquals(1, d.select("h1").size(), page);
            assertEquals(1, d.select("main").size(), page);
        }
    }

    @Test
    void errorPagesAreWellFormedToo() {
        for (String page : List.of("/id/initiative/nothing", "/search?limit=" + Fixture.encode(NASTY), "/ui/nothing",
                "/network?lang=" + Fixture.encode(NASTY), "/id/initiative/amed?page=" + Fixture.encode(NASTY),
                "/commitments?year=" + Fixture.encode(NASTY), "/commitments?ministry=a&ministry=b")) {
            var r = http.get(page, "Accept", Fixture.CHROME);
            assertTrue(r.statusCode() >= 400, page);
            assertInert(page, r.body(), parse(page, r));
        }
        var refused = http.post("/def", "text/plain", "x", "Accept", Fixture.CHROME);
        assertEquals(405, refused.statusCode());
        parse("POST /def", refused);
    }

    @Test
    void aLabelOfMarkupQuotesAndControlCharactersStaysTextOnEveryPage() {
        for (String page : pages()) {
            var r = http.get(page, "Accept", Fixture.CHROME);
            assertInert(page, r.body(), parse(page, r));
        }
    }

    @Test
    void theLabelIsShownAsWrittenWhereItBelongs() {
        for (String page : List.of("/id/initiative/x-0123456789ab", "/id/ministry/evil", "/network",
                "/network?lang=en", "/def", "/", "/id/initiative/gone", "/search?q=alert",
                "/search?q=" + Fixture.encode(NASTY), "/id/measure/test-doc/1", "/commitments",
                "/commitments?ministry=" + Fixture.encode(NASTY))) {
            var r = http.get(page, "Accept", Fixture.CHROME);
            Document d = parse(page, r);
            String text = d.body().text() + " " + d.select("[title]").eachAttr("title") + " "
                    + d.select("[aria-label]").eachAttr("aria-label") + " " + d.select("[value]").eachAttr("value");
            assertTrue(text.contains("onerror=alert(4)></textarea><b>bold</b>"), page + " does not show the label: "
                    + text);
            assertTrue(text.contains("data-evil='y' \uFFFD\uFFFD"), page + ": control characters are shown as U+FFFD");
        }
        Document picture = parse("/network", http.get("/network", "Accept", Fixture.CHROME));
        assertTrue(picture.select("svg text").eachText().stream().anyMatch(t -> t.startsWith("<script>")),
                "the name is drawn, as text, in the picture");
    }

    /** No element or attribute came from the label: only this server's scripts, no handlers, no images. */
    static void assertInert(String page, String body, Document d) {
        for (Element script : d.select("script")) {
            assertTrue(script.attr("src").startsWith("/assets/") && script.data().isEmpty(), page + ": " + script);
        }
        assertTrue(d.select("img, textarea").isEmpty(), page + ": " + d.select("img, textarea"));
        assertTrue(d.select("b").eachText().stream().noneMatch("bold"::equals), page + ": <b> from the label");
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().startsWith("on"), page + ": " + e.tagName() + " has " + a);
                assertFalse(a.getKey().equals("data-evil"), page + ": an attribute from the label on " + e.tagName());
            }
        }
        assertFalse(body.contains("\u0001") || body.contains("\u0007"), page + " carries a control character");
    }
}
