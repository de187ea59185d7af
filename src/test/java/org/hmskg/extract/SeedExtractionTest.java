package org.hmskg.extract;

import static org.hmskg.extract.FactAssertions.assertSpansExact;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hmskg.vocab.Iris;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bullet of the seed, joined simply, goes through the extractor without a wrong offset or an error. */
class SeedExtractionTest {
    private static final Path SEED = Path.of(System.getProperty("project.root", "."),
            "seeds/kenko-iryo-senryaku-2022-an.txt");
    private static final Pattern HEADING = Pattern.compile("^(?:[０-９0-9]+．|\\(\\d+\\)|[①-⑳]|[○〇]|（[^）]*）\\s*$)");
    private static final Pattern TAG_AT_END = Pattern.compile("【[^】]*】\\s*$");
    private static final Extractor EXTRACTOR = new Extractor(ReferenceData.load());

    record Bullet(int line, String text) {
    }

    private static List<Bullet> bullets;

    /**
     * Lines of a bullet joined with nothing; blank lines and the page-start space dropped; the bullet ends at
     * its tag, at a heading or at the next bullet; the trailing tag is cut.
     */
    static List<Bullet> bullets() throws IOException {
        List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        List<Bullet> result = new ArrayList<>();
        StringBuilder text = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > 1 && line.charAt(0) == ' ' && line.charAt(1) != ' ') {
                line = line.substring(1);
            }
            if (line.startsWith("・")) {
                if (text != null) {
                    result.add(bullet(start, text));
                }
                text = new StringBuilder(line.substring(1).replaceFirst("^[ 　]+", ""));
                start = i + 1;
            } else if (text != null && HEADING.matcher(line).find()) {
                result.add(bullet(start, text));
                text = null;
                continue;
            } else if (text != null) {
                text.append(line);
            }
            if (text != null && TAG_AT_END.matcher(text).find()) {
                result.add(bullet(start, text));
                text = null;
            }
        }
        if (text != null) {
            result.add(bullet(start, text));
        }
        return result;
    }

    private static Bullet bullet(int line, CharSequence text) {
        return new Bullet(line, TAG_AT_END.matcher(text).replaceFirst("").stripTrailing());
    }

    @BeforeAll
    static void join() throws IOException {
        bullets = bullets();
    }

    static Stream<Arguments> measures() throws IOException {
        return bullets().stream().map(b -> Arguments.of(b.line(), b.text()));
    }

    @Test
    void theJoinerFindsEveryBullet() {
        assertEquals(60, bullets.size());
        assertTrue(bullets.stream().noneMatch(b -> b.text().contains("【")), "a tag was left in a text");
    }

    @ParameterizedTest(name = "line {0}")
    @MethodSource("measures")
    void everySurfaceIsExactAndNothingThrows(int line, String text) {
        Facts facts = assertDoesNotThrow(() -> EXTRACTOR.extract(text), "line " + line);
        assertSpansExact(text, facts);
        assertEquals(facts, EXTRACTOR.extract(text), "extraction is deterministic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "「", "」「", "（（（", "）", "『「」", "2022年", "第", "約", "計",
            "（2021年 6月 1日閣議決定）", "「」（2021年 6月 1日閣議決定）", "AMED（", "（NDB", "・", "事業", "協議会"})
    void oddTextsGiveFactsNotErrors(String text) {
        assertSpansExact(text, assertDoesNotThrow(() -> EXTRACTOR.extract(text)));
    }

    @Test
    void arbitraryCutsThroughTheSeedGiveExactSpans() {
        String all = String.join("", bullets.stream().map(Bullet::text).toList());
        int[] cps = all.codePoints().toArray();
        Random random = new Random(20221);
        for (int i = 0; i < 500; i++) {
            int from = random.nextInt(cps.length);
            int to = Math.min(cps.length, from + 1 + random.nextInt(120));
            String cut = new String(cps, from, to - from);
            assertSpansExact(cut, assertDoesNotThrow(() -> EXTRACTOR.extract(cut), cut));
        }
    }

    @Test
    void keysFollowTheContractAndOneKeyHasOneName() {
        ReferenceData ref = ReferenceData.load();
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> perCategory = new HashMap<>();
        for (Bullet b : bullets) {
            Facts f = EXTRACTOR.extract(b.text());
            for (Facts.EntityMention m : f.entities()) {
                Entity e = m.entity();
                if (e.curated()) {
                    assertTrue(ref.known(e.key()).isPresent(), e.key());
                } else {
                    assertEquals(Iris.hashKey(e.prefLabel()), e.key(), e.prefLabel());
                }
                String before = names.putIfAbsent(e.key(), e.prefLabel());
                assertTrue(before == null || before.equals(e.prefLabel()), e.key() + ": " + before + " / "
                        + e.prefLabel());
                perCategory.merge(e.cls().isCitation() ? "citations" : "initiatives", 1, Integer::sum);
            }
            perCategory.merge("quantities", f.quantities().size(), Integer::sum);
            perCategory.merge("ministries", f.ministries().size(), Integer::sum);
            for (Facts.DateFact d : f.dates()) {
                perCategory.merge(d.fiscalYear() ? "fiscalYears" : "dates", 1, Integer::sum);
            }
        }
        for (String category : List.of("initiatives", "citations", "quantities", "dates", "fiscalYears",
                "ministries")) {
            assertTrue(perCategory.getOrDefault(category, 0) > 0, category + " found nowhere: " + perCategory);
        }
    }

    @Test
    void theSeedsDifficultSpotsAreReadAsWritten() {
        Facts midNet = EXTRACTOR.extract(bullets.stream().filter(b -> b.text().startsWith("「クリニカル"))
                .findFirst().orElseThrow().text());
        assertTrue(midNet.entities().stream().anyMatch(m -> m.entity().key().equals("mid-net")
                && m.span().surface().equals("MID ｰ NET")));
        Facts covid = EXTRACTOR.extract(bullets.stream().filter(b -> b.text().startsWith("「新型コロナ"))
                .findFirst().orElseThrow().text());
        assertTrue(covid.dates().stream().anyMatch(d -> d.span().surface().equals("2021年 11⽉19⽇")
                && d.value().lexical().equals("2021-11-19")));
        assertFalse(covid.entities().isEmpty());
    }
}
