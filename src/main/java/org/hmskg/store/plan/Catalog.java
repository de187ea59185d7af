package org.hmskg.store.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

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
     * From this many triples the catalog is made in the background (1.3–1.8 s on a million triples): the version is
     * served at once, and its queries are planned as ARQ plans them (same answers) until the catalog is attached.
     */
    static final long IN_BACKGROUND_FROM = 200_000;

    /**
     * The union of {@code parts}, which share no triple and must not change afterwards, as a read-only graph that
     * carries its catalog (found again with {@link #attached(Graph)}, under any read-only wrapping). A large union's
     * catalog is made on a thread of its own and attached when it is done.
     */
    public static Graph unionOf(List<Graph> parts, Graph union) {
        return unionOf(parts, union, union.size() < IN_BACKGROUND_FROM ? Runnable::run
                : task -> Thread.ofPlatform().daemon().name("hmskg-catalog").start(task));
    }

    /** As {@link #unionOf(List, Graph)}, the catalog made by {@code maker} (at once, or later on another thread). */
    static Graph unionOf(List<Graph> parts, Graph union, Executor maker) {
        CatalogGraph graph = new CatalogGraph(union);
        List<Graph> copy = List.copyOf(parts);
        maker.execute(() -> {
            try {
                long t0 = System.nanoTime();
                Statistics statistics = Statistics.of(union);
                Catalog catalog = new Catalog(copy, statistics, OrderedLiterals.of(union, statistics.predicates()));
                graph.catalog = catalog;
                LOG.info("planner catalog: {} ({} ms)", catalog, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                // without a catalog the version is still served, planned as ARQ plans it
                LOG.warn("planner catalog not made: {}", e.toString());
            }
        });
        return graph;
    }

    /** The catalog carried by {@code graph} or by a graph it wraps, or null (none, or not made yet). */
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
        /** Set once, when the catalog is made; read by every query. */
        volatile Catalog catalog;

        CatalogGraph(Graph graph) {
            this.graph = graph;
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
