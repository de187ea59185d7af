package org.hmskg.serve;

import static org.hmskg.serve.Fixture.AMED;
import static org.hmskg.serve.Fixture.CHROME;
import static org.hmskg.serve.Fixture.CURL;
import static org.hmskg.serve.Fixture.FIREFOX;
import static org.hmskg.serve.Fixture.RDFLIB;
import static org.hmskg.serve.Fixture.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Rdf;
import org.hmskg.vocab.Vocab.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP contract, over real HTTP against one server on the fixture (timeout 2 s, body limit 64 KiB). */
class HmsServerTest {
    static final long BODY_LIMIT = 64 * 1024;
    static final long UNION_TRIPLES = 136;
    static final ObjectMapper JSON = new ObjectMapper();

    static HmsServer server;
    static Fixture.Client http;

    @BeforeAll
    static void start() {
        var v1 = Fixture.version("v1");
        server = HmsServer.builder()
                .port(0)
                .queryTimeout(Duration.ofSeconds(2))
                .maxBodyBytes(BODY_LIMIT)
                .dataset(() -> v1)
                .ontology(Fixture.ontology())
                .build()
                .start();
        http = new Fixture.Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    static DatasetGraph parseQuads(String body, Lang lang) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.fromString(body, lang).parse(dsg);
        return dsg;
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.body(), e);
        }
    }

    /** The values of one variable of a SPARQL JSON result, in order. */
    static List<String> column(JsonNode results, String var) {
        List<String> values = new ArrayList<>();
        results.at("/results/bindings").forEach(b -> values.add(b.at("/" + var + "/value").asText()));
        return values;
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    static long count(String where) {
        var r = http.query("SELECT (COUNT(*) AS ?n) WHERE { " + where + " }");
        assertEquals(200, r.statusCode(), r.body());
        return json(r).at("/results/bindings/0/n/value").asLong();
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static void assertSecurityHeaders(HttpResponse<?> r) {
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                r.uri() + " has no CSP");
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), r.uri().toString());
        assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), r.uri() + " has no Referrer-Policy");
    }

    @Nested
    class SparqlProtocol {
        static final String SELECT = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                + "SELECT ?label WHERE { <" + AMED + "> skos:altLabel ?label }";
        static final String CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { BIND(<" + AMED + "> AS ?s) ?s ?p ?o }";

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "application/sparql-results+json | application/sparql-results+json | \"AMED\"",
            "application/sparql-results+xml | application/sparql-results+xml | >AMED</literal>",
            "text/csv | text/csv | AMED",
            "text/tab-separated-values | text/tab-separated-values | \"AMED\"",
        })
        void selectInEveryResultFormat(String accept, String type, String expected) {
            var r = http.get("/sparql?query=" + encode(SELECT), "Accept", accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(contentType(r).startsWith(type), contentType(r));
            assertTrue(r.body().contains(expected), r.body());
        }

        @Test
        void postFormAndPostQueryBody() {
            var form = http.post("/sparql", "application/x-www-form-urlencoded", "query=" + encode(SELECT),
                    "Accept", "application/sparql-results+json");
            assertEquals(200, form.statusCode(), form.body());
            assertEquals("AMED", json(form).at("/results/bindings/0/label/value").asText());
            var body = http.post("/sparql", "application/sparql-query", SELECT,
                    "Accept", "application/sparql-results+json");
            assertEquals(200, body.statusCode(), body.body());
            assertEquals("AMED", json(body).at("/results/bindings/0/label/value").asText());
        }

        @Test
        void ask() {
            var r = http.query("ASK { <" + AMED + "> ?p ?o }");
            assertEquals(200, r.statusCode());
            assertTrue(json(r).get("boolean").asBoolean());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "text/turtle | TURTLE",
            "application/n-triples | NTRIPLES",
            "application/ld+json | JSONLD",
            "application/rdf+xml | RDFXML",
        })
        void constructInEveryGraphFormat(String accept, String lang) {
            var r = http.get("/sparql?query=" + encode(CONSTRUCT), "Accept", accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(contentType(r).startsWith(accept), contentType(r));
            Graph g = parse(r.body(), langOf(lang));
            assertTrue(g.contains(uri(AMED), SKOS.altLabel, NodeFactory.createLiteralString("AMED")), r.body());
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/trig", "application/n-quads"})
        void constructAsQuads(String accept) {
            var r = http.get("/sparql?query=" + encode(CONSTRUCT), "Accept", accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(contentType(r).startsWith(accept), contentType(r));
            DatasetGraph d = parseQuads(r.body(), accept.endsWith("trig") ? Lang.TRIG : Lang.NQUADS);
            assertTrue(d.getDefaultGraph().contains(uri(AMED), SKOS.altLabel, Node.ANY));
        }

        private static Lang langOf(String name) {
            return switch (name) {
                case "TURTLE" -> Lang.TURTLE;
                case "NTRIPLES" -> Lang.NTRIPLES;
                case "JSONLD" -> Lang.JSONLD;
                default -> Lang.RDFXML;
            };
        }

        @Test
        void defaultGraphIsTheUnionAndGraphStillWorks() {
            assertEquals(UNION_TRIPLES, count("?s ?p ?o"));
            // a document-graph measure joined with a reference-graph label without naming graphs
            assertEquals(1, count("?m <https://w3id.org/hmskg/def#leadMinistry> ?x . "
                    + "?x <http://www.w3.org/2004/02/skos/core#prefLabel> \"文部科学省\"@ja"));
            var graphs = http.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
            List<String> names = column(json(graphs), "g");
            assertEquals(List.of(Fixture.BASE + "graph/links", Fixture.BASE + "graph/reference",
                    Fixture.BASE + "graph/test-doc"), names);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/kg/sparql", "/kg/query", "/kg"})
        void fusekiServiceNames(String path) {
            var r = http.get(path + "?query=" + encode(SELECT), "Accept", "application/sparql-results+json");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("AMED", json(r).at("/results/bindings/0/label/value").asText());
        }

        @Test
        void graphStoreRead() {
            var named = http.get("/kg/get?graph=" + encode(Fixture.BASE + "graph/reference"), "Accept", "text/turtle");
            assertEquals(200, named.statusCode(), named.body());
            assertTrue(parse(named.body(), Lang.TURTLE).contains(uri(AMED), SKOS.altLabel, Node.ANY));
            var dflt = http.get("/kg/get?default", "Accept", "application/n-triples");
            assertEquals(200, dflt.statusCode(), dflt.body());
            assertEquals(UNION_TRIPLES, parse(dflt.body(), Lang.NTRIPLES).size());
        }

        @ParameterizedTest
        @ValueSource(strings = {CURL, RDFLIB, "text/turtle"})
        void serviceDescriptionWithoutAQuery(String accept) {
            var r = http.get("/sparql", "Accept", accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
            Graph sd = parse(r.body(), Lang.TURTLE);
            Node sdNs = uri(Prefixes.SD + "endpoint");
            assertTrue(sd.contains(Node.ANY, sdNs, uri(http.uri("/sparql").toString())), r.body());
            assertTrue(sd.contains(Node.ANY, uri(Prefixes.SD + "feature"), uri(Prefixes.SD + "UnionDefaultGraph")));
        }

        @Test
        void serviceDescriptionForBrowsers() {
            var r = http.get("/sparql", "Accept", CHROME);
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("sd:Service"), r.body());
            assertSecurityHeaders(r);
        }

        @Test
        void badQueryIsA400WithTheParserMessage() {
            var r = http.query("SELECT WHERE {");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("Parse error") || r.body().contains("Encountered"), r.body());
        }

        @Test
        void exampleQueriesRunAndAnswer() {
            QueryLibrary examples = QueryLibrary.standard();
            assertTrue(examples.entries().size() >= 25);
            for (QueryLibrary.Entry ex : examples.entries()) {
                assertFalse(ex.title().isBlank() || ex.titleJa().isBlank() || ex.description().isBlank(), ex.name());
                assertEquals(200, http.query(ex.text()).statusCode(), ex.name());
            }
            JsonNode amed = json(http.query(examples.byName("05-measures-naming-amed").orElseThrow().text()));
            assertTrue(column(amed, "measure").contains(Fixture.BASE + "id/measure/test-doc/1"), amed.toString());
            JsonNode counts = json(http.query(examples.byName("27-counts-per-class").orElseThrow().text()));
            assertEquals("https://w3id.org/hmskg/def#Mention", counts.at("/results/bindings/0/class/value").asText());
            assertEquals(6, counts.at("/results/bindings/0/instances/value").asInt());
            JsonNode lead = json(http.query(examples.byName("04-ministry-lead-counts").orElseThrow().text()));
            assertEquals(2, lead.at("/results/bindings").size(), lead.toString());
            assertTrue(column(lead, "nameEn").contains("Ministry of Education, Culture, Sports, Science and Technology"),
                    lead.toString());
        }
    }

    @Nested
    class ReadOnly {
        static final String INSERT = "INSERT DATA { <urn:x:s> <urn:x:p> \"changed\" }";

        @Test
        void updatesAreRefusedWithASentenceAndChangeNothing() {
            List<HttpResponse<String>> attempts = List.of(
                    http.post("/sparql", "application/sparql-update", INSERT),
                    http.post("/sparql", "application/x-www-form-urlencoded", "update=" + encode(INSERT)),
                    http.post("/kg", "application/sparql-update", INSERT),
                    http.post("/kg/update", "application/sparql-update", INSERT),
                    http.post("/kg/update", "application/x-www-form-urlencoded", "update=" + encode(INSERT)),
                    http.get("/sparql?update=" + encode(INSERT)),
                    http.post("/kg", "text/turtle", "<urn:x:s> <urn:x:p> \"changed\" ."),
                    http.post("/kg/data", "text/turtle", "<urn:x:s> <urn:x:p> \"changed\" ."),
                    http.send(HttpRequest.newBuilder(http.uri("/kg?default")).header("Content-Type", "text/turtle")
                            .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> \"changed\" ."))
                            .build()),
                    http.send(HttpRequest.newBuilder(http.uri("/kg?default")).DELETE().build()));
            for (var r : attempts) {
                int status = r.statusCode();
                assertTrue(status >= 400 && status < 500, r.request().method() + " " + r.uri() + " → " + status);
                assertTrue(r.body().contains("read-only"), r.uri() + ": " + r.body());
            }
            assertEquals(UNION_TRIPLES, count("?s ?p ?o"));
            assertEquals(0, count("?s ?p \"changed\""));
        }

        @Test
        void noAdminEndpoints() {
            for (String path : List.of("/$/datasets", "/$/server", "/$/backup/kg", "/$/compact/kg")) {
                int status = http.get(path).statusCode();
                assertTrue(status == 404 || status == 405, path + " → " + status);
            }
        }
    }

    @Nested
    class Limits {
        @Test
        void aLongQueryIsStoppedByTheTimeoutAndTheServerKeepsAnswering() {
            String cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
            var r = http.query(cross);
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().toLowerCase().contains("timed out"), r.body());
            assertEquals(UNION_TRIPLES, count("?s ?p ?o"));
            String metrics = http.get("/$/metrics").body();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("hmskg_sparql_timeouts_total")
                    && !l.endsWith(" 0.0")), metrics);
        }

        @Test
        void aBodyOverTheLimitIs413() {
            String big = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat((int) BODY_LIMIT);
            var r = http.post("/sparql", "application/sparql-query", big);
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(r.body().contains(Long.toString(BODY_LIMIT)), r.body());
            var form = http.post("/sparql", "application/x-www-form-urlencoded", "query=" + encode(big));
            assertEquals(413, form.statusCode());
            // A body of unknown length is measured as it arrives: over the limit, the same 413.
            var chunked = http.send(HttpRequest.newBuilder(http.uri("/sparql"))
                    .header("Content-Type", "application/sparql-query")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                    .build());
            assertEquals(413, chunked.statusCode(), chunked.body());
            assertTrue(chunked.body().contains(Long.toString(BODY_LIMIT)), chunked.body());
        }

        @Test
        void serviceIsRefusedByDefault() {
            var r = http.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }");
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().contains("SERVICE"), r.body());
        }

        @Test
        void corsForAnyOriginWithoutCredentials() {
            // Fuseki's CORS filter names the origin it allows (any), and says the answer varies with it
            var get = http.get("/sparql?query=" + encode("ASK {}"), "Origin", "https://example.org");
            assertEquals("https://example.org", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(get.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), get.headers().toString());
            assertTrue(get.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
            var preflight = http.send(HttpRequest.newBuilder(http.uri("/sparql"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://example.org")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type")
                    .build());
            assertTrue(preflight.statusCode() < 300, "preflight → " + preflight.statusCode());
            assertEquals("https://example.org", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            String methods = preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("");
            assertTrue(methods.contains("GET") && methods.contains("POST"), methods);
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
            var page = http.get("/id/initiative/amed", "Origin", "https://example.org", "Accept", "text/turtle");
            assertEquals("https://example.org", page.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/id/initiative/amed", "/id/nothing/here", "/search?q=AMED", "/def", "/ui/",
            "/download/", "/.well-known/void", "/sparql", "/graph/reference"})
        void securityHeadersOnEveryHtmlPage(String path) {
            var r = http.get(path, "Accept", FIREFOX);
            assertTrue(contentType(r).startsWith("text/html"), path + " → " + contentType(r));
            assertSecurityHeaders(r);
        }
    }

    @Nested
    class LinkedData {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "chrome | text/html",
            "firefox | text/html",
            "curl | text/turtle",
            "rdflib | text/turtle",
            "text/turtle | text/turtle",
            "application/ld+json | application/ld+json",
            "application/n-triples | application/n-triples",
            "application/rdf+xml | application/rdf+xml",
        })
        void negotiatesWithRealAcceptHeaders(String client, String type) {
            String accept = switch (client) {
                case "chrome" -> CHROME;
                case "firefox" -> FIREFOX;
                case "curl" -> CURL;
                case "rdflib" -> RDFLIB;
                default -> client;
            };
            var r = http.get("/id/initiative/amed", "Accept", accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(contentType(r).startsWith(type), client + " → " + contentType(r));
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
            if (!type.equals("text/html")) {
                Lang lang = RDFLanguages.contentTypeToLang(type);
                Graph g = parse(r.body(), lang);
                assertTrue(g.contains(uri(AMED), SKOS.prefLabel,
                        NodeFactory.createLiteralLang("日本医療研究開発機構", "ja")), r.body());
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "ttl | text/turtle",
            "jsonld | application/ld+json",
            "nt | application/n-triples",
            "rdf | application/rdf+xml",
            "html | text/html",
        })
        void formatParameterOverridesAccept(String format, String type) {
            var r = http.get("/id/initiative/amed?format=" + format, "Accept",
                    type.equals("text/html") ? "text/turtle" : CHROME);
            assertEquals(200, r.statusCode());
            assertTrue(contentType(r).startsWith(type), format + " → " + contentType(r));
        }

        @Test
        void unknownFormatIs400ListingTheValues() {
            var r = http.get("/id/initiative/amed?format=xml");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("ttl|jsonld|nt|rdf|html"), r.body());
        }

        @Test
        void unsatisfiableAcceptIs406() {
            var r = http.get("/id/initiative/amed", "Accept", "image/png");
            assertEquals(406, r.statusCode());
            assertTrue(r.body().contains("text/turtle"), r.body());
        }

        @ParameterizedTest
        @ValueSource(strings = {"/id/initiative/nothing", "/id/ministry/", "/id/initiative/amed/", "/id/x",
            "/graph/nothing"})
        void unknownThingsAre404(String path) {
            var r = http.get(path, "Accept", "text/turtle");
            assertEquals(404, r.statusCode(), path);
        }

        @Test
        void dataKeepsCanonicalIrisWhateverHostWasAsked() {
            var r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/id/initiative/amed?format=nt")).build());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("<" + AMED + ">"), r.body());
            assertFalse(r.body().contains("127.0.0.1"), r.body());
        }

        @Test
        void describesWithIncomingLinks() {
            Graph g = parse(http.get("/id/initiative/amed", "Accept", "text/turtle").body(), Lang.TURTLE);
            assertTrue(g.contains(uri(Fixture.BASE + "id/measure/test-doc/1"),
                    uri("https://w3id.org/hmskg/def#mentions"), uri(AMED)));
        }

        @Test
        void htmlPageShowsLabelsTypesPropertiesAndIncomingLinks() {
            String page = http.get("/id/initiative/amed", "Accept", CHROME).body();
            assertTrue(page.contains("<h1><span lang=\"ja\">日本医療研究開発機構</span></h1>"), page);
            assertTrue(page.contains("Japan Agency for Medical Research and Development"));
            assertTrue(page.contains("href=\"/def#Organisation\""), "type linked to its documentation");
            assertTrue(page.contains(">Organisation</a> <span lang=\"ja\">組織</span>"), "type label from the ontology");
            assertTrue(page.contains("<a href=\"/id/ministry/mext\"><span lang=\"ja\">文部科学省</span></a>"),
                    "links to local pages with labels");
            assertTrue(page.contains(">mentions</a> <span lang=\"ja\">言及</span> <span class=\"count\">(2)</span>"),
                    "incoming links grouped by property with counts");
            assertTrue(page.contains("href=\"/id/measure/test-doc/1\""));
            assertTrue(page.contains("href=\"/id/initiative/amed?format=ttl\""), "links to the raw formats");
            assertFalse(page.contains("w3id.org/hmskg/id/measure"), "links go to local pages");
        }

        @Test
        void measurePageMarksMentionsByCodePointOffsets() {
            String page = http.get("/id/measure/test-doc/2", "Accept", FIREFOX).body();
            assertTrue(page.contains("𠮟咤激励を受け、<mark title=\"日本医療研究開発機構\"><a href=\"/id/initiative/amed\">"
                    + "日本医療研究開発機構</a></mark>は<mark title=\"2022\">2022年度</mark>に<mark "), page);
            assertTrue(page.contains("329億円</a></mark>を配分した。</blockquote>"), page);
            assertTrue(page.contains("Document: <a href=\"/id/document/test-doc\">テスト健康・医療戦略2022（案）</a>"
                    + " · pages 1–2 · lines 21–23"), page);
            assertTrue(page.contains(">lead ministry</a> <span lang=\"ja\">主担当府省庁</span>"),
                    "property label from the ontology");
        }

        @Test
        void everyLabelAndTextIsEscaped() {
            String initiative = http.get("/id/initiative/x-0123456789ab", "Accept", CHROME).body();
            assertTrue(initiative.contains("&lt;script&gt;alert(1)&lt;/script&gt;推進事業"), initiative);
            assertFalse(initiative.contains("<script>alert(1)"), initiative);
            String measure = http.get("/id/measure/test-doc/3", "Accept", CHROME).body();
            assertTrue(measure.contains("<mark title=\"&lt;script&gt;alert(1)&lt;/script&gt;推進事業\">"
                    + "<a href=\"/id/initiative/x-0123456789ab\">&lt;script&gt;alert(1)&lt;/script&gt;推進事業</a>"
                    + "</mark>"), measure);
            assertFalse(measure.contains("<script>alert(1)"), measure);
            String ministry = http.get("/id/ministry/mhlw", "Accept", CHROME).body();
            assertFalse(ministry.contains("<script>alert(1)"), ministry);
        }

        @Test
        void namedGraphsResolve() {
            var data = http.get("/graph/reference", "Accept", "application/n-triples");
            assertEquals(200, data.statusCode());
            assertEquals(26, parse(data.body(), Lang.NTRIPLES).size());
            var page = http.get("/graph/reference", "Accept", CHROME);
            assertTrue(page.body().contains("26 triples"), page.body());
        }
    }

    @Nested
    class OntologyDocs {
        @Test
        void htmlWithAnAnchorPerTerm() {
            var r = http.get("/def", "Accept", CHROME);
            assertEquals(200, r.statusCode());
            for (String term : List.of("Measure", "Initiative", "Organisation", "Ministry", "inSection", "mentions",
                    "ministry", "leadMinistry", "text")) {
                assertTrue(r.body().contains("id=\"" + term + "\""), term);
            }
            assertTrue(r.body().contains("hms:leadMinistry — lead ministry <span lang=\"ja\">主担当府省庁</span>"));
            assertTrue(r.body().contains("A body named by a tag code &lt;b&gt;(escaped)&lt;/b&gt;."), "escaped");
        }

        @Test
        void turtleAndJsonLd() {
            var ttl = http.get("/def", "Accept", CURL);
            assertTrue(contentType(ttl).startsWith("text/turtle"));
            assertTrue(IsoMatcher.isomorphic(Fixture.ontology(), parse(ttl.body(), Lang.TURTLE)));
            var jsonld = http.get("/def", "Accept", "application/ld+json");
            assertTrue(contentType(jsonld).startsWith("application/ld+json"));
            assertTrue(IsoMatcher.isomorphic(Fixture.ontology(), parse(jsonld.body(), Lang.JSONLD)));
        }
    }

    @Nested
    class Search {
        private JsonNode search(String q) {
            var r = http.get("/search?q=" + encode(q), "Accept", "application/json");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(contentType(r).startsWith("application/json"));
            return json(r).get("results");
        }

        @Test
        void labelHitsRankBeforeTextHits() {
            JsonNode results = search("AMED");
            assertEquals(AMED, results.get(0).get("iri").asText());
            assertEquals("label", results.get(0).get("match").asText());
            assertTrue(results.get(0).get("exact").asBoolean());
            assertEquals("/id/initiative/amed", results.get(0).get("page").asText());
            assertEquals(Fixture.BASE + "id/measure/test-doc/1", results.get(1).get("iri").asText());
            assertEquals("text", results.get(1).get("match").asText());
        }

        @Test
        void exactBeforePartialAndJapaneseWorks() {
            JsonNode results = search("日本医療研究開発機構");
            assertEquals(AMED, results.get(0).get("iri").asText());
            assertEquals(Fixture.BASE + "id/measure/test-doc/2", results.get(1).get("iri").asText());
            JsonNode partial = search("健康・医療戦略");
            assertEquals(Fixture.BASE + "id/citation/x-3f9a0c21b7d4", partial.get(0).get("iri").asText(),
                    "the exact title first");
            assertEquals("initiative", partial.get(1).get("type").asText(), "then 健康・医療戦略推進本部, a partial label");
        }

        @Test
        void fullWidthAndCaseFoldTogether() {
            assertEquals(AMED, search("ａｍｅｄ").get(0).get("iri").asText());
            assertEquals(Fixture.BASE + "id/ministry/mhlw",
                    search("ministry of health").get(0).get("iri").asText());
        }

        @Test
        void findsEveryKindOfThing() {
            assertEquals("section", search("研究開発の推進").get(0).get("type").asText());
            assertEquals("citation", search("健康・医療戦略").get(0).get("type").asText());
            assertEquals("ministry", search("厚生労働省").get(0).get("type").asText());
            assertEquals("measure", search("329億円").get(0).get("type").asText());
            assertEquals(0, search("nothing like this").size());
        }

        @Test
        void htmlResultsAreEscaped() {
            var r = http.get("/search?q=" + encode("<script>"), "Accept", CHROME);
            assertEquals(200, r.statusCode());
            assertTrue(contentType(r).startsWith("text/html"));
            assertTrue(r.body().contains("href=\"/id/initiative/x-0123456789ab\""), r.body());
            assertTrue(r.body().contains("value=\"&lt;script&gt;\""), r.body());
            assertFalse(r.body().contains("<script>"), r.body());
        }

        @Test
        void badLimitIs400() {
            assertEquals(400, http.get("/search?q=a&limit=0").statusCode());
        }
    }

    @Nested
    class Pages {
        @Test
        void landingPage() {
            var r = http.get("/", "Accept", CHROME);
            assertEquals(200, r.statusCode());
            String page = r.body();
            assertTrue(page.contains("136 triples in 3 named graphs"), "counts");
            assertTrue(page.contains(">Measure</a> <small>hms:Measure</small></td><td class=\"num\">3</td>"), page);
            assertTrue(page.contains("Version <code>v1</code>, built 2026-11-26T05:00:00Z"), "freshness");
            assertTrue(page.contains("5f2b1c0d7e9a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c"), "checksums");
            assertTrue(page.contains("action=\"/search\""), "search box");
            assertTrue(page.contains(">Everything about AMED: the measures naming it</a>"), "example queries");
            for (String link : List.of("/ui/", "/.well-known/void", "/download/", "/def", "/sparql")) {
                assertTrue(page.contains("href=\"" + link + "\""), link);
            }
            assertTrue(page.contains("How to cite"));
            assertTrue(page.contains("公共データ利用規約") && page.contains("政府標準利用規約")
                    && page.contains("CC BY 4.0"), "licence and credit");
        }

        @Test
        void queryEditorIsOfflineWithTheGalleryAndLimits() {
            var r = http.get("/ui/", "Accept", CHROME);
            assertEquals(200, r.statusCode());
            String page = r.body();
            assertTrue(page.contains("<script src=\"/assets/yasgui.min.js\"></script>"));
            assertFalse(page.matches("(?s).*(src=\"|<link[^>]*href=\")(https?:)?//.*"), "nothing from another host");
            assertTrue(page.contains("data-endpoint=\"/sparql\""));
            assertTrue(page.contains("class=\"example\"") && page.contains(">Measures per ministry, led and tagged</a>"));
            assertTrue(page.contains("Queries are stopped after 2 s") && page.contains(BODY_LIMIT + " bytes")
                    && page.contains("SERVICE (federated query) is disabled"), "limits documented");
            var js = http.get("/assets/yasgui.min.js");
            assertEquals(200, js.statusCode());
            assertTrue(contentType(js).startsWith("text/javascript"));
            assertTrue(js.body().length() > 500_000);
            assertEquals(200, http.get("/assets/ui.js").statusCode());
            assertEquals(200, http.get("/assets/yasgui.min.css").statusCode());
            assertEquals(404, http.get("/assets/yasgui.min.js.map").statusCode());
            int traversal = http.get("/assets/..%2F..%2FHmsServer.class").statusCode();
            assertTrue(traversal == 400 || traversal == 404, "traversal → " + traversal);
            var bare = http.get("/ui?query=ASK%7B%7D");
            assertEquals(302, bare.statusCode());
            URI location = URI.create(bare.headers().firstValue("Location").orElseThrow());
            assertEquals("/ui/?query=ASK%7B%7D", location.getRawPath() + "?" + location.getRawQuery());
        }

        @Test
        void voidInTurtleJsonLdAndHtml() {
            var ttl = http.get("/.well-known/void", "Accept", CURL);
            assertEquals(200, ttl.statusCode());
            Graph g = parse(ttl.body(), Lang.TURTLE);
            Node dataset = uri(Fixture.BASE);
            Node triples = uri(Prefixes.VOID + "triples");
            assertTrue(g.contains(dataset, triples, Rdf.integer(UNION_TRIPLES)));
            assertEquals(3, g.find(dataset, uri(Prefixes.VOID + "subset"), Node.ANY).toList().size());
            assertTrue(g.contains(uri(Fixture.BASE + "graph/test-doc"), triples, Rdf.integer(105)));
            assertTrue(g.contains(dataset, uri(Prefixes.VOID + "sparqlEndpoint"), uri(http.uri("/sparql").toString())));
            assertTrue(g.contains(dataset, uri(Prefixes.VOID + "dataDump"),
                    uri(http.uri("/download/hmskg.nq.gz").toString())));
            for (String p : List.of("license", "source", "modified", "rights")) {
                assertTrue(g.contains(dataset, uri("http://purl.org/dc/terms/" + p), Node.ANY), p);
            }
            var jsonld = http.get("/.well-known/void", "Accept", "application/ld+json");
            assertTrue(IsoMatcher.isomorphic(g, parse(jsonld.body(), Lang.JSONLD)));
            var html = http.get("/.well-known/void", "Accept", CHROME);
            assertTrue(contentType(html).startsWith("text/html"));
            assertTrue(html.body().contains("void:triples"));
        }

        @Test
        void downloadsWithChecksumsAndManifest() throws Exception {
            var index = http.get("/download/", "Accept", CHROME);
            assertEquals(200, index.statusCode());
            for (String f : List.of("hmskg.nq.gz", "hmskg.trig.gz", "SHA256SUMS", "manifest.json")) {
                assertTrue(index.body().contains("href=\"" + f + "\""), f);
            }
            byte[] nq = http.bytes("/download/hmskg.nq.gz").body();
            byte[] trig = http.bytes("/download/hmskg.trig.gz").body();
            DatasetGraph fromNq = parseQuads(gunzip(nq), Lang.NQUADS);
            DatasetGraph fromTrig = parseQuads(gunzip(trig), Lang.TRIG);
            DatasetGraph stored = Fixture.load("/serve/fixture.trig");
            assertTrue(IsoMatcher.isomorphic(stored, fromNq));
            assertTrue(IsoMatcher.isomorphic(stored, fromTrig));
            assertTrue(fromNq.getDefaultGraph().isEmpty(), "the dumps hold the named graphs as stored");

            String sums = http.get("/download/SHA256SUMS").body();
            assertTrue(sums.contains(sha256(nq) + "  hmskg.nq.gz\n"), sums);
            assertTrue(sums.contains(sha256(trig) + "  hmskg.trig.gz\n"), sums);
            JsonNode manifest = json(http.get("/download/manifest.json"));
            assertEquals("v1", manifest.get("version").asText());
            assertEquals("2026-11-26T05:00:00Z", manifest.get("builtAt").asText());
            assertEquals(nq.length, manifest.at("/files/0/size").asLong());
            assertEquals(sha256(nq), manifest.at("/files/0/sha256").asText());
            assertTrue(manifest.at("/sources/test-doc.txt").isTextual());
            assertTrue(sums.contains(sha256(http.bytes("/download/manifest.json").body()) + "  manifest.json"));

            for (String path : List.of("/download/hmskg.nq", "/download/../pom.xml", "/download/%2e%2e/pom.xml",
                    "/download/..%2Fpom.xml", "/download/v1/hmskg.nq.gz")) {
                int status = http.get(path).statusCode();
                assertTrue(status == 404 || status == 400, path + " → " + status);
            }
        }

        private static String gunzip(byte[] gz) throws IOException {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static String sha256(byte[] bytes) throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }

    @Nested
    class W3id {
        /** The redirect rules of docs/w3id/.htaccess, applied to a path below /hmskg/. */
        private static String redirect(List<String> rules, String host, String path) {
            for (String rule : rules) {
                String[] parts = rule.trim().split("\\s+");
                var m = Pattern.compile(parts[1]).matcher(path);
                if (parts[2].startsWith("https://") && m.find()) {
                    String target = parts[2].replace("%{ENV:HMSKG_HOST}", host);
                    for (int i = 1; i <= m.groupCount(); i++) {
                        target = target.replace("$" + i, m.group(i));
                    }
                    return target;
                }
            }
            return null;
        }

        @Test
        void redirectsLandOnPathsTheServerNegotiates() throws IOException {
            List<String> lines = Files.readAllLines(
                    Path.of(System.getProperty("project.root", "."), "docs/w3id/.htaccess"));
            List<String> rules = lines.stream().filter(l -> l.startsWith("RewriteRule")).toList();
            String host = lines.stream().filter(l -> l.contains("[E=HMSKG_HOST:")).findFirst().orElseThrow()
                    .replaceAll(".*E=HMSKG_HOST:([^\\]]+)].*", "$1");
            for (String path : List.of("id/initiative/amed", "id/measure/test-doc/2", "graph/reference", "def", "")) {
                String target = redirect(rules, host, path);
                assertEquals("https://" + host + "/" + path, target, path);
                var r = http.get("/" + path, "Accept", CURL);
                assertEquals(200, r.statusCode(), path);
            }
            assertTrue(rules.stream().filter(r -> r.contains("[R=") && !r.contains("^$"))
                    .allMatch(r -> r.contains("R=303")), "things, graphs and the vocabulary redirect with 303");
        }
    }

    @Nested
    class Operations {
        @Test
        void pingStatusAndReloadError() {
            assertEquals(200, http.get("/$/ping").statusCode());
            JsonNode status = json(http.get("/$/status"));
            assertEquals("v1", status.get("version").asText());
            assertEquals("2026-11-26T05:00:00Z", status.get("builtAt").asText());
            assertTrue(status.at("/sources/test-doc.txt").isTextual());
            assertTrue(status.get("lastReloadError").isNull());
            server.reloadFailed("seeds/x.txt:3: tag names unknown ministry code 'X'");
            try {
                JsonNode failed = json(http.get("/$/status"));
                assertEquals("seeds/x.txt:3: tag names unknown ministry code 'X'",
                        failed.at("/lastReloadError/message").asText());
                assertEquals("v1", failed.get("version").asText(), "still serving the last good version");
            } finally {
                server.clearReloadError();
            }
            assertTrue(json(http.get("/$/status")).get("lastReloadError").isNull());
        }

        @Test
        void prometheusMetrics() {
            http.query("ASK {}");
            http.get("/id/initiative/nothing");
            var r = http.get("/$/metrics");
            assertEquals(200, r.statusCode());
            assertTrue(contentType(r).startsWith("text/plain"));
            String m = r.body();
            assertTrue(m.contains("hmskg_http_requests_total{endpoint=\"sparql\",status=\"200\"}"), m);
            assertTrue(m.contains("hmskg_http_requests_total{endpoint=\"id\",status=\"404\"}"), m);
            assertTrue(m.contains("hmskg_http_request_duration_seconds_bucket{endpoint=\"sparql\",le=\"0.1\"}"), m);
            assertTrue(m.contains("hmskg_sparql_timeouts_total"), m);
        }
    }
}
