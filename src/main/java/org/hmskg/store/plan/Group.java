package org.hmskg.store.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;

/**
 * Triple patterns and property paths that are joined together, with the filters over them: the unit the planner
 * orders. An algebra expression is a group when it is made only of basic graph patterns, paths, their joins and
 * sequences, and filters; such a join is commutative, so its patterns may run in any order.
 *
 * <p>A filter inside the expression (not over all of it) joins the group only when every variable it mentions is
 * bound by the patterns under it: then it means the same wherever it is applied after they are bound. Otherwise
 * (it tests a variable its patterns may leave unbound, which a pattern elsewhere could bind) the expression is not
 * a group and runs as ARQ would run it.
 *
 * @param patterns triple patterns ({@link TriplePath#isTriple()}) and paths, in the query's order
 * @param filters  filter expressions, conjuncts apart
 */
record Group(List<TriplePath> patterns, List<Expr> filters) {
    Group {
        patterns = List.copyOf(patterns);
        filters = List.copyOf(filters);
    }

    /** The group {@code op} is, or null when it is not one. */
    static Group of(Op op) {
        List<TriplePath> patterns = new ArrayList<>();
        List<Expr> filters = new ArrayList<>();
        return collect(op, patterns, filters, true) ? new Group(patterns, filters) : null;
    }

    /** The variables a pattern binds in every answer. */
    static Set<Var> boundBy(TriplePath tp) {
        Set<Var> vars = new HashSet<>();
        add(vars, tp.getSubject());
        if (tp.isTriple()) {
            add(vars, tp.getPredicate());
        }
        add(vars, tp.getObject());
        return vars;
    }

    private static void add(Set<Var> vars, Node n) {
        if (n != null && n.isVariable()) {
            vars.add(Var.alloc(n));
        }
    }

    private static boolean collect(Op op, List<TriplePath> patterns, List<Expr> filters, boolean top) {
        if (op instanceof OpBGP bgp) {
            for (Triple t : bgp.getPattern()) {
                if (!plain(t)) {
                    return false;
                }
                patterns.add(new TriplePath(t));
            }
            return true;
        }
        if (op instanceof OpTriple t) {
            if (!plain(t.getTriple())) {
                return false;
            }
            patterns.add(new TriplePath(t.getTriple()));
            return true;
        }
        if (op instanceof OpPath p) {
            TriplePath tp = p.getTriplePath();
            if (tp.getSubject().isTripleTerm() || tp.getObject().isTripleTerm()) {
                return false;
            }
            patterns.add(tp);
            return true;
        }
        if (op instanceof OpSequence seq) {
            for (Op sub : seq.getElements()) {
                if (!collect(sub, patterns, filters, false)) {
                    return false;
                }
            }
            return true;
        }
        if (op instanceof OpJoin join) {
            return collect(join.getLeft(), patterns, filters, false)
                    && collect(join.getRight(), patterns, filters, false);
        }
        if (op instanceof OpFilter f) {
            List<TriplePath> inner = new ArrayList<>();
            if (!collect(f.getSubOp(), inner, filters, false)) {
                return false;
            }
            if (!top) {
                Set<Var> bound = new HashSet<>();
                inner.forEach(tp -> bound.addAll(boundBy(tp)));
                for (Expr e : f.getExprs()) {
                    if (!bound.containsAll(e.getVarsMentioned()) || Planner.hasExists(e)) {
                        return false;
                    }
                }
            }
            patterns.addAll(inner);
            filters.addAll(f.getExprs().getList());
            return true;
        }
        return false;
    }

    /** A triple pattern without triple terms (which ARQ matches with its own RDF-star rules). */
    private static boolean plain(Triple t) {
        return !t.getSubject().isTripleTerm() && !t.getObject().isTripleTerm();
    }
}
