package org.hmskg.serve.pages;

import org.hmskg.serve.http.BaseServlet;
import org.hmskg.serve.data.Dumps;
import org.hmskg.serve.data.Licence;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Rdf;
import org.hmskg.serve.http.ServerConfig;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Stats;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.store.DatasetVersion;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.SPDX;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /.well-known/void}: the dataset described in VoID and DCAT: size, a subset per named graph, class
 * partitions, the endpoint, the dumps, licence, credit, sources with their checksums and when it was built.
 */
public final class VoidServlet extends BaseServlet {
    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    private final Published published;
    private final ServerConfig config;
    private final Links links;

    public VoidServlet(Published published, ServerConfig config, Links links) {
        this.published = published;
        this.config = config;
        this.links = links;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.DATA_OR_PAGE);
        Snapshot snapshot = published.current();
        Graph g = graph(Links.origin(req), snapshot.version(), snapshot.stats());
        if (format != Negotiation.Format.HTML) {
            Rdf.send(resp, g, format);
            return;
        }
        Stats stats = snapshot.stats();
        StringBuilder b = new StringBuilder("<h1>Dataset description</h1>\n");
        b.append("<p>VoID and DCAT for <code>").append(Html.esc(config.baseIri())).append("</code>, version <code>")
                .append(Html.esc(snapshot.version().version())).append("</code>: ").append(stats.triples())
                .append(" triples.</p>\n").append(Html.dataLinks("/.well-known/void"));
        b.append("<table class=\"counts\">\n<tr><th>Graph</th><th>Triples</th></tr>\n");
        for (Node graph : stats.graphs()) {
            b.append("<tr><td>").append(Html.link(links.href(graph), links.shortName(graph.getURI())))
                    .append("</td><td class=\"num\">").append(stats.graphTriples().get(graph)).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Turtle</h2>\n<pre>").append(Html.esc(Rdf.turtle(g))).append("</pre>\n");
        Html.send(resp, 200, Html.page("Dataset description", b.toString()));
    }

    Graph graph(String origin, DatasetVersion version, Stats stats) {
        Graph g = Rdf.withPrefixes(GraphFactory.createDefaultGraph());
        g.getPrefixMapping().setNsPrefix("spdx", SPDX.NS);
        Node dataset = NodeFactory.createURI(config.baseIri());
        g.add(dataset, RDF.type, voidTerm("Dataset"));
        g.add(dataset, RDF.type, dcat("Dataset"));
        g.add(dataset, DCT.title, NodeFactory.createLiteralLang(
                "hms-kg: Japanese Health and Medical Strategy Knowledge Graph", "en"));
        g.add(dataset, DCT.title, NodeFactory.createLiteralLang("健康・医療戦略ナレッジグラフ", "ja"));
        g.add(dataset, DCT.description, NodeFactory.createLiteralLang("Japan's health and medical strategy"
                + " documents as linked data: documents, sections, measures, responsible ministries, and the"
                + " initiatives and documents they name, each fact traced to its place in the text.", "en"));
        g.add(dataset, DCT.license, NodeFactory.createURI(Licence.LICENSE_IRI));
        g.add(dataset, DCT.rights, NodeFactory.createLiteralLang(Licence.CREDIT_JA, "ja"));
        g.add(dataset, DCT.rights, NodeFactory.createLiteralLang(Licence.CREDIT_EN, "en"));
        g.add(dataset, DCT.modified, NodeFactory.createLiteralDT(version.builtAt().toString(),
                XSDDatatype.XSDdateTime));
        g.add(dataset, DCT.hasVersion, NodeFactory.createLiteralString(version.version()));
        for (Map.Entry<String, String> source : new TreeMap<>(version.sources()).entrySet()) {
            Node s = NodeFactory.createBlankNode();
            Node checksum = NodeFactory.createBlankNode();
            g.add(dataset, DCT.source, s);
            g.add(s, DCT.identifier, NodeFactory.createLiteralString(source.getKey()));
            g.add(s, NodeFactory.createURI(SPDX.NS + "checksum"), checksum);
            g.add(checksum, NodeFactory.createURI(SPDX.NS + "algorithm"),
                    NodeFactory.createURI(SPDX.NS + "checksumAlgorithm_sha256"));
            g.add(checksum, NodeFactory.createURI(SPDX.NS + "checksumValue"),
                    NodeFactory.createLiteralDT(source.getValue(), XSDDatatype.XSDhexBinary));
        }
        g.add(dataset, dcat("landingPage"), NodeFactory.createURI(origin + "/"));
        g.add(dataset, voidTerm("sparqlEndpoint"), NodeFactory.createURI(origin + "/sparql"));
        g.add(dataset, voidTerm("uriSpace"), NodeFactory.createLiteralString(config.baseIri() + "id/"));
        g.add(dataset, voidTerm("vocabulary"), NodeFactory.createURI(HMS.NS));
        g.add(dataset, voidTerm("triples"), Rdf.integer(stats.triples()));
        for (Dumps.RdfDump dump : Dumps.RDF_DUMPS) {
            Node url = NodeFactory.createURI(origin + "/download/" + dump.name());
            Node distribution = NodeFactory.createBlankNode();
            g.add(dataset, voidTerm("dataDump"), url);
            g.add(dataset, dcat("distribution"), distribution);
            g.add(distribution, RDF.type, dcat("Distribution"));
            g.add(distribution, dcat("downloadURL"), url);
            g.add(distribution, dcat("mediaType"), NodeFactory.createURI(IANA + dump.mediaType()));
            g.add(distribution, dcat("compressFormat"), NodeFactory.createURI(IANA + "application/gzip"));
        }
        for (Node graph : stats.graphs()) {
            g.add(dataset, voidTerm("subset"), graph);
            g.add(graph, RDF.type, voidTerm("Dataset"));
            g.add(graph, NodeFactory.createURI(Prefixes.SD + "name"), graph);
            g.add(graph, voidTerm("triples"), Rdf.integer(stats.graphTriples().get(graph)));
        }
        for (Map.Entry<Node, Long> c : stats.classes()) {
            Node partition = NodeFactory.createBlankNode();
            g.add(dataset, voidTerm("classPartition"), partition);
            g.add(partition, voidTerm("class"), c.getKey());
            g.add(partition, voidTerm("entities"), Rdf.integer(c.getValue()));
        }
        return g;
    }

    private static Node voidTerm(String local) {
        return NodeFactory.createURI(Prefixes.VOID + local);
    }

    private static Node dcat(String local) {
        return NodeFactory.createURI(Prefixes.DCAT + local);
    }
}
