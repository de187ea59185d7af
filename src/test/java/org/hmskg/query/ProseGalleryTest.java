package org.hmskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.hmskg.pipeline.Builder;
import org.hmskg.store.Store;
import org.hmskg.vocab.Iris;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gallery on documents of prose: two purpose-made editions of a strategy ({@code src/test/resources/prose/}),
 * paragraphs with a bullet among them, a heading with a tag of its own, a paragraph without any tag, and statements
 * of every kind. The queries about measures find the paragraphs too (measures only where the header says so), no
 * query picks up a statement where it means a block, and the statement queries answer on paragraphs.
 */
class ProseGalleryTest {
    static final Path PROSE = Path.of("src/test/resources/prose");
    static final String OLD = "strategy-prose-2025";
    static final String NEW = "strategy-prose-2026";
    /** The columns that hold statements by design. */
    static final Set<String> STATEMENT_COLUMNS = Set.of("statement", "commitment", "achievement");

    static DatasetGraph dsg;

    @BeforeAll
    static void build() {
        Builder.Result result = Builder.build(new Builder.Request(PROSE, Optional.empty(), Instant.now()));
        assertTrue(result.conforms(), () -> String.join("\n", result.report().violations()));
        dsg = Store.inMemory(result.graphs());
    }

    static Stream<QueryLibrary.Entry> queries() {
        return QueryLibrary.standard().entries().stream();
    }

    static QueryLibrary.Entry entry(String name) {
        return QueryLibrary.standard().byName(name).orElseThrow();
    }

