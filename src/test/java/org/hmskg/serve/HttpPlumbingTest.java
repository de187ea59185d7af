package org.hmskg.serve;

import static org.hmskg.serve.Fixture.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HEAD, compression and body limits, as a client sees them on every route. */
class HttpPlumbingTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static HmsServer server;

    @BeforeAll
    static void start() {
        var v1 = Fixture.version("v1");
        server = HmsServer.builder().port(0).maxBodyBytes(4096).dataset(() -> v1).ontology(Fixture.ontology())
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<byte[]> send(String method, String path, String... headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(new Fixture.Client(server.port()).uri(path))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/sparql?query=ASK%7B%7D", "/sparql", "/kg/sparql?query=ASK%7B%7D",
        "/kg/get?default", "/id/initiative/amed", "/id/initiative/nothing", "/id/initiative/kenko-keiei-yuryo",
        "/graph/reference", "/def", "/search?q=AMED", "/network", "/ui/", "/assets/site.css", "/.well-known/void",
        "/download/", "/download/hmskg.nq.gz", "/$/ping", "/$/status", "/$/metrics"})
    void headAnswersWithTheHeadersOfGetAndNoBody(String path) throws Exception {
        for (String accept : List.of(Fixture.CHROME, "*/*")) {
            var get = send("GET", path, "Accept", accept);
            var head = send("HEAD", path, "Accept", accept);
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(0, head.body().length, path + " HEAD has a body");
            for (String h : List.of("Content-Type", "ETag", "Vary", "Cache-Control", "Link")) {
                assertEquals(get.headers().firstValue(h), head.headers().firstValue(h), path + " " + h);
            }
        }
    }

    @Test
    void streamedAnswersAreCompressedToo() throws Exception {
        // The Graph Store read is not buffered or cached: it streams from Fuseki.
        var plain = send("GET", "/kg/get?default", "Accept", "application/n-triples");
        var gz = send("GET", "/kg/get?default", "Accept", "application/n-triples", "Accept-Encoding", "gzip");
        assertEquals(200, gz.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
        var head = send("HEAD", "/kg/get?default", "Accept", "application/n-triples", "Accept-Encoding", "gzip");
        assertEquals("gzip", head.headers().firstValue("Content-Encoding").orElseThrow());
    }

    @Test
    void alreadyCompressedDumpsAreNotCompressedAgain() throws Exception {
        var r = send("GET", "/download/hmskg.nq.gz", "Accept-Encoding", "gzip");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty());
        try (var in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertTrue(new String(in.readAllBytes()).contains("<https://w3id.org/hmskg/"));
        }
    }

    @Test
    void aChunkedFormOverTheLimitIs413() throws Exception {
        byte[] big = ("query=" + encode("ASK {} # " + "x".repeat(8000))).getBytes();
        var r = HTTP.send(HttpRequest.newBuilder(new Fixture.Client(server.port()).uri("/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        var small = HTTP.send(HttpRequest.newBuilder(new Fixture.Client(server.port()).uri("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("ASK {}".getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, small.statusCode(), "a chunked body within the limit is read: " + small.body());
    }

    @Test
    void everyRouteIsCountedUnderItsLabel() throws Exception {
        for (String path : List.of("/network", "/search?q=x", "/def", "/kg/get?default")) {
            send("GET", path);
        }
        String metrics = new String(send("GET", "/$/metrics").body());
        for (String label : List.of("network", "search", "def", "kg")) {
            assertTrue(metrics.contains("hmskg_http_requests_total{endpoint=\"" + label + "\""), label + "\n" + metrics);
        }
    }
}
