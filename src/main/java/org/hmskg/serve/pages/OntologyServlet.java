package org.hmskg.serve.pages;

import org.hmskg.serve.http.BaseServlet;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Rdf;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /def}: the ontology as documentation generated from its graph, one anchor per term ({@code #Term}, so
 * {@code …/def#Term} lands on it), or the graph itself in Turtle, JSON-LD, N-Triples or RDF/XML.
 */
public final class OntologyServlet extends BaseServlet {
    private static final int MAX_DEPTH = 3;

    private final Ontology ontology;
    private final Links links;

    public OntologyServlet(Ontology ontology, Links links) {
        this.ontology = ontology;
        this.links = links;
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
        Html.send(resp, 200, Html.page("Ontology", render()));
    }

    private String render() {
        Graph g = ontology.graph();
        StringBuilder b = new StringBuilder();
        String title = first(g, Ontology.IRI, DCT.title).orElse("hms-kg vocabulary");
        b.append("<h1>").append(Html.esc(title)).append("</h1>\n");
        b.append("<p class=\"iri\">Namespace <code>").append(Html.esc(HMS.NS))
                .append("</code>, prefix <code>hms:</code>.</p>\n").append(Html.dataLinks("/def"));
        b.append(statements(g, Ontology.IRI));

        List<Ontology.Term> terms = ontology.terms();
        b.append("<nav class=\"toc\">\n");
        for (Ontology.Kind kind : Ontology.Kind.values()) {
            List<Ontology.Term> ofKind = terms.stream().filter(t -> t.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            b.append("<p><b>").append(Html.esc(kind.heading)).append(":</b> ");
            ofKind.forEach(t -> b.append(Html.link("#" + t.localName(), t.localName())).append(' '));
            b.append("</p>\n");
        }
        b.append("</nav>\n");
        Ontology.Kind current = null;
        for (Ontology.Term t : terms) {
            if (t.kind() != current) {
                current = t.kind();
                b.append("<h2>").append(Html.esc(current.heading)).append("</h2>\n");
            }
            b.append("<section class=\"term\" id=\"").append(Html.esc(t.localName())).append("\">\n<h3>hms:")
                    .append(Html.esc(t.localName()));
            ontology.label(t.iri(), "en").ifPresent(l -> b.append(" — ").append(Html.esc(l)));
            ontology.label(t.iri(), "ja").ifPresent(l -> b.append(" <span lang=\"ja\">").append(Html.esc(l))
                    .append("</span>"));
            b.append("</h3>\n<p class=\"iri\"><code>").append(Html.esc(t.iri().getURI())).append("</code></p>\n");
            b.append(statements(g, t.iri()));
            List<Triple> uses = Iter.toList(g.find(Node.ANY, Node.ANY, t.iri())).stream()
                    .filter(u -> u.getSubject().isURI())
                    .sorted(Comparator.comparing((Triple u) -> u.getPredicate().getURI())
                            .thenComparing(u -> u.getSubject().getURI()))
                    .toList();
            if (!uses.isEmpty()) {
                b.append("<p class=\"uses\">Used by: ");
                uses.forEach(u -> b.append(node(g, u.getSubject(), 0)).append(" <small>(")
                        .append(Html.esc(Prefixes.shorten(u.getPredicate().getURI()))).append(")</small> "));
                b.append("</p>\n");
            }
            b.append("</section>\n");
        }
        return b.toString();
    }

    private static Optional<String> first(Graph g, Node s, Node p) {
        return Iter.toList(g.find(s, p, Node.ANY)).stream().map(Triple::getObject).filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm).sorted().findFirst();
    }

    /** Every statement about a term as a definition list; labels are in the heading already. */
    private String statements(Graph g, Node subject) {
        List<Triple> ts = Iter.toList(g.find(subject, Node.ANY, Node.ANY)).stream()
                .filter(t -> !t.getPredicate().equals(RDFS.label))
                .sorted(Comparator.comparing((Triple t) -> !t.getPredicate().equals(RDF.type))
                        .thenComparing(t -> t.getPredicate().getURI())
                        .thenComparing(t -> t.getObject().toString()))
                .toList();
        if (ts.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<dl>\n");
        for (Triple t : ts) {
            b.append("<dt>").append(Html.esc(Prefixes.shorten(t.getPredicate().getURI()))).append("</dt><dd>")
                    .append(node(g, t.getObject(), 0)).append("</dd>\n");
        }
        return b.append("</dl>\n").toString();
    }

    /** A value: a term link, a literal with its language, or an anonymous node's statements, nested a little. */
    private String node(Graph g, Node n, int depth) {
        if (n.isURI()) {
            String href = links.href(n);
            return Html.link(href, Prefixes.shorten(n.getURI()));
        }
        if (n.isLiteral()) {
            return Html.text(n.getLiteralLexicalForm(), n.getLiteralLanguage());
        }
        if (depth >= MAX_DEPTH) {
            return "[…]";
        }
        List<Node> list = rdfList(g, n);
        if (list != null) {
            StringBuilder b = new StringBuilder("( ");
            list.forEach(item -> b.append(node(g, item, depth + 1)).append(' '));
            return b.append(")").toString();
        }
        StringBuilder b = new StringBuilder("[ ");
        g.find(n, Node.ANY, Node.ANY).forEachRemaining(t -> b.append(Html.esc(Prefixes.shorten(t.getPredicate()
                .getURI()))).append(' ').append(node(g, t.getObject(), depth + 1)).append("; "));
        return b.append("]").toString();
    }

    private static List<Node> rdfList(Graph g, Node head) {
        GNode gnode = new GNode(g, head);
        return GraphList.isListNode(gnode) ? GraphList.members(gnode) : null;
    }
}
