package org.hmskg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One purpose-made fixture per convention of the document family ({@code src/test/resources/conventions/NAME.txt},
 * with a {@code NAME.meta.json} where the convention needs one), each built through the whole pipeline: it conforms,
 * every non-whitespace character is in the graph, and the part of the graph the parser decides
 * ({@code structure.rq}) is isomorphic to {@code NAME.expected.ttl}. {@code -Dgolden.update=true} rewrites the
 * expected graphs deliberately; review the diff.
 */
class ConventionsTest {
    static final Path DIR = Path.of(System.getProperty("project.root", "."), "src/test/resources/conventions");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final Query STRUCTURE = QueryFactory.create(read(DIR.resolve("structure.rq")));
    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("hms", "https://w3id.org/hmskg/def#")
            .setNsPrefix("dct", "http://purl.org/dc/terms/")
            .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("id", "https://w3id.org/hmskg/id/");

    @TempDir
    Path dir;

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void buildsWhole(String name) throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Files.copy(DIR.resolve(name + ".txt"), seeds.resolve(name + ".txt"));
        if (Files.exists(DIR.resolve(name + ".meta.json"))) {
            Files.copy(DIR.resolve(name + ".meta.json"), seeds.resolve(name + ".meta.json"));
        }
        Builder.Result result = Builder.build(new Builder.Request(seeds, Optional.empty(), Instant.now()));
        BuildReport report = result.report();
        assertTrue(report.conforms(), () -> String.join("\n", report.violations()));
        BuildReport.DocumentCoverage coverage = report.coverage().get(name + ".txt");
        assertEquals(List.of(), coverage.unplaced());
        assertEquals(List.of(), coverage.missing());
        assertEquals(coverage.characters(), coverage.held());

        Graph structure = QueryExec.graph(result.dataset().getUnionGraph()).query(STRUCTURE).construct();
        Path expectedFile = DIR.resolve(name + ".expected.ttl");
        if (UPDATE) {
            structure.getPrefixMapping().setNsPrefixes(PREFIXES);
            try (OutputStream out = Files.newOutputStream(expectedFile)) {
                RDFDataMgr.write(out, structure, RDFFormat.TURTLE_PRETTY);
            }
        }
        assertTrue(Files.exists(expectedFile), "no " + expectedFile + " (run with -Dgolden.update=true)");
        Graph expected = GraphFactory.createDefaultGraph();
        RDFParser.source(expectedFile).lang(Lang.TURTLE).parse(expected);
        assertTrue(IsoMatcher.isomorphic(expected, structure), () -> name + ": the graph differs from "
                + expectedFile + "\n" + turtle(structure));
        String warnings = String.join("\n", report.warnings().stream().map(Object::toString).toList());
        assertTrue(warnings.lines().noneMatch(w -> w.contains("text not placed")), warnings);
    }

    private static String turtle(Graph g) {
        g.getPrefixMapping().setNsPrefixes(PREFIXES);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
