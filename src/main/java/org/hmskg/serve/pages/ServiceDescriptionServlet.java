package org.hmskg.serve.pages;

import java.io.IOException;

import org.apache.jena.graph.Graph;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Rdf;
import org.hmskg.serve.data.ServiceDescription;
import org.hmskg.serve.http.Negotiation;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A SPARQL endpoint's URL without a query: its Service Description ({@link ServiceDescription}) in the negotiated
 * RDF syntax, or for browsers a page ({@code service-description.jte}) saying what it is and how to use it.
 */
public final class ServiceDescriptionServlet extends HttpServlet {
    private final transient Published published;
    private final transient ServiceDescription description;
    private final String limits;

    public ServiceDescriptionServlet(Published published, ServiceDescription description, String limits) {
        this.published = published;
        this.description = description;
        this.limits = limits;
    }

    /** What {@code service-description.jte} shows. */
    public record Model(String endpoint, String limits, String turtle) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.DATA_OR_PAGE);
        String endpoint = IriPaths.origin(req) + req.getRequestURI();
        Graph g = description.graph(endpoint, published.current().stats());
        if (format != Negotiation.Format.HTML) {
            Rdf.send(resp, g, format);
            return;
        }
        Pages.send(resp, 200, "service-description.jte", new Model(endpoint, limits, Rdf.turtle(g)));
    }
}
