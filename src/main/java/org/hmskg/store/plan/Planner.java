package org.hmskg.store.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Equals;
import org.apache.jena.sparql.expr.E_GreaterThan;
import org.apache.jena.sparql.expr.E_GreaterThanOrEqual;
import org.apache.jena.sparql.expr.E_LessThan;
import org.apache.jena.sparql.expr.E_LessThanOrEqual;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.P_ZeroOrOne;
import org.apache.jena.sparql.path.Path;

/**
 * Orders the patterns of one {@link Group} (triple patterns and property paths joined together, with their filters)
 * by the expected number of answers from the {@link Statistics}: at each step the pattern expected to give the
 * fewest answers per binding so far, a property path from its bound end, each filter right after the step that binds
 * the last of its variables, and a range filter on a literal with an {@link OrderedLiterals ordered index} read
 * from the index instead of checked row by row. Greedy, as ARQ's and TDB2's reorderings are; the plan is made per
 * execution, with the first input binding's values as constants.
 */
final class Planner {
    /** How many steps a {@code +} or {@code *} path is guessed to take. */
    private static final double REPEATS = 4;
    /** The guessed share of bindings a filter keeps. */
    private static final double KEEPS = 0.5;
    /** The guess for a complex path (alternatives, sequences) from a bound end. */
    private static final double COMPLEX_PATH = 100;

    private final Statistics stats;
    private final OrderedLiterals literals;

    /** Set while planning: the variables bound so far, and the estimate of the plan so far. */
    private final Set<Var> bound = new HashSet<>();
    private Binding input;
    private double rows;
    private double work;

    Planner(Catalog catalog) {
        this.stats = catalog.statistics();
        this.literals = catalog.literals();
    }

    /** Expected bindings out of the last plan made. */
    double rows() {
        return rows;
    }

    /** Expected bindings made by all steps of the last plan: the cost the plans are compared by. */
    double work() {
        return work;
    }

