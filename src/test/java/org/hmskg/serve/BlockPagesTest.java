package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.hmskg.store.DatasetVersion;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages of blocks, measures and paragraphs alike: the source text with each sentence marked by its kind (a
 * written label, linked to the statement, and its times) and each mention marked inside its sentence, with the
 * document, page and lines; on {@code serve/statements.trig}.
 */
class BlockPagesTest {
    static final String BASE = Fixture.BASE;
    static HmsServer server;
    static Fixture.Client http;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = Fixture.load("/serve/statements.trig");
        // A mention running over the end of a sentence (た。今後): marked in both sentences.
        Node graph = PagesTest.uri(BASE + "graph/plan-doc");
        Node mention = PagesTest.uri(BASE + "id/mention/plan-doc/1/26-30");
        Node measure = PagesTest.uri(BASE + "id/measure/plan-doc/1");
        Txn.executeWrite(dsg, () -> {
            dsg.add(graph, mention, RDF.type.asNode(), PagesTest.uri(PagesTest.HMS + "Mention"));
            dsg.add(graph, mention, PagesTest.uri(PagesTest.HMS + "inBlock"), measure);
            dsg.add(graph, mention, PagesTest.uri(PagesTest.HMS + "start"), NodeFactory.createLiteralByValue(26));
            dsg.add(graph, mention, PagesTest.uri(PagesTest.HMS + "end"), NodeFactory.createLiteralByValue(30));
            dsg.add(graph, mention, PagesTest.uri(PagesTest.HMS + "surface"), NodeFactory.createLiteralString("た。今後"));
        });
        var v = new DatasetVersion(dsg, "b1", Instant.parse("2026-11-26T05:00:00Z"), Map.of());
        server = HmsServer.builder().port(0).dataset(() -> v).ontology(Fixture.ontology()).build().start();
        http = new Fixture.Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Document page(String path) {
        HttpResponse<String> r = http.get(path, "Accept", Fixture.CHROME);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Jsoup.parse(r.body());
    }

    /** The block's text as shown, without the labels the page adds: exactly its hms:text. */
    static String sourceText(Element quote) {
        Element copy = quote.clone();
        copy.select("a.kind, span.time, span.continues").remove();
        return copy.wholeText();
    }

    @Test
    void aMeasureShowsEachSentenceMarkedByKindWithItsLabelTimesAndStatementLink() {
        Document d = page("/id/measure/plan-doc/1");
        Element quote = d.selectFirst("section.source blockquote.measure-text");
        assertEquals("𠮟咤激励を受け、2022年3月に健康経営銘柄を選定した。今後も、2023年度末までにAMEDを通じて支援を拡充する。",
                sourceText(quote), "no character lost or added; offsets count code points");
        List<Element> sentences = quote.select("span.statement");
        assertEquals(List.of("statement achievement", "statement commitment"), sentences.stream()
                .map(Element::className).toList());
        assertEquals(List.of("statement-1", "statement-2"), sentences.stream().map(Element::id).toList());

        Element done = sentences.get(0);
        Element label = done.selectFirst("a.kind");
        assertEquals("実施済", label.text(), "a written label, not colour alone");
        assertEquals("/id/statement/plan-doc/1/1", label.attr("href"));
        assertTrue(label.attr("title").startsWith("Achievement"), label.attr("title"));
        assertTrue(label.attr("aria-label").startsWith("実施済 (Achievement"), label.attr("aria-label"));
        assertEquals("時期 2022年3月", done.selectFirst("span.time.occurrence").text());
        assertEquals(List.of("2022年3月", "健康経営銘柄", "た。"), done.select("mark").eachText());
        assertEquals("/id/initiative/x-aaaaaaaaaaaa", done.selectFirst("mark a").attr("href"));

        Element promised = sentences.get(1);
        assertEquals("今後", promised.selectFirst("a.kind").text());
        assertEquals("継続", promised.selectFirst("span.continues").text());
        assertEquals("期限 2023年度末", promised.selectFirst("span.time.due").text());
        assertEquals("due: fiscal year 2023 (末)", promised.selectFirst("span.time.due").attr("title"));
        assertEquals(List.of("今後", "2023年度", "AMED"), promised.select("mark").eachText(),
                "a mention over the end of a sentence is marked in both");

        assertTrue(d.selectFirst("p.statement-key").text().contains("実施済 Achievement"));
        assertTrue(d.selectFirst("p.note").text().startsWith("5 of 5 mention(s) marked"),
                "statements are no mentions: " + d.selectFirst("p.note").text());
        assertEquals(1, d.select("head link[href='/assets/statements.css']").size());
        assertEquals(200, http.get("/assets/statements.css").statusCode());
    }

    @Test
    void whitespaceBetweenSentencesBelongsToNone() {
        Element quote = page("/id/measure/plan-doc/2").selectFirst("blockquote.measure-text");
        assertEquals("医療DXを推進している。 2024年度から新制度を開始する。", sourceText(quote));
        List<Element> sentences = quote.select("span.statement");
        assertEquals(List.of("statement ongoing", "statement commitment"), sentences.stream()
                .map(Element::className).toList());
        assertEquals("進行中", sentences.get(0).selectFirst("a.kind").text());
        assertEquals("開始 2024年度", sentences.get(1).selectFirst("span.time.start").text());
        assertEquals(List.of("2024年度"), sentences.get(1).select("mark").eachText());
        assertEquals(" ", quote.textNodes().get(0).getWholeText(), "the space between the sentences");
    }

    @Test
    void aSentenceOfNoKnownKindIsLabelledAsSuch() {
        Element quote = page("/id/measure/plan-doc/4").selectFirst("blockquote.measure-text");
        Element unknown = quote.select("span.statement").get(1);
        assertEquals("statement unknown", unknown.className());
        assertEquals("文", unknown.selectFirst("a.kind").text());
        assertTrue(unknown.selectFirst("a.kind").attr("title").startsWith("Statement (文): kind not determined"));
    }

    @Test
    void aParagraphPageWorksLikeAMeasurePage() {
        Document d = page("/id/paragraph/plan-doc/1");
        Element source = d.selectFirst("section.source");
        assertEquals("Document: テスト実行状況と今後の取組方針2023 · page 1 · lines 5–6", source.selectFirst("p.where").text());
        assertEquals("/id/document/plan-doc", source.selectFirst("p.where a").attr("href"));
        Element quote = source.selectFirst("blockquote.measure-text");
        assertEquals("AMEDは研究開発を支援した。2025年度を目処に成果を実用化する。", sourceText(quote));
        assertEquals(List.of("/id/statement/plan-doc/p1/1", "/id/statement/plan-doc/p1/2"),
                quote.select("a.kind").eachAttr("href"));
        assertEquals(List.of("AMED", "2025年度"), quote.select("mark").eachText());
        assertEquals("/id/initiative/amed", quote.selectFirst("mark a").attr("href"));
        assertEquals("期限 2025年度", quote.selectFirst("#statement-2 span.time.due").text());
    }

    @Test
    void aStatementLinksBackToItsBlock() {
        Document d = page("/id/statement/plan-doc/1/2");
        assertTrue(d.select("table.properties a[href='/id/measure/plan-doc/1']").size() >= 1);
        assertTrue(d.select("section.source").isEmpty(), "a statement is no block");
    }
}
