package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no browser would send, written byte by byte on a socket: each gets a 4xx with a sentence, nothing
 * changes, and the server keeps answering. (Updates, body limits, SERVICE and escaping are in HmsServerTest.)
 */
class HostileRequestTest {
    static HmsServer server;
    static Fixture.Client http;

    @BeforeAll
    static void start() {
        var v1 = Fixture.version("v1");
        server = HmsServer.builder().port(0).queryTimeout(Duration.ofSeconds(2)).dataset(() -> v1)
                .ontology(Fixture.ontology()).build().start();
        http = new Fixture.Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    record Raw(int status, String head, String body) {
    }

    /** Sends raw bytes and reads the answer until the server closes the connection. */
    static Raw raw(byte[] request) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            byte[] answer = readAnswer(s.getInputStream());
            String text = new String(answer, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            int status = head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Raw(status, head, split < 0 ? "" : text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readAnswer(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException e) {
            return new byte[0];
        }
    }

    static Raw raw(String requestLineAndHeaders) {
        return raw((requestLineAndHeaders + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    static void assertRefused(Raw r, String what) {
        assertTrue(r.status() >= 400 && r.status() < 500, what + " → " + r.head());
        assertStillUp();
    }

    static void assertStillUp() {
        assertEquals(200, http.get("/$/ping").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%ZZ HTTP/1.1",
        "GET /search?q=%E0%A4%A HTTP/1.1",
        "GET /id/initiative/%ZZ HTTP/1.1",
        "GET /id/initiative/amed%00 HTTP/1.1",
    })
    void malformedPercentEncodingIs400(String line) {
        Raw r = raw(line);
        assertRefused(r, line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/search?q=%C3%28", "/sparql?query=SELECT%20%C3%28", "/id/initiative/%C3%28",
        "/search?q=%ED%A0%80"})
    void invalidUtf8Is4xx(String path) {
        Raw r = raw("GET " + path + " HTTP/1.1");
        assertRefused(r, path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "PROPFIND", "MKCOL", "TRACE", "PATCH", "PUT", "DELETE", "CONNECT"})
    void unknownAndWritingMethodsAre4xxWithASentence(String method) {
        for (String path : List.of("/", "/sparql", "/kg", "/kg/data", "/id/initiative/amed", "/download/")) {
            Raw r = raw(method + " " + path + " HTTP/1.1\r\nContent-Length: 0");
            assertRefused(r, method + " " + path);
            if (r.status() == 405) {
                assertFalse(r.body().isBlank(), method + " " + path + ": no sentence");
            }
        }
    }

    @Test
    void hugeHeadersAre431() {
        Raw r = raw("GET / HTTP/1.1\r\nX-Junk: " + "a".repeat(100 * 1024));
        assertRefused(r, "100 KiB header");
        Raw many = raw("GET / HTTP/1.1" + "\r\nX-A: b".repeat(10000));
        assertRefused(many, "10000 headers");
        assertEquals(431, r.status(), r.head());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/download/../../../../etc/passwd", "/download/%2e%2e/%2e%2e/pom.xml",
        "/download/..%2f..%2fpom.xml", "/download/..%5c..%5cpom.xml", "/assets/../../pom.xml",
        "/assets/%2e%2e%2fpom.xml", "/ui/..%2f..%2fpom.xml", "/download/%252e%252e/pom.xml",
        "/assets/..;/..;/pom.xml", "/download//etc/passwd"})
    void pathTraversalReachesNothing(String path) {
        Raw r = raw("GET " + path + " HTTP/1.1");
        assertRefused(r, path);
        assertFalse(r.body().contains("root:") || r.body().contains("<project"), path + " leaked: " + r.body());
    }

    @Test
    void serviceToInternalAddressesIsRefused() {
        for (String endpoint : List.of("http://127.0.0.1:" + server.port() + "/sparql", "http://169.254.169.254/",
                "http://[::1]/", "file:///etc/passwd", "http://localhost/")) {
            var r = http.query("SELECT * WHERE { SERVICE <" + endpoint + "> { ?s ?p ?o } }");
            assertEquals(422, r.statusCode(), endpoint + ": " + r.body());
        }
        assertStillUp();
    }

    @Test
    void slowClientsDoNotHoldUpOthers() throws IOException {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: x\r\nX-Slow: "
                        .getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                slow.add(s);
            }
            Socket body = new Socket("127.0.0.1", server.port());
            body.getOutputStream().write(("POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query"
                    + "\r\nContent-Length: 1000\r\n\r\nASK").getBytes(StandardCharsets.ISO_8859_1));
            slow.add(body);
            for (int i = 0; i < 10; i++) {
                assertEquals(200, http.query("ASK {}").statusCode());
            }
            // ... answered while every stalled request was still waiting for the rest of itself
            for (Socket s : slow) {
                assertFalse(s.isClosed());
                assertEquals(0, s.getInputStream().available(), "a stalled request was answered");
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void markupQuotesAndControlCharactersInTheDataRenderInertOnEveryHtmlPage() {
        org.apache.jena.sparql.core.DatasetGraph dsg = Fixture.load("/serve/fixture.trig");
        org.apache.jena.graph.Node thing = org.apache.jena.graph.NodeFactory.createURI(Fixture.EVIL);
        org.apache.jena.graph.Node g = org.apache.jena.graph.NodeFactory.createURI(Fixture.BASE + "graph/reference");
        String nasty = "\" onmouseover=\"alert(2)\" x=\"' onfocus='alert(3)\u0001\u0007\u202E</textarea><img src=x onerror=alert(4)>";
        org.apache.jena.system.Txn.executeWrite(dsg, () -> {
            dsg.add(g, thing, org.apache.jena.vocabulary.SKOS.altLabel.asNode(),
                    org.apache.jena.graph.NodeFactory.createLiteralLang(nasty, "ja"));
            dsg.add(g, thing, org.apache.jena.vocabulary.RDFS.comment.asNode(),
                    org.apache.jena.graph.NodeFactory.createLiteralString(nasty));
        });
        var version = new org.hmskg.store.DatasetVersion(dsg, "evil", java.time.Instant.now(), java.util.Map.of());
        HmsServer evil = HmsServer.builder().port(0).dataset(() -> version).ontology(Fixture.ontology()).build().start();
        try {
            Fixture.Client c = new Fixture.Client(evil.port());
            List<String> pages = new ArrayList<>(List.of("/", "/ui/", "/def", "/.well-known/void", "/search?q=alert",
                    "/search?q=" + Fixture.encode("<script>"), "/graph/reference", "/download/"));
            String subjects = c.get("/sparql?query=" + Fixture.encode("SELECT DISTINCT ?s WHERE { ?s ?p ?o }"),
                    "Accept", "text/csv").body();
            subjects.lines().filter(l -> l.startsWith(Fixture.BASE + "id/"))
                    .forEach(l -> pages.add(l.strip().substring(Fixture.BASE.length() - 1)));
            assertTrue(pages.size() > 20, pages.toString());
            for (String page : pages) {
                var r = c.get(page, "Accept", Fixture.CHROME);
                String body = r.body();
                for (String bad : List.of("<script>alert", "<img src=x", "\" onmouseover=", "' onfocus=", "\u0001",
                        "\u0007", "</textarea><")) {
                    assertFalse(body.contains(bad), page + " carries " + bad + " raw");
                }
            }
        } finally {
            evil.stop();
        }
    }
}