    /**
     * The steps of {@code group}. {@code input} is the first input binding (its variables are taken as constants;
     * null for none); {@code first}, when not null, is the step to start with (a scan in a sort order) and must read
     * one of the group's triple patterns.
     */
    List<Step> plan(Group group, Binding input, Step.Scan first) {
        this.input = input;
        bound.clear();
        rows = 1;
        work = 0;
        List<TriplePath> patterns = new ArrayList<>(group.patterns());
        List<Expr> filters = new ArrayList<>(group.filters());
        Set<Var> groupVars = new HashSet<>();
        patterns.forEach(tp -> groupVars.addAll(Group.boundBy(tp)));
        List<Step> steps = new ArrayList<>();
        if (first != null) {
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).isTriple() && patterns.get(i).asTriple().equals(first.triple())) {
                    bind(patterns.remove(i));
                    break;
                }
            }
            steps.add(first);
            account(first.sorted().size());
        }
        place(filters, groupVars, steps, false);
        while (!patterns.isEmpty()) {
            int best = -1;
            double bestScore = Double.POSITIVE_INFINITY;
            double bestRows = 0;
            Step bestStep = null;
            for (int i = 0; i < patterns.size(); i++) {
                TriplePath tp = patterns.get(i);
                Step.Range range = tp.isTriple() ? range(tp.asTriple(), filters) : null;
                double estimate;
                Step step;
                if (range != null) {
                    estimate = range.to() - range.from();
                    step = range;
                } else {
                    estimate = tp.isTriple() ? estimate(tp.asTriple()) : estimate(tp);
                    step = tp.isTriple() ? new Step.Match(tp.asTriple()) : new Step.Walk(tp);
                }
                // the filters a step lets in make it cheaper for the steps after it
                double score = estimate * Math.pow(KEEPS, placeable(filters, groupVars, tp));
                if (score < bestScore) {
                    best = i;
                    bestScore = score;
                    bestRows = estimate;
                    bestStep = step;
                }
            }
            bind(patterns.remove(best));
            steps.add(bestStep);
            account(bestRows);
            place(filters, groupVars, steps, false);
        }
        place(filters, groupVars, steps, true);
        return steps;
    }

    private void account(double perBinding) {
        rows = rows * perBinding;
        work += rows;
    }

    private void bind(TriplePath tp) {
        bound.addAll(Group.boundBy(tp));
    }

    /**
     * Adds the filters whose group variables are all bound (all the rest when {@code all}). A filter with no variable
     * of the group, or with EXISTS (whose pattern may see variables bound later), waits for the end.
     */
    private void place(List<Expr> filters, Set<Var> groupVars, List<Step> steps, boolean all) {
        for (var it = filters.iterator(); it.hasNext(); ) {
            Expr e = it.next();
            if (all || ready(e, groupVars, bound)) {
                steps.add(new Step.Test(e));
                rows *= KEEPS;
                it.remove();
            }
        }
    }

    private static boolean ready(Expr e, Set<Var> groupVars, Set<Var> bound) {
        if (hasExists(e)) {
            return false;
        }
        Set<Var> mentioned = e.getVarsMentioned();
        boolean any = false;
        for (Var v : mentioned) {
            if (groupVars.contains(v)) {
                any = true;
                if (!bound.contains(v)) {
                    return false;
                }
            }
        }
        return any;
    }

    static boolean hasExists(Expr e) {
        if (e instanceof ExprFunctionOp) {
            return true;
        }
        return e instanceof ExprFunction f && f.getArgs().stream().anyMatch(Planner::hasExists);
    }

    /** How many pending filters binding {@code tp}'s variables would let in. */
    private int placeable(List<Expr> filters, Set<Var> groupVars, TriplePath tp) {
        Set<Var> after = new HashSet<>(bound);
        after.addAll(Group.boundBy(tp));
        int n = 0;
        for (Expr e : filters) {
            if (ready(e, groupVars, after) && !ready(e, groupVars, bound)) {
                n++;
            }
        }
        return n;
    }

    private boolean fixed(Node n) {
        return !n.isVariable() || bound.contains((Var) n) || (input != null && input.contains((Var) n));
    }

    /** The term at a position when it is known now (a constant, or a value of the input binding), else null. */
    private Node value(Node n) {
        if (!n.isVariable()) {
            return n;
        }
        return input == null ? null : input.get((Var) n);
    }

    private double estimate(Triple t) {
        Node p = fixed(t.getPredicate()) ? value(t.getPredicate()) : null;
        if (t.getPredicate().isVariable() && fixed(t.getPredicate()) && p == null) {
            // a predicate bound by an earlier step: its value is not known yet, take the average over predicates
            return stats.estimate(fixed(t.getSubject()), null, value(t.getObject()), fixed(t.getObject()))
                    / Math.max(1, stats.predicates().size());
        }
        return stats.estimate(fixed(t.getSubject()), p, value(t.getObject()), fixed(t.getObject()));
    }

    /** Property paths: from a bound end, the fan-out of its predicate; with both ends free, every edge. */
    private double estimate(TriplePath tp) {
        boolean s = fixed(tp.getSubject());
        boolean o = fixed(tp.getObject());
        if (s && o) {
            return 1;
        }
        Path path = tp.getPath();
        boolean forward = true;
        boolean repeated = false;
        while (true) {
            if (path instanceof P_Inverse inv) {
                forward = !forward;
                path = inv.getSubPath();
            } else if (path instanceof P_ReverseLink r) {
                forward = !forward;
                path = new P_Link(r.getNode());
            } else if (path instanceof P_ZeroOrOne x) {
                path = x.getSubPath();
            } else if (path instanceof P_Path1 x) {
                // +, *, {n,m} and the like
                repeated = true;
                path = x.getSubPath();
            } else {
                break;
            }
        }
        if (!(path instanceof P_Link link)) {
            return s || o ? COMPLEX_PATH : stats.triples();
        }
        Node p = link.getNode();
        double all = stats.triples(p);
        if (!s && !o) {
            return repeated ? all * REPEATS : all;
        }
        // from the subject end a forward path follows subjects' edges; from the object end, objects' edges
        boolean alongSubjects = s == forward;
        double fan = alongSubjects ? stats.estimate(true, p, null, false) : stats.estimate(false, p, null, true);
        return repeated ? Math.min(all, Math.max(1, fan) * REPEATS) : fan;
    }

    /**
     * A range step for {@code t} when its object is a free variable with range filters on it against constants the
     * predicate's ordered literals can look up, and its subject is not fixed (then an index lookup is better).
     */
    private Step.Range range(Triple t, List<Expr> filters) {
        if (!t.getPredicate().isURI() || !t.getObject().isVariable() || fixed(t.getObject())
                || fixed(t.getSubject()) || t.getSubject().equals(t.getObject())) {
            return null;
        }
        OrderedLiterals.Sorted sorted = literals.of(t.getPredicate());
        if (sorted == null) {
            return null;
        }
        Var v = Var.alloc(t.getObject());
        int from = 0;
        int to = sorted.size();
        boolean any = false;
        for (Expr e : filters) {
            Bound b = Bound.of(e, v);
            if (b == null || !sorted.accepts(b.value())) {
                continue;
            }
            any = true;
            if (b.lower() || b.equal()) {
                from = Math.max(from, sorted.lowerBound(b.value(), !b.inclusive()));
            }
            if (!b.lower() || b.equal()) {
                to = Math.min(to, sorted.lowerBound(b.value(), b.inclusive()));
            }
        }
        if (!any) {
            return null;
        }
        return new Step.Range(t, sorted, from, Math.max(from, to));
    }

    /**
     * One side of a range: {@code ?v > c} ({@code lower}, not {@code inclusive}), {@code ?v <= c} (upper,
     * inclusive), {@code ?v = c} ({@code equal}); the constant may stand on either side.
     */
    record Bound(Node value, boolean lower, boolean inclusive, boolean equal) {
        static Bound of(Expr e, Var v) {
            if (!(e instanceof ExprFunction2 f)) {
                return null;
            }
            Expr a = f.getArg1();
            Expr b = f.getArg2();
            boolean flipped;
            NodeValue c;
            if (a instanceof ExprVar x && x.asVar().equals(v) && b instanceof NodeValue n) {
                flipped = false;
                c = n;
            } else if (b instanceof ExprVar x && x.asVar().equals(v) && a instanceof NodeValue n) {
                flipped = true;
                c = n;
            } else {
                return null;
            }
            Node value = c.asNode();
            if (e instanceof E_Equals) {
                return new Bound(value, true, true, true);
            }
            Boolean lower = e instanceof E_GreaterThan || e instanceof E_GreaterThanOrEqual ? Boolean.TRUE
                    : e instanceof E_LessThan || e instanceof E_LessThanOrEqual ? Boolean.FALSE : null;
            if (lower == null) {
                return null;
            }
            boolean inclusive = e instanceof E_GreaterThanOrEqual || e instanceof E_LessThanOrEqual;
            return new Bound(value, lower != flipped, inclusive, false);
        }
    }
}
