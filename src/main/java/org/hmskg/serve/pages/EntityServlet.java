package org.hmskg.serve.pages;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Rdf;
import org.hmskg.serve.data.RetiredIris;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Sparql;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.pages.Fragments.Link;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /id/{type}/{key}} and {@code /graph/{key}}: a retired IRI is answered 410 with its reason; otherwise ASK
 * whether the thing is known (else 404), describe it with the links to it, then answer in the negotiated format.
 * Data keeps the canonical IRIs whatever host was asked.
 */
public final class EntityServlet extends HttpServlet {
    private static final Pattern PATH = Pattern.compile("/(id/[a-z]+|graph)/[A-Za-z0-9._~\\-/]+");

    /** What {@code graph.jte} shows of a named graph. */
    public record GraphModel(String name, String iri, long triples, List<Link> dataLinks) {
    }

    /** What {@code gone.jte} shows of a retired IRI; {@code replacedBy} is empty when nothing replaces it. */
    public record GoneModel(String path, String iri, String retired, String reason, String replacedBy,
                            String replacedByHref) {
    }

    private final transient Published published;
    private final transient IriPaths paths;
    private final transient Ontology ontology;
    private final transient RetiredIris retired;

    public EntityServlet(Published published, IriPaths paths, Ontology ontology, RetiredIris retired) {
        this.published = published;
        this.paths = paths;
        this.ontology = ontology;
        this.retired = retired;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        Optional<RetiredIris.Entry> gone = retired.lookup(path);
        if (gone.isPresent()) {
            gone(req, resp, gone.get());
            return;
        }
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.DATA_OR_PAGE);
        if (!PATH.matcher(path).matches() || path.contains("//") || path.endsWith("/")) {
            throw HttpError.notFound("No such thing: " + path + " is not a path of the form /id/{type}/{key}.");
        }
        Snapshot snapshot = published.current();
        Node thing = paths.canonical(path);
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
            EntityPage page = new EntityPage(snapshot, paths, ontology, thing, description);
            String html = page.render(req.getParameter("in"), req.getParameter("page"));
            resp.setContentType("text/html; charset=utf-8");
            resp.getWriter().write(html);
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
        Pages.send(resp, 200, "graph.jte", new GraphModel(paths.shortName(graph.getURI()), graph.getURI(), triples,
                Fragments.dataLinks(req.getRequestURI())));
    }

    /** 410 with the reason and the replacement: a page for browsers, a sentence otherwise. */
    private void gone(HttpServletRequest req, HttpServletResponse resp, RetiredIris.Entry e) throws IOException {
        Node old = paths.canonical("/" + e.path());
        String sentence = "<" + old.getURI() + "> was retired on " + e.retired() + ". " + e.reason();
        Negotiation.vary(resp, "Accept");
        String next = "";
        String nextHref = "";
        if (!e.replacedBy().isEmpty()) {
            Node n = paths.canonical("/" + e.replacedBy());
            next = n.getURI();
            nextHref = paths.href(n);
            resp.setHeader("Link", "<" + next + ">; rel=\"successor-version\"");
            sentence += " It is replaced by <" + next + ">.";
        }
        if (Negotiation.chooseOr(req.getHeader("Accept"), Negotiation.TEXT_OR_PAGE, Negotiation.Format.TEXT)
                == Negotiation.Format.HTML) {
            Pages.send(resp, 410, "gone.jte", new GoneModel(e.path(), old.getURI(), e.retired(), e.reason(), next,
                    nextHref));
        } else {
            resp.setStatus(410);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().write(sentence + "\n");
        }
    }
}
