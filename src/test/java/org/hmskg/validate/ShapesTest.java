package org.hmskg.validate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape in ontology/shapes.ttl must reject at least one fixture, and the valid fixture must pass them all.
 *
 * <p>A fixture in {@code shapes/fail/} is a patch of {@code shapes/valid.ttl}. Its leading comment lines say what
 * it tests; the Turtle after them is added to the valid graph (with the valid graph's prefixes and base):
 * <pre>
 * # shape: hmsh:Block-text              the shape that must report it
 * # expect: exactly one hms:text          a part of that shape's message
 * # also: hmsh:Measure-sameDocument       other shapes the change also breaks (optional)
 * # remove: &lt;measure/sample-2022/1&gt; hms:text   triples removed first: subject, predicate (or *), optional object
 * </pre>
 */
class ShapesTest {
    private static final String BASE = "https://w3id.org/hmskg/id/";
    /** Read from the source tree, so that a fixture deleted there is gone here too. */
    private static final Path DIR = Path.of(System.getProperty("project.root", "."), "src/test/resources/shapes");
    private static final Validator VALIDATOR = Validator.standard();
    private static final PrefixMapping SHAPE_PREFIXES = VALIDATOR.shapes().getGraph().getPrefixMapping();
    private static final String VALID_TEXT = read(DIR.resolve("valid.ttl"));
    private static final PrefixMapping DATA_PREFIXES = parse(VALID_TEXT).getPrefixMapping();

    record Fixture(String name, String shape, String expect, Set<String> also, List<String> removals, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> failFixtures() {
        try (Stream<Path> files = Files.list(DIR.resolve("fail"))) {
            return files.filter(f -> f.toString().endsWith(".ttl")).sorted().map(ShapesTest::fixture).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theValidFixtureConforms() {
        Outcome outcome = VALIDATOR.validate(parse(VALID_TEXT));
        assertTrue(outcome.conforms(), () -> lines(outcome.violations()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failFixtures")
    void aFailFixtureViolatesTheShapeItNames(Fixture fixture) {
        Outcome outcome = VALIDATOR.validate(patched(fixture));
        assertFalse(outcome.conforms(), fixture.name() + " must not conform");
        Set<String> reporting = outcome.violations().stream().map(Violation::shape).collect(Collectors.toSet());
        Set<String> allowed = new TreeSet<>(fixture.also());
        allowed.add(fixture.shape());
        assertAll(
                () -> assertTrue(outcome.violations().stream().anyMatch(v -> v.shape().equals(fixture.shape())
                                && v.message().contains(fixture.expect())),
                        () -> "expected " + fixture.shape() + " with '" + fixture.expect() + "', got\n"
                                + lines(outcome.violations())),
                () -> assertEquals(allowed, reporting, () -> "shapes reporting, got\n" + lines(outcome.violations())));
    }

    /** A new shape, or a constraint added to an existing one, needs a fixture that it rejects. */
    @Test
    void everyShapeRejectsAtLeastOneFixture() {
        // A shape with only sh:property has no constraint of its own and cannot report anything itself.
        Set<String> required = reportingShapes().stream().filter(s -> !s.getConstraints().isEmpty())
                .map(s -> SHAPE_PREFIXES.shortForm(s.getShapeNode().getURI()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = new TreeSet<>();
        for (Fixture fixture : failFixtures()) {
            for (ReportEntry entry : VALIDATOR.report(patched(fixture)).getEntries()) {
                covered.add(SHAPE_PREFIXES.shortForm(entry.source().getURI()));
            }
        }
        List<String> missing = required.stream().filter(s -> !covered.contains(s)).toList();
        assertEquals(List.of(), missing, "shapes without a fixture in shapes/fail/ that violates them");
        assertTrue(required.size() > 60, "found the shapes: " + required);
    }

    /** Reports and fixtures name shapes; a blank-node shape could be neither named nor covered. */
    @Test
    void everyReportingShapeHasAnIri() {
        List<String> blank = reportingShapes().stream().filter(s -> !s.getShapeNode().isURI())
                .map(Shape::toString).toList();
        assertEquals(List.of(), blank);
    }

    @Test
    void violationsNameFocusPathMessageAndShape() {
        Fixture fixture = failFixtures().stream().filter(f -> f.name().equals("Block-text--missing.ttl"))
                .findFirst().orElseThrow();
        Outcome outcome = VALIDATOR.validate(patched(fixture));
        assertEquals(List.of(new Violation(BASE + "measure/sample-2022/1", "hms:text",
                "A block (measure or paragraph) must have exactly one hms:text, a non-empty xsd:string", "Violation",
                "hmsh:Block-text")), outcome.violations());
        assertEquals("Violation at https://w3id.org/hmskg/id/measure/sample-2022/1 (hms:text): "
                + "A block (measure or paragraph) must have exactly one hms:text, a non-empty xsd:string "
                + "[hmsh:Block-text]",
                outcome.violations().get(0).toString());
    }

    /** Shapes with a target, and their property shapes: the shapes that appear in reports. */
    private static List<Shape> reportingShapes() {
        List<Shape> shapes = new ArrayList<>();
        for (Shape shape : VALIDATOR.shapes().getTargetShapes()) {
            shapes.add(shape);
            shapes.addAll(shape.getPropertyShapes());
        }
        return shapes;
    }

    private static Graph patched(Fixture fixture) {
        Graph graph = parse(VALID_TEXT);
        for (String removal : fixture.removals()) {
            String[] parts = removal.trim().split("\\s+");
            assertTrue(parts.length == 2 || parts.length == 3, fixture.name() + ": remove: subject predicate [object]");
            Node s = node(parts[0], fixture);
            Node p = parts[1].equals("*") ? Node.ANY : node(parts[1], fixture);
            Node o = parts.length == 3 ? node(parts[2], fixture) : Node.ANY;
            assertTrue(graph.contains(s, p, o), fixture.name() + ": nothing to remove for '" + removal + "'");
            graph.remove(s, p, o);
        }
        parse(fixture.body()).find().forEachRemaining(graph::add);
        return graph;
    }

    private static Node node(String token, Fixture fixture) {
        if (token.equals("a")) {
            return RDF.type.asNode();
        }
        if (token.startsWith("<") && token.endsWith(">")) {
            return NodeFactory.createURI(URI.create(BASE).resolve(token.substring(1, token.length() - 1)).toString());
        }
        String iri = DATA_PREFIXES.expandPrefix(token);
        assertFalse(iri.equals(token), fixture.name() + ": unknown prefix in '" + token + "'");
        return NodeFactory.createURI(iri);
    }

    private static Graph parse(String turtle) {
        StringBuilder prologue = new StringBuilder();
        if (DATA_PREFIXES != null) {
            DATA_PREFIXES.getNsPrefixMap().forEach((p, ns) -> prologue.append("@prefix ").append(p).append(": <")
                    .append(ns).append("> .\n"));
        }
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(prologue + turtle, Lang.TURTLE).base(BASE).parse(graph);
        return graph;
    }

    private static Fixture fixture(Path file) {
        String name = file.getFileName().toString();
        String text = read(file);
        String shape = null;
        String expect = null;
        Set<String> also = new TreeSet<>();
        List<String> removals = new ArrayList<>();
        for (String line : text.lines().takeWhile(l -> l.startsWith("#")).toList()) {
            String[] keyValue = line.substring(1).trim().split(":", 2);
            String value = keyValue.length == 2 ? keyValue[1].trim() : "";
            switch (keyValue[0].trim()) {
                case "shape" -> shape = value;
                case "expect" -> expect = value;
                case "also" -> also.addAll(List.of(value.split("\\s+")));
                case "remove" -> removals.add(value);
                default -> {
                    // free comment
                }
            }
        }
        assertNotNull(shape, name + ": '# shape:' header");
        assertNotNull(expect, name + ": '# expect:' header");
        assertTrue(name.startsWith(shape.substring(shape.indexOf(':') + 1) + "--"),
                name + ": file name starts with the shape's local name and '--'");
        return new Fixture(name, shape, expect, also, removals, text);
    }

    private static String lines(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
