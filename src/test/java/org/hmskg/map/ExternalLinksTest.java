package org.hmskg.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.hmskg.pipeline.Builder;
import org.hmskg.extract.ReferenceData;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.ELI;
import org.hmskg.vocab.Vocab.OWL;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every external identifier the build publishes comes from a reference row that says where it was confirmed. */
class ExternalLinksTest {
    static Graph union;
    static List<ReferenceData.ExternalId> rows;

    @BeforeAll
    static void build() {
        union = Builder.build(new Builder.Request(Path.of("seeds"), Optional.empty(), Instant.now())).dataset()
                .getUnionGraph();
        rows = ReferenceData.load().externalIds();
    }

    private static boolean external(Node o) {
        return o.isURI() && !o.getURI().startsWith(Iris.BASE);
    }

    private static List<Triple> links(Node property) {
        List<Triple> out = new ArrayList<>();
        union.find(Node.ANY, property, Node.ANY).forEachRemaining(t -> {
            if (external(t.getObject()) && t.getSubject().getURI().startsWith(Iris.BASE + "id/")) {
                out.add(t);
            }
        });
        return out;
    }

    /** The reference rows that publish {@code target}: its IRI column, its website, or its 法人番号. */
    private static List<ReferenceData.ExternalId> rowsFor(Node target) {
        String iri = target.getURI();
        return rows.stream().filter(r -> iri.equals(r.iri()) || iri.equals(r.id())
                || (r.scheme().equals("houjin") && iri.equals("http://hojin-info.go.jp/data/basic/" + r.id())))
                .toList();
    }

    @Test
    void everySameAsIsConfirmedExactlyFromARecordedSource() {
        List<Triple> sameAs = links(OWL.sameAs);
        assertTrue(sameAs.size() >= 15, "ministries and laws are linked: " + sameAs.size());
        for (Triple t : sameAs) {
            List<ReferenceData.ExternalId> from = rowsFor(t.getObject());
            assertFalse(from.isEmpty(), t + " has no reference row");
            assertTrue(from.stream().anyMatch(r -> r.confidence().equals("seen-exact") && !r.source().isBlank()),
                    t + " is not confirmed (seen-exact with a source)");
        }
    }

    @Test
    void everySeeAlsoHasARecordedSource() {
        List<Triple> seeAlso = links(RDFS.seeAlso);
        assertFalse(seeAlso.isEmpty());
        for (Triple t : seeAlso) {
            List<ReferenceData.ExternalId> from = rowsFor(t.getObject());
            assertTrue(from.stream().anyMatch(r -> !r.source().isBlank()), t + " has no reference row with a source");
        }
    }

    @Test
    void anIndirectIdentifierIsNeverSameAs() {
        Set<String> exact = rows.stream().filter(r -> r.confidence().equals("seen-exact")).map(ReferenceData.ExternalId::iri)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Node mhlw = Iris.ministry("mhlw");
        Node indirect = NodeFactory.createURI("http://www.wikidata.org/entity/Q1191238");
        assertFalse(exact.contains(indirect.getURI()), "precondition: MHLW's QID is seen-indirect in the table");
        assertFalse(union.contains(mhlw, OWL.sameAs, indirect));
        assertTrue(union.contains(mhlw, RDFS.seeAlso, indirect));
        assertTrue(union.contains(mhlw, OWL.sameAs, NodeFactory.createURI("http://hojin-info.go.jp/data/basic/6000012070001")));
    }

    @Test
    void citedLawsAreLegalResourcesWithLawNumberAndEgovLink() {
        Node yakki = Iris.citation("yakki-ho");
        assertTrue(union.contains(yakki, RDF.type, ELI.LegalResource));
        assertTrue(union.contains(yakki, HMS.lawNumber, NodeFactory.createLiteralString("昭和35年法律第145号")));
        assertTrue(union.contains(yakki, OWL.sameAs, NodeFactory.createURI("https://laws.e-gov.go.jp/law/335AC0000000145")));
        Node jisedai = Iris.citation("jisedai-iryo-kiban-ho");
        assertTrue(union.contains(jisedai, HMS.lawNumber, NodeFactory.createLiteralString("平成29年法律第28号")));
        assertEquals(1, union.find(jisedai, HMS.lawNumber, Node.ANY).toList().size(), "one law number");
        assertTrue(union.contains(Iris.citation("kenko-iryo-senryaku-suishin-ho"), HMS.lawNumber,
                NodeFactory.createLiteralString("平成26年法律第48号")));
    }

    @Test
    void aNameIsMatchedWithItsBracketsNotWithoutThem() {
        // The reference row for 健康日本21（第三次） must not land on 健康日本21（第二次）.
        assertFalse(union.find(Iris.citation("kenko-nippon-21-2"), RDFS.seeAlso, Node.ANY).hasNext());
        // A half-width bracket in the row's name: 世界保健機関 (WHO).
        assertTrue(union.contains(Iris.initiative("who"), OWL.sameAs, NodeFactory.createURI("http://www.wikidata.org/entity/Q7817")));
    }

    @Test
    void bodiesLinkToTheirWebsites() {
        assertTrue(union.contains(Iris.initiative("amed"), RDFS.seeAlso, NodeFactory.createURI("https://www.amed.go.jp/")));
    }
}
