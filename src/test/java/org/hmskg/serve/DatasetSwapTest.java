package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.hmskg.serve.data.LiveDataset;
import org.hmskg.serve.data.UnionView;
import org.hmskg.serve.pages.EntityPage;
import org.hmskg.store.DatasetVersion;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.RDF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reloading: the caller swaps the version behind the supplier; the server follows, atomically. */
class DatasetSwapTest {
    static final int EXTRA = 55;
    static final long V1_TRIPLES = 136;
    /** 55 measures of three triples each, and one mention of five nested inside another. */
    static final long V2_TRIPLES = V1_TRIPLES + EXTRA * 3 + 5;

    final AtomicReference<DatasetVersion> current = new AtomicReference<>(Fixture.version("v1"));
    HmsServer server;
    Fixture.Client http;

    @BeforeEach
    void start() {
        server = HmsServer.builder().port(0).dataset(current::get).ontology(Fixture.ontology()).build().start();
        http = new Fixture.Client(server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** The fixture plus a graph of 55 more measures of 厚生労働省, in TDB2 this time. */
    static DatasetVersion version2() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        DatasetGraph fixture = Fixture.load("/serve/fixture.trig");
        Node graph = NodeFactory.createURI(Fixture.BASE + "graph/extra");
        Node mhlw = NodeFactory.createURI(Fixture.BASE + "id/ministry/mhlw");
        Txn.executeWrite(tdb, () -> {
            fixture.find().forEachRemaining(tdb::add);
            for (int i = 1; i <= EXTRA; i++) {
                Node m = NodeFactory.createURI(Fixture.BASE + "id/measure/extra/" + i);
                tdb.add(graph, m, RDF.type, HMS.Measure);
                tdb.add(graph, m, HMS.text, NodeFactory.createLiteralString("追加施策その" + i));
                tdb.add(graph, m, HMS.ministry, mhlw);
            }
            Node nested = NodeFactory.createURI(Fixture.BASE + "id/mention/test-doc/2/8-10");
            tdb.add(graph, nested, RDF.type, HMS.Mention);
            tdb.add(graph, nested, HMS.inMeasure, NodeFactory.createURI(Fixture.BASE + "id/measure/test-doc/2"));
            tdb.add(graph, nested, HMS.surface, NodeFactory.createLiteralString("日本"));
            tdb.add(graph, nested, HMS.start, NodeFactory.createLiteralDT("8", XSDDatatype.XSDinteger));
            tdb.add(graph, nested, HMS.end, NodeFactory.createLiteralDT("10", XSDDatatype.XSDinteger));
        });
        return new DatasetVersion(tdb, "v2", Instant.parse("2026-11-27T00:00:00Z"),
                Map.of("test-doc.txt", "5f2b1c0d7e9a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c",
                        "extra.txt", "00ff"));
    }

    JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }

