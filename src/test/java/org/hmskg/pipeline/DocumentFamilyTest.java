package org.hmskg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A purpose-made family of documents ({@code src/test/resources/family/}: two periods of the strategy, two yearly
 * follow-ups citing the first, an R&amp;D plan), each a bare {@code .txt}: kinds come from the titles, editions link
 * within a kind only, a follow-up points to the strategy edition its preamble cites, and prose is kept as paragraphs.
 */
class DocumentFamilyTest {
    static final Path FAMILY = Path.of(System.getProperty("project.root", "."), "src/test/resources/family");
    static final Path GOLD = Path.of(System.getProperty("project.root", "."), "src/test/resources/family-gold");

    @TempDir
    static Path dir;
    static Builder.Result result;
    static Graph union;

    @BeforeAll
    static void build() throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        try (Stream<Path> files = Files.list(FAMILY)) {
            for (Path f : files.toList()) {
                Files.copy(f, seeds.resolve(f.getFileName()));
            }
        }
        result = Builder.build(new Builder.Request(seeds, Optional.of(GOLD), Instant.now()));
        union = result.dataset().getUnionGraph();
    }

    static Node doc(String key) {
        return Iris.document(key);
    }

    @Test
    void everyDocumentBuildsWholeAndConforms() {
        assertTrue(result.conforms(), () -> String.join("\n", result.report().violations()));
        assertEquals(5, result.report().coverage().size());
        result.report().coverage().forEach((file, c) -> assertEquals(c.characters(), c.held(), file));
    }

    @Test
    void theKindOfEachDocumentComesFromItsTitle() {
        assertTrue(union.contains(doc("strategy-2020"), RDF.type, HMS.Strategy));
        assertTrue(union.contains(doc("strategy-2025"), RDF.type, HMS.Strategy));
        assertTrue(union.contains(doc("follow-up-2023"), RDF.type, HMS.FollowUpReport));
        assertTrue(union.contains(doc("rd-plan-2020"), RDF.type, HMS.ResearchPlan));
        assertFalse(union.contains(doc("follow-up-2023"), RDF.type, HMS.Strategy));
    }

    @Test
    void editionsLinkWithinOneKindOnly() {
        assertEquals(Set.of(List.of("follow-up-2024", "follow-up-2023"), List.of("strategy-2025", "strategy-2020")),
                pairs(HMS.previousEdition));
    }

    @Test
    void aFollowUpPointsToTheStrategyEditionItsPreambleCites() {
        assertEquals(Set.of(List.of("follow-up-2023", "strategy-2020"), List.of("follow-up-2024", "strategy-2020")),
                pairs(HMS.followsUp));
    }

    @Test
    void theCabinetDecidesTheStrategyAndTheHeadquartersTheFollowUps() {
        assertTrue(union.contains(doc("strategy-2025"), org.hmskg.vocab.Vocab.DCT.publisher,
                Iris.initiative("cabinet")));
        assertTrue(union.contains(doc("follow-up-2023"), org.hmskg.vocab.Vocab.DCT.publisher,
                Iris.initiative("hmp-hq")));
    }

    @Test
    void proseParagraphsOfTheStrategyArePairedAcrossPeriods() {
        Node p2025 = Iris.paragraph("strategy-2025", 2);
        assertTrue(union.contains(p2025, HMS.sameMeasureAs, Iris.paragraph("strategy-2020", 2)));
        assertTrue(union.contains(p2025, HMS.mentions, Iris.initiative("amed")));
        assertTrue(union.contains(p2025, HMS.leadMinistry, Iris.ministry("mhlw")));
    }

    /** Paragraphs are scored against a gold reading like measures are. */
    @Test
    void theParagraphsOfAStrategyMatchTheirGoldReading() {
        GoldEvaluation.Score score = result.report().gold().orElseThrow().get("strategy-2025");
        for (GoldEvaluation.Category c : GoldEvaluation.Category.values()) {
            GoldEvaluation.CategoryScore s = score.of(c);
            if (s != null && s.truePositives() + s.falseNegatives() + s.falsePositives() > 0) {
                assertEquals(1.0, s.precision(), c + ": " + s);
                assertEquals(1.0, s.recall(), c + ": " + s);
            }
        }
        assertTrue(score.of(GoldEvaluation.Category.INITIATIVES).truePositives() >= 3, score.toString());
        assertTrue(score.of(GoldEvaluation.Category.QUANTITIES).truePositives() == 2, score.toString());
    }

    private static Set<List<String>> pairs(Node property) {
        return union.find(Node.ANY, property, Node.ANY).toList().stream()
                .map(t -> List.of(key(t.getSubject()), key(t.getObject()))).collect(Collectors.toSet());
    }

    private static String key(Node n) {
        String iri = n.getURI();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

}
