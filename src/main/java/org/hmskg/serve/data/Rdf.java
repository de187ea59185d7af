package org.hmskg.serve.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.hmskg.serve.http.Negotiation;

import jakarta.servlet.http.HttpServletResponse;

/** Writing RDF answers: a graph in the negotiated format, with the standard prefixes where the syntax has them. */
public final class Rdf {
    private Rdf() {
    }

    /** Prefixes for a graph this server built itself (query results are fresh, writable graphs). */
    public static Graph withPrefixes(Graph g) {
        g.getPrefixMapping().setNsPrefixes(Prefixes.STANDARD);
        return g;
    }

    public static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    public static void send(HttpServletResponse resp, Graph graph, Negotiation.Format format) throws IOException {
        resp.setContentType(format.mediaType() + "; charset=utf-8");
        RDFWriter.source(graph).format(format.rdf()).output(resp.getOutputStream());
    }

    public static String turtle(Graph graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(graph).format(RDFFormat.TURTLE).output(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