    long triples() {
        var r = http.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).at("/results/bindings/0/n/value").asLong();
    }

    @Test
    void everyFeatureFollowsTheNewVersion() {
        assertEquals(V1_TRIPLES, triples());
        assertEquals("v1", json(http.get("/$/status").body()).get("version").asText());
        assertEquals(404, http.get("/id/measure/extra/1").statusCode());

        current.set(version2());

        JsonNode status = json(http.get("/$/status").body());
        assertEquals("v2", status.get("version").asText());
        assertEquals("2026-11-27T00:00:00Z", status.get("builtAt").asText());
        assertEquals("00ff", status.at("/sources/extra.txt").asText());
        assertEquals(V2_TRIPLES, triples(), "the union default graph works on TDB2 too");
        assertEquals(200, http.get("/id/measure/extra/1").statusCode());
        var search = json(http.get("/search?q=" + Fixture.encode("追加施策その55"), "Accept", "application/json").body());
        assertEquals(Fixture.BASE + "id/measure/extra/55", search.at("/results/0/iri").asText());
        assertTrue(http.get("/", "Accept", Fixture.CHROME).body().contains("Version <code>v2</code>"));
        assertEquals("v2", json(http.get("/download/manifest.json").body()).get("version").asText());
        assertTrue(http.get("/.well-known/void", "Accept", "text/turtle").body().contains("\"v2\""));
        String measure = http.get("/id/measure/test-doc/2", "Accept", Fixture.CHROME).body();
        assertTrue(measure.contains("<mark title=\"日本医療研究開発機構\"><a href=\"/id/initiative/amed\">日本医療研究開発機構"),
                "the outer mention is marked whole");
        assertTrue(measure.contains("3 of 4 mention(s) marked"), measure);
    }

    @Test
    void incomingLinksArePagedBeyondFifty() {
        current.set(version2());
        String page1 = http.get("/id/ministry/mhlw", "Accept", Fixture.CHROME).body();
        int measures = EXTRA + 3;
        assertTrue(page1.contains("<span class=\"count\">(" + measures + ")</span>"), page1);
        String group = "/id/ministry/mhlw?in=" + Fixture.encode(HMS.NS + "ministry");
        assertTrue(page1.contains("Page 1 of 2"), page1);
        assertTrue(page1.contains("href=\"" + group.replace("&", "&amp;") + "&amp;page=2\""), page1);

        var page2 = http.get(group + "&page=2", "Accept", Fixture.CHROME);
        assertEquals(200, page2.statusCode());
        String ministryGroup = page2.body().substring(page2.body().indexOf("Links to this"));
        assertEquals(measures - EntityPage.PAGE_SIZE, ministryGroup.split("<li>").length - 1, ministryGroup);
        assertTrue(ministryGroup.contains("Page 2 of 2"));
        assertTrue(ministryGroup.contains("previous"));
        assertEquals(400, http.get(group + "&page=zero", "Accept", Fixture.CHROME).statusCode());
    }

    @Test
    void aTransactionKeepsTheVersionItBeganOn() {
        DatasetVersion v1 = current.get();
        AtomicReference<DatasetGraph> view = new AtomicReference<>(new UnionView(v1.dataset()));
        LiveDataset live = new LiveDataset(view::get, new Context());
        live.begin(TxnType.READ);
        try {
            assertEquals(V1_TRIPLES, count(live));
            view.set(new UnionView(version2().dataset()));
            assertEquals(V1_TRIPLES, count(live), "still the version the transaction began on");
        } finally {
            live.commit();
            live.end();
        }
        assertEquals(V2_TRIPLES, Txn.calculateRead(live, () -> count(live)));
    }

    private static long count(DatasetGraph dsg) {
        return ((Number) QueryExec.dataset(dsg).query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").select().next()
                .get("n").getLiteralValue()).longValue();
    }

    @Test
    void queriesDuringSwapsAnswerFromOneVersionOrTheOther() throws InterruptedException {
        DatasetVersion v1 = current.get();
        DatasetVersion v2 = version2();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        Thread client = new Thread(() -> {
            while (running.get()) {
                var r = http.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
                if (r.statusCode() != 200) {
                    failures.add(r.statusCode() + " " + r.body());
                } else {
                    seen.add(json(r.body()).at("/results/bindings/0/n/value").asLong());
                }
                answered.incrementAndGet();
            }
        });
        client.start();
        for (int swap = 0; swap < 30; swap++) {
            DatasetVersion next = swap % 2 == 0 ? v2 : v1;
            current.set(next);
            // A request made after the swap sees the new version at once ...
            var mine = http.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
            assertEquals(next == v1 ? V1_TRIPLES : V2_TRIPLES,
                    json(mine.body()).at("/results/bindings/0/n/value").asLong(), "after swap " + swap);
            // ... while the client's queries run across the swaps: two more of them answered, one begun after it.
            long target = answered.get() + 2;
            while (answered.get() < target && client.isAlive()) {
                Thread.sleep(1);
            }
        }
        running.set(false);
        client.join();
        assertEquals(List.of(), failures);
        assertTrue(Set.of(V1_TRIPLES, V2_TRIPLES).containsAll(seen), seen.toString());
        assertTrue(seen.contains(V2_TRIPLES), seen.toString());
    }
}
