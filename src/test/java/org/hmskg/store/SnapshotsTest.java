package org.hmskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {
    static final String BASE = "https://w3id.org/hmskg/";

    static DatasetGraph sample() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node g = NodeFactory.createURI(BASE + "graph/doc");
        Node s = NodeFactory.createURI(BASE + "id/measure/doc/1");
        Txn.executeWrite(dsg, () -> {
            dsg.add(new Quad(g, s, NodeFactory.createURI(BASE + "def#text"), NodeFactory.createLiteralString("本文 𠮟")));
            dsg.add(new Quad(g, s, NodeFactory.createURI(BASE + "def#inSection"),
                    NodeFactory.createURI(BASE + "id/section/doc/1")));
        });
        return dsg;
    }

    @Test
    void aSavedSnapshotLoadsAsTheSameDataAndOldOnesAreRemoved(@TempDir Path dir) throws IOException {
        Snapshots snapshots = new Snapshots(dir);
        Instant built = Instant.parse("2026-11-26T05:00:00Z");
        snapshots.save(new DatasetVersion(sample(), "old", built, Map.of()));
        snapshots.save(new DatasetVersion(sample(), "v1", built, Map.of("a.txt", "abc")));
        DatasetVersion loaded = snapshots.load("v1").orElseThrow();
        assertTrue(IsoMatcher.isomorphic(sample(), loaded.dataset()));
        assertEquals(built, loaded.builtAt());
        assertEquals(Map.of("a.txt", "abc"), loaded.sources());
        assertTrue(snapshots.load("old").isEmpty(), "older snapshots are tidied away");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void aMissingOrDamagedSnapshotIsACacheMiss(@TempDir Path dir) throws IOException {
        Snapshots snapshots = new Snapshots(dir);
        assertTrue(snapshots.load("nothing").isEmpty());
        Files.writeString(dir.resolve("bad.rt"), "not thrift");
        Files.writeString(dir.resolve("bad.properties"), "builtAt=2026-11-26T05:00:00Z\n");
        assertTrue(snapshots.load("bad").isEmpty());
    }

    @Test
    void rebaseMovesTheDataIrisButNotTheVocabulary() {
        DatasetGraph moved = Rebase.rebase(sample(), BASE, "https://kg.example.org/");
        Txn.executeRead(moved, () -> {
            Quad q = moved.find(null, NodeFactory.createURI("https://kg.example.org/id/measure/doc/1"), null, null)
                    .next();
            assertEquals("https://kg.example.org/graph/doc", q.getGraph().getURI());
            assertTrue(q.getPredicate().getURI().startsWith(BASE + "def#"));
        });
        assertTrue(Txn.calculateRead(moved, () -> moved.contains(null, null, null,
                NodeFactory.createURI("https://kg.example.org/id/section/doc/1"))));
    }
}
