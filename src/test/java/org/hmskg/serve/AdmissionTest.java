package org.hmskg.serve;

import static org.hmskg.serve.Fixture.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Admission control: the worst query anyone can write never holds up the ordinary ones, and never hangs. */
class AdmissionTest {
    /** A cross product the fixture cannot finish before the timeout. */
    static final String CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    /** As slow, but hidden from the shape check: every pattern shares a variable through the subqueries' joins. */
    static final String HIDDEN = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t . ?b a ?t . ?c a ?t . ?d a ?t . ?e a ?t ."
            + " ?f a ?t . ?g a ?t . ?h a ?t . ?i a ?t . ?j a ?t . ?k a ?t }";
    static final String CHEAP = "SELECT ?s WHERE { ?s a ?t } LIMIT 5";

    @Nested
    class QueryShapes {
        @Test
        void theExampleQueriesAreOrdinary() throws IOException {
            try (Stream<Path> files = Files.list(Path.of("queries"))) {
                List<Path> rq = files.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
                assertFalse(rq.isEmpty());
                for (Path p : rq) {
                    assertFalse(QueryCost.expensive(Files.readString(p)), p + " is classed as expensive");
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {
            CROSS,
            "SELECT * WHERE { ?s ?p ?o }",
            "SELECT ?s WHERE { ?s ?p ?o FILTER regex(str(?o), \"x\") } LIMIT 10",
            "SELECT * WHERE { ?s (<http://x/p>|^<http://x/p>)* ?o }",
            "SELECT * WHERE { ?s <http://x/p>+ ?o } LIMIT 1",
            "SELECT * WHERE { ?s a ?t . ?u a ?v }",
        })
        void abusiveShapesAreExpensive(String query) {
            assertTrue(QueryCost.expensive(query), query);
            assertTrue(QueryCost.expensive(query), "the remembered verdict of " + query);
        }

        @Test
        void hugeValuesAreExpensive() {
            StringBuilder values = new StringBuilder("SELECT * WHERE { VALUES ?x {");
            for (int i = 0; i < 2000; i++) {
                values.append(" ").append(i);
            }
            assertTrue(QueryCost.expensive(values.append(" } ?x ?p ?o }").toString()));
        }

        @ParameterizedTest
        @ValueSource(strings = {CHEAP, "SELECT * WHERE { ?s ?p ?o } LIMIT 10", "ASK {}", "not sparql at all",
            "SELECT * WHERE { <http://x/a> <http://x/p>/<http://x/q> ?o }",
            "SELECT * WHERE { ?a <http://x/p> ?b . { ?c <http://x/q> ?a } UNION { ?c <http://x/r> ?a } ?c <http://x/s> ?d }"})
        void ordinaryShapesAreNot(String query) {
            assertFalse(QueryCost.expensive(query), query);
            assertFalse(QueryCost.expensive(query), "the remembered verdict of " + query);
        }
    }

    @Nested
    class UnderLoad {
        static HmsServer server;
        static Fixture.Client http;

        @BeforeAll
        static void start() {
            var v1 = Fixture.version("v1");
            ServerConfig config = ServerConfig.defaults().withPort(0).withQueryTimeout(Duration.ofSeconds(4))
                    .withAdmission(new AdmissionLimits(2, 2, 1, Duration.ofMillis(300), Duration.ofSeconds(1)));
            server = HmsServer.builder().config(config).dataset(() -> v1).ontology(Fixture.ontology()).build().start();
            http = new Fixture.Client(server.port());
        }

        @AfterAll
        static void stop() {
            server.stop();
        }

        @Test
        void expensiveQueriesBeyondTheirLaneGet503WithRetryAfterWhileCheapOnesAnswer() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<CompletableFuture<java.net.http.HttpResponse<String>>> heavy = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    heavy.add(CompletableFuture.supplyAsync(() -> http.query(CROSS), pool));
                }
                Thread.sleep(200);
                for (int i = 0; i < 20; i++) {
                    long t0 = System.nanoTime();
                    var r = http.query(CHEAP);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(200, r.statusCode(), r.body());
                    assertTrue(ms < 1000, "a cheap query took " + ms + " ms while expensive ones ran");
                }
                int rejected = 0;
                for (var f : heavy) {
                    var r = f.get();
                    assertEquals(503, r.statusCode(), r.body());
                    if (r.body().contains("busy")) {
                        rejected++;
                        assertEquals("5", r.headers().firstValue("Retry-After").orElse(""), r.body());
                    }
                }
                assertTrue(rejected >= 2, "only " + rejected + " expensive queries were turned away");
                String metrics = http.get("/$/metrics").body();
                assertTrue(metrics.lines().anyMatch(l -> l.startsWith("hmskg_admission_rejected_total")
                        && !l.endsWith(" 0.0")), metrics);
            } finally {
                pool.shutdown();
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }

        @Test
        void aQueryThatTurnsOutExpensiveIsStoppedWhenTheExpensiveLaneIsFull() throws Exception {
            assertFalse(QueryCost.expensive(HIDDEN));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                var first = CompletableFuture.supplyAsync(() -> http.query(HIDDEN), pool);
                Thread.sleep(600);
                var second = http.query(HIDDEN);
                assertEquals(503, second.statusCode(), second.body());
                assertEquals("5", second.headers().firstValue("Retry-After").orElse(""));
                String metrics = http.get("/$/metrics").body();
                assertTrue(metrics.lines().anyMatch(l -> l.startsWith("hmskg_admission_stopped_total")
                        && !l.endsWith(" 0.0")), "the second was stopped, not timed out: " + metrics);
                // The first moved to the expensive lane, which was free: it finishes (or meets the timeout).
                int first1 = first.get().statusCode();
                assertTrue(first1 == 200 || first1 == 503, "first: " + first1);
                assertEquals(200, http.query(CHEAP).statusCode());
            } finally {
                pool.shutdown();
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }

        @Test
        void postedQueryBodiesAreClassedToo() {
            var r = http.post("/sparql", "application/sparql-query", "ASK { ?s a ?t }");
            assertEquals(200, r.statusCode(), r.body());
            var form = http.post("/sparql", "application/x-www-form-urlencoded", "query=" + encode("ASK {}"));
            assertEquals(200, form.statusCode(), form.body());
        }

        @Test
        void limitsArePublishedOnTheQueryEditor() {
            String ui = http.get("/ui/").body();
            assertTrue(ui.contains("2 queries run at once"), ui);
        }
    }

}
