package org.hmskg.serve.data;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.serve.http.ServerConfig;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.RDF;

/** The SPARQL 1.1 Service Description of an endpoint: what a GET on it without a query returns. */
public final class ServiceDescription {
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG",
            "N-Quads");

    private final ServerConfig config;

    public ServiceDescription(ServerConfig config) {
        this.config = config;
    }

    public Graph graph(String endpoint, Stats stats) {
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
