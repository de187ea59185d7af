package org.hmskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TDB2 database with its union stored in the default graph shows exactly the named graphs it was given. */
class StoredUnionTdb2Test {
    @TempDir
    Path dir;

    @Test
    void theStoredUnionAnswersLikeTheUnionOfTheNamedGraphs() throws IOException {
        Map<Node, Graph> graphs = FrozenDatasetTest.overlappingGraphs(17);
        Path tdb = dir.resolve("tdb2");
        Store.writeTdb2(graphs, tdb);
        assertTrue(Files.isRegularFile(tdb.resolve(StoredUnionTdb2.MARKER)));
        DatasetGraph stored = Store.openTdb2(tdb);
        FrozenDataset reference = FrozenDataset.of(graphs);

        Txn.executeRead(stored, () -> {
            Set<Quad> want = new HashSet<>();
            reference.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(want::add);
            Set<Quad> got = new HashSet<>();
            stored.find().forEachRemaining(got::add);
            assertEquals(want, got, "quads are the named graphs' only: the stored union stays out of sight");
            assertTrue(stored.getDefaultGraph().isEmpty());
            assertFalse(stored.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).hasNext());

            Graph union = stored.getUnionGraph();
            assertEquals(reference.getUnionGraph().size(), union.size());
            for (Node s : List.of(Node.ANY, FrozenDatasetTest.uri("s3"))) {
                for (Node p : List.of(Node.ANY, FrozenDatasetTest.uri("p1"))) {
                    List<Triple> found = union.find(s, p, Node.ANY).toList();
                    Set<Triple> expected = new HashSet<>(reference.getUnionGraph().find(s, p, Node.ANY).toList());
                    assertEquals(expected.size(), found.size(), "no duplicates");
                    assertEquals(expected, new HashSet<>(found));
                }
            }

            ByteArrayOutputStream nq = new ByteArrayOutputStream();
            RDFDataMgr.write(nq, stored, Lang.NQUADS);
            String dump = nq.toString(StandardCharsets.UTF_8);
            assertEquals(want.size(), dump.lines().count(), "a dump holds each named quad once");
            assertTrue(dump.lines().allMatch(l -> l.endsWith("> .") && l.split(" <https://example.org/graph/").length == 2));
        });

        // TDB2's own query engine (as `query --tdb2` runs) reads the stored union as the default graph.
        DatasetGraph expected = DatasetGraphFactory.createGeneral();
        graphs.forEach(expected::addGraph);
        reference.getUnionGraph().find().forEachRemaining(expected.getDefaultGraph()::add);
        for (String q : List.of("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                "SELECT ?s ?o { ?s <https://example.org/p1> ?o . ?o <https://example.org/p2> ?x } ORDER BY ?s ?o")) {
            assertEquals(run(expected, q), run(stored, q), q);
        }
    }

    static String run(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query).build()) {
                return ResultSetFormatter.asText(qe.execSelect());
            }
        });
    }
}
