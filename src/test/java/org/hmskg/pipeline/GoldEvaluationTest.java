package org.hmskg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hmskg.pipeline.GoldEvaluation.Category;
import org.hmskg.pipeline.GoldEvaluation.CategoryScore;
import org.hmskg.pipeline.GoldEvaluation.Finding;
import org.hmskg.pipeline.GoldEvaluation.Measured;
import org.hmskg.pipeline.GoldEvaluation.Score;
import org.hmskg.extract.Extractor;
import org.hmskg.extract.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GoldEvaluationTest {
    private static final Path SAMPLE = Path.of(System.getProperty("project.root", "."),
            "src/test/resources/gold/evaluation-sample.gold.json");
    private static final Extractor EXTRACTOR = new Extractor(ReferenceData.load());
    private static Score score;

    static Measured measured(int line, String text) {
        return new Measured(line, text, EXTRACTOR.extract(text));
    }

    @BeforeAll
    static void evaluateTheSample() {
        score = GoldEvaluation.evaluate(SAMPLE, List.of(
                measured(10, "「健康経営銘柄 2023」として、2023年 3月に 30業種 48社を選定し、AMEDと連携した。"),
                measured(20, "「医療データ活用戦略（2021年６月１日閣議決定）」に基づき、2022年度から計 12億円を支援した。"),
                measured(30, "医療系ベンチャー・トータルサポート事業（MEDISO）を通じて、約 900件の相談を受けた。2021年度は好調であった。"),
                measured(50, "この測定はゴールドにない。")));
    }

    static void assertCounts(Category c, int tp, int fp, int fn) {
        CategoryScore s = score.of(c);
        assertEquals(List.of(tp, fp, fn), List.of(s.truePositives(), s.falsePositives(), s.falseNegatives()),
                c + ": " + s);
    }

    /** The same text on other lines (the PDF imported, another extraction) is found by how its text starts. */
    @Test
    void aBlockOnAnotherLineIsFoundByItsTextStart() {
        Score moved = GoldEvaluation.evaluate(SAMPLE, List.of(
                measured(110, "「健康経営銘柄 2023」として、2023年 3月に 30業種 48社を選定し、AMEDと連携した。"),
                measured(120, "「医療データ活用戦略（2021年６月１日閣議決定）」に基づき、2022年度から計 12億円を支援した。"),
                measured(130, "医療系ベンチャー・トータルサポート事業（MEDISO）を通じて、約 900件の相談を受けた。2021年度は好調であった。"),
                measured(150, "この測定はゴールドにない。")));
        for (Category c : Category.values()) {
            assertEquals(score.of(c), moved.of(c), c.toString());
        }
    }

    @Test
    void namesMatchByAnyLabelOrSurface() {
        assertCounts(Category.INITIATIVES, 4, 0, 2);
        CategoryScore s = score.of(Category.INITIATIVES);
        assertEquals(List.of(new Finding(20, "医療データ基盤"), new Finding(40, "JST")), s.misses());
        assertEquals(1.0, s.precision());
        assertEquals(4.0 / 6, s.recall(), 1e-9);
    }

    @Test
    void citationsAreScoredApart() {
        assertCounts(Category.CITATIONS, 1, 0, 0);
    }

    @Test
    void quantitiesMatchOnValueAndUnit() {
        assertCounts(Category.QUANTITIES, 3, 1, 1);
        assertEquals(List.of(new Finding(30, "約 800件")), score.of(Category.QUANTITIES).misses());
        assertEquals(List.of(new Finding(30, "約 900件")), score.of(Category.QUANTITIES).falseHits());
        assertEquals(0.75, score.of(Category.QUANTITIES).precision(), 1e-9);
    }

    @Test
    void datesAndFiscalYearsMatchOnTheirValue() {
        assertCounts(Category.DATES, 2, 0, 1);
        assertCounts(Category.FISCAL_YEARS, 1, 1, 0);
        assertEquals(List.of(new Finding(30, "2021")), score.of(Category.FISCAL_YEARS).falseHits());
    }

    @Test
    void aCitedDocumentsDateAndBodyAreScoredAsPairs() throws Exception {
        JsonNode gold = new ObjectMapper().readTree("""
                {"document": "d", "measures": [{"lineStart": 1, "citations": [
                  {"title": "医療データ活用戦略", "aliases": [], "date": "2021-06-01", "decidedBy": "閣議"},
                  {"title": "医療安全指針", "aliases": [], "date": "2021-05", "decidedBy": null}]}]}""");
        Score s = GoldEvaluation.evaluate(gold, List.of(measured(1,
                "「医療データ活用戦略」（2021年６月１日閣議決定）及び「医療安全指針」（2021年 4月策定）に基づく。")));
        CategoryScore dates = s.of(Category.CITATION_DATES);
        assertEquals(List.of(1, 1, 1), List.of(dates.truePositives(), dates.falsePositives(), dates.falseNegatives()),
                "a wrong date is a miss and a false hit: " + dates);
        assertEquals(List.of(new Finding(1, "医療安全指針 2021-05")), dates.misses());
        assertEquals(List.of(new Finding(1, "医療安全指針 2021-04")), dates.falseHits());
        assertEquals(1, s.of(Category.DECIDED_BY).truePositives(), "閣議 is a label of the Cabinet");
        assertEquals(0, s.of(Category.DECIDED_BY).falsePositives());
    }

    @Test
    void aCitationNamedInsideAnotherTitleIsNotACitationOfTheMeasure() throws Exception {
        JsonNode gold = new ObjectMapper().readTree("""
                {"document": "d", "measures": [{"lineStart": 1, "initiatives": [],
                  "citations": [{"title": "薬機法等の一部を改正する法律", "aliases": []}]}]}""");
        Score s = GoldEvaluation.evaluate(gold, List.of(measured(1, "薬機法等の一部を改正する法律が成立した。")));
        assertEquals(List.of(1, 0, 0), List.of(s.of(Category.CITATIONS).truePositives(),
                s.of(Category.CITATIONS).falsePositives(), s.of(Category.CITATIONS).falseNegatives()));
    }

    @Test
    void aGoldMeasureWithoutExtractionIsReported() {
        assertEquals("evaluation-sample", score.document());
        assertEquals(List.of("gold measure at line 40 has no extracted measure"), score.warnings());
    }

    @Test
    void oneExtractedThingMatchesOneGoldEntryOnly() throws Exception {
        JsonNode gold = new ObjectMapper().readTree("""
                {"document": "d", "measures": [{"lineStart": 1, "initiatives": [
                  {"name": "AMED", "aliases": []},
                  {"name": "日本医療研究開発機構", "aliases": []}]}]}""");
        Score s = GoldEvaluation.evaluate(gold, List.of(measured(1, "AMEDが支援した。")));
        assertEquals(1, s.of(Category.INITIATIVES).truePositives());
        assertEquals(1, s.of(Category.INITIATIVES).falseNegatives());
    }

    @Test
    void aTextThatStartsOtherwiseIsWarnedAbout() throws Exception {
        JsonNode gold = new ObjectMapper().readTree("""
                {"document": "d", "measures": [{"lineStart": 1, "textStartsWith": "別の文", "dates": []}]}""");
        Score s = GoldEvaluation.evaluate(gold, List.of(measured(1, "AMEDが支援した。")));
        assertTrue(s.warnings().get(0).contains("line 1"), s.warnings().toString());
        assertEquals(1, s.of(Category.INITIATIVES).falsePositives());
    }

    @Test
    void namesAreComparedWithoutSpacesAndWidth() {
        assertEquals(GoldEvaluation.squash("ＭＩＤ－ＮＥＴ"), GoldEvaluation.squash("MID - NET"));
    }
}
