package org.hmskg.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.hmskg.extract.Extractor;
import org.hmskg.extract.Facts;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.ReferenceData;
import org.hmskg.extract.statement.FigureAsOf;
import org.hmskg.extract.statement.StatementFact;
import org.hmskg.extract.statement.StatementReader;
import org.hmskg.parse.MeasureRecord;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SeedParser;
import org.hmskg.validate.Outcome;
import org.hmskg.validate.Validator;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.RDF;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatementMapperTest {
    private static final ReferenceData REF = ReferenceData.load();
    private static final Extractor EXTRACTOR = new Extractor(REF);
    private static final Node MHLW = Iris.ministry("mhlw");
    private static final Node METI = Iris.ministry("meti");

    static Graph map(StatementMapper.Block block, String text) {
        DocumentMapper.Writer w = new DocumentMapper.Writer();
        StatementMapper.map(w, block, StatementReader.read(text, EXTRACTOR.extract(text)));
        return w.graph();
    }

    static Graph turtle(String ttl) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString("""
                @base <https://w3id.org/hmskg/id/> .
                @prefix hms: <https://w3id.org/hmskg/def#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                """ + ttl, Lang.TURTLE).parse(g);
        return g;
    }

    @Nested
    class AMeasuresStatements {
        @Test
        void areWrittenWithKindSpanBlockMinistriesAndTimes() {
            String text = "2022年 3月に 50社を選定した。引き続き、2023年度末を目処に評価を行い、2024年度から公表する。";
            Graph g = map(StatementMapper.Block.measure("doc", 3, List.of(MHLW, METI), List.of(METI)), text);
            Graph expected = turtle("""
                    <statement/doc/3/1> a hms:Statement , hms:Achievement ;
                        rdfs:label "施策 3・文 1：2022年 3月に 50社を選定した。"@ja ;
                        hms:text "2022年 3月に 50社を選定した。" ; hms:start 0 ; hms:end 19 ; hms:ordinal 1 ;
                        hms:inBlock <measure/doc/3> ; hms:inMeasure <measure/doc/3> ;
                        hms:ministry <ministry/mhlw> , <ministry/meti> ; hms:leadMinistry <ministry/meti> ;
                        hms:date "2022-03"^^xsd:gYearMonth .
                    <statement/doc/3/2> a hms:Statement , hms:Commitment ;
                        rdfs:label "施策 3・文 2：引き続き、2023年度末を目処に評価を行い、2024年度から公表する。"@ja ;
                        hms:text "引き続き、2023年度末を目処に評価を行い、2024年度から公表する。" ;
                        hms:start 19 ; hms:end 54 ; hms:ordinal 2 ;
                        hms:inBlock <measure/doc/3> ; hms:inMeasure <measure/doc/3> ;
                        hms:ministry <ministry/mhlw> , <ministry/meti> ; hms:leadMinistry <ministry/meti> ;
                        hms:continues true ;
                        hms:dueFiscalYear "2023"^^xsd:gYear ; hms:startFiscalYear "2024"^^xsd:gYear .
                    <mention/doc/3/0-8> a hms:Mention , hms:TimeExpression , hms:OccurrenceTime ;
                        hms:inMeasure <measure/doc/3> ; hms:inBlock <measure/doc/3> ; hms:surface "2022年 3月" ; hms:start 0 ; hms:end 8 ;
                        hms:value "2022-03"^^xsd:gYearMonth ; hms:inStatement <statement/doc/3/1> .
                    <mention/doc/3/24-30> a hms:Mention , hms:TimeExpression , hms:DueTime ;
                        hms:inMeasure <measure/doc/3> ; hms:inBlock <measure/doc/3> ; hms:surface "2023年度" ; hms:start 24 ; hms:end 30 ;
                        hms:value "2023"^^xsd:gYear ; hms:inStatement <statement/doc/3/2> ; hms:timeNote "末" .
                    <mention/doc/3/41-47> a hms:Mention , hms:TimeExpression , hms:StartTime ;
                        hms:inMeasure <measure/doc/3> ; hms:inBlock <measure/doc/3> ; hms:surface "2024年度" ; hms:start 41 ; hms:end 47 ;
                        hms:value "2024"^^xsd:gYear ; hms:inStatement <statement/doc/3/2> .
                    <quantity/doc/3/1> hms:asOf "2022-03"^^xsd:gYearMonth .
                    """);
            assertTrue(IsoMatcher.isomorphic(expected, g), () -> difference(expected, g));
        }

        @Test
        void aFiscalYearDatesAFigureAsItsFiscalYear() {
            Graph g = map(StatementMapper.Block.measure("doc", 7, List.of(), List.of()), "2021年度に 4社に出資し、20件を支援した。");
            assertTrue(g.contains(Iris.quantity("doc", 7, 2), HMS.asOfFiscalYear, DocumentMapper.dateLiteral(
                    org.hmskg.parse.DateValue.ofYear(2021))), () -> dump(g));
            assertFalse(g.contains(Iris.quantity("doc", 7, 2), HMS.asOf, Node.ANY));
        }

        @Test
        void anUnclassifiedSentenceIsOnlyAStatement() {
            Graph g = map(StatementMapper.Block.measure("doc", 1, List.of(), List.of()), "関係機関との連携について");
            Node s = Iris.statement("doc", "1", 1);
            assertEquals(List.of(HMS.Statement), g.find(s, RDF.type, Node.ANY).mapWith(Triple::getObject).toList());
            assertFalse(g.contains(s, HMS.continues, Node.ANY));
        }

        @Test
        void onlyCommitmentsSayWhetherTheyContinue() {
            Graph g = map(StatementMapper.Block.measure("doc", 1, List.of(), List.of()),
                    "引き続き支援した。支援を推進する。");
            assertFalse(g.contains(Iris.statement("doc", "1", 1), HMS.continues, Node.ANY));
            assertTrue(g.contains(Iris.statement("doc", "1", 2), HMS.continues, DocumentMapper.bool(false)));
        }

        @Test
        void aLeadMustBeAMinistryOfTheBlock() {
            assertThrows(IllegalArgumentException.class,
                    () -> StatementMapper.Block.measure("doc", 1, List.of(MHLW), List.of(METI)));
        }
    }

    @Test
    void aParagraphsStatementsAreKeyedAndLinkedAsAParagraph() {
        Node paragraph = Iris.id("paragraph", "doc/4");
        Graph g = map(StatementMapper.Block.paragraph(paragraph, "doc", 4, List.of(), List.of()),
                "前文である。2022年度に公表する。");
        Node s = Iris.statement("doc", "p4", 2);
        assertTrue(g.contains(s, HMS.inParagraph, paragraph));
        assertTrue(g.contains(s, HMS.inBlock, paragraph));
        assertFalse(g.contains(s, HMS.inMeasure, Node.ANY));
        Node time = Iris.mention("doc", "p4", 6, 12);
        assertTrue(g.contains(time, HMS.inParagraph, paragraph), () -> dump(g));
        assertTrue(g.contains(time, HMS.inStatement, s));
        assertEquals("https://w3id.org/hmskg/id/statement/doc/p4/2", s.getURI());
    }

    private static String difference(Graph expected, Graph actual) {
        StringBuilder sb = new StringBuilder();
        actual.find().forEachRemaining(t -> {
            if (!expected.contains(t)) {
                sb.append("unexpected ").append(t).append('\n');
            }
        });
        expected.find().forEachRemaining(t -> {
            if (!actual.contains(t)) {
                sb.append("missing ").append(t).append('\n');
            }
        });
        return sb.toString();
    }

    private static String dump(Graph g) {
        java.io.StringWriter out = new java.io.StringWriter();
        RDFDataMgr.write(out, g, Lang.TURTLE);
        return out.toString();
    }
}
