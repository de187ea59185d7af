package org.hmskg.store;

import java.util.Collections;
import java.util.Iterator;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * A TDB2 database written by {@link Store#writeTdb2}: the named graphs as built, and their union stored once more
 * in TDB2's default graph, whose triple indexes answer a pattern over the union directly (TDB2's own union of
 * named graphs reads the quad indexes and removes duplicates, 1.3–2× slower on scans: bench/RESULTS.md). Seen
 * through this wrapper the dataset is what the build handed over: named graphs only, an empty default graph, and
 * their union as {@link #getUnionGraph()}. TDB2's query engine looks through the wrapper and, since the database
 * is not opened with TDB2's union flag, reads its stored default graph: the union, as the contract wants.
 */
final class StoredUnionTdb2 extends DatasetGraphWrapper {
    /** The file in a TDB2 folder that says its default graph holds the union of its named graphs. */
    static final String MARKER = "hmskg-union-default-graph";

    StoredUnionTdb2(DatasetGraph tdb2) {
        super(tdb2);
    }

    private static boolean any(Node g) {
        return g == null || Node.ANY.equals(g);
    }

    @Override
    public Graph getUnionGraph() {
        return get().getDefaultGraph();
    }

    @Override
    public Graph getDefaultGraph() {
        return Graph.emptyGraph;
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode)) {
            return getDefaultGraph();
        }
        if (Quad.isUnionGraph(graphNode)) {
            return getUnionGraph();
        }
        return super.getGraph(graphNode);
    }

    @Override
    public Iterator<Quad> find() {
        return findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (any(g)) {
            return findNG(Node.ANY, s, p, o);
        }
        if (Quad.isDefaultGraph(g)) {
            return Collections.emptyIterator();
        }
        if (Quad.isUnionGraph(g)) {
            return Iter.map(getUnionGraph().find(s, p, o), t -> Quad.create(Quad.unionGraph, t));
        }
        return super.find(g, s, p, o);
    }

    @Override
    public Stream<Quad> stream() {
        return Iter.asStream(find());
    }

    @Override
    public Stream<Quad> stream(Node g, Node s, Node p, Node o) {
        return Iter.asStream(find(g, s, p, o));
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        Iterator<Quad> it = find(g, s, p, o);
        try {
            return it.hasNext();
        } finally {
            Iter.close(it);
        }
    }

    @Override
    public boolean isEmpty() {
        return !listGraphNodes().hasNext();
    }
}
