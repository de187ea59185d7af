package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hmskg.store.DatasetVersion;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code /commitments} over HTTP on a purpose-made document ({@code serve/statements.trig}): the grouping by due
 * fiscal year and lead ministry, the filters, the same selection as JSON and CSV, the picture and its table, and
 * the refusals.
 */
class CommitmentsTest {
    static final String STATEMENT = "https://w3id.org/hmskg/id/statement/plan-doc/";
    static final ObjectMapper JSON = new ObjectMapper();

    static HmsServer server;
    static Fixture.Client http;

    @BeforeAll
    static void start() {
        var v = new DatasetVersion(Fixture.load("/serve/statements.trig"), "s1", Instant.parse("2026-11-26T05:00:00Z"),
                Map.of());
        server = HmsServer.builder().port(0).dataset(() -> v).ontology(Fixture.ontology()).build().start();
        http = new Fixture.Client(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Document page(String path) {
        HttpResponse<String> r = http.get(path, "Accept", Fixture.CHROME);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return Jsoup.parse(r.body());
    }

    static JsonNode json(String path) {
        HttpResponse<String> r = http.get(path, "Accept", "application/json");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a JSON answer, in its order, as keys under {@code statement/plan-doc/}. */
    static List<String> statements(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("commitments").forEach(c -> out.add(c.get("statement").asText().substring(STATEMENT.length())));
        return out;
    }

    @Nested
    class ThePage {
        final Document d = page("/commitments");

        @Test
        void groupsByDueYearAscendingWithTheCommitmentsWithoutADueTimeLast() {
            assertEquals(List.of("fy-2022", "fy-2023", "fy-2025", "fy-none"),
                    d.select("section.due-year").eachAttr("id"));
            assertEquals("Due in fiscal year 2022 2022年度が期限 (3)", d.selectFirst("#fy-2022 > h2").text());
            assertTrue(d.selectFirst("#fy-none > h2").text().startsWith("No due time"));
        }

        @Test
        void thenByLeadMinistryMostCommitmentsFirstAndThoseWithoutALeadLast() {
            assertEquals(List.of("厚生労働省", "文部科学省", "経済産業省"), leads("fy-2022"),
                    "the same order in every year: 厚 leads 3, 文 2, 経 1");
            assertEquals(List.of("文部科学省", "主担当の記載なし"), leads("fy-none"));
            assertEquals(List.of("/id/statement/plan-doc/3/1"), items("fy-2022", 0));
            assertEquals(List.of("/id/statement/plan-doc/3/1"), items("fy-2022", 1), "two leads: under each");
            assertEquals(List.of("/id/statement/plan-doc/5/1"), items("fy-2022", 2), "2023年3月 is in fiscal 2022");
            assertEquals(List.of("/id/statement/plan-doc/2/2"), items("fy-none", 0));
            assertEquals(List.of("/id/statement/plan-doc/4/1"), items("fy-none", 1));
        }

        List<String> leads(String year) {
            return d.select("#" + year + " section.lead > h3").stream()
                    .map(h -> h.selectFirst("span[lang=ja]").text()).toList();
        }

        List<String> items(String year, int lead) {
            return d.select("#" + year + " section.lead").get(lead).select("ol.commitment-list > li a.kind")
                    .eachAttr("href");
        }

        @Test
        void eachCommitmentHasItsSentenceTimesBlockDocumentAndPage() {
            Element fy2023 = d.selectFirst("#fy-2023 ol.commitment-list > li");
            assertEquals("今後 継続 期限 2023年度末 今後も、2023年度末までにAMEDを通じて支援を拡充する。",
                    fy2023.selectFirst("p.sentence").text());
            assertEquals("/id/statement/plan-doc/1/2", fy2023.selectFirst("a.kind").attr("href"));
            Element where = fy2023.selectFirst("p.where");
            assertEquals("/id/measure/plan-doc/1#statement-2", where.selectFirst("a.block").attr("href"));
            assertEquals("施策 1", where.selectFirst("a.block").text());
            assertEquals("/id/document/plan-doc", where.select("a").get(1).attr("href"));
            assertTrue(where.text().endsWith("page 1, lines 10–11"), where.text());

            Element summer = d.selectFirst("#fy-2022 section.lead ol.commitment-list > li");
            assertTrue(summer.text().contains("期限 2022年夏"), summer.text());
            assertTrue(summer.selectFirst("p.where").text().contains("also led by 文部科学省"), summer.text());

            Element paragraph = d.selectFirst("#fy-2025 ol.commitment-list > li");
            assertEquals("段落 1", paragraph.selectFirst("a.block").text());
            assertEquals("/id/paragraph/plan-doc/1#statement-2", paragraph.selectFirst("a.block").attr("href"));

            Element starting = d.selectFirst("#fy-none ol.commitment-list > li");
            assertTrue(starting.selectFirst("p.sentence").text().contains("開始 2024年度"),
                    "no due time: shown with its start");
        }

        @Test
        void theFiltersAreAFormOfQueryParameters() {
            Element form = d.selectFirst("form.filters");
            assertEquals("/commitments", form.attr("action"));
            assertEquals("get", form.attr("method"));
            assertEquals(List.of("", "mhlw", "mext", "meti"), form.select("select[name=ministry] option")
                    .eachAttr("value"));
            assertEquals(List.of("", "x-aaaaaaaaaaaa", "amed"), form.select("select[name=initiative] option")
                    .eachAttr("value"), "by name: 健康経営銘柄, 日本医療研究開発機構");
            assertEquals(List.of("", "2022", "2023", "2025", "none"), form.select("select[name=year] option")
                    .eachAttr("value"));
            assertTrue(d.selectFirst("p.selection").text().startsWith("All 6 commitments."));
        }

        @Test
        void thePictureHasATitleADescriptionAndTheTableItsNumbers() {
            String html = http.get("/commitments", "Accept", Fixture.CHROME).body();
            org.w3c.dom.Element svg = NetworkTest.svg(html, "commitment-matrix");
            assertEquals("commitment-matrix-title commitment-matrix-desc", svg.getAttribute("aria-labelledby"));
            assertTrue(NetworkTest.child(svg, "title").getTextContent().contains("6 commitment(s)"));
            assertTrue(NetworkTest.child(svg, "desc").getTextContent().contains("The table below"));

            Element table = d.selectFirst("table.commitment-counts");
            assertEquals(List.of("Lead ministry", "FY2022", "FY2023", "FY2024", "FY2025", "No due time"),
                    table.select("tr").first().select("th").eachText(), "every year from the first to the last");
            List<List<String>> rows = table.select("tr").stream().skip(1)
                    .map(tr -> tr.select("th, td").eachText()).toList();
            assertEquals(List.of(
                    List.of("厚生労働省", "1", "1", "0", "1", "0"),
                    List.of("文部科学省", "1", "0", "0", "0", "1"),
                    List.of("経済産業省", "1", "0", "0", "0", "0"),
                    List.of("主担当の記載なし", "0", "0", "0", "0", "1")), rows);

            List<String> keys = List.of("mhlw", "mext", "meti", "none");
            List<String> columns = List.of("2022", "2023", "2024", "2025", "none");
            for (org.w3c.dom.Element cell : NetworkTest.all(svg, "g", "cell")) {
                int i = keys.indexOf(cell.getAttribute("data-row"));
                int j = columns.indexOf(cell.getAttribute("data-column"));
                assertEquals(rows.get(i).get(j + 1), cell.getAttribute("data-count"), "cell " + i + "," + j);
                boolean drawn = cell.getElementsByTagName("circle").getLength() == 1;
                assertEquals(!"0".equals(cell.getAttribute("data-count")), drawn, "a circle for each count");
            }
            assertEquals(keys.size() * columns.size(), NetworkTest.all(svg, "g", "cell").size());
            for (org.w3c.dom.Element a : NetworkTest.all(svg, "a", null)) {
                assertTrue(a.getAttribute("href").startsWith("/"), "nothing from another host: " + a);
            }
            assertTrue(d.select("svg script").isEmpty());
            assertTrue(html.indexOf("<svg") < html.indexOf("<table class=\"commitment-counts\">"));
        }

        @Test
        void theLandingPageLinksHere() {
            assertEquals(1, page("/").select("main a[href='/commitments']").size());
        }
    }

    @Nested
    class AsData {
        @Test
        void jsonByAcceptOrFormatHasTheGroupsAndEachCommitmentOnceInGroupOrder() {
            JsonNode answer = json("/commitments");
            assertEquals(answer, json("/commitments?format=json"));
            assertEquals(6, answer.get("count").asInt());
            assertEquals(List.of("3/1", "5/1", "1/2", "p1/2", "2/2", "4/1"), statements(answer));
            JsonNode first = answer.get("groups").get(0);
            assertEquals(2022, first.get("dueFiscalYear").asInt());
            assertEquals("https://w3id.org/hmskg/id/ministry/mhlw",
                    first.get("leadMinistries").get(0).get("ministry").asText());
            assertTrue(answer.get("groups").get(3).get("dueFiscalYear").isNull());
            assertTrue(answer.get("groups").get(3).get("leadMinistries").get(1).get("ministry").isNull());

            JsonNode summer = answer.get("commitments").get(0);
            assertEquals("2022年夏を目途に報告書を取りまとめる。", summer.get("text").asText());
            assertEquals("[2022]", summer.get("dueFiscalYears").toString());
            assertEquals("{\"value\":\"2022\",\"fiscalYear\":false,\"note\":\"夏\",\"written\":\"2022年夏\"}",
                    summer.get("due").get(0).toString());
            assertEquals(List.of("mhlw", "mext"), summer.get("leadMinistries").findValuesAsText("key"));
            assertEquals("https://w3id.org/hmskg/id/measure/plan-doc/3", summer.get("block").asText());
            assertEquals(2, summer.get("pageStart").asInt());
            assertEquals(20, summer.get("lineStart").asInt());
            JsonNode starting = answer.get("commitments").get(4);
            assertEquals("2024", starting.get("start").get(0).get("value").asText());
            assertEquals(0, starting.get("dueFiscalYears").size());
            assertEquals("Paragraph", answer.get("commitments").get(3).get("blockKind").asText());
        }

        @Test
        void csvByAcceptOrFormatHasOneRowPerCommitment() throws IOException {
            HttpResponse<String> r = http.get("/commitments", "Accept", "text/csv");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertTrue(r.headers().allValues("Vary").toString().contains("Accept"));
            assertEquals(r.body(), http.get("/commitments?format=csv").body());
            List<CSVRecord> rows;
            try (CSVParser p = CSVParser.parse(new StringReader(r.body()), CSVFormat.RFC4180.builder()
                    .setHeader().setSkipHeaderRecord(true).get())) {
                assertEquals(List.of("statement", "text", "due_fiscal_years", "due", "start", "continues",
                        "lead_ministries", "lead_ministry_names", "ministries", "block", "block_kind",
                        "block_ordinal", "document", "document_title", "page_start", "page_end", "line_start",
                        "line_end"), p.getHeaderNames());
                rows = p.getRecords();
            }
            assertEquals(List.of("3/1", "5/1", "1/2", "p1/2", "2/2", "4/1"), rows.stream()
                    .map(row -> row.get("statement").substring(STATEMENT.length())).toList());
            CSVRecord march = rows.get(1);
            assertEquals("2022", march.get("due_fiscal_years"));
            assertEquals("2023年3月", march.get("due"));
            assertEquals("経済産業省", march.get("lead_ministry_names"));
            CSVRecord twoLeads = rows.get(0);
            assertEquals("https://w3id.org/hmskg/id/ministry/mhlw https://w3id.org/hmskg/id/ministry/mext",
                    twoLeads.get("lead_ministries"));
            CSVRecord continues = rows.get(2);
            assertEquals("true", continues.get("continues"));
            assertEquals("テスト実行状況と今後の取組方針2023", continues.get("document_title"));
            assertEquals("2024年度", rows.get(4).get("start"));
            assertEquals("", rows.get(4).get("due_fiscal_years"));
            assertEquals("", rows.get(5).get("lead_ministries"));
        }

        @Test
        void theAnswersAreCachedAndTagged() {
            HttpResponse<String> r = http.get("/commitments?year=2022", "Accept", "application/json");
            assertTrue(r.headers().firstValue("ETag").isPresent());
            assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
            assertEquals(304, http.get("/commitments?year=2022", "Accept", "application/json",
                    "If-None-Match", r.headers().firstValue("ETag").get()).statusCode());
        }
    }

    @Nested
    class Filters {
        @Test
        void byMinistryTaggedLeadOrNot() {
            assertEquals(List.of("5/1", "1/2"), statements(json("/commitments?ministry=meti")),
                    "経 is tagged on measure 1 without ◎");
            Document d = page("/commitments?ministry=meti");
            assertEquals("meti", d.selectFirst("select[name=ministry] option[selected]").attr("value"));
            assertTrue(d.selectFirst("p.selection").text().startsWith("2 of 6 commitments; ministry: 経済産業省"),
                    d.selectFirst("p.selection").text());
        }

        @Test
        void byInitiativeNamedInTheBlock() {
            assertEquals(List.of("1/2", "p1/2"), statements(json("/commitments?initiative=amed")));
            assertEquals(List.of("1/2"), statements(json("/commitments?initiative=x-aaaaaaaaaaaa")),
                    "named in the measure's first sentence, not in the commitment itself");
        }

        @Test
        void byDueYearOrNone() {
            assertEquals(List.of("3/1", "5/1"), statements(json("/commitments?year=2022")));
            assertEquals(List.of("2/2", "4/1"), statements(json("/commitments?year=none")));
            assertEquals(List.of(), statements(json("/commitments?year=2024")), "a start is no due time");
        }

        @Test
        void combinedAndBlankMeansNotSet() {
            assertEquals(List.of("1/2"), statements(json("/commitments?ministry=mhlw&year=2023")));
            assertEquals(6, json("/commitments?ministry=&initiative=&year=").get("count").asInt(),
                    "the form sends empty choices");
            Document d = page("/commitments?ministry=mhlw&year=2023");
            assertEquals("/commitments?year=2023", d.select("p.selection a").get(0).attr("href"),
                    "remove the ministry, keep the year");
        }

        @Test
        void anUnknownMinistryOrInitiativeSelectsNothingAndSaysSo() {
            JsonNode none = json("/commitments?ministry=nosuch");
            assertEquals(0, none.get("count").asInt());
            assertFalse(none.get("filters").get("ministry").get("known").asBoolean());
            assertEquals("nosuch", none.get("filters").get("ministry").get("key").asText());
            Document d = page("/commitments?initiative=nosuch");
            assertTrue(d.selectFirst("p.selection").text().contains("initiative: nosuch (no initiative has this key)"),
                    d.selectFirst("p.selection").text());
            assertEquals("No commitment matches these filters.", d.selectFirst("p.empty").text());
            assertTrue(d.select("svg").isEmpty());
            assertEquals(0, json("/commitments?initiative=mhlw").get("count").asInt(),
                    "a ministry's key is no initiative");

            Document hostile = page("/commitments?ministry=" + Fixture.encode("<b>x</b>\"'&"));
            assertTrue(hostile.select("b").isEmpty());
            assertTrue(hostile.selectFirst("p.selection").text().contains("ministry: <b>x</b>\"'&"));
        }

        @Test
        void aMalformedYearOrARepeatedFilterIs400WithASentence() {
            for (String q : List.of("year=20x3", "year=12345", "year=" + Fixture.encode("2023年度"))) {
                HttpResponse<String> r = http.get("/commitments?" + q);
                assertEquals(400, r.statusCode(), q);
                assertTrue(r.body().startsWith("year must be a fiscal year written with four digits"), r.body());
            }
            HttpResponse<String> twice = http.get("/commitments?ministry=mhlw&ministry=mext");
            assertEquals(400, twice.statusCode());
            assertTrue(twice.body().startsWith("Give ministry once"), twice.body());
            assertEquals(400, http.get("/commitments?format=xml").statusCode());
            assertEquals(406, http.get("/commitments", "Accept", "image/png").statusCode());
        }
    }
}
