package org.hmskg.serve.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Sparql;
import org.hmskg.serve.pages.Fragments.Text;

/**
 * The small picture on an initiative's page ({@code parts/initiative-graph.jte}): the initiative in the centre, round it the ministries responsible
 * for it and the initiatives named with it, each line as wide as the number of measures behind it, each node a
 * link to its page; a table of the same data underneath.
 */
public final class InitiativeGraph {
    /** More neighbours than this make the picture unreadable; the table lists them all. */
    static final int MAX_DRAWN = 16;

    private final DatasetGraph dataset;
    private final IriPaths paths;
    private final Labels labels;

    /** Called inside the page's read transaction. */
    InitiativeGraph(DatasetGraph dataset, IriPaths paths, Labels labels) {
        this.dataset = dataset;
        this.paths = paths;
        this.labels = labels;
    }

    /** One neighbour: a ministry or an initiative, with the measures naming both it and the initiative. */
    record Neighbour(Node iri, String kind, long measures, long leads) {
    }

    /** What {@code parts/initiative-graph.jte} shows: the picture, and the table of every neighbour. */
    public record Model(GraphPicture.Picture picture, int onlyInTable, List<Row> rows) {
    }

    /** A row of the table; {@code leads} is empty for an initiative. */
    public record Row(String kind, String href, String bothNames, Text name, long measures, String leads) {
    }

    /** The section for the page; none when the initiative has no responsible ministry and no co-mention. */
    Optional<Model> model(Node initiative) {
        List<Neighbour> all = new ArrayList<>();
        for (Binding row : Sparql.select(dataset, "initiative-neighbours", Map.of("this", initiative))) {
            Node n = row.get(Var.alloc("node"));
            Node kind = row.get(Var.alloc("kind"));
            if (n != null && n.isURI() && kind != null && !n.equals(initiative)) {
                all.add(new Neighbour(n, kind.getLiteralLexicalForm(), Sparql.count(row, "measures"),
                        Sparql.count(row, "leads")));
            }
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<Neighbour> ministries = all.stream().filter(n -> n.kind().equals("ministry")).toList();
        List<Neighbour> initiatives = all.stream().filter(n -> n.kind().equals("initiative")).toList();
        all = new ArrayList<>(ministries);
        all.addAll(initiatives);
        // Ministries first, then the initiatives most often named with this one, up to the limit.
        List<Neighbour> drawn = new ArrayList<>(ministries);
        initiatives.stream().limit(Math.max(0, MAX_DRAWN - ministries.size())).forEach(drawn::add);
        long max = drawn.stream().mapToLong(Neighbour::measures).max().orElse(0);

        String self = labels.display(initiative);
        List<GraphPicture.Vertex> vertices = new ArrayList<>();
        vertices.add(new GraphPicture.Vertex(paths.href(initiative), self, labels.displayLang(initiative),
                bothNames(initiative), "centre", GraphPicture.MAX_RADIUS * 0.6, Map.of()));
        List<GraphPicture.Edge> edges = new ArrayList<>();
        for (Neighbour n : drawn) {
            String what = n.kind().equals("ministry")
                    ? "tagged on " + n.measures() + " measure(s) naming it" + (n.leads() > 0 ? ", leads " + n.leads() : "")
                    : "named with it in " + n.measures() + " measure(s)";
            edges.add(new GraphPicture.Edge(0, vertices.size(), GraphPicture.stroke(n.measures(), max),
                    self + " – " + labels.display(n.iri()) + ": " + n.measures() + " measure(s)",
                    Map.of("to", paths.href(n.iri()), "measures", Long.toString(n.measures()))));
            vertices.add(new GraphPicture.Vertex(paths.href(n.iri()), labels.display(n.iri()),
                    labels.displayLang(n.iri()), n.kind() + " " + bothNames(n.iri()) + ": " + what, n.kind(),
                    GraphPicture.radius(n.measures(), max),
                    Map.of("kind", n.kind(), "measures", Long.toString(n.measures()))));
        }

        GraphPicture.Picture picture = GraphPicture.picture("initiative-graph", self + ": " + ministries.size()
                        + " responsible ministries, " + initiatives.size() + " initiatives named with it",
                "The initiative in the centre; ministries tagged on measures naming it and initiatives named in the "
                        + "same measures around it. Circle area and line width: number of those measures.",
                vertices, edges, true, 150);
        List<Row> rows = all.stream().map(n -> new Row(n.kind(), paths.href(n.iri()), bothNames(n.iri()),
                new Text(labels.display(n.iri()), labels.displayLang(n.iri())), n.measures(),
                n.kind().equals("ministry") ? Long.toString(n.leads()) : "")).toList();
        return Optional.of(new Model(picture, all.size() - drawn.size(), rows));
    }

    /** The Japanese name with the English one, for titles. */
    private String bothNames(Node thing) {
        String shown = labels.display(thing);
        return labels.label(thing, "en").map(Node::getLiteralLexicalForm).filter(en -> !en.equals(shown))
                .map(en -> shown + " (" + en + ")").orElse(shown);
    }
}
