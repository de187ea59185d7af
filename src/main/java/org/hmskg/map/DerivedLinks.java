package org.hmskg.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.PROV;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;

/**
 * Derived cross-reference links ({@code graph/links}): each kind is a CONSTRUCT query in
 * {@code derive/*.rq} run over the union of the source graphs, and the graph says how each kind was derived.
 */
public final class DerivedLinks {
    private record Kind(String file, Node property, String commentEn) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("related-measure.rq", HMS.relatedMeasure,
                    "two blocks (measures or paragraphs) of one document naming the same initiative or citing the "
                            + "same document; both directions, no self-links"),
            new Kind("co-mentioned-with.rq", HMS.coMentionedWith,
                    "two initiatives named in the same block (measure or paragraph); both directions, no self-links"),
            new Kind("responsible-ministry.rq", HMS.responsibleMinistry,
                    "initiative to each ministry tagged on a block (measure or paragraph) that names it"));

    private static final List<Query> QUERIES = KINDS.stream().map(k -> QueryFactory.create(resource(k.file()))).toList();

    private DerivedLinks() {
    }

    /** The links graph derived from {@code union}: all document graphs and the reference graph together. */
    public static Graph derive(Graph union, Collection<Node> sourceGraphNames) {
        Graph links = GraphFactory.createDefaultGraph();
        Node self = Iris.graph("links");
        links.add(self, RDF.type, PROV.Entity);
        sourceGraphNames.forEach(g -> links.add(self, PROV.wasDerivedFrom, g));
        for (int i = 0; i < KINDS.size(); i++) {
            Kind kind = KINDS.get(i);
            Graph derived = QueryExec.graph(union).query(QUERIES.get(i)).construct();
            derived.find().forEachRemaining(links::add);
            Node activity = NodeFactory.createURI(self.getURI() + "#" + kind.file().replace(".rq", ""));
            links.add(self, PROV.wasGeneratedBy, activity);
            links.add(activity, RDF.type, PROV.Activity);
            links.add(activity, RDFS.label, NodeFactory.createLiteralLang("derivation of " + kind.property().getLocalName(), "en"));
            links.add(activity, RDFS.comment, NodeFactory.createLiteralLang(kind.commentEn(), "en"));
            links.add(activity, DCT.source, NodeFactory.createLiteralString("derive/" + kind.file()));
            links.add(activity, RDFS.seeAlso, kind.property());
        }
        Editions.derive(union).find().forEachRemaining(links::add);
        Node editions = NodeFactory.createURI(self.getURI() + "#editions");
        links.add(self, PROV.wasGeneratedBy, editions);
        links.add(editions, RDF.type, PROV.Activity);
        links.add(editions, RDFS.label, NodeFactory.createLiteralLang("derivation of previousEdition and sameMeasureAs", "en"));
        links.add(editions, RDFS.comment, NodeFactory.createLiteralLang("consecutive editions of one document series "
                + "and their measures taken to be the same (similar text, same heading); see hms:sameMeasureAs", "en"));
        links.add(editions, DCT.source, NodeFactory.createLiteralString("org.hmskg.map.Editions"));
        links.add(editions, RDFS.seeAlso, HMS.sameMeasureAs);
        return links;
    }

    private static String resource(String file) {
        try (InputStream in = DerivedLinks.class.getResourceAsStream("/derive/" + file)) {
            if (in == null) {
                throw new IllegalStateException("derive/" + file + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
