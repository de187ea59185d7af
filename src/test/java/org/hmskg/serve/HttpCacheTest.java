package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.hmskg.serve.http.HttpCacheFilter;
import org.hmskg.serve.http.RequestKey;
import org.hmskg.store.DatasetVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The response cache and HTTP validators, over real HTTP: a cached answer is the uncached one, byte for byte. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpCacheTest {
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final String CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final AtomicReference<DatasetVersion> current = new AtomicReference<>(Fixture.version("v1"));
    HmsServer cached;
    HmsServer uncached;

    @BeforeAll
    void start() {
        cached = HmsServer.builder().port(0).dataset(current::get).ontology(Fixture.ontology()).build().start();
        uncached = HmsServer.builder().port(0).dataset(current::get).ontology(Fixture.ontology())
                .responseCache(0).build().start();
    }

    @BeforeEach
    void firstVersion() {
        current.set(Fixture.version("v1"));
    }

    @AfterAll
    void stop() {
        cached.stop();
        uncached.stop();
    }

    static HttpResponse<byte[]> get(HmsServer server, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(new Fixture.Client(server.port()).uri(path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sparql(String query) {
        return "/sparql?query=" + Fixture.encode(query);
    }

    long metric(String name) {
        String text = new String(get(cached, "/$/metrics").body(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E]+)$").matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(2)) : -1;
    }

    @Test
    void aCachedAnswerIsByteIdenticalToAnUncachedOne() {
        List<String[]> requests = List.of(
                new String[] {sparql(COUNT), "Accept", "application/sparql-results+json"},
                new String[] {sparql("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"), "Accept", "text/csv"},
                new String[] {sparql(CONSTRUCT), "Accept", "text/turtle"},
                new String[] {"/id/initiative/amed", "Accept", Fixture.CHROME},
                new String[] {"/id/initiative/amed", "Accept", "text/turtle"},
                new String[] {"/search?q=AMED", "Accept", "application/json"},
                new String[] {"/.well-known/void", "Accept", "text/turtle"},
                new String[] {"/", "Accept", Fixture.CHROME});
        long hits = metric("hmskg_cache_hits_total");
        for (String[] r : requests) {
            String path = r[0];
            String[] headers = {r[1], r[2]};
            HttpResponse<byte[]> plain = get(uncached, path, headers);
            HttpResponse<byte[]> miss = get(cached, path, headers);
            HttpResponse<byte[]> hit = get(cached, path, headers);
            assertEquals(200, plain.statusCode(), path);
            // the Service Description and VoID name the endpoint, with the server's port
            assertEquals(new String(plain.body(), StandardCharsets.UTF_8).replace(":" + uncached.port() + "/",
                    ":" + cached.port() + "/"), new String(miss.body(), StandardCharsets.UTF_8), path);
            assertArrayEquals(miss.body(), hit.body(), path);
            assertEquals(plain.headers().firstValue("Content-Type"), hit.headers().firstValue("Content-Type"), path);
            assertEquals(plain.headers().firstValue("Vary"), hit.headers().firstValue("Vary"), path);
            assertEquals(miss.headers().firstValue("ETag"), hit.headers().firstValue("ETag"), path);
        }
        assertEquals(hits + requests.size(), metric("hmskg_cache_hits_total"));
        assertTrue(metric("hmskg_cache_misses_total") >= requests.size());
        assertTrue(metric("hmskg_cache_bytes") > 0);
    }

    @Test
    void theSameQueryWrittenWithOtherSpacingIsOneEntry() {
        get(cached, sparql(COUNT), "Accept", "application/sparql-results+json");
        long hits = metric("hmskg_cache_hits_total");
        var r = get(cached, sparql("  SELECT (COUNT(*) AS ?n)\n\tWHERE {\n ?s ?p ?o\n}\n"), "Accept",
                "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertEquals(hits + 1, metric("hmskg_cache_hits_total"));
        get(cached, sparql(COUNT), "Accept", "application/sparql-results+xml");
        assertEquals(hits + 1, metric("hmskg_cache_hits_total"), "another format is another entry");
    }

    @Test
    void neverAnswersFromAnotherVersion() {
        String path = sparql(COUNT);
        String v1 = new String(get(cached, path, "Accept", "text/csv").body(), StandardCharsets.UTF_8);
        assertEquals(v1, new String(get(cached, path, "Accept", "text/csv").body(), StandardCharsets.UTF_8));
        String etag1 = get(cached, path, "Accept", "text/csv").headers().firstValue("ETag").orElseThrow();

        current.set(DatasetSwapTest.version2());
        var r = get(cached, path, "Accept", "text/csv");
        assertEquals("n\r\n" + DatasetSwapTest.V2_TRIPLES + "\r\n", new String(r.body(), StandardCharsets.UTF_8));
        assertNotEquals(etag1, r.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, get(cached, path, "Accept", "text/csv", "If-None-Match", etag1).statusCode(),
                "an ETag of the old version does not validate");

        current.set(Fixture.version("v1 again"));
        assertEquals(v1, new String(get(cached, path, "Accept", "text/csv").body(), StandardCharsets.UTF_8));
        assertTrue(new String(get(cached, "/$/status").body(), StandardCharsets.UTF_8).contains("v1 again"));
    }

    @Test
    void errorsAreNeverCached() {
        long hits = metric("hmskg_cache_hits_total");
        assertEquals(400, get(cached, sparql("SELECT nonsense {"), "Accept", "text/csv").statusCode());
        assertEquals(400, get(cached, sparql("SELECT nonsense {"), "Accept", "text/csv").statusCode());
        assertEquals(404, get(cached, "/id/initiative/none", "Accept", "text/turtle").statusCode());
        assertEquals(404, get(cached, "/id/initiative/none", "Accept", "text/turtle").statusCode());
        assertEquals(hits, metric("hmskg_cache_hits_total"));
    }

    @Test
    void etagAndIfNoneMatchGive304() {
        for (HmsServer server : List.of(cached, uncached)) {
            for (String path : List.of(sparql(COUNT), "/id/initiative/amed", "/.well-known/void", "/def")) {
                var first = get(server, path, "Accept", "text/turtle, application/sparql-results+json");
                assertEquals(200, first.statusCode(), path);
                String etag = first.headers().firstValue("ETag").orElseThrow();
                assertTrue(etag.matches("\"[0-9a-f]{24}\""), etag);
                assertEquals(HttpCacheFilter.CACHE_CONTROL, first.headers().firstValue("Cache-Control").orElseThrow());
                var again = get(server, path, "Accept", "text/turtle, application/sparql-results+json",
                        "If-None-Match", "\"other\", " + etag);
                assertEquals(304, again.statusCode(), path);
                assertEquals(0, again.body().length);
                assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
            }
        }
    }

    @Test
    void largeAnswersAreGzippedWhenAccepted() throws IOException {
        for (HmsServer server : List.of(cached, uncached)) {
            String path = sparql(CONSTRUCT);
            var plain = get(server, path, "Accept", "application/n-triples");
            assertTrue(plain.body().length > HmsServer.GZIP_MIN_BYTES);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
            assertTrue(plain.headers().firstValue("Vary").orElseThrow().contains("Accept-Encoding"));
            for (int i = 0; i < 2; i++) {
                var gz = get(server, path, "Accept", "application/n-triples", "Accept-Encoding", "br, gzip;q=0.8");
                assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
                assertTrue(gz.body().length < plain.body().length);
                try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
                    assertArrayEquals(plain.body(), in.readAllBytes());
                }
                String etag = gz.headers().firstValue("ETag").orElseThrow();
                // Jetty's gzip marks the compressed form's validator and accepts it back
                assertTrue(etag.endsWith("--gzip\""), etag);
                assertEquals(304, get(server, path, "Accept", "application/n-triples", "Accept-Encoding", "gzip",
                        "If-None-Match", etag).statusCode());
            }
            var refused = get(server, path, "Accept", "application/n-triples", "Accept-Encoding", "gzip;q=0");
            assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
        }
    }

    @Test
    void dumpsHaveValidators() {
        var r = get(cached, "/download/hmskg.nq.gz");
        assertEquals(200, r.statusCode());
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertNotNull(r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(304, get(cached, "/download/hmskg.nq.gz", "If-None-Match", etag).statusCode());
    }

    @Test
    void queryNormalisationKeepsStringsIrisAndComments() {
        assertEquals("SELECT * { ?s ?p \"a  b\" }", RequestKey.normaliseQuery("SELECT *\n{ ?s  ?p \"a  b\" }  "));
        assertEquals("ASK { <http://x/a#b> ?p '''x\n\n y''' }",
                RequestKey.normaliseQuery("ASK {  <http://x/a#b>   ?p '''x\n\n y''' }"));
        assertEquals("# a  comment\n ?s", RequestKey.normaliseQuery("# a  comment\n  ?s"));
        assertEquals("FILTER(?x < 5 && ?y > 2)", RequestKey.normaliseQuery("FILTER(?x  <  5 &&  ?y > 2)"));
        assertNotEquals(RequestKey.normaliseQuery("ex:a\\'b ?x 'p  q'"), RequestKey.normaliseQuery("ex:a\\'b ?x 'p q'"));
    }
}
