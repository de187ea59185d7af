package org.hmskg.extract.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hmskg.extract.ReferenceDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule tables load, and a broken one is refused with its file, line and rule. */
class RulesTest {
    private static final List<String> TABLES = List.of(Rules.ENDINGS, Rules.CONTINUATION, Rules.NOUN_CUES,
            Rules.TIME_MARKERS, Rules.TIME_NOTES, Rules.TIME_CLAUSES, Rules.DURATION_UNITS);

    @Test
    void everyTableStartsWithItsCommentAndLoads() throws IOException {
        for (String table : TABLES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(table)) {
                String first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
                assertTrue(first.startsWith("# ") && first.length() > 80, table + " says what it is and where from");
            }
        }
        Rules rules = Rules.standard();
        assertTrue(rules.endings.words().contains("た"));
        assertTrue(rules.markers.words().contains("を目途に"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            reference/statement-endings.tsv | ending\\tkind\\nた\\tachievement                        | reference/statement-endings.tsv:1: a rule table starts with a comment line
            reference/statement-endings.tsv | # what\\nending\\tkind\\nた\\tpast                       | reference/statement-endings.tsv:3: unknown value 'past' in column 2
            reference/statement-endings.tsv | # what\\nending\\tkind\\nた\\tachievement\\nた\\tongoing | reference/statement-endings.tsv:4: 'た' is listed twice
            reference/time-markers.tsv      | # what\\nmarker\\trole\\nから\\t                          | reference/time-markers.tsv:3: column 2 is empty
            reference/statement-noun-cues.tsv | # what\\ncue\\tkind\\n今後\\tunclassified              | reference/statement-noun-cues.tsv:3: a cue must give a kind, not unclassified
            """)
    void aBrokenTableIsRefusedWithItsPlace(String table, String content, String message, @TempDir Path dir)
            throws IOException {
        for (String t : TABLES) {
            Path file = dir.resolve(t);
            Files.createDirectories(file.getParent());
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(t)) {
                Files.write(file, in.readAllBytes());
            }
        }
        Files.writeString(dir.resolve(table), content.replace("\\t", "\t").replace("\\n", "\n"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> Rules.read(loader));
            assertTrue(e.getMessage().startsWith(message), e.getMessage());
        }
    }

    @Test
    void aMissingTableIsNamed(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals("reference/statement-endings.tsv: missing from the class path",
                    assertThrows(ReferenceDataException.class, () -> Rules.read(loader)).getMessage());
        }
    }
}
