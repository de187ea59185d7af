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
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The example queries in {@code queries/} (on the class path): each file starts with a comment header of
 * {@code # key: value} lines — {@code title}, {@code title@ja}, {@code question}, {@code result}, {@code param}
 * lines naming the values bound in the query, and {@code needs} lines naming what the query needs of the data beyond
 * what one document holds (e.g. {@code # needs: editions}).
 *
 * <p>Each need names a check in {@code queries/needs/{need}.rq}: a SELECT answering one row with {@code ?found}, the
 * number of things the data holds that the query needs (0: it cannot answer), with the header lines
 * {@code # needs:} (what is needed, in words) and {@code # found:} (what {@code ?found} counts).
 */
public final class QueryLibrary {
    private static final String FOLDER = "queries";
    private static final String NEEDS = "needs";
    private static final Pattern NEED_KEY = Pattern.compile("[a-z][a-z0-9-]*");

    /** One example query; {@code needs} in the order of its header. */
    public record Entry(String name, String title, String titleJa, String question, String result,
                        List<String> params, List<Need> needs, String text) {
        public Entry {
            params = List.copyOf(params);
            needs = List.copyOf(needs);
        }

        /** The question in plain words, for galleries. */
        public String description() {
            return question;
        }
    }

    /**
     * What a query needs of the data, and how to see whether the data holds it.
     *
     * @param key         its name in {@code # needs:} lines and the check's file name
     * @param description what is needed, in words ("several editions of a document")
     * @param found       what the check counts ("editions linked by hms:previousEdition")
     * @param check       the check: a SELECT with one row binding {@code ?found}
     */
    public record Need(String key, String description, String found, String check) {
    }

    private final Map<String, Entry> entries;
    private final Map<String, Need> checks;

    private QueryLibrary(Map<String, Entry> entries, Map<String, Need> checks) {
        this.entries = entries;
        this.checks = checks;
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

    /** Every check of {@code queries/needs/}, by name. */
    public List<Need> needs() {
        return List.copyOf(checks.values());
    }

    /** By file name with or without {@code .rq}. */
    public Optional<Entry> byName(String name) {
        String key = name.endsWith(".rq") ? name.substring(0, name.length() - 3) : name;
        return Optional.ofNullable(entries.get(key));
    }

    /** Parses one query file's text (header and body); a {@code # needs:} line is refused, having no checks. */
    public static Entry parse(String name, String text) {
        return parse(name, text, Map.of());
    }

    /** Parses one query file's text, its needs resolved against these checks by key. */
    static Entry parse(String name, String text, Map<String, Need> checks) {
        Map<String, String> header = new LinkedHashMap<>();
        List<String> params = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
        for (Map.Entry<String, String> line : header(text)) {
            switch (line.getKey()) {
                case "param" -> params.add(line.getValue());
                case "needs" -> needs.add(need(name, line.getValue(), checks));
                default -> header.merge(line.getKey(), line.getValue(), (a, b) -> a + " " + b);
            }
        }
        return new Entry(name, header.getOrDefault("title", name), header.getOrDefault("title@ja", ""),
                header.getOrDefault("question", ""), header.getOrDefault("result", ""), params, needs, text);
    }

    /** The {@code # key: value} lines at the top of a query file, in order. */
    private static List<Map.Entry<String, String>> header(String text) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            String content = line.substring(1).strip();
            int colon = content.indexOf(':');
            if (colon > 0) {
                lines.add(Map.entry(content.substring(0, colon).strip(), content.substring(colon + 1).strip()));
            }
        }
        return lines;
    }

    private static Need need(String query, String key, Map<String, Need> checks) {
        Need need = checks.get(key);
        if (need == null) {
            throw new IllegalStateException(FOLDER + "/" + query + ".rq: '# needs: " + key + "' names no check "
                    + FOLDER + "/" + NEEDS + "/" + key + ".rq" + (checks.isEmpty() ? "" : " (checks: "
                    + String.join(", ", new TreeMap<>(checks).keySet()) + ")"));
        }
        return need;
    }

    /** Parses one check of {@code queries/needs/}: its {@code # needs:} and {@code # found:} lines are required. */
    static Need parseNeed(String key, String text) {
        String where = FOLDER + "/" + NEEDS + "/" + key + ".rq";
        if (!NEED_KEY.matcher(key).matches()) {
            throw new IllegalStateException(where + ": a need is named with lower-case letters, digits and '-'");
        }
        Map<String, String> header = new LinkedHashMap<>();
        header(text).forEach(line -> header.putIfAbsent(line.getKey(), line.getValue()));
        for (String required : List.of("needs", "found")) {
            if (header.getOrDefault(required, "").isBlank()) {
                throw new IllegalStateException(where + ": '# " + required + ":' line missing");
            }
        }
        return new Need(key, header.get("needs"), header.get("found"), text);
    }

    private static QueryLibrary read() {
        return from(QueryLibrary.class.getClassLoader());
    }

    /** The queries in {@code queries/} of a class path: a directory when run from a build, a jar when installed. */
    public static QueryLibrary from(ClassLoader loader) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Need> checks = new LinkedHashMap<>();
        URL url = loader.getResource(FOLDER);
        if (url == null) {
            return new QueryLibrary(entries, checks);
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    collect(fs.getPath(FOLDER), entries, checks);
                } catch (FileSystemAlreadyExistsException e) {
                    collect(FileSystems.getFileSystem(uri).getPath(FOLDER), entries, checks);
                }
            } else {
                collect(Path.of(uri), entries, checks);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("queries cannot be read from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("queries folder has a bad URL: " + url, e);
        }
        return new QueryLibrary(entries, checks);
    }

    private static void collect(Path dir, Map<String, Entry> entries, Map<String, Need> checks) throws IOException {
        Path needs = dir.resolve(NEEDS);
        if (Files.isDirectory(needs)) {
            for (Path p : queryFiles(needs)) {
                String key = baseName(p);
                checks.put(key, parseNeed(key, Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        for (Path p : queryFiles(dir)) {
            String name = baseName(p);
            entries.put(name, parse(name, Files.readString(p, StandardCharsets.UTF_8), checks));
        }
    }

    private static List<Path> queryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rq") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        }
    }

    private static String baseName(Path p) {
        String file = p.getFileName().toString();
        return file.substring(0, file.length() - 3);
    }
}
