package org.hmskg.extract.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

import org.hmskg.extract.EntityClass;
import org.hmskg.extract.ReferenceDataException;
import org.hmskg.extract.ReferenceTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityWordsTest {
    @ParameterizedTest
    @ValueSource(strings = {EntityWords.SUFFIXES, EntityWords.METHOD_WORDS, EntityWords.SUFFIX_RULES,
            EntityWords.NAME_HEADS, EntityWords.LEGAL_FORMS, EntityWords.NAME_WORDS, EntityWords.ENGLISH_HEADS,
            EntityWords.DECISION_WORDS, EntityWords.DATE_CUES, "reference/quantity-words.tsv"})
    void everyWordListSaysWhatItIsAndWhereItCameFrom(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            String first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertTrue(first.startsWith("# ") && first.length() > 40, resource + " starts with " + first);
            assertTrue(first.contains("Written for this project") || first.contains("From "),
                    resource + " names no source: " + first);
        }
        assertFalse(ReferenceTable.read(resource, 5).isEmpty(), resource + " has no rows");
    }

    @Test
    void theListsAreReadAsWritten() {
        EntityWords words = EntityWords.load();
        List<String> order = words.suffixes().stream().map(EntityWords.Suffix::suffix).toList();
        assertTrue(order.indexOf("認証制度") < order.indexOf("制度"), "longest suffix first: " + order);
        EntityWords.SuffixRule programme = words.suffixRules().stream().filter(r -> r.suffix().equals("事業"))
                .findFirst().orElseThrow();
        assertEquals(EntityClass.PROGRAMME, programme.cls());
        assertTrue(programme.heads().contains("研究"));
        assertTrue(words.suffixRules().stream().filter(r -> r.suffix().equals("センター")).findFirst().orElseThrow()
                .legalForm());
        assertEquals(List.of("EVENT"), words.englishHeads().entrySet().stream()
                .filter(e -> e.getValue().contains("Summit")).map(e -> e.getKey().name()).toList());
        assertTrue(words.decisionVerbs().get(0).binding());
        assertTrue(words.words("connector").contains("に向けた"));
    }

    @Test
    void aBrokenRowNamesItsFileAndLine(@TempDir Path dir) throws IOException {
        Path ref = Files.createDirectories(dir.resolve("reference"));
        Files.writeString(ref.resolve("t.tsv"), "# a comment\nword\tclass\nx\ty\tz\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            ReferenceDataException e = assertThrows(ReferenceDataException.class,
                    () -> ReferenceTable.read(loader, "reference/t.tsv", 2));
            assertEquals("reference/t.tsv:3: 3 columns, expected 2", e.getMessage());
        }
    }
}
