package org.hmskg.store.plan;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterFilterExpr;
import org.apache.jena.sparql.engine.iterator.QueryIterProcessBinding;
import org.apache.jena.sparql.expr.E_Equals;
import org.apache.jena.sparql.expr.E_Lang;
import org.apache.jena.sparql.expr.E_LangMatches;
import org.apache.jena.sparql.expr.E_StrContains;
import org.apache.jena.sparql.expr.E_StrStartsWith;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeFunctions;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.vocabulary.RDF;

/**
 * The commonest filters of policy queries tested on the bound term itself: {@code lang(?v) = "ja"},
 * {@code langMatches(lang(?v), "en")}, {@code contains(?v, "…")} and {@code strstarts(?v, "…")} with a plain string
 * constant. ARQ evaluates each through a {@link NodeValue} made from the term, and makes them through a small global
 * cache that large scans (tens of thousands of distinct labels or texts) keep evicting: on the 1M benchmark graph
 * that cache was a fifth of the time of such queries (bench/RESULTS.md). The answer here is the one ARQ gives; any
 * term outside the common case (not a string literal, a derived string type) is left to ARQ's evaluation.
 */
final class FastTests {
    private FastTests() {
    }

    /** A test of one term. */
    private interface TermTest {
        /** TRUE or FALSE as ARQ decides it, or null to let ARQ evaluate the expression. */
        Boolean test(Node term);
    }

    /** The filter step for {@code expr}: a fast one when its shape is known, else ARQ's. */
    static QueryIterator filter(QueryIterator input, Expr expr, ExecutionContext execCxt) {
        Compiled c = compile(expr);
        if (c == null) {
            return new QueryIterFilterExpr(input, expr, execCxt);
        }
        return new QueryIterTest(input, expr, c.var, c.test, execCxt);
    }

    private record Compiled(Var var, TermTest test) {
    }

    private static Compiled compile(Expr expr) {
        if (!(expr instanceof ExprFunction2 f)) {
            return null;
        }
        if (f instanceof E_Equals) {
            Compiled c = langEquals(f.getArg1(), f.getArg2());
            return c != null ? c : langEquals(f.getArg2(), f.getArg1());
        }
        if (f instanceof E_LangMatches && f.getArg1() instanceof E_Lang lang && lang.getArg() instanceof ExprVar v) {
            String pattern = plainString(f.getArg2());
            if (pattern == null) {
                return null;
            }
            return new Compiled(v.asVar(), n -> n.isLiteral() ? NodeFunctions.langMatches(language(n), pattern) : null);
        }
        if ((f instanceof E_StrContains || f instanceof E_StrStartsWith) && f.getArg1() instanceof ExprVar v) {
            String s = plainString(f.getArg2());
            if (s == null) {
                return null;
            }
            boolean contains = f instanceof E_StrContains;
            return new Compiled(v.asVar(), n -> stringLiteral(n)
                    ? (contains ? n.getLiteralLexicalForm().contains(s) : n.getLiteralLexicalForm().startsWith(s))
                    : null);
        }
        return null;
    }

    /** {@code lang(?v) = "c"}: the language tag of a literal ("" for one without) equals the constant. */
    private static Compiled langEquals(Expr a, Expr b) {
        if (!(a instanceof E_Lang lang) || !(lang.getArg() instanceof ExprVar v)) {
            return null;
        }
        String tag = plainString(b);
        if (tag == null) {
            return null;
        }
        return new Compiled(v.asVar(), n -> n.isLiteral() ? language(n).equals(tag) : null);
    }

    private static String language(Node literal) {
        String lang = literal.getLiteralLanguage();
        return lang == null ? "" : lang;
    }

    /** The lexical form of an {@code xsd:string} constant, or null. */
    private static String plainString(Expr e) {
        if (e instanceof NodeValue nv && nv.asNode().isLiteral()
                && XSDDatatype.XSDstring.getURI().equals(nv.asNode().getLiteralDatatypeURI())) {
            return nv.asNode().getLiteralLexicalForm();
        }
        return null;
    }

    /** {@code xsd:string}, {@code rdf:langString} or {@code rdf:dirLangString}: compatible with a plain string. */
    private static boolean stringLiteral(Node n) {
        if (!n.isLiteral()) {
            return false;
        }
        String dt = n.getLiteralDatatypeURI();
        return XSDDatatype.XSDstring.getURI().equals(dt) || RDF.dtLangString.getURI().equals(dt)
                || RDF.dtDirLangString.getURI().equals(dt);
    }

    /** Keeps the bindings whose term passes; an unbound variable is an error, so the binding is dropped. */
    private static final class QueryIterTest extends QueryIterProcessBinding {
        private final Expr expr;
        private final Var var;
        private final TermTest test;

        QueryIterTest(QueryIterator input, Expr expr, Var var, TermTest test, ExecutionContext execCxt) {
            super(input, execCxt);
            this.expr = expr;
            this.var = var;
            this.test = test;
        }

        @Override
        public Binding accept(Binding binding) {
            Node n = binding.get(var);
            if (n == null) {
                return null;
            }
            Boolean pass = test.test(n);
            if (pass == null) {
                pass = expr.isSatisfied(binding, getExecContext());
            }
            return pass ? binding : null;
        }

        @Override
        protected void details(IndentedWriter out, SerializationContext sCxt) {
            out.print("Test " + expr);
        }
    }
}
