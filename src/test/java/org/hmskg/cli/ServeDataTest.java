package org.hmskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.hmskg.parse.ParseException;
import org.hmskg.serve.HmsServer;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.FrozenDataset;
import org.hmskg.store.Store;
import org.hmskg.vocab.Iris;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --data}: extra RDF files, each in its own graph, served in the union with the seeds. */
class ServeDataTest {
    @TempDir
    Path dir;
    Path seeds;

    @BeforeEach
    void copySeed() throws IOException {
        seeds = CliTest.copySeedInto(dir);
    }

    private DatasetVersion prepare(Path... data) {
        ServeCommand serve = new ServeCommand();
        List<String> args = new ArrayList<>(List.of("--seeds", seeds.toString(), "--snapshots",
                dir.resolve("snapshots").toString()));
        for (Path d : data) {
            args.addAll(List.of("--data", d.toString()));
        }
        new CommandLine(serve).parseArgs(args.toArray(String[]::new));
        return serve.prepare();
    }

    private static Set<Triple> distinctTriples(DatasetGraph dsg) {
        Set<Triple> all = new HashSet<>();
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                .forEachRemaining(q -> all.add(q.asTriple())));
        return all;
    }

    @Test
    void dataFilesAreServedInTheUnionEachInItsOwnGraph() throws Exception {
        String amed = Iris.initiative("amed").getURI();
        // One triple the seeds already hold (AMED is an Initiative), two new ones, and a quads file.
        Path nt = Files.writeString(dir.resolve("extra.nt"), """
                <%1$s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/hmskg/def#Initiative> .
                <%1$s> <https://example.org/budget> "1000" .
                <https://example.org/x> <https://example.org/about> <%1$s> .
                """.formatted(amed));
        Path nq = Files.writeString(dir.resolve("more.nq"), """
                <https://example.org/d> <https://example.org/p> "default graph" .
                <https://example.org/n> <https://example.org/p> "named" <https://example.org/graph/n> .
                """);
        DatasetVersion plain = prepare();
        DatasetVersion dv = prepare(nt, nq);
        assertTrue(dv.dataset() instanceof FrozenDataset);
        assertFalse(plain.version().equals(dv.version()), "the data files change the dataset version");
        assertEquals(Store.sha256(nt), dv.sources().get("extra.nt"));
        assertEquals(3, dv.dataset().getGraph(Iris.graph("extra")).size());
        assertEquals(1, dv.dataset().getGraph(Iris.graph("more")).size(), "a default-graph quad goes to the file's graph");
        assertEquals(1, dv.dataset().getGraph(org.apache.jena.graph.NodeFactory.createURI("https://example.org/graph/n")).size());
        int union = distinctTriples(dv.dataset()).size();
        assertEquals(distinctTriples(plain.dataset()).size() + 4, union, "the triple the seeds already hold counts once");

        HmsServer server = HmsServer.builder().port(0).dataset(() -> dv).build().start();
        try {
            String query = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + server.port() + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(union, new ObjectMapper().readTree(r.body()).at("/results/bindings/0/n/value").asInt());
        } finally {
            server.stop();
        }
    }

    @Test
    void aCompressedFileIsNamedWithoutItsExtensions() throws Exception {
        Path bz2 = dir.resolve("packed.nt.bz2");
        try (var os = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(
                Files.newOutputStream(bz2))) {
            os.write("<https://example.org/a> <https://example.org/p> \"x\" .\n".getBytes(StandardCharsets.UTF_8));
        }
        DatasetVersion dv = prepare(bz2);
        assertEquals(1, dv.dataset().getGraph(Iris.graph("packed")).size());
    }

    @Test
    void aBrokenDataFileIsRefusedWithItsLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.nt"), """
                <https://example.org/a> <https://example.org/p> "ok" .
                <https://example.org/b> <https://example.org/p> not-a-term .
                """);
        ParseException e = assertThrows(ParseException.class, () -> prepare(bad));
        assertEquals(2, e.line());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--seeds", seeds.toString(), "--snapshots",
                dir.resolve("snapshots").toString(), "--port", "0", "--data", bad.toString(), "--exit-after-start"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(Main.INPUT, code);
        assertTrue(err.toString().contains(bad + ":2"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }
}
