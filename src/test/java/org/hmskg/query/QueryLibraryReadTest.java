package org.hmskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                out.write(QUERY.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<QueryLibrary.Entry> all = QueryLibrary.from(loader).entries();
            assertEquals(List.of("a-first", "b-ministries"), all.stream().map(QueryLibrary.Entry::name).toList());
            assertEquals("Ministries", all.get(1).title());
        }
    }

    @Test
    void noQueriesDirectoryMeansNoExamples(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals(List.of(), QueryLibrary.from(loader).entries());
        }
    }
}
