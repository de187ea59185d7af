package org.hmskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served form of a version answers exactly as a general dataset with the same quads does. */
class FrozenDatasetTest {
    static final String EX = "https://example.org/";

    static Node uri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    /** Three graphs of different sizes over a small vocabulary, so that many triples occur in two or three. */
    static Map<Node, Graph> overlappingGraphs(long seed) {
        Random random = new Random(seed);
        Map<Node, Graph> graphs = new LinkedHashMap<>();
        int[] sizes = {400, 120, 60};
        for (int i = 0; i < sizes.length; i++) {
            Graph g = GraphMemFactory.createDefaultGraph();
            while (g.size() < sizes[i]) {
                Node o = random.nextBoolean() ? uri("o" + random.nextInt(12))
                        : NodeFactory.createLiteralLang("値" + random.nextInt(6), random.nextBoolean() ? "ja" : "en");
                g.add(Triple.create(uri("s" + random.nextInt(15)), uri("p" + random.nextInt(4)), o));
            }
            graphs.put(uri("graph/" + i), g);
        }
        return graphs;
    }

    static DatasetGraph general(Map<Node, Graph> graphs) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> graphs.forEach((name, g) -> g.find().forEachRemaining(t -> dsg.add(name,
                t.getSubject(), t.getPredicate(), t.getObject()))));
        return dsg;
    }

    @Test
    void theUnionHasEveryTripleOnceForEveryPattern() {
        for (long seed = 1; seed <= 5; seed++) {
            Map<Node, Graph> graphs = overlappingGraphs(seed);
            FrozenDataset frozen = FrozenDataset.of(graphs);
            Set<Triple> expected = new HashSet<>();
            graphs.values().forEach(g -> g.find().forEachRemaining(expected::add));
            assertTrue(expected.size() < graphs.values().stream().mapToInt(Graph::size).sum(), "the graphs overlap");
            Graph union = frozen.getUnionGraph();
            assertEquals(expected.size(), union.size());
            List<Node> probes = List.of(Node.ANY, uri("s3"), uri("p1"), uri("o4"), NodeFactory.createLiteralLang("値2", "ja"));
            for (Node s : probes) {
                for (Node p : probes) {
                    for (Node o : probes) {
                        List<Triple> found = union.find(s, p, o).toList();
                        Set<Triple> want = new HashSet<>();
                        expected.stream().filter(t -> t.matches(s, p, o)).forEach(want::add);
                        assertEquals(want.size(), found.size(), "no duplicates for " + s + " " + p + " " + o);
                        assertEquals(want, new HashSet<>(found), s + " " + p + " " + o);
                    }
                }
            }
            expected.forEach(t -> assertTrue(union.contains(t)));
            assertFalse(union.contains(Triple.create(uri("s1"), uri("nothing"), uri("o1"))));
        }
    }

    @Test
    void namedGraphsAndQuadsAreKeptAsGiven() {
        Map<Node, Graph> graphs = overlappingGraphs(7);
        FrozenDataset frozen = FrozenDataset.of(graphs);
        DatasetGraph general = general(graphs);
        Set<Quad> want = new HashSet<>();
        Txn.executeRead(general, () -> general.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(want::add));
        Set<Quad> got = new HashSet<>();
        Txn.executeRead(frozen, () -> frozen.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(got::add));
        assertEquals(want, got);
        assertEquals(Set.copyOf(graphs.keySet()), Set.copyOf(iterable(frozen.listGraphNodes())));
        graphs.forEach((name, g) -> assertEquals(g.size(), frozen.getGraph(name).size()));
        assertTrue(frozen.getDefaultGraph().isEmpty(), "the stored default graph is empty, as the build hands it over");
        assertEquals(0, iterable(frozen.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY)).size());
        assertEquals(frozen.getUnionGraph().size(),
                iterable(frozen.find(Quad.unionGraph, Node.ANY, Node.ANY, Node.ANY)).size());
        assertEquals(frozen.getUnionGraph().size(),
                iterable(frozen.findQuadsInUnionGraph(Node.ANY, Node.ANY, Node.ANY)).size());
    }

    @Test
    void sparqlOverTheFrozenDatasetMatchesAGeneralOne() {
        Map<Node, Graph> graphs = overlappingGraphs(11);
        List<String> queries = List.of(
                "SELECT (COUNT(*) AS ?n) { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o } }",
                "SELECT ?s ?o { GRAPH <urn:x-arq:UnionGraph> { ?s <" + EX + "p1> ?o . ?o <" + EX + "p2> ?x } } ORDER BY ?s ?o",
                "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                "SELECT DISTINCT ?s { GRAPH ?g { ?s <" + EX + "p0> ?o FILTER(isLiteral(?o) && lang(?o) = 'ja') } } ORDER BY ?s",
                "SELECT ?s ?o FROM <" + EX + "graph/1> { ?s <" + EX + "p3> ?o } ORDER BY ?s ?o",
                "SELECT (COUNT(*) AS ?n) FROM <" + EX + "no-such-graph> { ?s ?p ?o }",
                "SELECT ?g (COUNT(*) AS ?n) FROM NAMED <" + EX + "graph/2> FROM NAMED <" + EX + "nothing> "
                        + "{ GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g");
        DatasetGraph general = general(graphs);
        FrozenDataset frozen = FrozenDataset.of(graphs);
        for (String q : queries) {
            assertEquals(run(general, q), run(frozen, q), q);
        }
    }

    static String run(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query).build()) {
                return ResultSetFormatter.asText(qe.execSelect());
            }
        });
    }

    @Test
    void concurrentReadersSeeTheSameAnswers() throws Exception {
        Map<Node, Graph> graphs = overlappingGraphs(13);
        FrozenDataset frozen = FrozenDataset.of(graphs);
        String q = "SELECT ?s ?p ?o { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o } } ORDER BY ?s ?p ?o";
        String want = run(general(graphs), q);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> run(frozen, q)));
            }
            for (Future<String> a : answers) {
                assertEquals(want, a.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesAreRefused() {
        FrozenDataset frozen = FrozenDataset.of(overlappingGraphs(3));
        Quad q = Quad.create(uri("graph/0"), uri("s"), uri("p"), uri("o"));
        assertThrows(UnsupportedOperationException.class, () -> frozen.add(q));
        assertThrows(UnsupportedOperationException.class, () -> frozen.delete(q));
        assertThrows(UnsupportedOperationException.class, () -> frozen.addGraph(uri("g"), GraphMemFactory.createDefaultGraph()));
        assertThrows(RuntimeException.class, () -> frozen.getGraph(uri("graph/0")).add(q.asTriple()));
        assertThrows(RuntimeException.class, () -> frozen.getUnionGraph().add(q.asTriple()));
        assertThrows(JenaTransactionException.class, () -> frozen.begin(TxnType.WRITE));
        assertFalse(frozen.isInTransaction());
        frozen.begin(TxnType.READ);
        assertTrue(frozen.isInTransaction());
        frozen.end();
        assertFalse(frozen.isInTransaction());
    }

    @Test
    void aFrozenCopyDoesNotFollowItsSource() {
        Map<Node, Graph> graphs = overlappingGraphs(5);
        FrozenDataset frozen = FrozenDataset.of(graphs);
        int before = frozen.getUnionGraph().size();
        graphs.values().iterator().next().add(Triple.create(uri("new"), uri("p"), uri("o")));
        assertEquals(before, frozen.getUnionGraph().size());
    }

    @Test
    void theLoaderPutsTriplesInTheNamedGraphAndRefusesThemWithoutOne() {
        FrozenDataset.Loader loader = new FrozenDataset.Loader();
        var sink = loader.into(uri("graph/file"));
        sink.triple(Triple.create(uri("a"), uri("p"), uri("b")));
        sink.quad(Quad.create(Quad.defaultGraphIRI, uri("c"), uri("p"), uri("d")));
        sink.quad(Quad.create(uri("graph/other"), uri("e"), uri("p"), uri("f")));
        FrozenDataset frozen = loader.freeze();
        assertEquals(2, frozen.getGraph(uri("graph/file")).size());
        assertEquals(1, frozen.getGraph(uri("graph/other")).size());
        assertEquals(3, frozen.getUnionGraph().size());
        var strict = new FrozenDataset.Loader().into(null);
        assertThrows(IllegalArgumentException.class, () -> strict.triple(Triple.create(uri("a"), uri("p"), uri("b"))));
    }

    @Test
    void parsingAFileGivesItsChecksumAndTheLineOfAnError(@TempDir Path dir) throws IOException {
        String nt = "<" + EX + "a> <" + EX + "p> \"一\" .\n<" + EX + "b> <" + EX + "p> \"二\"@ja .\n";
        Path file = Files.writeString(dir.resolve("data.nt"), nt);
        FrozenDataset.Loader loader = new FrozenDataset.Loader();
        assertEquals(Store.sha256(file), Store.parse(file, Lang.NTRIPLES, loader.into(uri("graph/data"))));
        assertEquals(2, loader.freeze().getGraph(uri("graph/data")).size());

        Path gz = dir.resolve("data.nt.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(nt.getBytes(StandardCharsets.UTF_8));
        }
        FrozenDataset.Loader fromGz = new FrozenDataset.Loader();
        assertEquals(Store.sha256(gz), Store.parse(gz, Lang.NTRIPLES, fromGz.into(uri("graph/data"))));
        assertEquals(2, fromGz.freeze().getUnionGraph().size());

        Path bz2 = dir.resolve("data.nt.bz2");
        try (OutputStream os = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
            os.write(nt.getBytes(StandardCharsets.UTF_8));
        }
        FrozenDataset.Loader fromBz2 = new FrozenDataset.Loader();
        assertEquals(Store.sha256(bz2), Store.parse(bz2, Lang.NTRIPLES, fromBz2.into(uri("graph/data"))));
        assertEquals(2, fromBz2.freeze().getUnionGraph().size());
        Path snappy = Files.writeString(dir.resolve("data.nt.sz"), "not read");
        assertThrows(IOException.class, () -> Store.parse(snappy, Lang.NTRIPLES, new FrozenDataset.Loader().into(uri("g"))));

        Path bad = Files.writeString(dir.resolve("bad.nt"), nt + "<" + EX + "c> <" + EX + "p> oops .\n");
        RiotParseException e = assertThrows(RiotParseException.class,
                () -> Store.parse(bad, Lang.NTRIPLES, new FrozenDataset.Loader().into(uri("graph/bad"))));
        assertEquals(3, e.getLine());
    }

    static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
