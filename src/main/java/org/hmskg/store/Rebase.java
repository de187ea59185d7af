package org.hmskg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Moves the data's own IRIs ({@code id/…}, {@code graph/…}) from one base to another for a private deployment
 * ({@code --base-iri}). The vocabulary ({@code def#}) is shared and keeps its IRIs.
 */
public final class Rebase {
    private Rebase() {
    }

    public static DatasetGraph rebase(DatasetGraph source, String from, String to) {
        if (from.equals(to)) {
            return source;
        }
        FrozenDataset.Loader out = new FrozenDataset.Loader();
        Txn.executeRead(source, () -> source.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q ->
                out.quad(new Quad(map(q.getGraph(), from, to), map(q.getSubject(), from, to),
                        q.getPredicate(), map(q.getObject(), from, to)))));
        return out.freeze();
    }

    static Node map(Node n, String from, String to) {
        if (!n.isURI()) {
            return n;
        }
        String uri = n.getURI();
        if (uri.startsWith(from + "id/") || uri.startsWith(from + "graph/")) {
            return NodeFactory.createURI(to + uri.substring(from.length()));
        }
        return n;
    }
}
