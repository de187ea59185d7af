package org.hmskg.store.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.optimize.TransformFilterPlacement;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.iterator.QueryIterDistinguishedVars;
import org.apache.jena.sparql.engine.iterator.QueryIterPath;
import org.apache.jena.sparql.engine.iterator.QueryIterPeek;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRepeatApply;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.engine.iterator.QueryIterTopN;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.store.GraphTDB;
import org.apache.jena.tdb2.store.GraphViewSwitchable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARQ's executor, except where the active graph carries a {@link Catalog}: there each {@link Group} (basic graph
 * patterns, paths, their joins and filters) runs in the order the {@link Planner} chose, and {@code ORDER BY … LIMIT}
 * over a literal with an ordered index reads that index in order and stops once no later row can enter the top.
 * Everything else, and every graph without a catalog, runs as ARQ runs it.
 */
final class PlanExecutor extends OpExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PlanExecutor.class);
    /**
     * The executor for a query step: this one, or TDB2's own where the active graph is a TDB2 graph seen through
     * read-only wrappers (the server's union view), so that TDB2 matches its patterns on node ids with its own
     * reordering and statistics file, as it would unwrapped.
     */
    static final OpExecutorFactory FACTORY = execCxt -> {
        Graph tdb2 = tdb2Graph(execCxt.getActiveGraph());
        if (tdb2 != null) {
            return OpExecutorTDB2.OpExecFactoryTDB.create(ExecutionContext.copyChangeActiveGraph(execCxt, tdb2));
        }
        return new PlanExecutor(execCxt);
    };
    /** A scan in sort order is chosen only when it is expected to read this many times fewer bindings. */
    private static final double SCAN_ADVANTAGE = 4;

    private final Catalog catalog;

    private static Graph tdb2Graph(Graph g) {
        Graph at = g;
        for (int depth = 0; at != null && depth < 8; depth++) {
            if (at instanceof GraphTDB) {
                return at;
            }
            // a database opened by location switches storage on compaction; read-only, it never does
            at = at instanceof GraphViewSwitchable v ? v.getBaseGraph()
                    : at instanceof WrappedGraph w ? w.getWrapped() : null;
        }
        return null;
    }

    private PlanExecutor(ExecutionContext execCxt) {
        super(execCxt);
        this.catalog = Catalog.attached(execCxt.getActiveGraph());
    }

    @Override
    protected QueryIterator execute(OpBGP opBGP, QueryIterator input) {
        if (catalog == null || opBGP.getPattern().size() < 2) {
            return super.execute(opBGP, input);
        }
        return planned(opBGP, input);
    }

    @Override
    protected QueryIterator execute(OpFilter opFilter, QueryIterator input) {
        if (catalog == null) {
            // The context turns ARQ's filter placement inside basic graph patterns off (the planner places filters
            // after ordering); without a catalog, place them as ARQ would have.
            if (opFilter.getSubOp() instanceof OpBGP bgp) {
                Op placed = TransformFilterPlacement.transform(opFilter.getExprs(), bgp.getPattern());
                return QC.execute(placed, input, ExecutionContext.copyChangeExecutor(execCxt, OpExecutor.stdFactory));
            }
            return super.execute(opFilter, input);
        }
        return planned(opFilter, input);
    }

    @Override
    protected QueryIterator execute(OpSequence opSequence, QueryIterator input) {
        return catalog == null ? super.execute(opSequence, input) : planned(opSequence, input);
    }

    @Override
    protected QueryIterator execute(OpJoin opJoin, QueryIterator input) {
        return catalog == null ? super.execute(opJoin, input) : planned(opJoin, input);
    }

    private QueryIterator planned(Op op, QueryIterator input) {
        Group group = Group.of(op);
        if (group == null) {
            return fallback(op, input);
        }
        if (!input.hasNext()) {
            return input;
        }
        Binding first = null;
        if (!input.isJoinIdentity()) {
            QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
            input = peek;
            first = peek.peek();
        }
        List<Step> steps = new Planner(catalog).plan(group, first, null);
        return run(steps, input);
    }

    private QueryIterator fallback(Op op, QueryIterator input) {
        if (op instanceof OpFilter f) {
            return super.execute(f, input);
        }
        if (op instanceof OpSequence s) {
            return super.execute(s, input);
        }
        if (op instanceof OpJoin j) {
            return super.execute(j, input);
        }
        return super.execute((OpBGP) op, input);
    }

    /**
     * {@code ORDER BY ?v … LIMIT k} over a group where {@code ?v} is the object of a pattern whose predicate has
     * ordered literals: the group starts by reading them in order, and the rows stop once {@code k} have come and the
     * next one's {@code ?v} is strictly after the {@code k}-th's; ARQ's top-k then sorts them by all the conditions.
     */
    @Override
    protected QueryIterator execute(OpTopN opTop, QueryIterator input) {
        Step.Scan scan = catalog == null || !input.isJoinIdentity() || opTop.getSubOp() instanceof OpDistinct
                ? null : scanFor(opTop);
        if (scan == null) {
            return super.execute(opTop, input);
        }
        QueryIterator rows = run(new Planner(catalog).plan(Group.of(opTop.getSubOp()), null, scan), input);
        rows = new StopAfterTop(rows, opTop.getLimit(), Var.alloc(scan.triple().getObject()), scan.sorted(),
                scan.descending(), execCxt);
        return QueryIterTopN.create(rows, opTop.getConditions(), opTop.getLimit(), false, execCxt);
    }

    private Step.Scan scanFor(OpTopN opTop) {
        SortCondition key = opTop.getConditions().get(0);
        Group group = Group.of(opTop.getSubOp());
        if (group == null || !(key.getExpression() instanceof ExprVar ev) || opTop.getLimit() <= 0) {
            return null;
        }
        Var v = ev.asVar();
        boolean descending = key.getDirection() == Query.ORDER_DESCENDING;
        Planner planner = new Planner(catalog);
        planner.plan(group, null, null);
        double work = planner.work();
        double rows = Math.max(1, planner.rows());
        for (var tp : group.patterns()) {
            if (!tp.isTriple()) {
                continue;
            }
            Triple t = tp.asTriple();
            if (!t.getObject().equals(v) || !t.getPredicate().isURI() || t.getSubject().equals(v)) {
                continue;
            }
            OrderedLiterals.Sorted sorted = catalog.literals().of(t.getPredicate());
            if (sorted == null) {
                continue;
            }
            Step.Scan scan = new Step.Scan(t, sorted, descending);
            // reading in order until k rows have come costs about k / (share of entries giving a row) entries,
            // each costing what a row of the rest of the plan costs
            planner.plan(group, null, scan);
            double perEntry = planner.work() / Math.max(1, sorted.size());
            double expected = opTop.getLimit() * sorted.size() / rows * Math.max(1, perEntry);
            if (expected * SCAN_ADVANTAGE < work) {
                return scan;
            }
        }
        return null;
    }

    /** The iterators of a plan, fed by {@code input}. */
    private QueryIterator run(List<Step> steps, QueryIterator input) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("plan: {}", steps);
        }
        QueryIterator chain = input;
        List<Triple> matches = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Match m) {
                matches.add(m.triple());
                continue;
            }
            chain = matchAll(chain, matches);
            chain = switch (step) {
                case Step.Walk w -> new QueryIterPath(w.path(), chain, execCxt);
                case Step.Test t -> FastTests.filter(chain, t.expr(), execCxt);
                case Step.Range r -> new QueryIterSorted(chain, r.triple(), r.sorted(), r.from(), r.to(), false,
                        catalog.parts(), execCxt);
                case Step.Scan s -> new QueryIterSorted(chain, s.triple(), s.sorted(), 0, s.sorted().size(),
                        s.descending(), catalog.parts(), execCxt);
                case Step.Match m -> throw new IllegalStateException("unreachable: " + m);
            };
        }
        chain = matchAll(chain, matches);
        if (execCxt.getContext().isTrue(ARQ.hideNonDistiguishedVariables)) {
            chain = new QueryIterDistinguishedVars(chain, execCxt);
        }
        return chain;
    }

    private QueryIterator matchAll(QueryIterator chain, List<Triple> matches) {
        for (Triple t : matches) {
            chain = new QueryIterMatch(chain, t, catalog.parts(), execCxt);
        }
        matches.clear();
        return chain;
    }

    /**
     * The triples of a predicate from its sorted literals, positions {@code [from, to)}, ascending or descending,
     * for each input binding that leaves the pattern's subject and object free; any other binding is matched as a
     * plain triple pattern (the filters after this step still hold the range).
     */
    private static final class QueryIterSorted extends QueryIterRepeatApply {
        private static final int CHECK_EVERY = 1024;
        private final Triple triple;
        private final OrderedLiterals.Sorted sorted;
        private final int from;
        private final int to;
        private final boolean descending;
        private final List<Graph> parts;

        QueryIterSorted(QueryIterator input, Triple triple, OrderedLiterals.Sorted sorted, int from, int to,
                        boolean descending, List<Graph> parts, ExecutionContext execCxt) {
            super(input, execCxt);
            this.parts = parts;
            this.triple = triple;
            this.sorted = sorted;
            this.from = from;
            this.to = to;
            this.descending = descending;
        }

        @Override
        protected QueryIterator nextStage(Binding binding) {
            Node s = triple.getSubject();
            Var o = Var.alloc(triple.getObject());
            boolean subjectFree = s.isVariable() && !binding.contains(Var.alloc(s));
            if (binding.contains(o) || (s.isVariable() && !subjectFree)) {
                return new QueryIterMatch(QueryIterSingleton.create(binding, getExecContext()), triple, parts,
                        getExecContext());
            }
            Var sv = subjectFree ? Var.alloc(s) : null;
            ExecutionContext cxt = getExecContext();
            Iterator<Binding> rows = new Iterator<>() {
                private int i = descending ? to - 1 : from;
                private Binding next = advance();

                private Binding advance() {
                    while (descending ? i >= from : i < to) {
                        int at = i;
                        i += descending ? -1 : 1;
                        if ((at & (CHECK_EVERY - 1)) == 0) {
                            cxt.checkCancelSignal();
                        }
                        if (sv == null && !s.equals(sorted.subject(at))) {
                            continue;
                        }
                        BindingBuilder b = BindingBuilder.create(binding);
                        if (sv != null) {
                            b.add(sv, sorted.subject(at));
                        }
                        return b.add(o, sorted.object(at)).build();
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Binding next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Binding b = next;
                    next = advance();
                    return b;
                }
            };
            return QueryIterPlainWrapper.create(rows, cxt);
        }

        @Override
        protected void details(IndentedWriter out, SerializationContext sCxt) {
            out.print("Sorted " + triple + " [" + from + ", " + to + ")" + (descending ? " descending" : ""));
        }
    }

    /**
     * Passes rows that arrive in order of {@code key} (descending or ascending) until {@code limit} have passed and a
     * row's key is strictly after the key of the {@code limit}-th: no row from then on can be among the first
     * {@code limit}, whatever the later sort conditions say.
     */
    private static final class StopAfterTop extends QueryIter1 {
        private final long limit;
        private final Var key;
        private final OrderedLiterals.Sorted sorted;
        private final boolean descending;
        private long passed;
        private Node last;
        private Binding next;

        StopAfterTop(QueryIterator input, long limit, Var key, OrderedLiterals.Sorted sorted, boolean descending,
                     ExecutionContext execCxt) {
            super(input, execCxt);
            this.limit = limit;
            this.key = key;
            this.sorted = sorted;
            this.descending = descending;
        }

        @Override
        protected boolean hasNextBinding() {
            if (next != null) {
                return true;
            }
            if (!getInput().hasNext()) {
                return false;
            }
            Binding b = getInput().next();
            Node value = b.get(key);
            if (passed >= limit) {
                int c = sorted.compare(value, last);
                if (descending ? c < 0 : c > 0) {
                    return false;
                }
            }
            passed++;
            if (passed == limit) {
                last = value;
            }
            next = b;
            return true;
        }

        @Override
        protected Binding moveToNextBinding() {
            Binding b = next;
            next = null;
            return b;
        }

        @Override
        protected void requestSubCancel() {
        }

        @Override
        protected void closeSubIterator() {
        }

        @Override
        protected void details(IndentedWriter out, SerializationContext sCxt) {
            out.print("StopAfterTop " + limit + " by " + key);
        }
    }
}
