package org.hmskg.store.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.SortCondition;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.process.normalize.NormalizeRDFTerms;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.system.Txn;
import org.hmskg.pipeline.Builder;
import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.HmsServer;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.FrozenDataset;
import org.hmskg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every benchmark query, every query of {@code queries/} and the planner's own edge cases
 * ({@code src/test/resources/plan/}) give the same answers from the served store (frozen version, planner, real
 * HTTP server and its JSON writer) as from plain Jena: the same named graphs in Jena's standard in-memory dataset,
 * its default graph holding their union, queried with ARQ as it comes. Rows are compared as bags, and in order
 * where the query orders them (by the values of its sort keys, which is what ORDER BY fixes); graphs by
 * isomorphism. Run on the seed build and on a generated policy graph (bench/synthetic/gen_policy_kg.py) beside it.
 */
class PlannedQueriesTest {
    static final Path BENCH_QUERIES = Path.of("bench/synthetic/queries");
    static final Path PLAN_QUERIES = Path.of("src/test/resources/plan");
    static final Path GALLERY_RESULTS = Path.of("src/test/resources/query-results");

    static Stream<Path> benchAndPlanQueries() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : List.of(BENCH_QUERIES, PLAN_QUERIES)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".rq")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    static Stream<QueryLibrary.Entry> gallery() {
        return QueryLibrary.standard().entries().stream();
    }

    /** The served store and plain Jena on the same graphs. */
    abstract static class Both {
        HmsServer server;
        DatasetGraph plain;

        void start(Map<Node, Graph> graphs) {
            start(graphs, FrozenDataset.of(graphs));
        }

        void start(Map<Node, Graph> graphs, DatasetGraph served) {
            DatasetVersion version = new DatasetVersion(served, "test", Instant.now(), Map.of());
            server = HmsServer.builder().port(0).dataset(() -> version).responseCache(0).build().start();
            plain = DatasetGraphFactory.createTxnMem();
            Txn.executeWrite(plain, () -> graphs.forEach((name, g) -> g.find().forEachRemaining(t -> {
                plain.add(name, t.getSubject(), t.getPredicate(), t.getObject());
                plain.getDefaultGraph().add(t);
            })));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.hmskg.store.plan.PlannedQueriesTest#benchAndPlanQueries")
        void benchmarkAndPlannerQueriesAgree(Path file) throws IOException {
            agree(file.getFileName().toString(), Files.readString(file));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.hmskg.store.plan.PlannedQueriesTest#gallery")
        void galleryQueriesAgree(QueryLibrary.Entry entry) {
            agree(entry.name(), entry.text());
        }

        @AfterAll
        void stop() {
            if (server != null) {
                server.stop();
            }
        }

        void agree(String name, String text) {
            Query query = QueryFactory.create(text);
            String endpoint = "http://localhost:" + server.port() + "/sparql";
            if (query.isSelectType()) {
                ResultSetRewindable served;
                try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).build()) {
                    served = ResultSetFactory.makeRewindable(ResultSet.adapt(exec.select()));
                }
                ResultSetRewindable expected = Txn.calculateRead(plain, () -> {
                    try (QueryExec exec = QueryExec.dataset(plain).query(query).build()) {
                        return ResultSetFactory.makeRewindable(ResultSet.adapt(exec.select()));
                    }
                });
                sameSolutions(name, query, expected, served);
            } else if (query.isAskType()) {
                boolean served;
                try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).build()) {
                    served = exec.ask();
                }
                boolean expected = Txn.calculateRead(plain, () -> {
                    try (QueryExec exec = QueryExec.dataset(plain).query(query).build()) {
                        return exec.ask();
                    }
                });
                assertEquals(expected, served, name);
            } else {
                Graph served;
                try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).build()) {
                    served = query.isConstructType() ? exec.construct() : exec.describe();
                }
                Graph expected = Txn.calculateRead(plain, () -> {
                    try (QueryExec exec = QueryExec.dataset(plain).query(query).build()) {
                        return query.isConstructType() ? exec.construct() : exec.describe();
                    }
                });
                assertEquals(expected.size(), served.size(), name + ": triples");
                assertTrue(expected.isIsomorphicWith(served), name + ": graphs differ");
            }
        }
    }

    /**
     * The same solutions as SPARQL defines them: the same bag of rows, and where the query orders them the same
     * sequence of sort-key values (rows with equal keys may come in any order). A {@code GROUP_CONCAT} joins its
     * values in the order they came, which SPARQL leaves open (and which differs between Jena's stores even without
     * the planner): such values are compared as sets of their parts.
     */
    static void sameSolutions(String name, Query query, ResultSetRewindable expected, ResultSetRewindable served) {
        List<String> separators = separators(query);
        assertEquals(expected.size(), served.size(), name + ": number of rows");
        assertEquals(rows(expected, separators), rows(served, separators), name + ": rows");
        if (query.hasOrderBy()) {
            assertEquals(sortKeys(query, expected), sortKeys(query, served), name + ": order");
        }
    }

    private static List<String> separators(Query query) {
        List<String> out = new ArrayList<>();
        for (ExprAggregator agg : query.getAggregators()) {
            if (agg.getAggregator() instanceof AggGroupConcat g) {
                out.add(g.getSeparator() == null ? " " : g.getSeparator());
            } else if (agg.getAggregator() instanceof AggGroupConcatDistinct g) {
                out.add(g.getSeparator() == null ? " " : g.getSeparator());
            }
        }
        return out;
    }

    private static String term(Node n, List<String> separators) {
        if (n == null) {
            return "(unbound)";
        }
        if (n.isBlank()) {
            return "(blank)";
        }
        // TDB2 (which made the expected files) stores numbers and dates by value: "378"^^xsd:decimal comes back as
        // "378.0"; compare literals in their canonical form
        n = NormalizeRDFTerms.get().normalize(n);
        if (n.isLiteral() && !separators.isEmpty()) {
            List<String> parts = new ArrayList<>(List.of(n.getLiteralLexicalForm()));
            for (String sep : separators) {
                parts = parts.stream().flatMap(p -> Stream.of(p.split(java.util.regex.Pattern.quote(sep), -1)))
                        .sorted().toList();
            }
            return parts + "^^" + n.getLiteralDatatypeURI() + "@" + n.getLiteralLanguage();
        }
        return n.toString();
    }

    /** Rows as a bag: each row's terms in the order of the variables; blank nodes by their role, not label. */
    static Map<List<String>, Integer> rows(ResultSetRewindable rs, List<String> separators) {
        rs.reset();
        Map<List<String>, Integer> bag = new HashMap<>();
        List<Var> vars = Var.varList(rs.getResultVars());
        while (rs.hasNext()) {
            Binding b = rs.nextBinding();
            List<String> row = new ArrayList<>();
            for (Var v : vars) {
                Node n = b.get(v);
                row.add(term(n, separators));
            }
            bag.merge(row, 1, Integer::sum);
        }
        rs.reset();
        return bag;
    }

    /** The values of the ORDER BY variables, row after row (expressions other than variables are left out). */
    static List<List<String>> sortKeys(Query query, ResultSetRewindable rs) {
        rs.reset();
        List<Var> keys = new ArrayList<>();
        for (SortCondition c : query.getOrderBy()) {
            if (c.getExpression() instanceof ExprVar v && rs.getResultVars().contains(v.getVarName())) {
                keys.add(v.asVar());
            }
        }
        List<List<String>> out = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.nextBinding();
            List<String> row = new ArrayList<>();
            keys.forEach(k -> row.add(term(b.get(k), List.of())));
            out.add(row);
        }
        rs.reset();
        return out;
    }

    static Map<Node, Graph> seedGraphs() {
        return Builder.build(new Builder.Request(Path.of("seeds"), Optional.empty(), Instant.now())).graphs();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnTheSeed extends Both {
        @BeforeAll
        void load() {
            start(seedGraphs());
        }

        /**
         * The served answers are the gallery's expected results (QueryLibraryTest checks them on plain Jena, in Jena's
         * order; here as solutions, since the served store lists ties and GROUP_CONCAT parts in its own order).
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.hmskg.store.plan.PlannedQueriesTest#gallery")
        void galleryResultsUnchanged(QueryLibrary.Entry entry) throws IOException {
            Query query = QueryFactory.create(entry.text());
            ResultSetRewindable served;
            try (QueryExec exec = QueryExecHTTP.service("http://localhost:" + server.port() + "/sparql")
                    .query(query).build()) {
                served = ResultSetFactory.makeRewindable(ResultSet.adapt(exec.select()));
            }
            ResultSetRewindable expected;
            try (InputStream in = Files.newInputStream(GALLERY_RESULTS.resolve(entry.name() + ".srj"))) {
                expected = ResultSetFactory.makeRewindable(ResultSetFactory.fromJSON(in));
            }
            sameSolutions(entry.name() + " (expected result file)", query, expected, served);
        }
    }

    /** The seed's graphs and a generated policy graph of 40,000 triples in a graph of its own. */
    static Map<Node, Graph> seedAndGenerated() throws IOException, InterruptedException {
        Path data = Files.createTempFile("policy-", ".nt");
        try {
            Process gen = new ProcessBuilder("python3", "bench/synthetic/gen_policy_kg.py", "--triples", "40000",
                    "--seed", "7", "--out", data.toString()).inheritIO().start();
            assertEquals(0, gen.waitFor(), "bench/synthetic/gen_policy_kg.py failed (python3 is needed)");
            Map<Node, Graph> graphs = new java.util.LinkedHashMap<>(seedGraphs());
            FrozenDataset.Loader policy = new FrozenDataset.Loader();
            Node name = NodeFactory.createURI("https://w3id.org/hmskg/graph/policy");
            Store.parse(data, Lang.NT, policy.into(name));
            graphs.put(name, policy.freeze().getGraph(name));
            return graphs;
        } finally {
            Files.deleteIfExists(data);
        }
    }

    /** The same graphs served from a TDB2 database as {@code build --tdb2} writes it (TDB2's own executor). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FromTdb2 extends Both {
        Path dir;

        @BeforeAll
        void load() throws IOException, InterruptedException {
            dir = Files.createTempDirectory("plan-tdb2-");
            Map<Node, Graph> graphs = seedAndGenerated();
            Store.writeTdb2(graphs, dir.resolve("db"));
            assertTrue(Files.list(dir.resolve("db")).anyMatch(d -> Files.exists(d.resolve("stats.opt"))),
                    "build --tdb2 writes TDB2's statistics file");
            start(graphs, Store.openTdb2(dir.resolve("db")));
        }

        @AfterAll
        void removeDatabase() throws IOException {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnAGeneratedGraph extends Both {
        @BeforeAll
        void load() throws IOException, InterruptedException {
            start(seedAndGenerated());
        }
    }
}
