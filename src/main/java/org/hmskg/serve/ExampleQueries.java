package org.hmskg.serve;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example queries of {@code queries/*.rq}, for the query editor's gallery and the landing page. Each file
 * starts with comment lines {@code # title: …}, {@code # title@ja: …} and {@code # description: …}.
 */
final class ExampleQueries {
    static final String CLASSPATH_DIR = "queries";

    record Example(String name, String title, String titleJa, String description, String query) {
    }

    private final List<Example> all;

    ExampleQueries(List<Example> all) {
        this.all = List.copyOf(all);
    }

    List<Example> all() {
        return all;
    }

    static ExampleQueries fromClasspath() {
        return from(ExampleQueries.class.getClassLoader());
    }

    /** The queries in {@code queries/} of a class path: a directory when run from a build, a jar when installed. */
    static ExampleQueries from(ClassLoader loader) {
        URL url = loader.getResource(CLASSPATH_DIR);
        if (url == null) {
            return new ExampleQueries(List.of());
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return new ExampleQueries(read(fs.getPath(CLASSPATH_DIR)));
                } catch (FileSystemAlreadyExistsException e) {
                    return new ExampleQueries(read(FileSystems.getFileSystem(uri).getPath(CLASSPATH_DIR)));
                }
            }
            return new ExampleQueries(read(Path.of(uri)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example queries in " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad class path location " + url, e);
        }
    }

    private static List<Example> read(Path dir) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".rq"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                examples.add(parse(f.getFileName().toString().replaceFirst("\\.rq$", ""),
                        Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return examples;
    }

    static Example parse(String name, String text) {
        String title = name;
        String titleJa = "";
        String description = "";
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            String l = line.substring(1).strip();
            if (l.startsWith("title@ja:")) {
                titleJa = l.substring("title@ja:".length()).strip();
            } else if (l.startsWith("title:")) {
                title = l.substring("title:".length()).strip();
            } else if (l.startsWith("description:")) {
                description = l.substring("description:".length()).strip();
            }
        }
        return new Example(name, title, titleJa, description, text);
    }
}
