package org.hmskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryLibraryReadTest {
    static final String QUERY = """
            # title: Ministries
            # title@ja: 府省庁
            # question: Every ministry.
            SELECT ?m WHERE { ?m a <https://w3id.org/hmskg/def#Ministry> }
            """;

    @Test
    void headerLinesGiveTitlesAndQuestion() {
        QueryLibrary.Entry ex = QueryLibrary.parse("ministries", QUERY);
        assertEquals("Ministries", ex.title());
        assertEquals("府省庁", ex.titleJa());
        assertEquals("Every ministry.", ex.description());
        assertEquals(QUERY, ex.text());
        assertEquals("untitled", QueryLibrary.parse("untitled", "SELECT * {}").title());
    }

    /** Installed, the queries sit in the application's jar (with its directory entries, as Maven writes it). */
    @Test
    void readsTheQueriesFromAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("queries/"));
            out.closeEntry();
            for (String name : List.of("queries/b-ministries.rq", "queries/a-first.rq", "queries/notes.txt")) {
                out.putNextEntry(new JarEntry(name));
                out.write((name.contains("first") ? QUERY.replace("# question:", "# needs: editions\n# question:")
                        : QUERY).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("queries/needs/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("queries/needs/editions.rq"));
            out.write(CHECK.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<QueryLibrary.Entry> all = QueryLibrary.from(loader).entries();
            assertEquals(List.of("a-first", "b-ministries"), all.stream().map(QueryLibrary.Entry::name).toList());
            assertEquals("Ministries", all.get(1).title());
            assertEquals("several editions of a document", all.get(0).needs().getFirst().description());
        }
    }

    static final String CHECK = """
            # needs: several editions of a document
            # found: editions linked by hms:previousEdition
            SELECT (COUNT(*) AS ?found) WHERE { ?d <https://w3id.org/hmskg/def#previousEdition> ?p }
            """;

    @Test
    void aNeedsLineNamesItsCheckInTheNeedsFolder(@TempDir Path dir) throws IOException {
        Path queries = Files.createDirectories(dir.resolve("queries/needs"));
        Files.writeString(queries.resolve("editions.rq"), CHECK);
        Files.writeString(dir.resolve("queries/changes.rq"), QUERY.replace("# question:",
                "# needs: editions\n# question:"));
        Files.writeString(dir.resolve("queries/plain.rq"), QUERY);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            QueryLibrary library = QueryLibrary.from(loader);
            assertEquals(List.of("changes", "plain"), library.entries().stream().map(QueryLibrary.Entry::name)
                    .toList(), "the checks are not example queries");
            QueryLibrary.Need need = library.byName("changes").orElseThrow().needs().getFirst();
            assertEquals("editions", need.key());
            assertEquals("several editions of a document", need.description());
            assertEquals("editions linked by hms:previousEdition", need.found());
            assertEquals(CHECK, need.check());
            assertEquals(List.of(), library.byName("plain").orElseThrow().needs());
            assertEquals(List.of(need), library.needs());
        }
    }

    @Test
    void aNeedWithoutItsCheckOrACheckWithoutItsHeaderIsRefused(@TempDir Path dir) throws IOException {
        Path needs = Files.createDirectories(dir.resolve("queries/needs"));
        Files.writeString(dir.resolve("queries/changes.rq"), "# title: Changes\n# needs: editionz\nSELECT * {}");
        Files.writeString(needs.resolve("editions.rq"), CHECK);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> QueryLibrary.from(loader));
            assertEquals("queries/changes.rq: '# needs: editionz' names no check queries/needs/editionz.rq "
                    + "(checks: editions)", e.getMessage());
        }
        Files.writeString(dir.resolve("queries/changes.rq"), "# title: Changes\n# needs: editions\nSELECT * {}");
        Files.writeString(needs.resolve("editions.rq"), CHECK.replace("# found:", "# counted:"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> QueryLibrary.from(loader));
            assertEquals("queries/needs/editions.rq: '# found:' line missing", e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> QueryLibrary.parse("changes", "# needs: editions\nASK {}"),
                "a single file has no checks to name");
    }

    @Test
    void noQueriesDirectoryMeansNoExamples(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals(List.of(), QueryLibrary.from(loader).entries());
        }
    }
}
