package org.hmskg.serve.pages;

import org.hmskg.serve.http.BaseServlet;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Rdf;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Sparql;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /id/{type}/{key}} and {@code /graph/{key}}: ASK whether the thing is known (else 404), describe it with
 * the links to it, then answer in the negotiated format. Data keeps the canonical IRIs whatever host was asked.
 */
public final class EntityServlet extends BaseServlet {
    private static final Pattern PATH = Pattern.compile("/(id/[a-z]+|graph)/[A-Za-z0-9._~\\-/]+");

    private final Published published;
    private final Links links;
    private final Ontology ontology;

    public EntityServlet(Published published, Links links, Ontology ontology) {
        this.published = published;
        this.links = links;
        this.ontology = ontology;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.DATA_OR_PAGE);
        if (!PATH.matcher(path).matches() || path.contains("//") || path.endsWith("/")) {
            throw HttpError.notFound("No such thing: " + path + " is not a path of the form /id/{type}/{key}.");
        }
        Snapshot snapshot = published.current();
        Node thing = links.canonical(path);
        if (path.startsWith("/graph/")) {
            if (!snapshot.stats().graphTriples().containsKey(thing)) {
                throw HttpError.notFound("No graph <" + thing.getURI() + "> in this dataset.");
            }
            sendGraph(req, resp, snapshot, thing, format);
            return;
        }
        Map<String, Node> binding = Map.of("this", thing);
        if (!Sparql.ask(snapshot.view(), "thing-exists", binding)) {
            throw HttpError.notFound("No thing <" + thing.getURI() + "> in this dataset.");
        }
        Graph description = Rdf.withPrefixes(Sparql.construct(snapshot.view(), "describe", binding));
        if (format == Negotiation.Format.HTML) {
            EntityPage page = new EntityPage(snapshot, links, ontology, thing, description);
            Html.send(resp, 200, page.render(req.getParameter("in"), req.getParameter("page")));
        } else {
            Rdf.send(resp, description, format);
        }
    }

    /** A named graph: its triples as data; for browsers a summary with links to the data. */
    private void sendGraph(HttpServletRequest req, HttpServletResponse resp, Snapshot snapshot, Node graph,
                           Negotiation.Format format) throws IOException {
        if (format != Negotiation.Format.HTML) {
            Graph g = Txn.calculateRead(snapshot.view(), () -> {
                Graph copy = Rdf.withPrefixes(GraphFactory.createDefaultGraph());
                GraphUtil.addInto(copy, snapshot.view().getGraph(graph));
                return copy;
            });
            Rdf.send(resp, g, format);
            return;
        }
        long triples = snapshot.stats().graphTriples().get(graph);
        String body = "<h1>Graph " + Html.esc(links.shortName(graph.getURI())) + "</h1>\n"
                + "<p class=\"iri\">IRI: <code>" + Html.esc(graph.getURI()) + "</code></p>\n"
                + "<p>" + triples + " triples.</p>\n"
                + Html.dataLinks(req.getRequestURI());
        Html.send(resp, 200, Html.page(links.shortName(graph.getURI()), body));
    }
}
