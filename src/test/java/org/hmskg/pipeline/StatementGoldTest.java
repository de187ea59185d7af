package org.hmskg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hmskg.extract.Extractor;
import org.hmskg.extract.ReferenceData;
import org.hmskg.extract.statement.StatementFact;
import org.hmskg.extract.statement.StatementReader;
import org.hmskg.parse.MeasureRecord;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SeedParser;
import org.junit.jupiter.api.Test;

/**
 * The statements of the seed against the project's own reading of its sentences
 * ({@code src/test/resources/gold/*.statements.gold.json}, written independently of the rules), at the bars the
 * outside measurement uses, and the scorer itself on a small reading that disagrees on purpose.
 */
class StatementGoldTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", "."));

    @Test
    void theSeedsStatementsMeetTheBars() {
        Builder.Result result = Builder.build(new Builder.Request(ROOT.resolve("seeds"),
                Optional.of(ROOT.resolve("src/test/resources/gold")), Instant.now()));
        StatementEvaluation.Score s = result.report().statementGold().orElseThrow().get("kenko-iryo-senryaku-2022-an");
        assertEquals(60, s.measures(), s.warnings().toString());
        assertTrue(s.spans().f1() >= 0.99, () -> "spans " + s.spans() + "\n" + s.disagreements());
        assertTrue(s.kindAccuracy() >= 0.95, () -> "kinds " + s.kindAccuracy() + "\n" + s.disagreements());
        assertTrue(s.commitmentTimes().f1() >= 0.90, () -> "times " + s.commitmentTimes() + "\n" + s.disagreements());
    }

    @Test
    void theScorerCountsWhatDisagrees() throws Exception {
        String text = "2022年3月に指針を策定した。2023年度を目処に改定する。";
        ParsedDocument doc = new SeedParser(java.util.Set.of("厚")).parse("x.txt",
                ("題名\n令和4年6月7日\n本部決定\n１．章\n・" + text + "【厚】\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MeasureRecord m = doc.measures().get(0);
        List<StatementFact> statements = StatementReader.read(m.text(),
                new Extractor(ReferenceData.load()).extract(m.text()));
        JsonNode gold = new ObjectMapper().readTree("""
                {"measures": [{"measure": 1, "sentences": [
                  {"n": 1, "start": 0, "end": 16, "text": "2022年3月に指針を策定した。", "kind": "Ongoing", "times": []},
                  {"n": 2, "start": 16, "end": 31, "text": "2023年度を目処に改定する。", "kind": "Commitment",
                   "times": [{"value": 2023, "fiscal": true, "role": "start"}]}]}]}
                """);
        StatementEvaluation.Score s = StatementEvaluation.evaluate(gold, List.of(m), List.of(statements));
        assertEquals(new StatementEvaluation.Prf(2, 0, 0), s.spans());
        assertEquals(0.5, s.kindAccuracy());
        assertEquals(new StatementEvaluation.Prf(0, 1, 1), s.commitmentTimes(), s.disagreements().toString());
        assertEquals(new StatementEvaluation.Prf(0, 1, 0), s.kinds().get("achievement"));
        assertEquals(new StatementEvaluation.Prf(0, 0, 1), s.kinds().get("ongoing"));
    }
}
