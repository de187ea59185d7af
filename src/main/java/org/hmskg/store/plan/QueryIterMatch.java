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
import org.apache.jena.sparql.engine.binding.BindingFactory;
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
    private final Var sVar;
    private final Var pVar;
    private final Var oVar;
    private final boolean pSameAsS;
    private final boolean oSameAsS;
    private final boolean oSameAsP;
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
        this.sVar = s.isVariable() ? Var.alloc(s) : null;
        this.pVar = p.isVariable() ? Var.alloc(p) : null;
        this.oVar = o.isVariable() ? Var.alloc(o) : null;
        this.pSameAsS = pVar != null && pVar.equals(sVar);
        this.oSameAsS = oVar != null && oVar.equals(sVar);
        this.oSameAsP = oVar != null && oVar.equals(pVar);
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
            ms = substitute(s, sVar, current);
            mp = substitute(p, pVar, current);
            mo = substitute(o, oVar, current);
            part = 0;
            matches = parts.get(0).find(ms, mp, mo);
        }
    }

    private static Node substitute(Node n, Var var, Binding b) {
        if (var == null) {
            return n;
        }
        Node v = b.get(var);
        return v == null ? Node.ANY : v;
    }

    /**
     * The input binding extended with the pattern's free variables, or null when a variable repeated in the pattern
     * (free in both places, since the binding substitutes it everywhere or nowhere) has two different values.
     */
    private Binding extend(Triple t) {
        boolean sFree = ms == Node.ANY;
        boolean pFree = mp == Node.ANY;
        boolean oFree = mo == Node.ANY;
        if (pFree && pSameAsS && !t.getPredicate().equals(t.getSubject())) {
            return null;
        }
        if (oFree && ((oSameAsS && !t.getObject().equals(t.getSubject()))
                || (oSameAsP && !t.getObject().equals(t.getPredicate())))) {
            return null;
        }
        pFree &= !pSameAsS;
        oFree &= !oSameAsS && !oSameAsP;
        int n = (sFree ? 1 : 0) + (pFree ? 1 : 0) + (oFree ? 1 : 0);
        if (n == 0) {
            return current;
        }
        if (n == 1) {
            return sFree ? BindingFactory.binding(current, sVar, t.getSubject())
                    : pFree ? BindingFactory.binding(current, pVar, t.getPredicate())
                    : BindingFactory.binding(current, oVar, t.getObject());
        }
        BindingBuilder b = BindingBuilder.create(current);
        if (sFree) {
            b.add(sVar, t.getSubject());
        }
        if (pFree) {
            b.add(pVar, t.getPredicate());
        }
        if (oFree) {
            b.add(oVar, t.getObject());
        }
        return b.build();
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
