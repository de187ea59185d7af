package org.hmskg.serve.data;

import org.hmskg.serve.pages.Html;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.http.ServerConfig;

import java.io.IOException;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.RDF;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The SPARQL 1.1 Service Description a GET on the endpoint without a query returns. */
public final class ServiceDescription {
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG",
            "N-Quads");

    private final Published published;
    private final ServerConfig config;

    public ServiceDescription(Published published, ServerConfig config) {
        this.published = published;
        this.config = config;
    }

    public void send(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.DATA_OR_PAGE);
        String endpoint = Links.origin(req) + req.getRequestURI();
        Graph g = graph(endpoint, published.current().stats());
        if (format != Negotiation.Format.HTML) {
            Rdf.send(resp, g, format);
            return;
        }
        String body = "<h1>SPARQL endpoint</h1>\n<p>This is the read-only SPARQL 1.1 endpoint <code>"
                + Html.esc(endpoint) + "</code>. Send a query with <code>?query=</code>, or use the "
                + "<a href=\"/ui/\">query editor</a>.</p>\n<p class=\"limits\">" + Html.esc(config.describeLimits())
                + "</p>\n<h2>Service Description</h2>\n<pre>" + Html.esc(Rdf.turtle(g)) + "</pre>";
        Html.send(resp, 200, Html.page("SPARQL endpoint", body));
    }

    Graph graph(String endpoint, Stats stats) {
        Graph g = Rdf.withPrefixes(GraphFactory.createDefaultGraph());
        Node service = NodeFactory.createBlankNode();
        g.add(service, RDF.type, sd("Service"));
        g.add(service, sd("endpoint"), NodeFactory.createURI(endpoint));
        g.add(service, sd("supportedLanguage"), sd("SPARQL11Query"));
        g.add(service, sd("feature"), sd("UnionDefaultGraph"));
        if (!config.serviceAllowList().isEmpty()) {
            g.add(service, sd("feature"), sd("BasicFederatedQuery"));
        }
        for (String f : RESULT_FORMATS) {
            g.add(service, sd("resultFormat"), NodeFactory.createURI(FORMATS + f));
        }
        g.add(service, DCT.description, NodeFactory.createLiteralString(config.describeLimits()));

        Node dataset = NodeFactory.createBlankNode();
        g.add(service, sd("defaultDataset"), dataset);
        g.add(dataset, RDF.type, sd("Dataset"));
        Node defaultGraph = NodeFactory.createBlankNode();
        g.add(dataset, sd("defaultGraph"), defaultGraph);
        g.add(defaultGraph, RDF.type, sd("Graph"));
        g.add(defaultGraph, voidTerm("triples"), Rdf.integer(stats.triples()));
        for (Node name : stats.graphs()) {
            Node named = NodeFactory.createBlankNode();
            Node graph = NodeFactory.createBlankNode();
            g.add(Triple.create(dataset, sd("namedGraph"), named));
            g.add(named, RDF.type, sd("NamedGraph"));
            g.add(named, sd("name"), name);
            g.add(named, sd("graph"), graph);
            g.add(graph, RDF.type, sd("Graph"));
            g.add(graph, voidTerm("triples"), Rdf.integer(stats.graphTriples().get(name)));
        }
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(Prefixes.SD + local);
    }

    private static Node voidTerm(String local) {
        return NodeFactory.createURI(Prefixes.VOID + local);
    }
}
