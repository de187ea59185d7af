package org.hmskg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.hmskg.query.QueryLibrary;
import org.hmskg.store.Store;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed and a purpose-made, shortened second edition (src/test/resources/editions/) built together: shared
 * things keep one IRI, each document keeps its graph, and the edition queries show what changed.
 */
class EditionsTest {
    static final String OLD = "kenko-iryo-senryaku-2022-an";
    static final String NEW = "kenko-iryo-senryaku-2023-test";
    static final Path FIXTURE = Path.of("src/test/resources/editions");

    @TempDir
    static Path dir;
    static Builder.Result result;
    static DatasetGraph dsg;
    static Graph union;

    @BeforeAll
    static void build() throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        for (Path from : List.of(Path.of("seeds", OLD + ".txt"), Path.of("seeds", OLD + ".meta.json"),
                FIXTURE.resolve(NEW + ".txt"), FIXTURE.resolve(NEW + ".meta.json"))) {
            Files.copy(from, seeds.resolve(from.getFileName()));
        }
        result = Builder.build(new Builder.Request(seeds, Optional.empty(), Instant.now()));
        dsg = Store.inMemory(result.graphs());
        union = result.dataset().getUnionGraph();
    }

    static Node old(int ordinal) {
        return Iris.measure(OLD, ordinal);
    }

    static Node now(int ordinal) {
        return Iris.measure(NEW, ordinal);
    }

    @Test
    void bothEditionsConformAndKeepTheirOwnGraphs() {
        assertTrue(result.conforms(), () -> result.report().toString());
        assertTrue(result.graphs().containsKey(Iris.graph(OLD)));
        assertTrue(result.graphs().containsKey(Iris.graph(NEW)));
        Graph newGraph = result.graphs().get(Iris.graph(NEW));
        assertTrue(newGraph.contains(now(1), HMS.inDocument, Iris.document(NEW)));
        assertFalse(newGraph.contains(old(40), Node.ANY, Node.ANY), "the 2022 measures stay in their own graph");
    }

    @Test
    void initiativesCitationsAndMinistriesResolveToTheSameIris() {
        assertTrue(union.contains(old(42), HMS.mentions, Iris.initiative("amed")));
        assertTrue(union.contains(now(3), HMS.mentions, Iris.initiative("amed")));
        assertTrue(union.contains(old(42), HMS.mentions, Iris.initiative("cin")));
        assertTrue(union.contains(now(3), HMS.mentions, Iris.initiative("cin")));
        assertTrue(union.contains(old(45), HMS.mentions, Iris.citation("jisedai-iryo-kiban-ho")));
        assertTrue(union.contains(now(4), HMS.mentions, Iris.citation("jisedai-iryo-kiban-ho")));
        assertTrue(union.contains(now(5), HMS.mentions, Iris.citation("kenko-iryo-senryaku-suishin-ho")));
        assertTrue(union.contains(old(40), HMS.leadMinistry, Iris.ministry("mhlw")));
        assertTrue(union.contains(now(1), HMS.leadMinistry, Iris.ministry("mhlw")));
        assertEquals(1, union.find(Node.ANY, HMS.previousEdition, Node.ANY).toList().size());
        assertTrue(union.contains(Iris.document(NEW), HMS.previousEdition, Iris.document(OLD)));
    }

    @Test
    void measuresArePairedAcrossEditionsByTextAndHeading() {
        Map<Integer, Integer> expected = Map.of(1, 40, 2, 41, 3, 42, 4, 45, 6, 50, 7, 60);
        expected.forEach((n, o) -> {
            assertTrue(union.contains(now(n), HMS.sameMeasureAs, old(o)), n + " ↔ " + o);
            assertTrue(union.contains(old(o), HMS.sameMeasureAs, now(n)), o + " ↔ " + n + " (symmetric)");
        });
        assertEquals(2 * expected.size(), union.find(Node.ANY, HMS.sameMeasureAs, Node.ANY).toList().size(),
                "one-to-one, nothing else paired; the new measure 5 has no partner");
    }

    private List<Binding> run(String name) {
        QueryLibrary.Entry entry = QueryLibrary.standard().entries().stream().filter(e -> e.name().equals(name))
                .findFirst().orElseThrow();
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(QueryFactory.create(entry.text())).build()) {
                return exec.select().materialize().stream().toList();
            }
        });
    }

    private static String value(Binding b, String var) {
        Node n = b.get(var);
        return n == null ? "" : n.isURI() ? n.getURI() : n.getLiteralLexicalForm();
    }

    @Test
    void theInitiativeQueryShowsAmedMeasuresAddedAndDropped() {
        Set<String> rows = new TreeSet<>();
        run("29-initiative-changes-between-editions")
                .forEach(b -> rows.add(value(b, "change") + " " + value(b, "measure")));
        assertTrue(rows.contains("added " + now(5).getURI()), rows.toString());
        assertTrue(rows.contains("dropped " + old(46).getURI()), rows.toString());
        assertEquals(1, rows.stream().filter(r -> r.startsWith("added")).count(), "only the new measure: " + rows);
        for (Node kept : List.of(old(42), old(50), now(3), now(6))) {
            assertFalse(rows.stream().anyMatch(r -> r.endsWith(" " + kept.getURI())), kept + " was kept: " + rows);
        }
    }

    @Test
    void theMinistryQueryCountsAddedDroppedAndLeadChanges() {
        Map<String, String> byMinistry = new java.util.TreeMap<>();
        for (Binding b : run("30-ministry-changes-between-editions")) {
            byMinistry.put(value(b, "ministry").replace(Iris.BASE + "id/ministry/", ""),
                    value(b, "keptCount") + "/" + value(b, "addedCount") + "/" + value(b, "droppedCount") + "/"
                            + value(b, "becameLead") + "/" + value(b, "stoppedLeading"));
        }
        // METI became lead of the kept CIN measure; MHLW stopped leading it.
        assertEquals("1", byMinistry.get("meti").split("/")[3], byMinistry.toString());
        assertEquals("1", byMinistry.get("mhlw").split("/")[4], byMinistry.toString());
        assertTrue(Integer.parseInt(byMinistry.get("mhlw").split("/")[2]) > 0, "measures tagged MHLW were dropped");
        assertEquals("1", byMinistry.get("cao-hmp").split("/")[1], "the new measure is led by the Secretariat");
    }

    @Test
    void theCommitmentQueryFindsWhatTheNextEditionReportsDone() {
        Map<String, Binding> byCommitment = new java.util.TreeMap<>();
        for (Binding b : run("38-commitments-reported-done-in-the-next-edition")) {
            assertEquals(Iris.document(OLD).getURI(), value(b, "older"), "the 2022 commitments, never the 2023 ones");
            assertEquals(Iris.document(NEW).getURI(), value(b, "newer"));
            byCommitment.put(value(b, "commitment"), b);
        }
        // the registry measure: two commitments in 2022, five achievements in its 2023 form
        for (int n : List.of(6, 7)) {
            Binding row = byCommitment.get(Iris.statement(OLD, "42", n).getURI());
            assertEquals(now(3).getURI(), value(row, "after"), byCommitment.keySet().toString());
            assertEquals("5", value(row, "achievements"));
            assertTrue(value(row, "reportedDone").startsWith("「クリニカル・イノベーション・ネットワーク（CIN）構想」の中で")
                    && value(row, "reportedDone").contains(" / "), value(row, "reportedDone"));
        }
        Binding dialysis = byCommitment.get(Iris.statement(OLD, "41", 3).getURI());
        assertEquals("2022", value(dialysis, "dueBy"), "a commitment due in 2022 (2022年中)");
        assertTrue(value(dialysis, "promised").contains("2022年中に稼働させる"));
        assertTrue(value(dialysis, "reportedDone").contains("2022年中に稼働させた"), "and what 2023 reports");
        assertEquals("", value(byCommitment.get(Iris.statement(OLD, "40", 3).getURI()), "dueBy"), "no deadline");
        assertTrue(union.contains(Iris.statement(OLD, "46", 4), RDF.type, HMS.Commitment));
        assertFalse(byCommitment.keySet().stream().anyMatch(c -> c.contains("/2022-an/46/")),
                "measure 46 was dropped: its commitments have no later report");
        byCommitment.forEach((commitment, row) -> {
            Node statement = NodeFactory.createURI(commitment);
            Node before = union.find(statement, HMS.inBlock, Node.ANY).next().getObject();
            assertTrue(union.contains(statement, RDF.type, HMS.Commitment), commitment);
            assertTrue(union.contains(before, HMS.sameMeasureAs, NodeFactory.createURI(
                    value(row, "after"))), commitment + ": its block is the one the newer edition keeps");
        });
    }

    @Test
    void theLeadQueryFindsTheMeasureWhoseLeadChanged() {
        List<Binding> rows = run("31-lead-ministry-changes");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(now(3).getURI(), value(rows.get(0), "measure"));
        assertEquals(old(42).getURI(), value(rows.get(0), "before"));
        assertEquals("厚生労働省", value(rows.get(0), "leadBefore"));
        assertEquals("経済産業省", value(rows.get(0), "leadNow"));
    }
}
