package org.hmskg.serve.data;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * A read-only view of a dataset whose default graph is the union of its named graphs (CONTRACT.md: "The
 * endpoint's default graph is the union of all graphs"). The build hands over named graphs only; this view works
 * the same on an in-memory dataset and on TDB2, where the union-default-graph context symbol would only reach
 * TDB2's own query engine. Quads as stored (dumps, {@code GRAPH ?g}) are unchanged. Marked as a view, so that
 * the query engine reads through it instead of unwrapping it.
 */
public final class UnionView extends DatasetGraphWrapper implements DatasetGraphWrapperView {
    private final Graph union;

    public UnionView(DatasetGraph stored) {
        super(stored);
        this.union = new GraphReadOnly(stored.getUnionGraph());
    }

    private static boolean isDefault(Node g) {
        return g != null && Quad.isDefaultGraph(g);
    }

    @Override
    public Graph getDefaultGraph() {
        return union;
    }

    @Override
    public Graph getUnionGraph() {
        return union;
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (isDefault(graphNode) || Quad.isUnionGraph(graphNode)) {
            return union;
        }
        Graph g = super.getGraph(graphNode);
        return g == null ? null : new GraphReadOnly(g);
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (isDefault(g)) {
            return Iter.map(union.find(s, p, o), t -> Quad.create(Quad.defaultGraphIRI, t));
        }
        return super.find(g, s, p, o);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        if (isDefault(g)) {
            return union.contains(s, p, o);
        }
        return super.contains(g, s, p, o);
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    protected DatasetGraph getW() {
        throw new UnsupportedOperationException("read-only dataset");
    }

    @Override
    public void begin() {
        begin(TxnType.READ);
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public void begin(TxnType type) {
        if (type != TxnType.READ) {
            throw new JenaTransactionException("read-only dataset: no " + type + " transactions");
        }
        super.begin(TxnType.READ);
    }

    @Override
    public boolean promote() {
        throw new JenaTransactionException("read-only dataset: no promotion to a write transaction");
    }

    @Override
    public boolean promote(Promote mode) {
        throw new JenaTransactionException("read-only dataset: no promotion to a write transaction");
    }
}
