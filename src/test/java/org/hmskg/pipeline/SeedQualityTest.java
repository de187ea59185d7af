package org.hmskg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quality bar on the seed: structure exactly right, extraction against the project's gold annotation. */
class SeedQualityTest {
    static Builder.Result result;

    @BeforeAll
    static void build() {
        result = Builder.build(new Builder.Request(Path.of("seeds"), Optional.of(Path.of("src/test/resources/gold")),
                Instant.now()));
    }

    @Test
    void theSeedBuildsCleanly() {
        assertTrue(result.conforms(), () -> String.join("\n", result.report().violations()));
        assertEquals(0, result.report().warnings().size(), () -> result.report().warnings().toString());
        assertTrue(result.report().unknownCodes().isEmpty());
    }

    @Test
    void everyTaggedMeasureHasItsMinistriesAndLeads() {
        var union = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        result.graphs().values().forEach(g -> g.find().forEachRemaining(union::add));
        long measures = union.stream(null, RDF.type, HMS.Measure).count();
        long withMinistry = union.stream(null, RDF.type, HMS.Measure)
                .filter(t -> union.contains(t.getSubject(), HMS.ministry, null)).count();
        long tagged = union.stream(null, HMS.tag, null)
                .filter(t -> union.contains(t.getSubject(), RDF.type, HMS.Measure)).count();
        assertEquals(60, measures);
        assertEquals(59, tagged, "one measure of the seed has no tag");
        assertEquals(59, withMinistry);
        long leads = union.stream(null, HMS.leadMinistry, null)
                .filter(t -> union.contains(t.getSubject(), RDF.type, HMS.Measure)
                        || union.contains(t.getSubject(), RDF.type, HMS.Section)).count();
        assertEquals(60, leads, "one hms:leadMinistry per ◎ in the seed's tags");
    }

    @Test
    void extractionMeetsTheBarAgainstTheGoldAnnotation() {
        GoldEvaluation.Score score = result.report().gold().orElseThrow().get("kenko-iryo-senryaku-2022-an");
        for (GoldEvaluation.Category c : GoldEvaluation.Category.values()) {
            GoldEvaluation.CategoryScore s = score.of(c);
            // the seed cites about twenty dated documents and a dozen deciding bodies
            int enough = c == GoldEvaluation.Category.CITATION_DATES || c == GoldEvaluation.Category.DECIDED_BY
                    ? 10 : 20;
            assertTrue(s.truePositives() >= enough, c + ": the gold annotation has too few items to judge");
            assertTrue(s.recall() >= 0.95, c + " recall " + s.recall() + " misses " + s.misses());
            assertTrue(s.precision() >= 0.90, c + " precision " + s.precision() + " false hits " + s.falseHits());
        }
        assertTrue(score.warnings().isEmpty(), score.warnings().toString());
    }
}
