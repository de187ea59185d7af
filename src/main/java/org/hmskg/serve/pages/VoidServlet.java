package org.hmskg.serve.pages;

import java.io.IOException;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Rdf;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Stats;
import org.hmskg.serve.data.VoidDescription;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.pages.Fragments.Link;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /.well-known/void}: the dataset's VoID and DCAT description ({@link VoidDescription}) in the negotiated
 * RDF syntax, or for browsers a page ({@code void.jte}) with the graphs and the Turtle.
 */
public final class VoidServlet extends HttpServlet {
    private final transient Published published;
    private final transient VoidDescription description;
    private final transient IriPaths paths;

    public VoidServlet(Published published, VoidDescription description, IriPaths paths) {
        this.published = published;
        this.description = description;
        this.paths = paths;
    }

    /** What {@code void.jte} shows. */
    public record Model(String base, String version, long triples, List<Link> dataLinks, List<GraphRow> graphs,
                        String turtle) {
    }

    /** A named graph with its size. */
    public record GraphRow(String href, String name, long triples) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.DATA_OR_PAGE);
        Snapshot snapshot = published.current();
        Stats stats = snapshot.stats();
        Graph g = description.graph(IriPaths.origin(req), snapshot.version(), stats);
        if (format != Negotiation.Format.HTML) {
            Rdf.send(resp, g, format);
            return;
        }
        List<GraphRow> graphs = stats.graphs().stream().map(n -> new GraphRow(paths.href(n),
                paths.shortName(n.getURI()), stats.graphTriples().get(n))).toList();
        Pages.send(resp, 200, "void.jte", new Model(paths.base(), snapshot.version().version(), stats.triples(),
                Fragments.dataLinks("/.well-known/void"), graphs, Rdf.turtle(g)));
    }
}
