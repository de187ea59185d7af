package org.hmskg.store.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.shared.DeleteDeniedException;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the planner knows of a graph that never changes: its {@link Statistics}, its {@link OrderedLiterals}, and the
 * disjoint parts it is the union of, which the planner's steps read directly. Made once per published version, for
 * the union graph that queries read.
 */
public final class Catalog {
    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);
    private final List<Graph> parts;
    private final Statistics statistics;
    private final OrderedLiterals literals;

    private Catalog(List<Graph> parts, Statistics statistics, OrderedLiterals literals) {
        this.parts = parts;
        this.statistics = statistics;
        this.literals = literals;
    }

    /**
     * The union of {@code parts}, which share no triple and must not change afterwards, as a read-only graph that
     * carries its catalog (found again with {@link #attached(Graph)}, under any read-only wrapping).
     */
    public static Graph unionOf(List<Graph> parts, Graph union) {
        long t0 = System.nanoTime();
        Statistics statistics = Statistics.of(union);
        Catalog catalog = new Catalog(List.copyOf(parts), statistics, OrderedLiterals.of(union, statistics.predicates()));
        LOG.info("planner catalog: {} ({} ms)", catalog, (System.nanoTime() - t0) / 1_000_000);
        return new CatalogGraph(union, catalog);
    }

    /** The catalog carried by {@code graph} or by a graph it wraps, or null. */
    public static Catalog attached(Graph graph) {
        Set<Graph> seen = new HashSet<>();
        Graph g = graph;
        while (g != null && seen.add(g)) {
            if (g instanceof CatalogGraph c) {
                return c.catalog;
            }
            g = g instanceof WrappedGraph w ? w.getWrapped() : null;
        }
        return null;
    }

    public Statistics statistics() {
        return statistics;
    }

    OrderedLiterals literals() {
        return literals;
    }

    /** The disjoint graphs whose union this catalog describes. */
    List<Graph> parts() {
        return parts;
    }

    @Override
    public String toString() {
        return statistics + "; " + literals.predicates() + " predicates with ordered literals (" + literals.entries()
                + " triples sorted)";
    }

    /**
     * A read-only graph with its catalog. Reads go straight to the graph (a {@link WrappedGraph} would wrap every
     * answer in one more iterator).
     */
    private static final class CatalogGraph extends GraphBase {
        final Graph graph;
        final Catalog catalog;

        CatalogGraph(Graph graph, Catalog catalog) {
            this.graph = graph;
            this.catalog = catalog;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple triplePattern) {
            return graph.find(triplePattern);
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(org.apache.jena.graph.Node s, org.apache.jena.graph.Node p,
                                                         org.apache.jena.graph.Node o) {
            return graph.find(s, p, o);
        }

        @Override
        protected boolean graphBaseContains(Triple t) {
            return graph.contains(t);
        }

        @Override
        protected int graphBaseSize() {
            return graph.size();
        }

        @Override
        public void performAdd(Triple t) {
            throw new AddDeniedException("read-only graph", t);
        }

        @Override
        public void performDelete(Triple t) {
            throw new DeleteDeniedException("read-only graph", t);
        }
    }
}
