package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.hmskg.store.DatasetVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A private deployment: another canonical base, and SERVICE allowed to one endpoint only. */
class ServerOptionsTest {
    static final String PRIVATE = "https://kg.example.org/hmskg/";

    static HmsServer upstream;
    static HmsServer server;
    static Fixture.Client http;
    static String upstreamSparql;

    /** The fixture with its data IRIs under the private base; the vocabulary keeps its namespace. */
    static DatasetVersion privateVersion() {
        String trig;
        try (InputStream in = ServerOptionsTest.class.getResourceAsStream("/serve/fixture.trig")) {
            trig = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trig = trig.replace(Fixture.BASE + "id/", PRIVATE + "id/").replace(Fixture.BASE + "graph/", PRIVATE + "graph/");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(trig, Lang.TRIG).parse(dsg);
        return new DatasetVersion(dsg, "private", Instant.parse("2026-11-26T05:00:00Z"), Map.of());
    }

    @BeforeAll
    static void start() {
        var v = Fixture.version("upstream");
        upstream = HmsServer.builder().port(0).dataset(() -> v).ontology(Fixture.ontology()).build().start();
        upstreamSparql = "http://localhost:" + upstream.port() + "/sparql";
        var p = privateVersion();
        server = HmsServer.builder()
                .port(0)
                .baseIri(PRIVATE)
                .queryTimeout(Duration.ofSeconds(5))
                .serviceAllowList(List.of(upstreamSparql))
                .dataset(() -> p)
                .ontology(Fixture.ontology())
                .build()
                .start();
        http = new Fixture.Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
        upstream.stop();
    }

    @Test
    void pathsMapOntoThePrivateBase() {
        var nt = http.get("/id/initiative/amed", "Accept", "application/n-triples");
        assertEquals(200, nt.statusCode());
        assertTrue(nt.body().contains("<" + PRIVATE + "id/initiative/amed>"), nt.body());
        assertTrue(nt.body().contains("<https://w3id.org/hmskg/def#curated>"), "the vocabulary keeps its IRIs");
        assertFalse(nt.body().contains(Fixture.AMED));
        String page = http.get("/id/initiative/amed", "Accept", Fixture.CHROME).body();
        assertTrue(page.contains("href=\"/id/ministry/mext\""), page);
        assertTrue(page.contains("href=\"/def#Organisation\""), page);
        assertEquals(404, http.get("/id/initiative/nothing", "Accept", "text/turtle").statusCode());
        assertTrue(http.get("/.well-known/void", "Accept", "text/turtle").body()
                .contains("<" + PRIVATE + ">"));
        assertTrue(http.get("/ui/").body().contains("data-base=\"" + PRIVATE + "\""));
        var search = http.get("/search?q=AMED", "Accept", "application/json").body();
        assertTrue(search.contains("\"page\":\"/id/initiative/amed\""), search);
    }

    @Test
    void serviceReachesOnlyTheAllowedEndpoint() {
        var allowed = http.query("SELECT ?label WHERE { SERVICE <" + upstreamSparql + "> { <" + Fixture.AMED
                + "> <http://www.w3.org/2004/02/skos/core#altLabel> ?label } }");
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertTrue(allowed.body().contains("\"AMED\""), allowed.body());
        var refused = http.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not allowed"), refused.body());
        assertTrue(http.get("/ui/").body().contains("SERVICE may call only " + upstreamSparql));
    }

    @Test
    void badOptionsAreRefusedWhenBuilding() {
        assertThrows(IllegalArgumentException.class, () -> HmsServer.builder().baseIri("https://example.org/x"));
        assertThrows(IllegalArgumentException.class, () -> HmsServer.builder().queryTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> HmsServer.builder().maxBodyBytes(0));
        assertThrows(IllegalStateException.class, () -> HmsServer.builder().build());
    }
}
