package org.hmskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.apache.jena.system.Txn;
import org.hmskg.pipeline.Builder;
import org.hmskg.store.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query in queries/ parses, carries its documentation header and gives exactly its expected result on the
 * seed build (result-set equality by term, in order where the query orders). {@code -Dgolden.update=true}
 * rewrites the expected files deliberately.
 */
class QueryLibraryTest {
    static final Path EXPECTED = Path.of("src/test/resources/query-results");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static DatasetGraph seed;

    @BeforeAll
    static void build() {
        seed = Store.inMemory(Builder.build(new Builder.Request(Path.of("seeds"), Optional.empty(), Instant.now()))
                .graphs());
    }

    static Stream<QueryLibrary.Entry> queries() {
        return QueryLibrary.standard().entries().stream();
    }

    @Test
    void theLibraryHasAtLeast25Queries() {
        assertTrue(QueryLibrary.standard().entries().size() >= 25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void hasHeader(QueryLibrary.Entry q) {
        assertFalse(q.title().equals(q.name()), q.name() + ": '# title:' missing");
        assertFalse(q.titleJa().isBlank(), q.name() + ": '# title@ja:' missing");
        assertFalse(q.question().isBlank(), q.name() + ": '# question:' missing");
        assertFalse(q.result().isBlank(), q.name() + ": '# result:' missing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void givesItsExpectedResult(QueryLibrary.Entry entry) throws IOException {
        Query query = QueryFactory.create(entry.text());
        Path expectedFile = EXPECTED.resolve(entry.name() + ".srj");
        ResultSetRewindable actual = Txn.calculateRead(seed, () -> {
            try (QueryExec exec = QueryExec.dataset(seed).query(query).build()) {
                return ResultSetFactory.makeRewindable(ResultSet.adapt(exec.select()));
            }
        });
        // Only a query that needs more than the seed holds ("# needs: editions") may find nothing, and then must.
        List<String> unmet = entry.needs().stream().filter(n -> found(n) == 0).map(QueryLibrary.Need::key).toList();
        if (unmet.isEmpty()) {
            assertTrue(actual.size() > 0, entry.name() + " returns no rows on the seed");
        } else {
            assertEquals(0, actual.size(), entry.name() + " answers on the seed although it needs " + unmet);
        }
        if (UPDATE) {
            Files.createDirectories(EXPECTED);
            try (OutputStream os = Files.newOutputStream(expectedFile)) {
                ResultSetFormatter.outputAsJSON(os, actual);
            }
            actual.reset();
        }
        assertTrue(Files.exists(expectedFile), "no expected result " + expectedFile + " (run with -Dgolden.update=true)");
        ResultSetRewindable expected;
        try (InputStream in = Files.newInputStream(expectedFile)) {
            expected = ResultSetFactory.makeRewindable(ResultSetFactory.fromJSON(in));
        }
        boolean same = query.hasOrderBy() ? ResultsCompare.equalsByTermAndOrder(expected, actual)
                : ResultsCompare.equalsByTerm(expected, actual);
        if (!same) {
            actual.reset();
            expected.reset();
        }
        assertTrue(same, () -> entry.name() + " differs from " + expectedFile + "\nactual:\n"
                + ResultSetFormatter.asText(actual) + "\nexpected:\n" + ResultSetFormatter.asText(expected));
    }

    /** What a need's check finds on the seed. */
    static long found(QueryLibrary.Need need) {
        return Txn.calculateRead(seed, () -> {
            try (QueryExec exec = QueryExec.dataset(seed).query(need.check()).build()) {
                var rows = exec.select().materialize().stream().toList();
                assertEquals(1, rows.size(), need.key() + ": a check answers one row");
                Node found = rows.getFirst().get("found");
                assertTrue(found != null && found.isLiteral() && found.getLiteralValue() instanceof Number,
                        need.key() + ": a check binds ?found to a number");
                return ((Number) found.getLiteralValue()).longValue();
            }
        });
    }

    @Test
    void theEditionQueriesNeedSeveralEditionsAndTheSeedIsOne() {
        QueryLibrary.Need editions = QueryLibrary.standard().needs().stream().filter(n -> n.key().equals("editions"))
                .findFirst().orElseThrow();
        assertEquals(0, found(editions));
        List<String> needing = QueryLibrary.standard().entries().stream()
                .filter(e -> e.needs().contains(editions)).map(QueryLibrary.Entry::name).toList();
        assertEquals(List.of("29-initiative-changes-between-editions", "30-ministry-changes-between-editions",
                "31-lead-ministry-changes", "38-commitments-reported-done-in-the-next-edition"), needing);
    }

    @Test
    void everyExpectedFileHasItsQuery() throws IOException {
        List<String> names = QueryLibrary.standard().entries().stream().map(QueryLibrary.Entry::name).toList();
        try (Stream<Path> files = Files.list(EXPECTED)) {
            files.forEach(f -> assertTrue(names.contains(f.getFileName().toString().replace(".srj", "")),
                    "stale expected file " + f));
        }
    }
}
