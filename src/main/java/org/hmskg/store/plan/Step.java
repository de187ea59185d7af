package org.hmskg.store.plan;

import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.Expr;

/** One step of a {@link Planner plan}: each reads the bindings of the step before it. */
sealed interface Step {
    /** Match a triple pattern (an index lookup per binding). */
    record Match(Triple triple) implements Step {
    }

    /** Follow a property path from whichever end is bound. */
    record Walk(TriplePath path) implements Step {
    }

    /** Keep the bindings for which a filter holds. */
    record Test(Expr expr) implements Step {
    }

    /**
     * Read the triples of {@code triple}'s predicate whose object lies in a range of values, positions
     * {@code [from, to)} of its {@link OrderedLiterals.Sorted sorted literals}; the range's filters follow as tests.
     */
    record Range(Triple triple, OrderedLiterals.Sorted sorted, int from, int to) implements Step {
    }

    /** Read all the triples of {@code triple}'s predicate in the order of their object's value. */
    record Scan(Triple triple, OrderedLiterals.Sorted sorted, boolean descending) implements Step {
    }
}
