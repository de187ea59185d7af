package org.hmskg.store;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem.GraphMemIndexedSet;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.hmskg.store.plan.Catalog;

/**
 * An immutable in-memory dataset of named graphs: the form a published version is served from. Each named graph
 * is a triple-indexed {@link GraphMemIndexedSet}; the default graph is empty, as in every dataset the build hands
 * over (CONTRACT.md: the endpoint's default graph is the union of all graphs, which the server presents).
 *
 * <p>The union of the named graphs is built once, when the dataset is frozen: the largest graph, plus one graph
 * holding the triples of all the others that the largest does not have. The two are disjoint, so a pattern over
 * the union is two indexed lookups with no de-duplication, instead of a scan over every graph's quads and a hash
 * set of the triples seen. The price is memory for the triples outside the largest graph, which in this project
 * are the small graphs (links, reference data) beside a document or a large data file.
 *
 * <p>The union carries its {@link Catalog}, also built once: statistics and ordered literals for the query planner
 * ({@code store.plan}), which queries read through {@link org.hmskg.store.plan.Planning#enable}. A large union's
 * catalog is made in the background, so that the version is served sooner; until it is attached, queries are
 * planned as ARQ plans them.
 *
 * <p>Read transactions cost nothing (nothing changes); write transactions are refused.
 */
public final class FrozenDataset extends DatasetGraphBaseFind {
    private final Map<Node, Graph> graphs;
    private final Graph union;
    private final ThreadLocal<TxnType> txn = new ThreadLocal<>();

    private FrozenDataset(Map<Node, GraphMemIndexedSet> stored) {
        Map<Node, Graph> readOnly = new LinkedHashMap<>();
        stored.forEach((name, g) -> readOnly.put(name, new GraphReadOnly(g)));
        this.graphs = Collections.unmodifiableMap(readOnly);
        this.union = unionOf(stored);
    }

    /**
     * What the query planner knows of the union graph (statistics, ordered literals), computed once; null while a
     * large union's catalog is still being made.
     */
    public Catalog catalog() {
        return Catalog.attached(union);
    }

    /** A frozen copy of {@code graphs} (graph name → graph); later changes to them do not reach it. */
    public static FrozenDataset of(Map<Node, Graph> graphs) {
        Loader loader = new Loader();
        graphs.forEach(loader::add);
        return loader.freeze();
    }

    private static Graph unionOf(Map<Node, GraphMemIndexedSet> stored) {
        GraphMemIndexedSet largest = null;
        for (GraphMemIndexedSet g : stored.values()) {
            if (largest == null || g.size() > largest.size()) {
                largest = g;
            }
        }
        if (largest == null) {
            return Catalog.unionOf(List.of(), Graph.emptyGraph);
        }
        GraphMemIndexedSet rest = new GraphMemIndexedSet();
        for (GraphMemIndexedSet g : stored.values()) {
            if (g != largest) {
                GraphMemIndexedSet base = largest;
                g.find().forEachRemaining(t -> {
                    if (!base.contains(t)) {
                        rest.add(t);
                    }
                });
            }
        }
        if (rest.isEmpty()) {
            return Catalog.unionOf(List.of(largest), largest);
        }
        return Catalog.unionOf(List.of(largest, rest), new DisjointUnionGraph(largest, rest));
    }

    @Override
    public Graph getDefaultGraph() {
        return Graph.emptyGraph;
    }

