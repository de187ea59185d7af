package org.hmskg.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.pipeline.Builder;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.PROV;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived links of {@code graph/links} on purpose-made data: a small seed mapped by the real pipeline (so
 * heading tags are inherited as the mapper does it) and graphs written by hand with the contract's IRIs.
 */
class DerivedLinksTest {
    static final List<Node> DERIVED = List.of(HMS.relatedMeasure, HMS.coMentionedWith, HMS.responsibleMinistry);

    static final Node AMED = Iris.initiative("amed");
    static final Node PMDA = Iris.initiative("pmda");
    static final Node JICA = Iris.initiative("jica");
    static final Node MEXT = Iris.ministry("mext");
    static final Node MHLW = Iris.ministry("mhlw");
    static final Node METI = Iris.ministry("meti");

    /** Measure 1 has no tag of its own: its ministries come from the heading above it. */
    static final String MINI = """
            テスト文書の取組方針

            2 0 2 3 年  月  日

            １．研究開発

            (1)見出しに担当がある節【◎文、厚】

            ・AMEDとPMDAが連携して研究開発を推進する。

            ・AMEDを通じて支援する。【◎経】

            ・「健康・医療戦略」（2020年3月27日閣議決定）に基づき、JICAと協力する。【◎厚】

            ・「健康・医療戦略」を踏まえ、取り組む。【総】
            """;

    static Map<Node, Graph> mini;

