package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.hmskg.store.DatasetVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Large answers leave no large buffers outside the heap. With Fuseki's 5 MiB output buffer, an answer written as it is
 * made (the response cache off) took a fresh 5 MiB direct buffer per response, freed only by a collection: under 16
 * clients that held up to the heap's size again outside it (bench/load.sh: peak RSS 1,036 MiB with a 512 MiB heap).
 * Without the fix this test sees about 10 MiB of growth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputBufferTest {
    static final int TRIPLES = 20_000;
    static final long ONE_MIB = 1024 * 1024;

    final AtomicReference<DatasetVersion> current = new AtomicReference<>();
    HmsServer uncached;

    @BeforeAll
    void start() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        var g = NodeFactory.createURI("https://example.org/graph/big");
        var p = NodeFactory.createURI("https://example.org/def/text");
        for (int i = 0; i < TRIPLES; i++) {
            dsg.add(new Quad(g, NodeFactory.createURI("https://example.org/id/thing/" + i), p,
                    NodeFactory.createLiteralLang("施策の本文 " + i + " " + "あ".repeat(40), "ja")));
        }
        current.set(new DatasetVersion(dsg, "big", Instant.parse("2026-12-02T00:00:00Z"), Map.of()));
        uncached = HmsServer.builder().port(0).dataset(current::get).ontology(Fixture.ontology())
                .responseCache(0).build().start();
    }

    @AfterAll
    void stop() {
        uncached.stop();
    }

    private static long direct() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    private static long largestGrowth(HmsServer server) {
        String path = HttpCacheTest.sparql("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }");
        long before = direct();
        long largest = 0;
        for (int i = 0; i < 6; i++) {
            HttpResponse<byte[]> r = HttpCacheTest.get(server, path, "Accept", "application/sparql-results+json");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().length > 2 * ONE_MIB, "the answer is large: " + r.body().length + " bytes");
            largest = Math.max(largest, direct() - before);
        }
        return largest;
    }

    @Test
    void aLargeAnswerWrittenAsItIsMadeLeavesNoLargeDirectBuffer() {
        long growth = largestGrowth(uncached);
        assertTrue(growth < ONE_MIB, "direct memory grew by " + growth + " bytes");
    }
}