    @Override
    public Graph getUnionGraph() {
        return union;
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode)) {
            return getDefaultGraph();
        }
        if (Quad.isUnionGraph(graphNode)) {
            return union;
        }
        // An unknown name is an empty graph (as in Jena's in-memory datasets), so FROM <unknown> finds nothing.
        return graphs.getOrDefault(graphNode, Graph.emptyGraph);
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode) || graphs.containsKey(graphNode);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return graphs.keySet().iterator();
    }

    @Override
    public long size() {
        return graphs.size();
    }

    @Override
    public boolean isEmpty() {
        return graphs.isEmpty();
    }

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        return Collections.emptyIterator();
    }

    @Override
    protected Stream<Quad> streamInDftGraph(Node s, Node p, Node o) {
        return Stream.empty();
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        Graph graph = graphs.get(g);
        return graph == null ? Collections.emptyIterator() : quads(g, graph, s, p, o);
    }

    @Override
    protected Stream<Quad> streamInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return Iter.asStream(findInSpecificNamedGraph(g, s, p, o));
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        return Iter.flatMap(graphs.entrySet().iterator(), e -> quads(e.getKey(), e.getValue(), s, p, o));
    }

    @Override
    protected Stream<Quad> streamInAnyNamedGraphs(Node s, Node p, Node o) {
        return Iter.asStream(findInAnyNamedGraphs(s, p, o));
    }

    @Override
    public Iterator<Triple> findInUnionGraph(Node s, Node p, Node o) {
        return union.find(s, p, o);
    }

    @Override
    public Iterator<Quad> findQuadsInUnionGraph(Node s, Node p, Node o) {
        return quads(Quad.unionGraph, union, s, p, o);
    }

    @Override
    public Stream<Quad> streamQuadsInUnionGraph(Node s, Node p, Node o) {
        return Iter.asStream(findQuadsInUnionGraph(s, p, o));
    }

    private static Iterator<Quad> quads(Node name, Graph graph, Node s, Node p, Node o) {
        return Iter.map(graph.find(s, p, o), t -> Quad.create(name, t));
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        throw readOnly();
    }

    @Override
    public void removeGraph(Node graphName) {
        throw readOnly();
    }

    @Override
    public void add(Quad quad) {
        throw readOnly();
    }

    @Override
    public void delete(Quad quad) {
        throw readOnly();
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        throw readOnly();
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        throw readOnly();
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        throw readOnly();
    }

    @Override
    public void clear() {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a published dataset version is read-only");
    }

    @Override
    public PrefixMap prefixes() {
        return PrefixMapFactory.emptyPrefixMap();
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public void begin(TxnType type) {
        if (type != TxnType.READ) {
            throw new JenaTransactionException("read-only dataset: no " + type + " transactions");
        }
        if (txn.get() != null) {
            throw new JenaTransactionException("already in a transaction on this thread");
        }
        txn.set(type);
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public boolean promote(Promote mode) {
        throw new JenaTransactionException("read-only dataset: no promotion to a write transaction");
    }

    @Override
    public void commit() {
        if (txn.get() == null) {
            throw new JenaTransactionException("not in a transaction");
        }
    }

    @Override
    public void abort() {
        txn.remove();
    }

    @Override
    public void end() {
        txn.remove();
    }

    @Override
    public ReadWrite transactionMode() {
        return txn.get() == null ? null : ReadWrite.READ;
    }

    @Override
    public TxnType transactionType() {
        return txn.get();
    }

    @Override
    public boolean isInTransaction() {
        return txn.get() != null;
    }

    /**
     * Collects quads (or the triples of a named graph) from a parser or a copy, then {@link #freeze() freezes} them.
     * Triples in the default graph go to the graph named by {@link #into(Node)}: published data has named graphs
     * only.
     */
    public static final class Loader {
        private final Map<Node, GraphMemIndexedSet> graphs = new LinkedHashMap<>();

        private GraphMemIndexedSet graph(Node name) {
            return graphs.computeIfAbsent(name, n -> new GraphMemIndexedSet());
        }

        /** Adds a quad; it must name a graph. */
        public void quad(Quad q) {
            if (q.isDefaultGraph()) {
                throw new IllegalArgumentException("a published dataset has named graphs only: " + q);
            }
            graph(q.getGraph()).add(q.asTriple());
        }

        /** Adds every triple of {@code graph} to the named graph {@code name}. */
        public void add(Node name, Graph graph) {
            GraphMemIndexedSet target = graph(name);
            graph.find().forEachRemaining(target::add);
        }

        /**
         * A parser sink: named quads go to their graph; triples and default-graph quads go to {@code graphName},
         * or are refused ({@link IllegalArgumentException}) when it is null.
         */
        public StreamRDF into(Node graphName) {
            return new StreamRDFBase() {
                private Node lastName;
                private GraphMemIndexedSet last;

                @Override
                public void triple(Triple triple) {
                    if (graphName == null) {
                        throw new IllegalArgumentException("a published dataset has named graphs only: " + triple);
                    }
                    add(graphName, triple);
                }

                @Override
                public void quad(Quad quad) {
                    if (quad.isDefaultGraph()) {
                        triple(quad.asTriple());
                    } else {
                        add(quad.getGraph(), quad.asTriple());
                    }
                }

                // Parsers emit long runs of one graph: skip the map lookup while the graph stays the same.
                private void add(Node name, Triple t) {
                    if (!name.equals(lastName)) {
                        lastName = name;
                        last = graph(name);
                    }
                    last.add(t);
                }
            };
        }

        /** The dataset of everything added; graphs left empty are dropped. The loader must not be used after. */
        public FrozenDataset freeze() {
            graphs.values().removeIf(Graph::isEmpty);
            return new FrozenDataset(graphs);
        }
    }
}
