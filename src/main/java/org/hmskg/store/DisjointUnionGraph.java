package org.hmskg.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * The union of two graphs that share no triple, read-only. Because they are disjoint, a pattern is answered by
 * asking one and then the other, with no set to remove duplicates: the cost of a lookup is the cost of two indexed
 * lookups, whatever the size of the answer. {@link FrozenDataset} builds the second graph so that this holds.
 */
final class DisjointUnionGraph extends GraphBase {
    private final Graph base;
    private final Graph rest;

    /** {@code base} and {@code rest} must have no triple in common; neither may change afterwards. */
    DisjointUnionGraph(Graph base, Graph rest) {
        this.base = base;
        this.rest = rest;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        return base.find(pattern).andThen(rest.find(pattern));
    }

    @Override
    protected boolean graphBaseContains(Triple t) {
        return base.contains(t) || rest.contains(t);
    }

    @Override
    protected int graphBaseSize() {
        return base.size() + rest.size();
    }

    @Override
    public void performAdd(Triple t) {
        throw new AddDeniedException("read-only union graph", t);
    }

    @Override
    public void performDelete(Triple t) {
        throw new DeleteDeniedException("read-only union graph", t);
    }
}
