package org.hmskg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.hmskg.extract.Extractor;
import org.hmskg.extract.ReferenceData;
import org.hmskg.extract.statement.StatementReader;
import org.hmskg.parse.Block;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The build writes a statement for every sentence of every block, and the result conforms to the shapes. */
class StatementsBuildTest {
    static final Extractor EXTRACTOR = new Extractor(ReferenceData.load());
    static Builder.Result result;
    static Graph all;

    @BeforeAll
    static void build() {
        Path root = Path.of(System.getProperty("project.root", "."));
        result = Builder.build(new Builder.Request(root.resolve("seeds"), Optional.empty(),
                Instant.parse("2026-01-01T00:00:00Z")));
        all = result.dataset().getUnionGraph();
    }

    @Test
    void everySentenceOfTheSeedIsAStatementAndTheGraphConforms() {
        assertTrue(result.conforms(), () -> result.report().violations().stream().limit(20)
                .collect(Collectors.joining("\n")));
        int sentences = 0;
        for (ParsedDocument doc : result.documents()) {
            for (Block b : doc.blocks()) {
                sentences += StatementReader.read(b.text(), EXTRACTOR.extract(b.text())).size();
            }
        }
        assertEquals(sentences, all.find(Node.ANY, RDF.type, HMS.Statement).toList().size());
        assertTrue(all.find(Node.ANY, HMS.asOf, Node.ANY).toList().size() > 0, "some figure of the seed is dated");
    }

    /** A statement inherits its block's ministries, and its time expressions have a source line like mentions. */
    @Test
    void statementsInheritMinistriesAndTheirTimesHaveASourceLine() {
        Node first = Iris.statement("kenko-iryo-senryaku-2022-an", "1", 1);
        Node measure = Iris.measure("kenko-iryo-senryaku-2022-an", 1);
        assertTrue(all.contains(first, HMS.inMeasure, measure));
        assertEquals(all.find(measure, HMS.leadMinistry, Node.ANY).toSet().stream().map(t -> t.getObject())
                .collect(Collectors.toSet()), all.find(first, HMS.leadMinistry, Node.ANY).toSet().stream()
                .map(t -> t.getObject()).collect(Collectors.toSet()));
        all.find(Node.ANY, RDF.type, HMS.TimeExpression).forEachRemaining(t -> {
            assertTrue(all.contains(t.getSubject(), HMS.lineStart, Node.ANY), t.getSubject().toString());
            assertTrue(all.contains(t.getSubject(), HMS.inBlock, Node.ANY), t.getSubject().toString());
        });
    }
}
