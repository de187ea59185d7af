package org.hmskg.serve.data;

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

/**
 * The dataset described in VoID and DCAT ({@code /.well-known/void}): size, a subset per named graph, class
 * partitions, the endpoint, the dumps, licence, credit, sources with their checksums and when it was built.
 */
public final class VoidDescription {
    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    private final String baseIri;

    public VoidDescription(String baseIri) {
        this.baseIri = baseIri;
    }

    public Graph graph(String origin, DatasetVersion version, Stats stats) {
        Graph g = Rdf.withPrefixes(GraphFactory.createDefaultGraph());
        g.getPrefixMapping().setNsPrefix("spdx", SPDX.NS);
        Node dataset = NodeFactory.createURI(baseIri);
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
        g.add(dataset, voidTerm("uriSpace"), NodeFactory.createLiteralString(baseIri + "id/"));
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
