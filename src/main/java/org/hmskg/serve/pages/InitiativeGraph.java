package org.hmskg.serve.pages;

import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.data.Sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The small picture on an initiative's page: the initiative in the centre, round it the ministries responsible
 * for it and the initiatives named with it, each line as wide as the number of measures behind it, each node a
 * link to its page; a table of the same data underneath.
 */
public final class InitiativeGraph {
    /** More neighbours than this make the picture unreadable; the table lists them all. */
    static final int MAX_DRAWN = 16;

    private final DatasetGraph dataset;
    private final Links links;
    private final Labels labels;

    /** Called inside the page's read transaction. */
    InitiativeGraph(DatasetGraph dataset, Links links, Labels labels) {
        this.dataset = dataset;
        this.links = links;
        this.labels = labels;
    }

    /** One neighbour: a ministry or an initiative, with the measures naming both it and the initiative. */
    record Neighbour(Node iri, String kind, long measures, long leads) {
    }

    /** The section for the page, or "" when the initiative has no responsible ministry and no co-mention. */
    String render(Node initiative) {
        List<Neighbour> all = new ArrayList<>();
        for (Binding row : Sparql.select(dataset, "initiative-neighbours", Map.of("this", initiative))) {
            Node n = row.get(Var.alloc("node"));
            Node kind = row.get(Var.alloc("kind"));
            if (n != null && n.isURI() && kind != null && !n.equals(initiative)) {
                all.add(new Neighbour(n, kind.getLiteralLexicalForm(), NetworkServlet.count(row, "measures"),
                        NetworkServlet.count(row, "leads")));
            }
        }
        if (all.isEmpty()) {
            return "";
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
        vertices.add(new GraphPicture.Vertex(links.href(initiative), self, labels.displayLang(initiative),
                bothNames(initiative), "centre", GraphPicture.MAX_RADIUS * 0.6, Map.of()));
        List<GraphPicture.Edge> edges = new ArrayList<>();
        for (Neighbour n : drawn) {
            String what = n.kind().equals("ministry")
                    ? "tagged on " + n.measures() + " measure(s) naming it" + (n.leads() > 0 ? ", leads " + n.leads() : "")
                    : "named with it in " + n.measures() + " measure(s)";
            edges.add(new GraphPicture.Edge(0, vertices.size(), GraphPicture.stroke(n.measures(), max),
                    self + " – " + labels.display(n.iri()) + ": " + n.measures() + " measure(s)",
                    Map.of("to", links.href(n.iri()), "measures", Long.toString(n.measures()))));
            vertices.add(new GraphPicture.Vertex(links.href(n.iri()), labels.display(n.iri()),
                    labels.displayLang(n.iri()), n.kind() + " " + bothNames(n.iri()) + ": " + what, n.kind(),
                    GraphPicture.radius(n.measures(), max),
                    Map.of("kind", n.kind(), "measures", Long.toString(n.measures()))));
        }

        StringBuilder b = new StringBuilder("<section class=\"neighbours\">\n<h2>Ministries and related initiatives "
                + "<span lang=\"ja\">関係府省庁と共起取組</span></h2>\n<figure class=\"graph small\">\n");
        b.append(GraphPicture.svg("initiative-graph", self + ": " + ministries.size() + " responsible ministries, "
                        + initiatives.size() + " initiatives named with it",
                "The initiative in the centre; ministries tagged on measures naming it and initiatives named in the "
                        + "same measures around it. Circle area and line width: number of those measures.",
                vertices, edges, true, 150));
        b.append("<figcaption>Key: <span class=\"key ministry\">ministry</span> "
                + "<span class=\"key initiative\">initiative</span>");
        if (drawn.size() < all.size()) {
            b.append("; ").append(all.size() - drawn.size()).append(" more initiative(s) only in the table");
        }
        b.append(". Derived links: hms:responsibleMinistry and hms:coMentionedWith.</figcaption>\n</figure>\n");
        b.append("<table class=\"neighbours\">\n<caption>What the picture shows</caption>\n<tr><th scope=\"col\">"
                + "Kind</th><th scope=\"col\">Name</th><th scope=\"col\" class=\"num\">Measures</th>"
                + "<th scope=\"col\" class=\"num\">Leads (◎)</th></tr>\n");
        for (Neighbour n : all) {
            b.append("<tr><td>").append(n.kind()).append("</td><td>")
                    .append("<a href=\"").append(Html.esc(links.href(n.iri()))).append("\" title=\"")
                    .append(Html.esc(bothNames(n.iri()))).append("\">")
                    .append(Html.text(labels.display(n.iri()), labels.displayLang(n.iri()))).append("</a></td>")
                    .append("<td class=\"num\">").append(n.measures()).append("</td><td class=\"num\">")
                    .append(n.kind().equals("ministry") ? Long.toString(n.leads()) : "")
                    .append("</td></tr>\n");
        }
        return b.append("</table>\n</section>\n").toString();
    }

    /** The Japanese name with the English one, for titles. */
    private String bothNames(Node thing) {
        String shown = labels.display(thing);
        return labels.label(thing, "en").map(Node::getLiteralLexicalForm).filter(en -> !en.equals(shown))
                .map(en -> shown + " (" + en + ")").orElse(shown);
    }
}
