package org.hmskg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.store.DatasetVersion;

/** The serve tests' data and HTTP helpers: the TriG fixture, the stand-in ontology, real requests. */
final class Fixture {
    static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String CURL = "*/*";
    static final String RDFLIB = "application/rdf+xml, text/n3, text/turtle, application/n-triples, "
            + "application/ld+json, application/n-quads, application/trix, application/trig;q=0.9, "
            + "application/xhtml+xml;q=0.5, text/html;q=0.5";

    static final String BASE = "https://w3id.org/hmskg/";
    static final String AMED = BASE + "id/initiative/amed";
    static final String EVIL = BASE + "id/initiative/x-0123456789ab";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Fixture() {
    }

    static DatasetGraph load(String resource) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dsg;
    }

    static DatasetVersion version(String name) {
        return new DatasetVersion(load("/serve/fixture.trig"), name, Instant.parse("2026-11-26T05:00:00Z"),
                Map.of("test-doc.txt", "5f2b1c0d7e9a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c"));
    }

    static Graph ontology() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(Fixture.class.getResourceAsStream("/serve/ontology.ttl")).lang(Lang.TURTLE).parse(g);
        return g;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Real HTTP against a running server. */
    record Client(int port) {
        URI uri(String pathAndQuery) {
            return URI.create("http://localhost:" + port + pathAndQuery);
        }

        HttpResponse<String> get(String pathAndQuery, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).GET();
            if (headers.length > 0) {
                b.headers(headers);
            }
            return send(b.build());
        }

        HttpResponse<String> post(String path, String contentType, String body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return send(b.build());
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<byte[]> bytes(String path) {
            try {
                return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A SELECT or ASK by GET, answered as SPARQL JSON. */
        HttpResponse<String> query(String sparql) {
            return get("/sparql?query=" + encode(sparql), "Accept", "application/sparql-results+json");
        }
    }
}
