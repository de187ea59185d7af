package org.hmskg.store.plan;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Counts of one graph that never changes, taken in one pass when a version is frozen: triples, distinct subjects
 * and objects per predicate, and for a predicate with few distinct objects (classes under
 * {@code rdf:type}, ministries, statuses) the number of triples per object. The planner turns them into the
 * expected number of answers of a triple pattern, as TDB2's statistics file does.
 */
public final class Statistics {
    /** A predicate with at most this many distinct objects keeps a count per object. */
    static final int COUNTED_OBJECTS = 1024;

    private final long triples;
    private final long subjects;
    private final long objects;
    private final Map<Node, Predicate> predicates;

    /** What is known of one predicate. */
    record Predicate(long triples, long subjects, long objects, Map<Node, Long> perObject) {
        Predicate {
            perObject = perObject == null ? null : Collections.unmodifiableMap(perObject);
        }

        /** Triples with this predicate and object {@code o}: exact when counted, else the average. */
        double withObject(Node o) {
            if (perObject != null) {
                return perObject.getOrDefault(o, 0L);
            }
            return (double) triples / Math.max(1, objects);
        }
    }

    private Statistics(long triples, long subjects, long objects, Map<Node, Predicate> predicates) {
        this.triples = triples;
        this.subjects = subjects;
        this.objects = objects;
        this.predicates = Map.copyOf(predicates);
    }

    /** The statistics of {@code graph}, in one pass over its triples. */
    public static Statistics of(Graph graph) {
        Map<Node, Tally> tallies = new HashMap<>();
        long[] count = {0};
        graph.find().forEachRemaining(t -> {
            count[0]++;
            tallies.computeIfAbsent(t.getPredicate(), p -> new Tally()).add(t);
        });
        Map<Node, Predicate> predicates = new HashMap<>();
        tallies.forEach((p, tally) -> predicates.put(p, tally.result()));
        // Distinct subjects and objects of the whole graph (only needed for patterns with a variable predicate): the
        // largest number of any one predicate, a lower bound that spares two sets as large as the graph.
        long subjects = predicates.values().stream().mapToLong(Predicate::subjects).max().orElse(0);
        long objects = predicates.values().stream().mapToLong(Predicate::objects).max().orElse(0);
        return new Statistics(count[0], subjects, objects, predicates);
    }

    public long triples() {
        return triples;
    }

    /** The predicates of the graph. */
    public Set<Node> predicates() {
        return predicates.keySet();
    }

    /** Triples with predicate {@code p}. */
    public long triples(Node p) {
        Predicate s = predicates.get(p);
        return s == null ? 0 : s.triples();
    }

    /** Resources with {@code rdf:type c}. */
    public long instances(Node c) {
        Predicate type = predicates.get(RDF.Nodes.type);
        return type == null ? 0 : Math.round(type.withObject(c));
    }

    /**
     * The expected number of matches of a triple pattern. A position is fixed ({@code sBound}, {@code oBound}) when
     * it holds a term or a variable bound by an earlier step; {@code p} and {@code o} are the terms when known (null:
     * a variable, free or bound to a value not known yet).
     */
    double estimate(boolean sBound, Node p, Node o, boolean oBound) {
        if (p == null) {
            double n = triples;
            if (sBound) {
                n = n / Math.max(1, subjects);
            }
            if (oBound) {
                n = n / Math.max(1, objects);
            }
            return n;
        }
        Predicate stats = predicates.get(p);
        if (stats == null) {
            return 0;
        }
        double perSubject = (double) stats.triples() / Math.max(1, stats.subjects());
        if (sBound && oBound) {
            return Math.min(1, perSubject);
        }
        if (sBound) {
            return perSubject;
        }
        if (oBound) {
            return o != null ? stats.withObject(o) : (double) stats.triples() / Math.max(1, stats.objects());
        }
        return stats.triples();
    }

    @Override
    public String toString() {
        return triples + " triples, " + predicates.size() + " predicates";
    }

    /** Running counts of one predicate. */
    private static final class Tally {
        long triples;
        final Set<Node> subjects = new HashSet<>();
        final Map<Node, Long> objects = new HashMap<>();
        Set<Node> manyObjects;

        void add(Triple t) {
            triples++;
            subjects.add(t.getSubject());
            if (manyObjects != null) {
                manyObjects.add(t.getObject());
                return;
            }
            objects.merge(t.getObject(), 1L, Long::sum);
            if (objects.size() > COUNTED_OBJECTS) {
                manyObjects = new HashSet<>(objects.keySet());
                objects.clear();
            }
        }

        Predicate result() {
            if (manyObjects != null) {
                return new Predicate(triples, subjects.size(), manyObjects.size(), null);
            }
            return new Predicate(triples, subjects.size(), objects.size(), new HashMap<>(objects));
        }
    }
}
