package org.hmskg.store.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;

/**
 * A large union's catalog is made after the version is published: before it is attached, queries are answered as
 * ARQ plans them; after, by the planner; the answers are the same.
 */
class CatalogInBackgroundTest {
    static final String P = "https://example.org/p#";
    /** A range over sorted literals, an ORDER BY … LIMIT and a path from its bound end: what the catalog serves. */
    static final List<String> QUERIES = List.of(
            "PREFIX p: <" + P + "> SELECT ?m WHERE { ?m p:budget ?b FILTER(?b >= 40 && ?b < 90) } ORDER BY ?m",
            "PREFIX p: <" + P + "> SELECT ?m ?b WHERE { ?m a p:Measure ; p:budget ?b } ORDER BY DESC(?b) ?m LIMIT 3",
            "PREFIX p: <" + P + "> SELECT ?s WHERE { ?s p:partOf+ p:doc } ORDER BY ?s");

    /** Holds the task it is given until told to run it. */
    static final class Held implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            tasks.forEach(Runnable::run);
            tasks.clear();
        }
    }

    static Graph graph() {
        StringBuilder ttl = new StringBuilder("@prefix p: <" + P + "> .\n"
                + "p:s1 p:partOf p:doc . p:s2 p:partOf p:doc . p:s11 p:partOf p:s1 .\n");
        for (int i = 1; i <= 20; i++) {
            ttl.append("p:m").append(i).append(" a p:Measure ; p:partOf p:s").append(i % 2 == 0 ? "11" : "2")
                    .append(" ; p:budget ").append(i * 5).append(" .\n");
        }
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl.toString(), Lang.TURTLE).parse(g);
        return g;
    }

    /** The answers of {@link #QUERIES} over {@code graph}, each query's context set by {@code setup}. */
    static List<String> answers(Graph graph, Consumer<Context> setup) {
        Dataset ds = DatasetFactory.wrap(ModelFactory.createModelForGraph(graph));
        List<String> out = new ArrayList<>();
        for (String q : QUERIES) {
            try (QueryExecution qe = QueryExecutionFactory.create(q, ds)) {
                setup.accept(qe.getContext());
                out.add(ResultSetFormatter.asText(qe.execSelect()));
            }
        }
        return out;
    }

    /** As the server asks: the planner on. */
    static List<String> answers(Graph union) {
        return answers(union, Planning::enable);
    }

    /** As plain Jena asks. */
    static List<String> plainAnswers(Graph g) {
        return answers(g, cxt -> cxt.set(ARQ.optFilterPlacementBGP, true));
    }

    @Test
    void queriesAreAnsweredBeforeTheCatalogIsAttachedAndTheSameAfter() {
        Graph g = graph();
        Held maker = new Held();
        Graph union = Catalog.unionOf(List.of(g), g, maker);
        assertNull(Catalog.attached(union), "not made yet");
        List<String> before = answers(union);
        assertEquals(plainAnswers(g), before);

        maker.runAll();
        Catalog catalog = Catalog.attached(union);
        assertNotNull(catalog, "attached once made");
        assertEquals(g.size(), catalog.statistics().triples());
        assertEquals(before, answers(union));
    }

    @Test
    void aSmallUnionCarriesItsCatalogAtOnce() {
        Graph g = graph();
        assertNotNull(Catalog.attached(Catalog.unionOf(List.of(g), g)), "made before the graph is returned");
    }

    @Test
    void aLargeUnionsCatalogIsAttachedWhenItIsMade() throws InterruptedException {
        Graph g = GraphFactory.createDefaultGraph();
        Node p = NodeFactory.createURI(P + "budget");
        for (int i = 0; i < Catalog.IN_BACKGROUND_FROM; i++) {
            g.add(Triple.create(NodeFactory.createURI(P + "m" + i), p, NodeFactory.createLiteralDT(
                    Integer.toString(i % 1000), XSDDatatype.XSDinteger)));
        }
        Graph union = Catalog.unionOf(List.of(g), g);
        Catalog catalog = Catalog.attached(union);
        for (int i = 0; catalog == null && i < 600; i++) {
            Thread.sleep(100);
            catalog = Catalog.attached(union);
        }
        assertNotNull(catalog, "the catalog made in the background is attached");
        assertEquals(g.size(), catalog.statistics().triples());
    }
}
