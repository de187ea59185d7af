package org.hmskg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OntologyTest {
    private static final String ONTOLOGY_IRI = "https://w3id.org/hmskg/def";
    private static final Graph ONTOLOGY = load("ontology/hms.ttl");
    private static final Set<Node> DECLARATION_TYPES = Set.of(OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(),
            OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode());

    static Graph load(String resource) {
        try (InputStream in = OntologyTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "class path resource " + resource);
            return RDFParser.source(in).lang(Lang.TURTLE).toGraph();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> hmsConstants() throws IllegalAccessException {
        List<Arguments> constants = new ArrayList<>();
        for (Field field : HMS.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Node.class) {
                constants.add(Arguments.of(field.getName(), field.get(null)));
            }
        }
        assertFalse(constants.isEmpty(), "HMS has Node constants");
        return constants.stream();
    }

    @ParameterizedTest(name = "hms:{0}")
    @MethodSource("hmsConstants")
    void everyConstantOfHmsIsDeclaredAndDocumented(String name, Node term) {
        assertEquals(HMS.NS + name, term.getURI(), "constant name matches its IRI");
        assertDocumented(term);
    }

    @Test
    void everyTermInTheHmsNamespaceIsDocumented() {
        Set<Node> terms = new TreeSet<>((a, b) -> a.getURI().compareTo(b.getURI()));
        ONTOLOGY.find().forEachRemaining(t -> Stream.of(t.getSubject(), t.getObject())
                .filter(n -> n.isURI() && n.getURI().startsWith(HMS.NS))
                .forEach(terms::add));
        assertTrue(terms.size() > 50, "the ontology declares the hms vocabulary");
        terms.forEach(OntologyTest::assertDocumented);
    }

    @Test
    void everyHmsTermTheShapesUseIsDeclared() {
        Graph shapes = load("ontology/shapes.ttl");
        List<String> undeclared = new ArrayList<>();
        shapes.find().forEachRemaining(t -> Stream.of(t.getSubject(), t.getPredicate(), t.getObject())
                .filter(n -> n.isURI() && n.getURI().startsWith(HMS.NS))
                .filter(n -> !isDeclared(n))
                .forEach(n -> undeclared.add(n.getURI())));
        assertEquals(List.of(), undeclared);
    }

    private static boolean isDeclared(Node term) {
        return ONTOLOGY.find(term, RDF.type.asNode(), Node.ANY).toList().stream()
                .anyMatch(t -> DECLARATION_TYPES.contains(t.getObject()));
    }

    private static void assertDocumented(Node term) {
        String name = "hms:" + term.getLocalName();
        assertTrue(isDeclared(term), name + " is declared as an OWL class or property");
        for (Node property : List.of(RDFS.label.asNode(), RDFS.comment.asNode())) {
            for (String lang : List.of("ja", "en")) {
                long count = ONTOLOGY.find(term, property, Node.ANY).toList().stream()
                        .map(Triple::getObject)
                        .filter(o -> o.isLiteral() && o.getLiteralLanguage().equals(lang)
                                && !o.getLiteralLexicalForm().isBlank())
                        .count();
                assertEquals(1, count, name + " has one " + property.getLocalName() + " @" + lang);
            }
        }
        assertTrue(ONTOLOGY.contains(term, RDFS.isDefinedBy.asNode(), uri(ONTOLOGY_IRI)),
                name + " rdfs:isDefinedBy the ontology");
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static boolean has(Node s, Node p, Node o) {
        return ONTOLOGY.contains(s, p, o);
    }

    @Nested
    class TheOntologyItself {
        private final Node ontology = uri(ONTOLOGY_IRI);

        @Test
        void hasVersionIriAndVersionInfo() {
            assertTrue(has(ontology, RDF.type.asNode(), OWL2.Ontology.asNode()));
            List<Triple> versionIris = ONTOLOGY.find(ontology, OWL2.versionIRI.asNode(), Node.ANY).toList();
            assertEquals(1, versionIris.size());
            assertTrue(versionIris.get(0).getObject().getURI().startsWith(ONTOLOGY_IRI + "/"));
            assertTrue(ONTOLOGY.contains(ontology, OWL2.versionInfo.asNode(), Node.ANY));
        }

        @Test
        void isLicensedCcBy40AndDescribedInBothLanguages() {
            Node dct = uri("http://purl.org/dc/terms/license");
            assertTrue(has(ontology, dct, uri("https://creativecommons.org/licenses/by/4.0/")));
            for (String property : List.of("title", "description")) {
                Node p = uri("http://purl.org/dc/terms/" + property);
                Set<String> langs = new TreeSet<>();
                ONTOLOGY.find(ontology, p, Node.ANY).forEachRemaining(t -> langs.add(t.getObject().getLiteralLanguage()));
                assertEquals(Set.of("ja", "en"), langs, "dct:" + property);
            }
        }
    }

    @Nested
    class Alignments {
        private final Node subClassOf = RDFS.subClassOf.asNode();

        @Test
        void ministryIsAnOrganizationAndAPublicOrganisation() {
            assertTrue(has(HMS.Ministry, subClassOf, uri("http://www.w3.org/ns/org#Organization")));
            assertTrue(has(HMS.Ministry, subClassOf, uri("http://data.europa.eu/m8g/PublicOrganisation")));
            assertTrue(has(HMS.Organisation, subClassOf, uri("http://www.w3.org/ns/org#Organization")));
        }

        @Test
        void initiativeAndCitationHaveTheirSubclasses() {
            for (Node c : List.of(HMS.Programme, HMS.Organisation, HMS.Council, HMS.DataSystem, HMS.Certification,
                    HMS.Event)) {
                assertTrue(has(c, subClassOf, HMS.Initiative), c.getLocalName());
            }
            for (Node c : List.of(HMS.CabinetDecision, HMS.HeadquartersDecision, HMS.Plan, HMS.Guideline,
                    HMS.Report)) {
                assertTrue(has(c, subClassOf, HMS.Citation), c.getLocalName());
            }
        }

        @Test
        void provenanceClasses() {
            Node entity = uri("http://www.w3.org/ns/prov#Entity");
            assertTrue(has(HMS.PolicyDocument, subClassOf, entity));
            assertTrue(has(HMS.Mention, subClassOf, entity));
        }

        @Test
        void leadMinistryIsASubPropertyOfMinistry() {
            assertTrue(has(HMS.leadMinistry, RDFS.subPropertyOf.asNode(), HMS.ministry));
        }

        @Test
        void derivedLinksBetweenPeersAreSymmetricAndIrreflexive() {
            for (Node p : Arrays.asList(HMS.relatedMeasure, HMS.coMentionedWith)) {
                assertTrue(has(p, RDF.type.asNode(), OWL2.SymmetricProperty.asNode()), p.getLocalName());
                assertTrue(has(p, RDF.type.asNode(), OWL2.IrreflexiveProperty.asNode()), p.getLocalName());
            }
        }
    }
}
