package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.hmskg.pipeline.Builder;
import org.hmskg.store.DatasetVersion;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The block pages and {@code /commitments} on the seed as the build makes it, checked against the graph itself
 * (so that a better reading of the sentences changes nothing here): every measure's text is shown whole with each
 * of its statements marked, and the commitments page lists every commitment, in the group of each of its due
 * fiscal years, in the same numbers as HTML, JSON and CSV.
 */
class SeedCommitmentsTest {
    static final String HMS = "PREFIX hms: <https://w3id.org/hmskg/def#> ";
    static HmsServer server;
    static Fixture.Client http;

    @BeforeAll
    static void start() {
        Builder.Result seed = Builder.build(new Builder.Request(Path.of("seeds"), Optional.empty(), Instant.now()));
        DatasetVersion version = seed.version();
        server = HmsServer.builder().port(0).dataset(() -> version).build().start();
        http = new Fixture.Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static List<Map<String, String>> select(String query) {
        HttpResponse<String> r = http.query(HMS + query);
        assertEquals(200, r.statusCode(), r.body());
        try {
            List<Map<String, String>> rows = new ArrayList<>();
            for (JsonNode b : new ObjectMapper().readTree(r.body()).at("/results/bindings")) {
                Map<String, String> row = new HashMap<>();
                b.fieldNames().forEachRemaining(f -> row.put(f, b.get(f).get("value").asText()));
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document html(String path) {
        HttpResponse<String> r = http.get(path, "Accept", Fixture.CHROME);
        assertEquals(200, r.statusCode(), path);
        return PagesTest.parse(path, r);
    }

    @Test
    void everyMeasureShowsItsWholeTextWithEachStatementMarked() {
        Map<String, Integer> statements = new HashMap<>();
        for (Map<String, String> row : select("SELECT ?b (COUNT(?s) AS ?n) WHERE { ?s a hms:Statement ; "
                + "hms:inBlock ?b } GROUP BY ?b")) {
            statements.put(row.get("b"), Integer.parseInt(row.get("n")));
        }
        List<Map<String, String>> measures = select("SELECT ?m ?text WHERE { ?m a hms:Measure ; hms:text ?text }");
        assertTrue(measures.size() > 10);
        for (Map<String, String> m : measures) {
            String path = m.get("m").substring(Fixture.BASE.length() - 1);
            Element quote = html(path).selectFirst("section.source blockquote.measure-text");
            assertEquals(statements.getOrDefault(m.get("m"), 0), quote.select("span.statement").size(), path);
            assertEquals(quote.select("span.statement").size(), quote.select("span.statement > a.kind").size(), path);
            Element copy = quote.clone();
            copy.select("a.kind, span.time, span.continues").remove();
            assertEquals(m.get("text"), copy.wholeText(), path + ": the text, no character lost or added");
        }
    }

    @Test
    void everyCommitmentIsListedInTheGroupOfEachOfItsDueFiscalYears() throws IOException {
        List<Map<String, String>> all = select("SELECT ?s ?due WHERE { ?s a hms:Commitment "
                + "OPTIONAL { ?s hms:dueFiscalYear ?due } }");
        Set<String> commitments = new HashSet<>();
        all.forEach(r -> commitments.add(r.get("s")));
        JsonNode answer = new ObjectMapper().readTree(http.get("/commitments?format=json").body());
        assertEquals(commitments.size(), answer.get("count").asInt());
        assertEquals(commitments.size(), answer.get("commitments").size());

        Map<String, Set<String>> byYear = new HashMap<>();
        List<Integer> years = new ArrayList<>();
        for (JsonNode g : answer.get("groups")) {
            int year = g.get("dueFiscalYear").isNull() ? Integer.MAX_VALUE : g.get("dueFiscalYear").asInt();
            years.add(year);
            Set<String> in = byYear.computeIfAbsent(g.get("dueFiscalYear").asText(), k -> new HashSet<>());
            g.get("leadMinistries").forEach(l -> l.get("statements").forEach(s -> in.add(s.asText())));
        }
        assertEquals(years.stream().sorted().toList(), years, "ascending, no due time last");
        for (Map<String, String> r : all) {
            if (r.containsKey("due")) {
                assertTrue(byYear.get(r.get("due")).contains(r.get("s")), r.toString());
            }
        }

        try (CSVParser csv = CSVParser.parse(http.get("/commitments?format=csv").body(), CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(commitments, new HashSet<>(csv.getRecords().stream().map(r -> r.get("statement")).toList()));
        }
        Document page = html("/commitments");
        assertEquals(commitments.size(), page.select("ol.commitment-list a.kind").eachAttr("href").stream()
                .distinct().count());
        long cells = page.select("table.commitment-counts td.num").stream().mapToLong(td -> Long.parseLong(td.text()))
                .sum();
        assertEquals(page.select("ol.commitment-list > li").size(), cells, "the table counts what the list shows");
    }
}