    /** Every row, each as variable name → IRI or lexical form. */
    static List<Map<String, String>> run(Query query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                return exec.select().materialize().stream().map(b -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    b.vars().forEachRemaining(v -> {
                        Node n = b.get(v);
                        row.put(v.getVarName(), n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm()
                                : n.toString());
                    });
                    return row;
                }).toList();
            }
        });
    }

    static List<Map<String, String>> run(String name) {
        return run(QueryFactory.create(entry(name).text()));
    }

    /** The query with the value of one of its documented parameters ({@code # param:}) replaced. */
    static List<Map<String, String>> run(String name, String param, Node value) {
        QueryLibrary.Entry e = entry(name);
        assertTrue(e.params().stream().anyMatch(p -> p.startsWith(param + " = ")), name + " documents " + param);
        Var var = Var.alloc(param);
        Query query = QueryTransformOps.transform(QueryFactory.create(e.text()), new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementData data) {
                return data.getVars().equals(List.of(var))
                        ? new ElementData(data.getVars(), List.of(BindingFactory.binding(var, value))) : data;
            }
        });
        assertFalse(query.toString().equals(QueryFactory.create(e.text()).toString()), "the parameter was bound");
        return run(query);
    }

    static String paragraph(String doc, int n) {
        return Iris.BASE + "id/paragraph/" + doc + "/" + n;
    }

    static String measure(String doc, int n) {
        return Iris.measure(doc, n).getURI();
    }

    static String statement(String doc, String block, int n) {
        return Iris.statement(doc, block, n).getURI();
    }

    static List<String> column(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.getOrDefault(var, "")).toList();
    }

    static Map<String, String> rowWith(List<Map<String, String>> rows, String var, String value) {
        return rows.stream().filter(r -> value.equals(r.get(var))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + var + " = " + value + ": " + rows));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void noQueryTakesAStatementForABlock(QueryLibrary.Entry e) {
        for (Map<String, String> row : run(QueryFactory.create(e.text()))) {
            row.forEach((var, value) -> assertTrue(STATEMENT_COLUMNS.contains(var)
                    || !value.startsWith(Iris.BASE + "id/statement/"), e.name() + " ?" + var + " = " + value));
        }
    }

    @Test
    void blocksLedTaggedAndSharedIncludeParagraphs() {
        List<String> led = column(run("01-measures-led-by-ministry"), "measure");
        assertEquals(List.of(paragraph(OLD, 2), paragraph(OLD, 3), paragraph(OLD, 4), paragraph(NEW, 2),
                paragraph(NEW, 3), paragraph(NEW, 4), paragraph(NEW, 5)), led,
                "in document order; the last one takes its heading's tag");
        List<String> shared = column(run("02-measures-shared-by-two-ministries"), "measure");
        assertTrue(shared.containsAll(List.of(paragraph(OLD, 1), paragraph(OLD, 6), measure(OLD, 1))), shared.toString());
        // the Ministry of Education is tagged on paragraphs only
        Map<String, String> mext = rowWith(run("04-ministry-lead-counts"), "ministry", Iris.ministry("mext").getURI());
        assertEquals("6", mext.get("measuresTagged"));
        assertEquals("0", mext.get("measuresLed"));
        Map<String, String> pair = run("03-ministry-co-responsibility-network").stream()
                .filter(r -> r.get("a").endsWith("/mext") && r.get("b").endsWith("/mhlw")).findFirst().orElseThrow();
        assertEquals("6", pair.get("sharedMeasures"));
    }

    @Test
    void measuresWithoutMinistryAreMeasuresOnly() {
        assertEquals(List.of(), run("22-measures-without-ministry"),
                "the untagged background paragraph is not a measure without a ministry");
    }

    @Test
    void initiativeQueriesFindTheParagraphsNamingThem() {
        assertEquals(List.of(paragraph(OLD, 1), paragraph(NEW, 1)), column(run("05-measures-naming-amed"), "measure"));
        assertEquals(List.of(paragraph(OLD, 6), paragraph(NEW, 6)), column(run("06-measures-naming-mediso"), "measure"));
        assertEquals(List.of(measure(OLD, 1), measure(NEW, 1)), column(run("07-measures-naming-jih"), "measure"));
        assertEquals(List.of(paragraph(OLD, 4), paragraph(NEW, 4)), column(run("08-measures-naming-ndb"), "measure"));
        Map<String, String> amed = rowWith(run("09-sections-of-key-initiatives"), "section",
                Iris.BASE + "id/section/" + OLD + "/1.1");
        assertEquals("1", amed.get("measures"));
        assertEquals("2", rowWith(run("23-most-named-initiatives"), "initiative", Iris.initiative("amed").getURI())
                .get("measures"));
        assertEquals(List.of("p1", "p1", "p1", "p1", "p1", "p1"),
                column(run("20-provenance-of-amed-mentions"), "ordinal"), "a paragraph's key, as in its IRIs");
    }

    @Test
    void citationsFiguresAndTimesOfParagraphs() {
        Map<String, String> law = rowWith(run("12-laws-cited"), "law",
                Iris.citation("kenko-iryo-senryaku-suishin-ho").getURI());
        assertEquals("p5", law.get("ordinal"));
        Map<String, String> plan = rowWith(run("13-decisions-with-dates-and-bodies"), "title", "医療分野研究開発推進計画");
        assertEquals("2", plan.get("citingMeasures"));
        assertEquals("2", rowWith(run("14-citations-by-kind"), "kind",
                "https://w3id.org/hmskg/def#HeadquartersDecision").get("citingMeasures"));
        Map<String, String> figure = rowWith(run("15-figures-with-as-of-dates"), "asOf", "2024-03");
        assertEquals("p6", figure.get("ordinal"));
        assertEquals(300, Double.parseDouble(figure.get("value")));
        assertEquals(List.of("p2", "p2"), column(run("24-money-figures"), "ordinal"));
        List<Map<String, String>> years = run("16-measures-mentioning-fiscal-years-from");
        assertEquals("2026年度", rowWith(years, "fiscalYear", "2026").get("surface"));
        assertEquals(paragraph(OLD, 1), rowWith(years, "fiscalYear", "2026").get("measure"));
        assertEquals(List.of(), run("16-measures-mentioning-fiscal-years-from", "from",
                NodeFactory.createLiteralByValue(2027)), "nothing from 2027 on");
        assertEquals(List.of(paragraph(OLD, 3), paragraph(NEW, 3)), column(run("19-text-search-genome"), "measure"));
    }

    @Test
    void sectionsCountAndPathParagraphs() {
        assertEquals("5", rowWith(run("17-measures-per-chapter"), "chapter", Iris.BASE + "id/section/" + OLD + "/1")
                .get("measures"));
        Map<String, String> background = rowWith(run("18-section-path-of-measures"), "ordinal", "p7");
        assertEquals("背景", background.get("label"));
        assertEquals(2, column(run("28-documents"), "document").size(), "final documents have no hms:status");
    }

    @Test
    void editionChangesCountBlocksNeverHeadings() {
        Map<String, String> mhlw = rowWith(run("30-ministry-changes-between-editions"), "ministry",
                Iris.ministry("mhlw").getURI());
        assertEquals("1", mhlw.get("addedCount"), "the new paragraph, not the heading whose tag it takes");
        Map<String, String> secretariat = rowWith(run("30-ministry-changes-between-editions"), "ministry",
                Iris.ministry("cao-hmp").getURI());
        assertEquals("1", secretariat.get("droppedCount"), "the dropped paragraph on the promotion act");
        Map<String, String> lead = rowWith(run("31-lead-ministry-changes"), "measure", measure(NEW, 1));
        assertEquals("経済産業省", lead.get("leadBefore"));
        assertEquals("外務省", lead.get("leadNow"));
        assertEquals(List.of(), run("29-initiative-changes-between-editions"), "AMED's paragraph was kept");
    }

    @Test
    void statementQueriesAnswerOnParagraphs() {
        List<Map<String, String>> due = run("33-commitments-due-in-a-fiscal-year", "fiscalYear",
                NodeFactory.createLiteralByValue(2026));
        assertEquals(List.of(statement(OLD, "p1", 2)), column(due, "statement"));
        assertEquals("2026年度", due.getFirst().get("asWritten"));
        assertEquals(paragraph(OLD, 1), due.getFirst().get("measure"));
        assertEquals(List.of(), run("33-commitments-due-in-a-fiscal-year"), "nothing due in the seed's year");

        List<Map<String, String>> achieved = run("34-achievements-of-a-ministry");
        assertEquals(statement(OLD, "p2", 1), achieved.getFirst().get("statement"));
        assertEquals("2024年度", achieved.getFirst().get("when"));
        assertEquals("false", achieved.getFirst().get("led"), "the Ministry of Education is tagged, not leading");

        List<Map<String, String>> amed = run("35-commitments-about-an-initiative");
        assertEquals(List.of(statement(OLD, "p1", 1), statement(OLD, "p1", 2)), column(amed, "statement"));
        assertEquals(List.of("true", "true"), column(amed, "inSentence"));
        List<Map<String, String>> ndb = run("35-commitments-about-an-initiative", "initiative",
                Iris.initiative("ndb"));
        assertEquals(List.of(statement(OLD, "p4", 1)), column(ndb, "statement"));

        List<Map<String, String>> perBlock = run("36-commitments-per-measure");
        assertEquals("0", perBlock.getFirst().get("commitments"), "blocks without commitments first");
        assertEquals("0", rowWith(perBlock, "measure", paragraph(OLD, 7)).get("commitments"));
        assertEquals("2", rowWith(perBlock, "measure", paragraph(OLD, 1)).get("commitments"));
        assertEquals("1", rowWith(perBlock, "measure", paragraph(OLD, 6)).get("continuingCommitments"));

        List<String> undated = column(run("37-commitments-without-dates"), "statement");
        assertTrue(undated.contains(statement(OLD, "p6", 2)), undated.toString());
        assertFalse(undated.contains(statement(OLD, "p1", 2)), "due in 2026");
        assertFalse(undated.contains(statement(OLD, "p4", 1)), "starts in 2025");
    }

    @Test
    void theNextEditionReportsDoneWhatAParagraphPromised() {
        List<Map<String, String>> rows = run("38-commitments-reported-done-in-the-next-edition");
        Map<String, String> data = rowWith(rows, "commitment", statement(OLD, "p1", 2));
        assertEquals("2026", data.get("dueBy"));
        assertEquals(paragraph(NEW, 1), data.get("after"));
        assertTrue(data.get("reportedDone").contains("2025年度に、AMEDの研究データを利活用する仕組みを整備した。"),
                data.get("reportedDone"));
        List<String> commitments = column(rows, "commitment");
        assertFalse(commitments.contains(statement(OLD, "p5", 1)), "its paragraph was dropped");
        assertFalse(commitments.contains(statement(OLD, "1", 1)), "the bullet is still only promised");
        assertTrue(commitments.stream().noneMatch(c -> c.contains("/" + NEW + "/")), "the newest edition has no next");
    }
}
