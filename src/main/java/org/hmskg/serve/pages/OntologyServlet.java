package org.hmskg.serve.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Rdf;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.pages.Fragments.Link;
import org.hmskg.serve.pages.Fragments.Text;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /def} ({@code ontology.jte}): the ontology as documentation generated from its graph, one anchor per term
 * ({@code #Term}, so {@code …/def#Term} lands on it), or the graph itself in Turtle, JSON-LD, N-Triples or RDF/XML.
 */
public final class OntologyServlet extends HttpServlet {
    private static final int MAX_DEPTH = 3;

    private final transient Ontology ontology;
    private final transient IriPaths paths;

    public OntologyServlet(Ontology ontology, IriPaths paths) {
        this.ontology = ontology;
        this.paths = paths;
    }

    /** What {@code ontology.jte} shows. */
    public record Model(String title, String namespace, List<Link> dataLinks, List<Statement> about,
                        List<TocLine> toc, List<Group> groups) {
    }

    /** The terms of one kind, for the table of contents. */
    public record TocLine(String heading, List<String> localNames) {
    }

    /** The terms of one kind, documented. */
    public record Group(String heading, List<TermDoc> terms) {
    }

    /** One term: its heading, its statements, and what uses it. */
    public record TermDoc(String localName, String en, String ja, String iri, List<Statement> statements,
                          List<Use> uses) {
    }

    /** A statement about a term: the property's prefixed name and the value. */
    public record Statement(String property, Value value) {
    }

    /** Another term using this one, through a property. */
    public record Use(Value user, String property) {
    }

    /**
     * A value in the documentation: a term link, a literal with its language, an RDF list, an anonymous node's
     * statements (nested a little), or {@code […]} where the nesting stops.
     */
    public sealed interface Value {
    }

    /** A link to a term's documentation or an IRI, shown by its prefixed name. */
    public record LinkValue(String href, String text) implements Value {
    }

    /** A literal. */
    public record LiteralValue(Text text) implements Value {
    }

    /** An RDF list. */
    public record ListValue(List<Value> items) implements Value {
    }

    /** An anonymous node, by its statements. */
    public record NodeValue(List<Statement> statements) implements Value {
    }

    /** Where the nesting stops. */
    public record Cut() implements Value {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.DATA_OR_PAGE);
        if (ontology.isEmpty()) {
            throw HttpError.notFound("No ontology is loaded: " + Ontology.CLASSPATH_LOCATION
                    + " was not on the class path.");
        }
        if (format != Negotiation.Format.HTML) {
            Rdf.send(resp, ontology.graph(), format);
            return;
        }
        Pages.send(resp, 200, "ontology.jte", model());
    }

    private Model model() {
        Graph g = ontology.graph();
        String title = first(g, Ontology.IRI, DCT.title).orElse("hms-kg vocabulary");
        List<Ontology.Term> terms = ontology.terms();
        List<TocLine> toc = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (Ontology.Kind kind : Ontology.Kind.values()) {
            List<Ontology.Term> ofKind = terms.stream().filter(t -> t.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            toc.add(new TocLine(kind.heading, ofKind.stream().map(Ontology.Term::localName).toList()));
            groups.add(new Group(kind.heading, ofKind.stream().map(t -> term(g, t)).toList()));
        }
        return new Model(title, HMS.NS, Fragments.dataLinks("/def"), statements(g, Ontology.IRI), toc, groups);
    }

    private TermDoc term(Graph g, Ontology.Term t) {
        List<Use> uses = Iter.toList(g.find(Node.ANY, Node.ANY, t.iri())).stream()
                .filter(u -> u.getSubject().isURI())
                .sorted(Comparator.comparing((Triple u) -> u.getPredicate().getURI())
                        .thenComparing(u -> u.getSubject().getURI()))
                .map(u -> new Use(value(g, u.getSubject(), 0), Prefixes.shorten(u.getPredicate().getURI())))
                .toList();
        return new TermDoc(t.localName(), ontology.label(t.iri(), "en").orElse(""),
                ontology.label(t.iri(), "ja").orElse(""), t.iri().getURI(), statements(g, t.iri()), uses);
    }

    private static Optional<String> first(Graph g, Node s, Node p) {
        return Iter.toList(g.find(s, p, Node.ANY)).stream().map(Triple::getObject).filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm).sorted().findFirst();
    }

    /** Every statement about a term; labels are in the heading already. */
    private List<Statement> statements(Graph g, Node subject) {
        return Iter.toList(g.find(subject, Node.ANY, Node.ANY)).stream()
                .filter(t -> !t.getPredicate().equals(RDFS.label))
                .sorted(Comparator.comparing((Triple t) -> !t.getPredicate().equals(RDF.type))
                        .thenComparing(t -> t.getPredicate().getURI())
                        .thenComparing(t -> t.getObject().toString()))
                .map(t -> new Statement(Prefixes.shorten(t.getPredicate().getURI()), value(g, t.getObject(), 0)))
                .toList();
    }

    private Value value(Graph g, Node n, int depth) {
        if (n.isURI()) {
            return new LinkValue(paths.href(n), Prefixes.shorten(n.getURI()));
        }
        if (n.isLiteral()) {
            return new LiteralValue(new Text(n.getLiteralLexicalForm(), n.getLiteralLanguage()));
        }
        if (depth >= MAX_DEPTH) {
            return new Cut();
        }
        List<Node> list = rdfList(g, n);
        if (list != null) {
            return new ListValue(list.stream().map(item -> value(g, item, depth + 1)).toList());
        }
        List<Statement> statements = new ArrayList<>();
        g.find(n, Node.ANY, Node.ANY).forEachRemaining(t -> statements.add(new Statement(
                Prefixes.shorten(t.getPredicate().getURI()), value(g, t.getObject(), depth + 1))));
        return new NodeValue(statements);
    }

    private static List<Node> rdfList(Graph g, Node head) {
        GNode gnode = new GNode(g, head);
        return GraphList.isListNode(gnode) ? GraphList.members(gnode) : null;
    }
}
