package org.hmskg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static final String VALID = read("src/test/resources/shapes/valid.ttl");
    private static final Node REFERENCE = Iris.graph("reference");
    private static final Node DOCUMENT = Iris.graph("sample-2022");

    @Test
    void standardIsOneSharedInstance() {
        assertSame(Validator.standard(), Validator.standard());
    }

    @Nested
    class ADatasetIsValidatedAsTheUnionOfItsNamedGraphs {
        @Test
        void aMinistryInTheReferenceGraphSatisfiesMeasuresInTheDocumentGraph() {
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            split(parse(VALID), dsg);
            Outcome outcome = Validator.standard().validate(dsg);
            assertTrue(outcome.conforms(), outcome.violations()::toString);
        }

        @Test
        void theDocumentGraphAloneLacksTheMinistries() {
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            split(parse(VALID), dsg);
            Outcome outcome = Validator.standard().validate(dsg.getGraph(DOCUMENT));
            assertFalse(outcome.conforms());
            assertTrue(outcome.violations().stream().anyMatch(v -> v.shape().equals("hmsh:MinistryLink-ministry")));
        }

        @Test
        void aTdb2DatasetIsReadInsideOrOutsideATransaction() {
            DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
            Txn.executeWrite(dsg, () -> split(parse(VALID), dsg));
            assertTrue(Validator.standard().validate(dsg).conforms());
            assertTrue(Txn.calculateRead(dsg, () -> Validator.standard().validate(dsg)).conforms());
        }

        @Test
        void theDefaultGraphIsNotRead() {
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            parse(VALID).find().forEachRemaining(dsg.getDefaultGraph()::add);
            dsg.getDefaultGraph().remove(Iris.id("measure", "sample-2022/1"), HMS.text, Node.ANY);
            assertTrue(Validator.standard().validate(dsg).conforms());
        }
    }

    @Test
    void violationsAreSortedAndReadableOneLineEach() {
        Graph graph = parse(VALID);
        graph.remove(Iris.id("measure", "sample-2022/2"), HMS.lineStart, Node.ANY);
        graph.remove(Iris.id("measure", "sample-2022/1"), HMS.text, Node.ANY);
        List<Violation> violations = Validator.standard().validate(graph).violations();
        assertEquals(List.of(
                "Violation at https://w3id.org/hmskg/id/measure/sample-2022/1 (hms:text): "
                        + "A block (measure or paragraph) must have exactly one hms:text, a non-empty xsd:string "
                        + "[hmsh:Block-text]",
                "Violation at https://w3id.org/hmskg/id/measure/sample-2022/2 (hms:lineStart): "
                        + "A block (measure or paragraph) must have exactly one hms:lineStart, an xsd:integer of at "
                        + "least 1 [hmsh:Block-lineStart]"),
                violations.stream().map(Violation::toString).toList());
    }

    @Test
    void aDatasetOfTwentyThousandTriplesAcrossManyGraphsConforms() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        int copies = 0;
        while (size(dsg) < 20_000) {
            copies++;
            // each copy is its own document with its own initiatives and citations; the ministries are shared
            String copy = VALID.replace("sample-2022", "sample-2022-" + copies)
                    .replace("<initiative/", "<initiative/c" + copies + "-")
                    .replace("<citation/", "<citation/c" + copies + "-");
            Graph graph = parse(copy);
            split(graph, dsg, Iris.graph("sample-2022-" + copies));
        }
        // Speed is measured by the build benchmark (bench/build-bench.sh), never by a timed test.
        Outcome outcome = Validator.standard().validate(dsg);
        assertTrue(outcome.conforms(), outcome.violations().toString());
    }

    private static long size(DatasetGraph dsg) {
        return dsg.stream().count();
    }

    private static void split(Graph graph, DatasetGraph dsg) {
        split(graph, dsg, DOCUMENT);
    }

    /** Ministries go to the reference graph, everything else to the document's graph. */
    private static void split(Graph graph, DatasetGraph dsg, Node documentGraph) {
        graph.find().forEachRemaining(t -> {
            boolean reference = t.getSubject().isURI() && t.getSubject().getURI().startsWith(Iris.BASE + "id/ministry/");
            dsg.add(reference ? REFERENCE : documentGraph, t.getSubject(), t.getPredicate(), t.getObject());
        });
    }

    private static Graph parse(String turtle) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(graph);
        return graph;
    }

    private static String read(String relative) {
        try {
            return Files.readString(Path.of(System.getProperty("project.root", "."), relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
