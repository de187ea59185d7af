package org.hmskg.serve.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.OWL;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;

/** The ontology graph as the server reads it: term labels for pages, and the terms that {@code /def} documents. */
public final class Ontology {
    public static final String CLASSPATH_LOCATION = "ontology/hms.ttl";
    /** The ontology document's IRI: the namespace without its {@code #}. */
    public static final Node IRI = NodeFactory.createURI(HMS.NS.substring(0, HMS.NS.length() - 1));

    private static final Node OWL_CLASS = NodeFactory.createURI(OWL.NS + "Class");
    private static final Node RDFS_CLASS = NodeFactory.createURI(RDFS.NS + "Class");

    /** Kinds of term in the order {@code /def} lists them. */
    public enum Kind {
        CLASS("Classes", Set.of(OWL_CLASS, RDFS_CLASS)),
        OBJECT_PROPERTY("Object properties", Set.of(NodeFactory.createURI(OWL.NS + "ObjectProperty"))),
        DATATYPE_PROPERTY("Datatype properties", Set.of(NodeFactory.createURI(OWL.NS + "DatatypeProperty"))),
        OTHER_PROPERTY("Other properties", Set.of(NodeFactory.createURI(OWL.NS + "AnnotationProperty"),
                NodeFactory.createURI(RDF.NS + "Property"))),
        OTHER("Other terms", Set.of());

        public final String heading;
        private final Set<Node> types;

        Kind(String heading, Set<Node> types) {
            this.heading = heading;
            this.types = types;
        }
    }

    public record Term(Node iri, String localName, Kind kind) {
    }

    private final Graph graph;

    public Ontology(Graph graph) {
        this.graph = new GraphReadOnly(graph);
    }

    /** {@code ontology/hms.ttl} from the class path, or an empty ontology when it is not there. */
    public static Ontology fromClasspath() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = Ontology.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION)) {
            if (in != null) {
                RDFParser.source(in).lang(Lang.TURTLE).base(HMS.NS).parse(g);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_LOCATION, e);
        }
        return new Ontology(g);
    }

    public Graph graph() {
        return graph;
    }

    public boolean isEmpty() {
        return graph.isEmpty();
    }

    /** The term's {@code rdfs:label} in this language. */
    public Optional<String> label(Node term, String lang) {
        return Iter.toList(graph.find(term, RDFS.label, Node.ANY)).stream()
                .map(Triple::getObject)
                .filter(o -> o.isLiteral() && o.getLiteralLanguage().equalsIgnoreCase(lang))
                .map(Node::getLiteralLexicalForm)
                .sorted()
                .findFirst();
    }

    /** English label, else an untagged one, else the prefixed name: what a page shows for a property or class. */
    public String name(Node term) {
        return label(term, "en").or(() -> label(term, "")).orElseGet(() -> Prefixes.shorten(term.getURI()));
    }

    /** Every term of the hms: namespace the ontology says something about, by kind and then name. */
    public List<Term> terms() {
        List<Term> terms = new ArrayList<>();
        Iter.toList(graph.find(Node.ANY, Node.ANY, Node.ANY)).stream()
                .map(Triple::getSubject)
                .filter(s -> s.isURI() && s.getURI().startsWith(HMS.NS) && s.getURI().length() > HMS.NS.length())
                .distinct()
                .forEach(s -> terms.add(new Term(s, s.getURI().substring(HMS.NS.length()), kindOf(s))));
        terms.sort(Comparator.comparing(Term::kind).thenComparing(Term::localName));
        return terms;
    }

    private Kind kindOf(Node term) {
        for (Kind k : Kind.values()) {
            for (Node type : k.types) {
                if (graph.contains(term, RDF.type, type)) {
                    return k;
                }
            }
        }
        return Kind.OTHER;
    }
}
