package org.hmskg.serve.data;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.hmskg.vocab.HMS;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the canonical base meets request paths, and nowhere else: data IRIs are {@code {base}id/…}, pages are
 * {@code /id/…} on whatever host was asked. The vocabulary keeps its public namespace under any base.
 */
public record IriPaths(String base) {

    /** Where this deployment answers, as the client reached it ({@code https://host:port}), for endpoint URLs. */
    public static String origin(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        return url.substring(0, url.length() - req.getRequestURI().length());
    }

    /** The canonical IRI for a request path such as {@code /id/initiative/amed}. */
    public Node canonical(String path) {
        return NodeFactory.createURI(base + path.substring(1));
    }

    /** The local page of an IRI this server describes, or the IRI itself. */
    public String href(String iri) {
        if (iri.startsWith(HMS.NS)) {
            return "/def#" + iri.substring(HMS.NS.length());
        }
        if (iri.startsWith(base)) {
            return "/" + iri.substring(base.length());
        }
        return iri;
    }

    public String href(Node node) {
        return href(node.getURI());
    }

    /**
     * A short name: {@code initiative/amed} for {@code {base}id/initiative/amed}, {@code graph/links} for other IRIs
     * under the base, a prefixed name or the IRI itself for anything else.
     */
    public String shortName(String iri) {
        if (iri.startsWith(base + "id/")) {
            return iri.substring(base.length() + 3);
        }
        return iri.startsWith(base) ? iri.substring(base.length()) : Prefixes.shorten(iri);
    }

    /** The thing's type as its IRI says ({@code initiative} for {@code {base}id/initiative/amed}), or "". */
    public String typeOf(String iri) {
        String prefix = base + "id/";
        if (!iri.startsWith(prefix)) {
            return "";
        }
        int slash = iri.indexOf('/', prefix.length());
        return slash < 0 ? "" : iri.substring(prefix.length(), slash);
    }
}
