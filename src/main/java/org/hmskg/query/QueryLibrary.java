package org.hmskg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example queries in {@code queries/} (on the class path): each file starts with a comment header of
 * {@code # key: value} lines — {@code title}, {@code title@ja}, {@code question}, {@code result}, and
 * {@code param} lines naming the values bound in the query.
 */
public final class QueryLibrary {
    private static final String FOLDER = "queries";

    /** One example query. */
    public record Entry(String name, String title, String titleJa, String question, String result,
                        List<String> params, String text) {
        public Entry {
            params = List.copyOf(params);
        }

        /** The question in plain words, for galleries. */
        public String description() {
            return question;
        }
    }

    private final Map<String, Entry> entries;

    private QueryLibrary(Map<String, Entry> entries) {
        this.entries = entries;
    }

    private static final class Holder {
        static final QueryLibrary INSTANCE = read();
    }

    /** The queries shipped with the program, read once. */
    public static QueryLibrary standard() {
        return Holder.INSTANCE;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** By file name with or without {@code .rq}. */
    public Optional<Entry> byName(String name) {
        String key = name.endsWith(".rq") ? name.substring(0, name.length() - 3) : name;
        return Optional.ofNullable(entries.get(key));
    }

    /** Parses one query file's text (header and body). */
    public static Entry parse(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<String> params = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            String content = line.substring(1).strip();
            int colon = content.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = content.substring(0, colon).strip();
            String value = content.substring(colon + 1).strip();
            if (key.equals("param")) {
                params.add(value);
            } else {
                header.merge(key, value, (a, b) -> a + " " + b);
            }
        }
        return new Entry(name, header.getOrDefault("title", name), header.getOrDefault("title@ja", ""),
                header.getOrDefault("question", ""), header.getOrDefault("result", ""), params, text);
    }

    private static QueryLibrary read() {
        return from(QueryLibrary.class.getClassLoader());
    }

    /** The queries in {@code queries/} of a class path: a directory when run from a build, a jar when installed. */
    public static QueryLibrary from(ClassLoader loader) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        URL url = loader.getResource(FOLDER);
        if (url == null) {
            return new QueryLibrary(entries);
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    collect(fs.getPath(FOLDER), entries);
                } catch (FileSystemAlreadyExistsException e) {
                    collect(FileSystems.getFileSystem(uri).getPath(FOLDER), entries);
                }
            } else {
                collect(Path.of(uri), entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("queries cannot be read from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("queries folder has a bad URL: " + url, e);
        }
        return new QueryLibrary(entries);
    }

    private static void collect(Path dir, Map<String, Entry> entries) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".rq"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                String file = p.getFileName().toString();
                String name = file.substring(0, file.length() - 3);
                entries.put(name, parse(name, Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
    }
}
