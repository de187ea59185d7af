package org.hmskg.validate;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.parser.ShaclParseException;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.system.Txn;
import org.hmskg.vocab.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks data against the SHACL shapes in {@code ontology/shapes.ttl}, parsed once.
 *
 * <p>SHACL reads class membership from the data graph only, so the data is checked together with the
 * ontology's {@code rdfs:subClassOf} triples: a resource typed {@code hms:Programme} is then an
 * {@code hms:Initiative} for {@code sh:targetClass} and {@code sh:class}. The caller's graph is never changed.
 * One instance is safe to share between threads.
 */
public final class Validator {
    static final String SHAPES_RESOURCE = "ontology/shapes.ttl";
    static final String ONTOLOGY_RESOURCE = "ontology/hms.ttl";

    private static final Logger LOG = LoggerFactory.getLogger(Validator.class);

    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::focusNode)
            .thenComparing(Violation::path)
            .thenComparing(Violation::shape)
            .thenComparing(Violation::message);

    private final Shapes shapes;
    private final Graph classHierarchy;
    private final PrefixMapping prefixes;

    private Validator(Shapes shapes, Graph classHierarchy, PrefixMapping prefixes) {
        this.shapes = shapes;
        this.classHierarchy = classHierarchy;
        this.prefixes = prefixes;
    }

    /** The validator for the project's shapes and ontology, loaded from the class path on first use. */
    public static Validator standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Validator INSTANCE = load();
    }

    private static Validator load() {
        Graph shapesGraph = readResource(SHAPES_RESOURCE);
        Shapes shapes;
        try {
            shapes = Shapes.parse(shapesGraph);
        } catch (ShaclParseException e) {
            throw new IllegalStateException(SHAPES_RESOURCE + ": not valid SHACL: " + e.getMessage(), e);
        }
        Graph hierarchy = GraphFactory.createDefaultGraph();
        readResource(ONTOLOGY_RESOURCE).find(Node.ANY, Vocab.RDFS.subClassOf, Node.ANY)
                .forEachRemaining(hierarchy::add);
        return new Validator(shapes, hierarchy, shapesGraph.getPrefixMapping());
    }

    private static Graph readResource(String name) {
        try (InputStream in = Validator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("class path resource " + name + " is missing");
            }
            return RDFParser.source(in).lang(Lang.TURTLE).toGraph();
        } catch (RiotException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Validates one graph. */
    public Outcome validate(Graph data) {
        return check(copyOf(data));
    }

    /**
     * Validates the union of all named graphs of {@code dsg}; one resource's triples may be spread over several
     * graphs (the ministry in the reference graph, the measure naming it in a document's graph). The default
     * graph is not read: hms-kg keeps every triple in a named graph and serves their union as the default graph.
     * Runs in a read transaction unless the caller is already in one.
     */
    public Outcome validate(DatasetGraph dsg) {
        Graph all = dsg.supportsTransactions() && !dsg.isInTransaction()
                ? Txn.calculateRead(dsg, () -> namedGraphs(dsg))
                : namedGraphs(dsg);
        return check(all);
    }

    /** The parsed shapes, for tests that look at every shape. */
    Shapes shapes() {
        return shapes;
    }

    /** The SHACL report itself, for tests that look at constraint components. */
    ValidationReport report(Graph data) {
        return run(copyOf(data));
    }

    private static Graph copyOf(Graph data) {
        Graph all = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(all, data);
        return all;
    }

    private static Graph namedGraphs(DatasetGraph dsg) {
        Graph all = GraphFactory.createDefaultGraph();
        dsg.listGraphNodes().forEachRemaining(name -> GraphUtil.addInto(all, dsg.getGraph(name)));
        return all;
    }

    /** {@code all} is a private copy of the data, so the class hierarchy can be added to it. */
    private ValidationReport run(Graph all) {
        GraphUtil.addInto(all, classHierarchy);
        return ShaclValidator.get().validate(shapes, all);
    }

    private Outcome check(Graph all) {
        long started = System.nanoTime();
        int dataTriples = all.size();
        List<Violation> violations = run(all).getEntries().stream()
                .map(this::violation)
                .distinct()
                .sorted(ORDER)
                .toList();
        LOG.info("validated {} triples against {} shapes: {} in {} ms", dataTriples, shapes.numShapes(),
                violations.isEmpty() ? "conforms" : violations.size() + " violations",
                (System.nanoTime() - started) / 1_000_000);
        return new Outcome(violations.isEmpty(), violations);
    }

    private Violation violation(ReportEntry entry) {
        String path = entry.resultPath() == null ? "" : PathWriter.asString(entry.resultPath(), new Prologue(prefixes));
        String message = entry.message() == null ? "" : entry.message();
        return new Violation(render(entry.focusNode()), path, message,
                entry.severity().level().getLocalName(), shortForm(entry.source()));
    }

    private static String render(Node node) {
        if (node.isURI()) {
            return node.getURI();
        }
        return NodeFmtLib.strNT(node);
    }

    private String shortForm(Node node) {
        return node.isURI() ? prefixes.shortForm(node.getURI()) : render(node);
    }
}
