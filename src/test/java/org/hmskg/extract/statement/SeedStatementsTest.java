package org.hmskg.extract.statement;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hmskg.extract.Extractor;
import org.hmskg.extract.Facts;
import org.hmskg.extract.NormText;
import org.hmskg.extract.ReferenceData;
import org.hmskg.parse.MeasureRecord;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SeedParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statement invariants over every block of the seed and of the second-edition test fixture: sentences are
 * exactly their block's characters at their offsets, and cover every character of the block that is not
 * whitespace exactly once. Prints how many sentences fall into each kind (no number is expected of the seed).
 */
class SeedStatementsTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    private static final ReferenceData REF = ReferenceData.load();
    private static final Extractor EXTRACTOR = new Extractor(REF);

    record Block(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<ParsedDocument> documents() {
        Set<String> codes = REF.ministries().stream().flatMap(m -> m.codes().stream()).collect(Collectors.toSet());
        SeedParser parser = new SeedParser(codes);
        List<ParsedDocument> docs = new ArrayList<>();
        for (Path seed : SeedParser.seedFiles(ROOT.resolve("seeds"))) {
            docs.add(parser.parse(seed));
        }
        docs.add(parser.parse(ROOT.resolve("src/test/resources/editions/kenko-iryo-senryaku-2023-test.txt")));
        return docs;
    }

    static Stream<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (ParsedDocument doc : documents()) {
            for (MeasureRecord m : doc.measures()) {
                blocks.add(new Block(doc.key() + "/" + m.ordinal(), m.text()));
            }
            if (!doc.preamble().isEmpty()) {
                blocks.add(new Block(doc.key() + "/preamble", doc.preamble()));
            }
        }
        return blocks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void sentencesAreExactlyTheBlocksCharactersAndCoverItOnce(Block block) {
        String text = block.text();
        int[] cps = text.codePoints().toArray();
        Facts facts = EXTRACTOR.extract(text);
        List<StatementFact> statements = StatementReader.read(text, facts);
        assertFalse(statements.isEmpty(), "a non-empty block has a sentence");
        int[] covered = new int[cps.length];
        int previousEnd = 0;
        for (int i = 0; i < statements.size(); i++) {
            StatementFact s = statements.get(i);
            int start = s.span().start();
            int end = s.span().end();
            String sentence = new String(cps, start, end - start);
            assertAll(block.name() + " sentence " + s.ordinal(),
                    () -> assertEquals(sentence, s.span().surface(), "SUBSTR(text, start + 1, end - start) = text"),
                    () -> assertFalse(NormText.isSpace(cps[start]), "no leading whitespace"),
                    () -> assertFalse(NormText.isSpace(cps[end - 1]), "no trailing whitespace"),
                    () -> assertTrue(s.ordinal() == statements.size() || cps[end - 1] == '。',
                            "only the last sentence may end without 。"));
            assertEquals(i + 1, s.ordinal());
            assertTrue(start >= previousEnd, "in text order");
            previousEnd = end;
            for (int k = start; k < end; k++) {
                covered[k]++;
            }
            for (TimeFact t : s.times()) {
                assertTrue(t.span().start() >= start && t.span().end() <= end, "a time lies in its sentence");
            }
            for (FigureAsOf f : s.figures()) {
                assertTrue(f.quantity().start() >= start && f.quantity().end() <= end, "a figure lies in its sentence");
                assertEquals(facts.quantities().get(f.quantityIndex()).span(), f.quantity());
            }
        }
        for (int k = 0; k < cps.length; k++) {
            int at = k;
            assertTrue(covered[k] == 1 || covered[k] == 0 && NormText.isSpace(cps[k]),
                    () -> block.name() + ": character " + at + " '" + Character.toString(cps[at]) + "' is covered "
                            + covered[at] + " times");
        }
    }

    @Test
    void reportKindsAndTimeRolesOfTheSeed() {
        Map<StatementKind, Integer> kinds = new EnumMap<>(StatementKind.class);
        Map<TimeRole, Integer> roles = new EnumMap<>(TimeRole.class);
        int sentences = 0;
        int continuing = 0;
        int figures = 0;
        for (ParsedDocument doc : documents().subList(0, 1)) {
            List<String> texts = new ArrayList<>(doc.measures().stream().map(MeasureRecord::text).toList());
            for (String text : texts) {
                for (StatementFact s : StatementReader.read(text, EXTRACTOR.extract(text))) {
                    sentences++;
                    kinds.merge(s.kind(), 1, Integer::sum);
                    continuing += s.continues() ? 1 : 0;
                    figures += s.figures().size();
                    s.times().forEach(t -> roles.merge(t.role(), 1, Integer::sum));
                }
            }
        }
        System.out.println("seed statements (measures): " + sentences + " sentences; kinds " + kinds
                + "; continuing commitments " + continuing + "; time roles " + roles
                + "; figures dated by their achievement " + figures);
        assertEquals(sentences, kinds.values().stream().mapToInt(Integer::intValue).sum());
    }
}