    @BeforeAll
    static void buildMini(@TempDir Path dir) {
        byte[] bytes = MINI.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(dir.resolve("mini.txt"), bytes);
            Files.writeString(dir.resolve("mini.meta.json"), """
                    {"title": "mini", "edition": 2023, "publisher": "健康・医療戦略推進本部", "status": "final",
                     "form": "test fixture", "sha256": "%s"}
                    """.formatted(DigestUtils.sha256Hex(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Builder.Result r = Builder.build(new Builder.Request(dir, Optional.empty(), Instant.now()));
        assertTrue(r.conforms(), "the purpose-made seed builds and validates");
        mini = r.graphs();
    }

    static Node measure(int ordinal) {
        return Iris.measure("mini", ordinal);
    }

    /** The union of the source graphs (everything but the links), as the build hands it to derive. */
    static Graph sources(Map<Node, Graph> graphs) {
        Graph union = GraphFactory.createGraphMem();
        graphs.forEach((name, g) -> {
            if (!name.equals(Iris.graph("links"))) {
                GraphUtil.addInto(union, g);
            }
        });
        return union;
    }

    static Set<List<Node>> pairs(Graph g, Node p) {
        return Iter.toList(g.find(Node.ANY, p, Node.ANY)).stream()
                .map(t -> List.of(t.getSubject(), t.getObject())).collect(Collectors.toSet());
    }

    static Set<Node> objects(Graph g, Node s, Node p) {
        return Iter.toList(g.find(s, p, Node.ANY)).stream().map(Triple::getObject).collect(Collectors.toSet());
    }

    static void assertSymmetricAndIrreflexive(Graph links, Node p) {
        Set<List<Node>> pairs = pairs(links, p);
        assertFalse(pairs.isEmpty(), "the fixture derives some " + p.getLocalName());
        for (List<Node> pair : pairs) {
            assertTrue(pairs.contains(List.of(pair.get(1), pair.get(0))), "reverse of " + pair);
            assertFalse(pair.get(0).equals(pair.get(1)), "self-link " + pair);
        }
    }

    @Nested
    class OnAPurposeMadeSeed {
        final Graph links = mini.get(Iris.graph("links"));

        @Test
        void relatedMeasuresShareAnInitiativeOrACitationInBothDirections() {
            assertSymmetricAndIrreflexive(links, HMS.relatedMeasure);
            assertEquals(Set.of(List.of(measure(1), measure(2)), List.of(measure(2), measure(1)),
                            List.of(measure(3), measure(4)), List.of(measure(4), measure(3))),
                    pairs(links, HMS.relatedMeasure), "1–2 name AMED, 3–4 cite 健康・医療戦略");
        }

        @Test
        void initiativesNamedInOneMeasureAreCoMentionedInBothDirections() {
            assertSymmetricAndIrreflexive(links, HMS.coMentionedWith);
            // measure 4 names the Cabinet in 「…」（…閣議決定） and JICA
            Node cabinet = Iris.initiative("cabinet");
            Node jica = Iris.initiative("jica");
            assertEquals(Set.of(List.of(AMED, PMDA), List.of(PMDA, AMED), List.of(cabinet, jica), List.of(jica, cabinet)),
                    pairs(links, HMS.coMentionedWith));
        }

        @Test
        void aMinistryInheritedFromTheHeadingIsResponsible() {
            Graph doc = mini.get(Iris.graph("mini"));
            assertFalse(doc.contains(measure(1), HMS.tag, Node.ANY), "measure 1 has no tag of its own");
            assertEquals(Set.of(MEXT, MHLW), objects(doc, measure(1), HMS.ministry));
            assertEquals(Set.of(MEXT, MHLW), objects(links, PMDA, HMS.responsibleMinistry),
                    "PMDA is named only in measure 1, under the tagged heading");
            assertEquals(Set.of(MEXT, MHLW, METI), objects(links, AMED, HMS.responsibleMinistry));
            assertEquals(Set.of(MHLW), objects(links, JICA, HMS.responsibleMinistry));
        }

        @Test
        void nothingIsDerivedFromARemovedMeasure() {
            Graph union = sources(mini);
            Node gone = measure(2);
            union.remove(gone, Node.ANY, Node.ANY);
            union.remove(Node.ANY, Node.ANY, gone);
            Graph again = DerivedLinks.derive(union, mini.keySet());
            assertTrue(Iter.toList(again.find()).stream()
                            .noneMatch(t -> t.getSubject().equals(gone) || t.getObject().equals(gone)),
                    "no link mentions the removed measure");
            assertEquals(Set.of(), objects(again, measure(1), HMS.relatedMeasure), "AMED is named by measure 1 only");
            assertEquals(Set.of(MEXT, MHLW), objects(again, AMED, HMS.responsibleMinistry),
                    "METI was responsible only through the removed measure");
            assertTrue(again.contains(measure(3), HMS.relatedMeasure, measure(4)), "the rest stays");
        }

        @Test
        void theGraphSaysHowEachKindWasDerived() {
            Node self = Iris.graph("links");
            assertTrue(links.contains(self, RDF.type, PROV.Entity));
            mini.keySet().stream().filter(g -> !g.equals(self))
                    .forEach(g -> assertTrue(links.contains(self, PROV.wasDerivedFrom, g), "derived from " + g));
            Set<Node> activities = objects(links, self, PROV.wasGeneratedBy);
            for (Node activity : activities) {
                assertTrue(links.contains(activity, RDF.type, PROV.Activity), activity + " is an activity");
                assertEquals(1, objects(links, activity, DCT.source).size(), activity + " names its source");
            }
            for (Node p : DERIVED) {
                List<Node> by = activities.stream().filter(a -> links.contains(a, RDFS.seeAlso, p)).toList();
                assertEquals(1, by.size(), "one activity derives " + p.getLocalName());
                Node activity = by.getFirst();
                assertTrue(links.contains(activity, RDF.type, PROV.Activity));
                assertFalse(objects(links, activity, RDFS.comment).isEmpty(), "the rule in words");
                Set<Node> source = objects(links, activity, DCT.source);
                assertEquals(1, source.size());
                String file = source.iterator().next().getLiteralLexicalForm();
                assertNotNull(DerivedLinks.class.getResource("/" + file), file + " is the query that derived it");
            }
        }

        @Test
        void theOntologyStatesEachRuleAndWhereItsProvenanceIs() {
            Graph ontology = RDFParser.source(Path.of("ontology/hms.ttl")).toGraph();
            for (Node p : DERIVED) {
                List<String> comments = objects(ontology, p, RDFS.comment).stream()
                        .map(Node::getLiteralLexicalForm).toList();
                assertEquals(2, comments.size(), p.getLocalName() + " is explained in ja and en");
                Node activity = Iter.toList(links.find(Node.ANY, RDFS.seeAlso, p)).getFirst().getSubject();
                String file = objects(links, activity, DCT.source).iterator().next().getLiteralLexicalForm();
                for (String c : comments) {
                    assertTrue(c.startsWith("導出") || c.startsWith("Derived"), c);
                    assertTrue(c.contains(file) && c.contains(activity.getURI()), p.getLocalName()
                            + ": the comment names the activity and query recorded as provenance: " + c);
                }
            }
        }
    }

    @Nested
    class OnHandWrittenGraphs {
        final Node m1 = Iris.measure("hand", 1);
        final Node m2 = Iris.measure("hand", 2);
        final Node law = Iris.citation("x-000000000001");

        Graph graph() {
            Graph g = GraphFactory.createGraphMem();
            g.add(AMED, RDF.type, HMS.Initiative);
            g.add(PMDA, RDF.type, HMS.Initiative);
            g.add(law, RDF.type, HMS.Citation);
            g.add(MHLW, RDF.type, HMS.Ministry);
            return g;
        }

        Graph derive(Graph g) {
            return DerivedLinks.derive(g, List.of(Iris.graph("hand")));
        }

        @Test
        void oneMeasureNamingAndCitingTheSameThingsIsRelatedToNothing() {
            Graph g = graph();
            g.add(m1, RDF.type, HMS.Measure);
            g.add(m1, HMS.mentions, AMED);
            g.add(m1, HMS.mentions, law);
            g.add(m1, HMS.cites, law);
            Graph links = derive(g);
            assertEquals(Set.of(), pairs(links, HMS.relatedMeasure));
            assertEquals(Set.of(), pairs(links, HMS.coMentionedWith), "one initiative is co-mentioned with nothing");
        }

        @Test
        void aMentionOnOneSideAndACitationOnTheOtherRelateTwoMeasures() {
            Graph g = graph();
            Node doc = Iris.document("hand");
            g.add(m1, RDF.type, HMS.Measure);
            g.add(m1, HMS.inDocument, doc);
            g.add(m1, HMS.mentions, law);
            g.add(m2, RDF.type, HMS.Measure);
            g.add(m2, HMS.inDocument, doc);
            g.add(m2, HMS.cites, law);
            assertEquals(Set.of(List.of(m1, m2), List.of(m2, m1)), pairs(derive(g), HMS.relatedMeasure));
        }

        @Test
        void measuresOfDifferentEditionsAreNotRelatedDirectly() {
            Graph g = graph();
            Node other = Iris.measure("hand-next-edition", 1);
            g.add(m1, RDF.type, HMS.Measure);
            g.add(m1, HMS.inDocument, Iris.document("hand"));
            g.add(m1, HMS.mentions, AMED);
            g.add(other, RDF.type, HMS.Measure);
            g.add(other, HMS.inDocument, Iris.document("hand-next-edition"));
            g.add(other, HMS.mentions, AMED);
            assertEquals(Set.of(), pairs(derive(g), HMS.relatedMeasure));
        }

        @Test
        void onlyMeasuresAreRelatedAndOnlyInitiativesCoMentioned() {
            Graph g = graph();
            Node section = Iris.section("hand", "1");
            Node doc = Iris.document("hand");
            g.add(section, RDF.type, HMS.Section);
            g.add(section, HMS.mentions, AMED);
            g.add(doc, RDF.type, HMS.PolicyDocument);
            g.add(doc, HMS.cites, law);
            g.add(m1, RDF.type, HMS.Measure);
            g.add(m1, HMS.mentions, AMED);
            g.add(m1, HMS.mentions, law);
            g.add(m1, HMS.ministry, MHLW);
            Graph links = derive(g);
            assertEquals(Set.of(), pairs(links, HMS.relatedMeasure));
            assertEquals(Set.of(), pairs(links, HMS.coMentionedWith), "a citation is not an initiative");
            assertEquals(Set.of(List.of(AMED, MHLW)), pairs(links, HMS.responsibleMinistry),
                    "a citation gets no responsible ministry");
        }

        @Test
        void aMeasureWithoutMinistryMakesNoOneResponsible() {
            Graph g = graph();
            g.add(m1, RDF.type, HMS.Measure);
            g.add(m1, HMS.mentions, AMED);
            g.add(m1, HMS.mentions, PMDA);
            Graph links = derive(g);
            assertEquals(Set.of(), pairs(links, HMS.responsibleMinistry));
            assertEquals(Set.of(List.of(AMED, PMDA), List.of(PMDA, AMED)), pairs(links, HMS.coMentionedWith));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnTheSeed {
        Graph union;

        @BeforeAll
        void build() {
            Map<Node, Graph> graphs = Builder.build(new Builder.Request(Path.of("seeds"), Optional.empty(),
                    Instant.now())).graphs();
            union = GraphFactory.createGraphMem();
            graphs.values().forEach(g -> GraphUtil.addInto(union, g));
        }

        /** What a measure names or cites, read from the source triples, not through the derivation query. */
        Set<Node> namedOrCited(Node measure) {
            Set<Node> things = objects(union, measure, HMS.mentions);
            things.addAll(objects(union, measure, HMS.cites));
            things.removeIf(t -> !union.contains(t, RDF.type, HMS.Initiative)
                    && !union.contains(t, RDF.type, HMS.Citation));
            return things;
        }

        @Test
        void everyRelatedMeasurePairSharesAnInitiativeOrACitation() {
            List<Triple> related = union.stream(Node.ANY, HMS.relatedMeasure, Node.ANY).toList();
            assertFalse(related.isEmpty(), "the seed has related measures");
            List<String> unfounded = related.stream().filter(t -> {
                Set<Node> shared = namedOrCited(t.getSubject());
                shared.retainAll(namedOrCited(t.getObject()));
                return shared.isEmpty() || t.getSubject().equals(t.getObject());
            }).map(t -> t.getSubject().getURI() + " – " + t.getObject().getURI()).toList();
            assertEquals(List.of(), unfounded);
        }
    }
}
