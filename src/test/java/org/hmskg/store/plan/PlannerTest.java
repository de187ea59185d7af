package org.hmskg.store.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The statistics, the ordered literals and the plans made from them, on a small purpose-made graph: a document with
 * a three-level section tree, twelve measures with budgets, start dates and labels, two ministries.
 */
class PlannerTest {
    static final String P = "https://example.org/p#";
    static final String PREFIXES = "PREFIX p: <" + P + "> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
    static Graph graph;
    static Catalog catalog;

    @BeforeAll
    static void build() {
        StringBuilder ttl = new StringBuilder("@prefix p: <" + P + "> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                + "p:doc a p:Document . p:s1 p:partOf p:doc . p:s2 p:partOf p:doc . p:s11 p:partOf p:s1 .\n"
                + "p:s1 p:number \"1\" . p:s2 p:number \"2\" . p:s11 p:number \"1.1\" .\n"
                + "p:mhlw a p:Ministry ; rdfs:label \"厚生労働省\"@ja , \"MHLW\"@en . p:mext a p:Ministry ; rdfs:label \"文部科学省\"@ja .\n");
        for (int i = 1; i <= 12; i++) {
            ttl.append("p:m").append(i).append(" a p:Measure ; p:inSection p:s").append(i % 2 == 0 ? "11" : "2")
                    .append(" ; p:budget ").append(i * 10).append(".5 ; p:start \"2024-0").append(1 + i % 9)
                    .append("-15\"^^xsd:date ; p:ministry p:").append(i % 3 == 0 ? "mext" : "mhlw")
                    .append(" ; rdfs:label \"施策").append(i).append("\"@ja .\n");
        }
        // one budget written as an integer: same kind (exact numbers) as the decimals
        ttl.append("p:m13 a p:Measure ; p:budget 55 .\n");
        // a property whose objects mix kinds, and one with a date in a time zone
        ttl.append("p:m1 p:note 3 . p:m2 p:note \"three\" . p:m1 p:seen \"2024-01-01Z\"^^xsd:date . p:m2 p:seen \"2024-02-01\"^^xsd:date .\n");
        // floating-point numbers (a float among doubles, minus zero), one with NaN, date-times
        ttl.append("p:m1 p:ratio \"-0.0\"^^xsd:double . p:m2 p:ratio 0.0e0 . p:m3 p:ratio \"2.5\"^^xsd:float . p:m4 p:ratio 1e3 .\n");
        ttl.append("p:m1 p:odd 1e0 . p:m2 p:odd \"NaN\"^^xsd:double .\n");
        ttl.append("p:m1 p:at \"2024-01-01T23:00:00\"^^xsd:dateTime . p:m2 p:at \"2024-01-01T09:30:00.5\"^^xsd:dateTime .\n");
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl.toString(), Lang.TURTLE).parse(g);
        graph = Catalog.unionOf(List.of(g), g);
        catalog = Catalog.attached(graph);
    }

    static Node p(String local) {
        return NodeFactory.createURI(P + local);
    }

    /** The group of a query's pattern, as the executor sees it (ARQ's optimizer with BGP filter placement off). */
    static Group group(String where) {
        Context cxt = ARQ.getContext().copy();
        cxt.set(ARQ.optFilterPlacementBGP, false);
        Op op = Algebra.optimize(Algebra.compile(QueryFactory.create(PREFIXES + "SELECT * WHERE { " + where + " }")), cxt);
        while (op instanceof OpProject proj) {
            op = proj.getSubOp();
        }
        return Group.of(op);
    }

    static List<Step> plan(String where) {
        Group g = group(where);
        assertNotNull(g, where + " is not a group");
        return new Planner(catalog).plan(g, null, null);
    }

    @Nested
    class Statistics_ {
        @Test
        void countsTriplesSubjectsAndObjectsPerPredicate() {
            Statistics s = catalog.statistics();
            assertEquals(13, s.triples(p("budget")));
            assertEquals(13, s.instances(p("Measure")));
            assertEquals(2, s.instances(p("Ministry")));
            assertEquals(0, s.instances(p("Nothing")));
            assertEquals(graph.size(), s.triples());
        }

        @Test
        void estimatesUseExactCountsForFewObjectsAndAveragesOtherwise() {
            Statistics s = catalog.statistics();
            assertEquals(4, s.estimate(false, p("ministry"), p("mext"), true));
            assertEquals(8, s.estimate(false, p("ministry"), p("mhlw"), true));
            // a bound subject: triples per subject
            assertEquals(1, s.estimate(true, p("budget"), null, false));
            assertEquals(0, s.estimate(false, p("unknown"), null, false));
        }
    }

    @Nested
    class OrderedLiterals_ {
        @Test
        void indexesPredicatesWhoseObjectsAreAllOfOneOrderedKind() {
            assertNotNull(catalog.literals().of(p("budget")), "decimals and an integer: exact numbers");
            assertNotNull(catalog.literals().of(p("start")), "dates without a time zone");
            assertNull(catalog.literals().of(p("note")), "a number beside a string");
            assertNull(catalog.literals().of(p("seen")), "a date with a time zone beside one without");
            assertNull(catalog.literals().of(p("inSection")), "IRIs");
        }

        @Test
        void floatingPointAndDateTimeValuesSortByValue() {
            OrderedLiterals.Sorted ratio = catalog.literals().of(p("ratio"));
            assertNotNull(ratio, "doubles and a float: floating-point numbers");
            assertNull(catalog.literals().of(p("odd")), "NaN has no place in the order");
            Node zero = NodeFactory.createLiteralDT("0", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdouble);
            assertEquals(0, ratio.lowerBound(zero, false), "-0.0 equals 0.0");
            assertEquals(2, ratio.lowerBound(zero, true));
            OrderedLiterals.Sorted at = catalog.literals().of(p("at"));
            assertEquals(p("m2"), at.subject(0));
            assertEquals(p("m1"), at.subject(1));
        }

        @Test
        void boundsFollowSparqlComparison() {
            OrderedLiterals.Sorted budget = catalog.literals().of(p("budget"));
            Node fifty = NodeFactory.createLiteralDT("50.5", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal);
            int atLeast = budget.lowerBound(fifty, false);
            int above = budget.lowerBound(fifty, true);
            assertEquals(atLeast + 1, above, "one value equals 50.5");
            // 10.5 20.5 30.5 40.5 55 below or at 50.5: 10.5 … 40.5 are below
            assertEquals(4, atLeast);
            assertTrue(budget.accepts(NodeFactory.createLiteralDT("7", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
            assertFalse(budget.accepts(NodeFactory.createLiteralDT("7e0", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdouble)));
            for (int i = 1; i < budget.size(); i++) {
                assertFalse(budget.below(i, i - 1), "ascending at " + i);
            }
        }
    }

    @Nested
    class Plans {
        @Test
        void aPathStartsFromItsBoundEnd() {
            List<Step> steps = plan("?m p:inSection ?s . ?s p:partOf+ p:doc ; p:number ?n");
            assertInstanceOf(Step.Walk.class, steps.get(0), steps.toString());
        }

        @Test
        void theMostSelectivePatternComesFirst() {
            List<Step> steps = plan("?m a p:Measure ; p:ministry p:mext ; rdfs:label ?l");
            Step.Match first = assertInstanceOf(Step.Match.class, steps.get(0), steps.toString());
            assertEquals(p("mext"), first.triple().getObject());
        }

        @Test
        void aRangeFilterReadsTheOrderedLiteralsAndStaysAsATest() {
            List<Step> steps = plan("?m p:start ?d ; rdfs:label ?l "
                    + "FILTER(?d >= \"2024-03-01\"^^xsd:date && ?d < \"2024-05-01\"^^xsd:date)");
            Step.Range range = assertInstanceOf(Step.Range.class, steps.get(0), steps.toString());
            // 2024-03-15 and 2024-04-15: measures 2, 3, 11 and 12
            assertEquals(4, range.to() - range.from());
            assertInstanceOf(Step.Test.class, steps.get(1));
            assertInstanceOf(Step.Test.class, steps.get(2));
        }

        @Test
        void aConstantOfAnotherKindIsNotLookedUp() {
            List<Step> steps = plan("?m p:budget ?b FILTER(?b > 1e1)");
            assertFalse(steps.stream().anyMatch(s -> s instanceof Step.Range), steps.toString());
        }

        @Test
        void aFilterFollowsTheStepThatBindsItsLastVariable() {
            List<Step> steps = plan("?m p:ministry p:mext . ?m rdfs:label ?l . ?m p:budget ?b FILTER(lang(?l) = \"ja\")");
            int label = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) instanceof Step.Match m && m.triple().getPredicate().getURI().endsWith("label")) {
                    label = i;
                }
            }
            assertInstanceOf(Step.Test.class, steps.get(label + 1), steps.toString());
        }

        @Test
        void existsWaitsForTheEnd() {
            List<Step> steps = plan("?m p:ministry p:mext FILTER EXISTS { ?m p:budget ?x } ?m rdfs:label ?l");
            assertInstanceOf(Step.Test.class, steps.get(steps.size() - 1), steps.toString());
        }

        @Test
        void aFilterOnAVariableItsPatternsLeaveUnboundKeepsItsScope() {
            assertNull(group("{ ?m p:budget ?b FILTER(bound(?l)) } ?m rdfs:label ?l"));
            assertNotNull(group("{ ?m p:budget ?b FILTER(?b > 3) } ?m rdfs:label ?l"));
        }

        @Test
        void optionalIsNotAGroup() {
            assertNull(group("?m p:budget ?b OPTIONAL { ?m rdfs:label ?l }"));
        }
    }
}
