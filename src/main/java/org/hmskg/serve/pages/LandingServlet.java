package org.hmskg.serve.pages;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Stats;
import org.hmskg.serve.http.ServerConfig;
import org.hmskg.store.DatasetVersion;
import org.hmskg.vocab.HMS;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /} ({@code landing.jte}): what the dataset is, how much it holds, how fresh it is, where to go next, and how
 * to cite it.
 */
public final class LandingServlet extends HttpServlet {
    private final transient Published published;
    private final transient ServerConfig config;
    private final transient Ontology ontology;
    private final transient QueryLibrary examples;
    private final transient IriPaths paths;

    public LandingServlet(Published published, ServerConfig config, Ontology ontology, QueryLibrary examples,
                          IriPaths paths) {
        this.published = published;
        this.paths = paths;
        this.config = config;
        this.ontology = ontology;
        this.examples = examples;
    }

    /** What {@code landing.jte} shows. */
    public record Model(long triples, int graphs, List<ClassCount> classes, String version, String builtAt,
                        List<Source> sources, List<Gallery.Example> examples, String vocabulary, String limits,
                        String base) {
    }

    /** A class with the number of things of it. */
    public record ClassCount(String href, String name, String prefixed, long things) {
    }

    /** A source file with its SHA-256. */
    public record Source(String file, String sha256) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Snapshot snapshot = published.current();
        DatasetVersion v = snapshot.version();
        Stats stats = snapshot.stats();
        List<ClassCount> classes = stats.classes().stream().map((Map.Entry<Node, Long> e) -> new ClassCount(
                paths.href(e.getKey()), ontology.name(e.getKey()), Prefixes.shorten(e.getKey().getURI()),
                e.getValue())).toList();
        List<Source> sources = new TreeMap<>(v.sources()).entrySet().stream()
                .map(e -> new Source(e.getKey(), e.getValue())).toList();
        Pages.send(resp, 200, "landing.jte", new Model(stats.triples(), stats.graphTriples().size(), classes,
                v.version(), v.builtAt().toString(), sources, Gallery.of(examples, snapshot), HMS.NS, config.describeLimits(),
                config.baseIri()));
    }
}
