package org.hmskg.serve;

import static org.hmskg.serve.Fixture.CHROME;
import static org.hmskg.serve.Fixture.CURL;
import static org.hmskg.serve.Fixture.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.hmskg.pipeline.Builder;
import org.hmskg.serve.data.RetiredIris;
import org.hmskg.store.DatasetVersion;
import org.hmskg.vocab.Iris;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * hms-kg among other open-government data: federated queries in both directions with a second, independent SPARQL
 * server that uses the same external IRIs; external links on entity pages; retired IRIs answered 410.
 */
class LinkedOpenDataTest {
    /**
     * The "other" dataset: e-Gov law IRIs with a promulgation date, Wikidata ministry IRIs with English labels. Made
     * up for the test in the shape another publisher would use; the IRIs are the ones hms-kg links to.
     */
    static final String OTHER_DATA = """
            @prefix eli:  <http://data.europa.eu/eli/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
            <https://laws.e-gov.go.jp/law/429AC0000000028> a eli:LegalResource ;
                eli:date_document "2017-05-12"^^xsd:date ;
                rdfs:label "医療分野の研究開発に資するための匿名加工医療情報及び仮名加工医療情報に関する法律"@ja .
            <https://laws.e-gov.go.jp/law/335AC0000000145> a eli:LegalResource ;
                eli:date_document "1960-08-10"^^xsd:date ;
                rdfs:label "医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律"@ja .
            <https://laws.e-gov.go.jp/law/211AC0000000070> a eli:LegalResource ;
                eli:date_document "1922-04-22"^^xsd:date ;
                rdfs:label "健康保険法"@ja .
            <http://www.wikidata.org/entity/Q1197264> rdfs:label "Ministry of Economy, Trade and Industry"@en .
            <http://www.wikidata.org/entity/Q1054379> rdfs:label "Ministry of Education, Culture, Sports, Science and Technology"@en .
            <http://www.wikidata.org/entity/Q1125558> rdfs:label "Ministry of the Environment"@en .
            """;
    static final String PREFIXES = """
            PREFIX hms: <https://w3id.org/hmskg/def#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX eli: <http://data.europa.eu/eli/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    static FusekiServer other;
    static HmsServer ours;
    static Fixture.Client otherHttp;
    static Fixture.Client http;
    static String otherEndpoint;
    static String ourEndpoint;

    @BeforeAll
    static void start() {
        DatasetGraph otherData = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(OTHER_DATA, Lang.TURTLE).parse(otherData);
        // The other publisher lets its queries call out (SERVICE), as a public endpoint such as Wikidata's does.
        otherData.getContext().set(ARQ.httpServiceAllowed, true);
        other = FusekiServer.create().port(0).add("/other", otherData, false).build().start();
        otherEndpoint = "http://localhost:" + other.getHttpPort() + "/other/sparql";
        otherHttp = new Fixture.Client(other.getHttpPort());

        Builder.Result seed = Builder.build(new Builder.Request(Path.of("seeds"), Optional.empty(), Instant.now()));
        DatasetVersion version = seed.version();
        ours = HmsServer.builder().port(0).dataset(() -> version).serviceAllowList(List.of(otherEndpoint)).build()
                .start();
        http = new Fixture.Client(ours.port());
        ourEndpoint = "http://localhost:" + ours.port() + "/sparql";
    }

    @AfterAll
    static void stop() {
        ours.stop();
        other.stop();
    }

    static List<Map<String, String>> rows(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try {
            JsonNode json = new ObjectMapper().readTree(response.body());
            return java.util.stream.StreamSupport.stream(json.at("/results/bindings").spliterator(), false)
                    .map(b -> {
                        Map<String, String> row = new HashMap<>();
                        b.fieldNames().forEachRemaining(f -> row.put(f, b.get(f).get("value").asText()));
                        return row;
                    }).toList();
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    @Nested
    class Federation {
        @Test
        void theOtherServerJoinsItsLawDatesWithOurMeasures() {
            String q = PREFIXES + """
                    SELECT ?law ?promulgated ?citation (COUNT(DISTINCT ?measure) AS ?measures) WHERE {
                      ?law eli:date_document ?promulgated .
                      SERVICE <%s> {
                        ?citation owl:sameAs ?law .
                        ?measure hms:mentions ?citation .
                      }
                    } GROUP BY ?law ?promulgated ?citation ORDER BY ?promulgated
                    """.formatted(ourEndpoint);
            var rows = rows(otherHttp.get("/other/sparql?query=" + encode(q), "Accept", "application/sparql-results+json"));
            // 薬機法 is named inside the title of the act amending it; 健康保険法 is not named at all.
            assertEquals(2, rows.size(), rows.toString());
            assertEquals("1960-08-10", rows.get(0).get("promulgated"));
            assertEquals(Iris.citation("yakki-ho").getURI(), rows.get(0).get("citation"));
            assertEquals("2017-05-12", rows.get(1).get("promulgated"));
            assertEquals(Iris.citation("jisedai-iryo-kiban-ho").getURI(), rows.get(1).get("citation"));
            assertTrue(Integer.parseInt(rows.get(1).get("measures")) >= 1);
        }

        @Test
        void weJoinOurLeadMinistriesWithTheOtherServersEnglishLabels() {
            String q = PREFIXES + """
                    SELECT ?ministry ?label (COUNT(DISTINCT ?measure) AS ?led) WHERE {
                      ?ministry owl:sameAs ?qid .
                      ?measure hms:leadMinistry ?ministry .
                      SERVICE <%s> { ?qid rdfs:label ?label }
                    } GROUP BY ?ministry ?label ORDER BY DESC(?led)
                    """.formatted(otherEndpoint);
            var rows = rows(http.query(q));
            Map<String, String> byMinistry = new HashMap<>();
            rows.forEach(r -> byMinistry.put(r.get("ministry"), r.get("label") + " " + r.get("led")));
            assertTrue(byMinistry.get(Iris.ministry("meti").getURI()).startsWith("Ministry of Economy, Trade and Industry "),
                    byMinistry.toString());
            assertTrue(byMinistry.containsKey(Iris.ministry("mext").getURI()), byMinistry.toString());
            assertFalse(byMinistry.containsKey(Iris.ministry("mhlw").getURI()),
                    "MHLW's QID is only seeAlso (not confirmed), so it does not join through owl:sameAs");
        }

        @Test
        void weStillRefuseEndpointsNotOnTheAllowList() {
            var r = http.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }");
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        }
    }

    @Nested
    class EntityPages {
        @Test
        void aMinistryPageShowsConfirmedAndUnconfirmedLinksApart() {
            String page = http.get("/id/ministry/mhlw", "Accept", CHROME).body();
            int section = page.indexOf("Elsewhere on the web");
            assertTrue(section > 0, page);
            String links = page.substring(section);
            int same = links.indexOf("Same thing");
            int also = links.indexOf("See also");
            assertTrue(same > 0 && also > same, links);
            assertTrue(links.substring(same, also).contains("http://hojin-info.go.jp/data/basic/6000012070001"));
            assertTrue(links.substring(also).contains("http://www.wikidata.org/entity/Q1191238"),
                    "an unconfirmed QID is listed under see also");
            assertTrue(links.substring(also).contains("https://www.mhlw.go.jp/"));
        }

        @Test
        void aLawPageShowsItsEgovLinkAndLawNumber() {
            String page = http.get("/id/citation/yakki-ho", "Accept", CHROME).body();
            assertTrue(page.contains("e-Gov 法令検索 (law ID 335AC0000000145)"), page);
            assertTrue(page.contains("href=\"https://laws.e-gov.go.jp/law/335AC0000000145\""), page);
            assertTrue(page.contains("昭和35年法律第145号"), page);
        }
    }

    @Nested
    class Retired {
        @Test
        void aRetiredIriIsGoneWithAReasonAndAPointer() {
            var r = http.get("/id/citation/cin", "Accept", CHROME);
            assertEquals(410, r.statusCode());
            assertTrue(r.body().contains("href=\"/id/initiative/cin\""), r.body());
            assertTrue(r.body().contains("policy initiative, not a document"), r.body());
        }

        @Test
        void dataClientsGetTheSentenceAndALinkHeader() {
            var r = http.get("/id/initiative/kenko-keiei-yuryo", "Accept", CURL);
            assertEquals(410, r.statusCode());
            assertTrue(r.body().contains("replaced by <https://w3id.org/hmskg/id/initiative/kenko-keiei-nintei>"), r.body());
            assertEquals(Optional.of("<https://w3id.org/hmskg/id/initiative/kenko-keiei-nintei>; rel=\"successor-version\""),
                    r.headers().firstValue("Link"));
        }

        @Test
        void everyRetiredIriIsAbsentAndItsReplacementPresent() {
            for (RetiredIris.Entry e : RetiredIris.load()) {
                String oldIri = Iris.BASE + e.path();
                assertEquals("false", ask("<" + oldIri + "> ?p ?o"), oldIri + " is retired but still in the data");
                if (!e.replacedBy().isEmpty()) {
                    assertEquals(200, http.get("/" + e.replacedBy(), "Accept", CURL).statusCode(), e.replacedBy());
                }
            }
        }

        @Test
        void anUnknownIriIsStillNotFound() {
            assertEquals(404, http.get("/id/citation/no-such-thing", "Accept", CURL).statusCode());
        }

        private String ask(String pattern) {
            var r = http.query("ASK { " + pattern + " }");
            try {
                return new ObjectMapper().readTree(r.body()).get("boolean").asText();
            } catch (IOException e) {
                throw new AssertionError(r.body(), e);
            }
        }
    }
}
