package org.hmskg.serve.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * The server's own queries: {@code .rq} files beside this class, parsed once, values bound by substitution.
 * Each call runs in its own read transaction on the dataset given.
 */
public final class Sparql {
    private static final Map<String, Query> CACHE = new ConcurrentHashMap<>();

    private Sparql() {
    }

    static Query query(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String resource = n + ".rq";
            try (InputStream in = Sparql.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("query " + resource + " missing from the class path");
                }
                return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read query " + resource, e);
            }
        });
    }

    private static QueryExecBuilder exec(DatasetGraph dsg, String name, Map<String, Node> values) {
        QueryExecBuilder b = QueryExec.dataset(dsg).query(query(name));
        values.forEach(b::substitution);
        return b;
    }

    public static List<Binding> select(DatasetGraph dsg, String name, Map<String, Node> values) {
        return Txn.calculateRead(dsg, () -> Iter.toList(exec(dsg, name, values).select()));
    }

    /** Each row of a SELECT, as it is produced: for answers too large to hold at once. */
    static void forEach(DatasetGraph dsg, String name, Map<String, Node> values, Consumer<Binding> action) {
        Txn.executeRead(dsg, () -> {
            RowSet rows = exec(dsg, name, values).select();
            try {
                rows.forEachRemaining(action);
            } finally {
                rows.close();
            }
        });
    }

    public static boolean ask(DatasetGraph dsg, String name, Map<String, Node> values) {
        return Txn.calculateRead(dsg, () -> exec(dsg, name, values).ask());
    }

    public static Graph construct(DatasetGraph dsg, String name, Map<String, Node> values) {
        return Txn.calculateRead(dsg, () -> exec(dsg, name, values).construct());
    }

    /**
     * The number a counting SELECT given as text (read from a {@code .rq} file elsewhere, such as the checks of
     * {@code queries/needs/}) binds to {@code var} in its first row; 0 when it answers no row or binds no number.
     */
    public static long count(DatasetGraph dsg, String queryText, String var) {
        Query query = QueryFactory.create(queryText);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                RowSet rows = exec.select();
                return rows.hasNext() ? count(rows.next(), var) : 0L;
            }
        });
    }

    /** A count from a result row: the number bound to {@code var}, 0 when unbound. */
    public static long count(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() && n.getLiteralValue() instanceof Number num ? num.longValue() : 0;
    }
}
