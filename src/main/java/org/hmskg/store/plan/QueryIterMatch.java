package org.hmskg.store.plan;

import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * One triple pattern matched against the frozen union for each input binding: the pattern's variables bound by the
 * binding are substituted, each disjoint part of the union is asked directly (its own indexes, no wrapper graphs or
 * iterator layers in between, no de-duplication since the parts share no triple), and every match extends the
 * binding. What ARQ's triple matcher does, for the plain triple patterns a {@link Group} holds (no triple terms).
 */
final class QueryIterMatch extends QueryIter1 {
    private static final int CHECK_EVERY = 4096;

    private final Node s;
    private final Node p;
    private final Node o;
    private final List<Graph> parts;
    private Binding current;
    private int part;
    private ExtendedIterator<Triple> matches;
    private Node ms;
    private Node mp;
    private Node mo;
    private Binding next;
    private int count;

    QueryIterMatch(QueryIterator input, Triple pattern, List<Graph> parts, ExecutionContext execCxt) {
        super(input, execCxt);
        this.s = pattern.getSubject();
        this.p = pattern.getPredicate();
        this.o = pattern.getObject();
        this.parts = parts;
    }

    @Override
    protected boolean hasNextBinding() {
        if (next != null) {
            return true;
        }
        while (true) {
            if (matches != null) {
                while (matches.hasNext()) {
                    Binding b = extend(matches.next());
                    if (b != null) {
                        next = b;
                        if ((++count & (CHECK_EVERY - 1)) == 0) {
                            getExecContext().checkCancelSignal();
                        }
                        return true;
                    }
                }
                matches.close();
                matches = null;
                if (++part < parts.size()) {
                    matches = parts.get(part).find(ms, mp, mo);
                    continue;
                }
            }
            Iterator<Binding> in = getInput();
            if (!in.hasNext()) {
                return false;
            }
            current = in.next();
            ms = substitute(s, current);
            mp = substitute(p, current);
            mo = substitute(o, current);
            part = 0;
            matches = parts.get(0).find(ms, mp, mo);
        }
    }

    private static Node substitute(Node n, Binding b) {
        if (!n.isVariable()) {
            return n;
        }
        Node v = b.get(Var.alloc(n));
        return v == null ? Node.ANY : v;
    }

    /** The input binding extended with the pattern's free variables, or null when a repeated variable disagrees. */
    private Binding extend(Triple t) {
        BindingBuilder b = null;
        if (ms == Node.ANY) {
            b = BindingBuilder.create(current);
            b.add(Var.alloc(s), t.getSubject());
        }
        if (mp == Node.ANY) {
            if (b == null) {
                b = BindingBuilder.create(current);
            }
            if (!bind(b, p, t.getPredicate())) {
                return null;
            }
        }
        if (mo == Node.ANY) {
            if (b == null) {
                b = BindingBuilder.create(current);
            }
            if (!bind(b, o, t.getObject())) {
                return null;
            }
        }
        return b == null ? current : b.build();
    }

    private static boolean bind(BindingBuilder b, Node var, Node value) {
        Var v = Var.alloc(var);
        Node already = b.get(v);
        if (already != null) {
            return already.equals(value);
        }
        b.add(v, value);
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
        if (matches != null) {
            matches.close();
            matches = null;
        }
    }

    @Override
    protected void details(IndentedWriter out, SerializationContext sCxt) {
        out.print("Match " + Triple.create(s, p, o));
    }
}
