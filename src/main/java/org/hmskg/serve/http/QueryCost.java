package org.hmskg.serve.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.PatternVars;

/**
 * Tells from a query's text, before it runs, whether it is likely expensive: a property path with {@code *} or
 * {@code +}, triple patterns that share no variable (a cross product), a {@code ?s ?p ?o} pattern without a small
 * {@code LIMIT}, {@code regex} over a full scan, or a {@code VALUES} block with many rows. A query that does not
 * parse is not expensive: Fuseki answers it with 400.
 */
public final class QueryCost {
    static final int MAX_VALUES_ROWS = 500;
    static final long SMALL_LIMIT = 1000;
    /** Verdicts kept for repeated query texts: parsing costed as much as running a small query (bench/RESULTS.md). */
    private static final int REMEMBERED = 512;
    private static final int LONGEST_REMEMBERED = 16 * 1024;
    private static final Cache<String, Boolean> VERDICTS = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    private QueryCost() {
    }

    public static boolean expensive(String queryText) {
        if (queryText == null || queryText.isBlank()) {
            return false;
        }
        if (queryText.length() > LONGEST_REMEMBERED) {
            return judge(queryText);
        }
        return VERDICTS.get(queryText, QueryCost::judge);
    }

    private static boolean judge(String queryText) {
        Query query;
        try {
            query = QueryFactory.create(queryText, Syntax.syntaxARQ);
        } catch (RuntimeException e) {
            return false;
        }
        if (query.getValuesData() != null && query.getValuesData().size() > MAX_VALUES_ROWS) {
            return true;
        }
        if (query.getQueryPattern() == null) {
            return false;
        }
        boolean smallLimit = query.hasLimit() && query.getLimit() <= SMALL_LIMIT && !query.hasOrderBy()
                && !query.hasGroupBy() && !query.hasAggregators();
        Shape shape = new Shape();
        ElementWalker.walk(query.getQueryPattern(), shape);
        return shape.paths || shape.values || shape.crossProduct || (shape.fullScan && (!smallLimit || shape.regex));
    }

    private static final class Shape extends ElementVisitorBase {
        boolean paths;
        boolean values;
        boolean crossProduct;
        boolean fullScan;
        boolean regex;

        @Override
        public void visit(ElementData el) {
            values |= el.getRows().size() > MAX_VALUES_ROWS;
        }

        @Override
        public void visit(ElementFilter el) {
            regex |= mentionsRegex(el.getExpr());
        }

        @Override
        public void visit(ElementGroup el) {
            List<TriplePath> patterns = el.getElements().stream()
                    .filter(ElementPathBlock.class::isInstance)
                    .flatMap(e -> ((ElementPathBlock) e).getPattern().getList().stream())
                    .toList();
            // Patterns in one group are joined: groups of patterns with no variable in common multiply.
            List<Set<Node>> components = new ArrayList<>();
            patterns.forEach(tp -> merge(components, variables(tp)));
            // UNION, OPTIONAL, BIND, VALUES and subqueries join what they mention; a FILTER joins nothing.
            el.getElements().stream()
                    .filter(e -> !(e instanceof ElementPathBlock) && !(e instanceof ElementFilter))
                    .forEach(e -> merge(components, mentioned(e)));
            Set<Node> patternVars = new HashSet<>();
            patterns.forEach(tp -> patternVars.addAll(variables(tp)));
            crossProduct |= components.stream().filter(c -> c.stream().anyMatch(patternVars::contains)).count() > 1;
            // A repeated path is cheap from a bound end; with both ends free it walks the whole graph.
            Map<Node, Integer> uses = new HashMap<>();
            patterns.forEach(tp -> variables(tp).forEach(v -> uses.merge(v, 1, Integer::sum)));
            for (TriplePath tp : patterns) {
                if (!tp.isTriple() && unbounded(tp.getPath()) && free(tp.getSubject(), uses)
                        && free(tp.getObject(), uses)) {
                    paths = true;
                }
            }
        }

        private static boolean free(Node n, Map<Node, Integer> uses) {
            return n.isVariable() && uses.getOrDefault(n, 0) <= 1;
        }

        @Override
        public void visit(ElementPathBlock el) {
            for (TriplePath tp : el.getPattern().getList()) {
                if (tp.isTriple()) {
                    Triple t = tp.asTriple();
                    fullScan |= t.getSubject().isVariable() && t.getPredicate().isVariable()
                            && t.getObject().isVariable();
                }
            }
        }

        private static Set<Node> mentioned(org.apache.jena.sparql.syntax.Element e) {
            Set<Node> vars = new HashSet<>(PatternVars.vars(e));
            if (e instanceof ElementBind b) {
                vars.addAll(b.getExpr().getVarsMentioned());
            }
            return vars;
        }

        private static Set<Node> variables(TriplePath tp) {
            Set<Node> vars = new HashSet<>();
            for (Node n : new Node[] {tp.getSubject(), tp.getPredicate(), tp.getObject()}) {
                if (n != null && n.isVariable()) {
                    vars.add(n);
                }
            }
            return vars;
        }

        private static void merge(List<Set<Node>> components, Set<Node> vars) {
            Set<Node> joined = new HashSet<>(vars);
            components.removeIf(c -> {
                if (c.stream().anyMatch(vars::contains)) {
                    joined.addAll(c);
                    return true;
                }
                return false;
            });
            components.add(joined);
        }

        private static boolean mentionsRegex(Expr expr) {
            if (expr instanceof E_Regex) {
                return true;
            }
            if (expr instanceof ExprFunction f) {
                return f.getArgs().stream().anyMatch(Shape::mentionsRegex);
            }
            return false;
        }

        /** A path with {@code *}, {@code +} or a repeat count: its text outside IRIs and literals holds one. */
        private static boolean unbounded(Path path) {
            String text = path.toString().replaceAll("<[^>]*>", "").replaceAll("\"[^\"]*\"", "");
            return text.contains("*") || text.contains("+") || text.contains("{");
        }
    }
}
