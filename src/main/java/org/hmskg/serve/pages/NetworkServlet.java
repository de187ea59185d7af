package org.hmskg.serve.pages;

import org.hmskg.serve.http.BaseServlet;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Sparql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /network}: who works with whom. The ministries tagged on measures, each circle's area growing with the
 * measures it leads (◎), joined by lines as wide as the number of measures they share; every circle links to the
 * ministry's page. Names are shown in Japanese, or in English with {@code ?lang=en}; both are in each title, and
 * the same numbers are in tables under the picture.
 */
public final class NetworkServlet extends BaseServlet {
    private final Published published;
    private final Links links;

    public NetworkServlet(Published published, Links links) {
        this.published = published;
        this.links = links;
    }

    /** A ministry of the network with its two counts. */
    record Ministry(Node iri, String ja, String jaLang, String en, long measures, long leads) {
        String name(String lang) {
            return "en".equals(lang) && !en.isEmpty() ? en : ja;
        }

        String nameLang(String lang) {
            return "en".equals(lang) && !en.isEmpty() ? "en" : jaLang;
        }

        String bothNames() {
            return en.isEmpty() || en.equals(ja) ? ja : ja + " (" + en + ")";
        }
    }

    /** Two ministries tagged on {@code shared} measures together. */
    record Pair(Ministry a, Ministry b, long shared) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = req.getParameter("lang") == null ? "ja" : req.getParameter("lang");
        if (!lang.equals("ja") && !lang.equals("en")) {
            throw HttpError.badRequest("lang must be ja or en, not '" + lang + "'.");
        }
        Snapshot snapshot = published.current();
        String body = Txn.calculateRead(snapshot.view(), () -> render(snapshot, lang));
        Html.send(resp, 200, Html.page("Ministry co-responsibility network", body));
    }

    private String render(Snapshot snapshot, String lang) {
        Labels labels = new Labels(snapshot.view().getDefaultGraph(), links);
        Map<Node, Ministry> ministries = new HashMap<>();
        List<Ministry> order = new ArrayList<>();
        for (Binding row : Sparql.select(snapshot.view(), "ministry-network-nodes", Map.of())) {
            Node iri = row.get(Var.alloc("ministry"));
            if (!iri.isURI()) {
                continue;
            }
            Ministry m = new Ministry(iri, labels.display(iri), labels.displayLang(iri),
                    labels.label(iri, "en").map(Node::getLiteralLexicalForm).orElse(""),
                    count(row, "measures"), count(row, "leads"));
            ministries.put(iri, m);
            order.add(m);
        }
        List<Pair> pairs = new ArrayList<>();
        for (Binding row : Sparql.select(snapshot.view(), "ministry-network-edges", Map.of())) {
            Ministry a = ministries.get(row.get(Var.alloc("a")));
            Ministry b = ministries.get(row.get(Var.alloc("b")));
            if (a != null && b != null) {
                pairs.add(new Pair(a, b, count(row, "shared")));
            }
        }
        return page(order, pairs, lang);
    }

    static long count(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() && n.getLiteralValue() instanceof Number num ? num.longValue() : 0;
    }

    private String page(List<Ministry> ministries, List<Pair> pairs, String lang) {
        StringBuilder b = new StringBuilder("<article class=\"network\">\n");
        b.append("<h1>Who works with whom <span lang=\"ja\">省庁間の共同担当ネットワーク</span></h1>\n");
        b.append("<p class=\"lead\">Ministries tagged on the same measures (施策) work together on them. A circle is a "
                + "ministry, its area growing with the number of measures it leads (◎ in the tag); a line joins two "
                + "ministries tagged on the same measures, as wide as the number of measures they share. Select a "
                + "circle to open the ministry's page.</p>\n");
        b.append("<p class=\"lang-switch\">Names: ")
                .append(lang.equals("ja") ? "<strong lang=\"ja\">日本語</strong>" : "<a href=\"/network\" lang=\"ja\">日本語</a>")
                .append(" · ")
                .append(lang.equals("en") ? "<strong>English</strong>" : "<a href=\"/network?lang=en\">English</a>")
                .append("</p>\n");
        if (ministries.isEmpty()) {
            return b.append("<p>No ministry is tagged on any measure in this dataset.</p>\n</article>").toString();
        }
        long maxLeads = ministries.stream().mapToLong(Ministry::leads).max().orElse(0);
        long maxShared = pairs.stream().mapToLong(Pair::shared).max().orElse(0);
        List<GraphPicture.Vertex> vertices = new ArrayList<>();
        Map<Ministry, Integer> index = new HashMap<>();
        for (Ministry m : ministries) {
            index.put(m, vertices.size());
            vertices.add(new GraphPicture.Vertex(links.href(m.iri()), m.name(lang), m.nameLang(lang),
                    m.bothNames() + ": leads " + m.leads() + ", tagged on " + m.measures() + " measure(s)",
                    "ministry", GraphPicture.radius(m.leads(), maxLeads),
                    Map.of("leads", Long.toString(m.leads()), "measures", Long.toString(m.measures()))));
        }
        List<GraphPicture.Edge> edges = pairs.stream().map(p -> new GraphPicture.Edge(index.get(p.a()), index.get(p.b()),
                GraphPicture.stroke(p.shared(), maxShared),
                p.a().name(lang) + " – " + p.b().name(lang) + ": " + p.shared() + " shared measure(s)",
                Map.of("from", links.href(p.a().iri()), "to", links.href(p.b().iri()),
                        "shared", Long.toString(p.shared())))).toList();
        int ring = Math.max(120, Math.min(300, 40 * ministries.size()));
        b.append("<figure class=\"graph\">\n");
        b.append(GraphPicture.svg("ministry-network", "Ministry co-responsibility network: " + ministries.size()
                        + " ministries, " + pairs.size() + " pairs sharing measures",
                "Circle area: measures the ministry leads (largest: " + maxLeads + "). Line width: measures two "
                        + "ministries share (widest: " + maxShared + "). The tables below give the same numbers.",
                vertices, edges, false, ring));
        b.append("<figcaption>").append(ministries.size()).append(" ministries and ").append(pairs.size())
                .append(" pairs. Hover over a circle or line for its names and numbers; the same data is in the "
                        + "tables below.</figcaption>\n</figure>\n");

        b.append("<h2>Ministries</h2>\n<table class=\"network-nodes\">\n<caption>Measures each ministry is tagged on "
                + "and leads (◎)</caption>\n<tr><th scope=\"col\">Ministry</th><th scope=\"col\" lang=\"en\">English name"
                + "</th><th scope=\"col\" class=\"num\">Leads</th><th scope=\"col\" class=\"num\">Tagged on</th></tr>\n");
        for (Ministry m : ministries) {
            b.append("<tr><td>").append("<a href=\"").append(Html.esc(links.href(m.iri()))).append("\"")
                    .append(langAttr(m.jaLang())).append('>').append(Html.esc(m.ja()))
                    .append("</a></td><td lang=\"en\">").append(Html.esc(m.en()))
                    .append("</td><td class=\"num\">").append(m.leads()).append("</td><td class=\"num\">")
                    .append(m.measures()).append("</td></tr>\n");
        }
        b.append("</table>\n");
        b.append("<h2>Pairs</h2>\n");
        if (pairs.isEmpty()) {
            b.append("<p>No two ministries are tagged on the same measure.</p>\n");
        } else {
            b.append("<table class=\"network-edges\">\n<caption>Measures two ministries are tagged on together, most "
                    + "first</caption>\n<tr><th scope=\"col\">Ministry</th><th scope=\"col\">Ministry</th>"
                    + "<th scope=\"col\" class=\"num\">Shared measures</th></tr>\n");
            for (Pair p : pairs) {
                b.append("<tr><td>").append(name(p.a(), lang)).append("</td><td>").append(name(p.b(), lang))
                        .append("</td><td class=\"num\">").append(p.shared()).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</article>").toString();
    }

    private static String langAttr(String lang) {
        return lang.isEmpty() ? "" : " lang=\"" + Html.esc(lang) + "\"";
    }

    private String name(Ministry m, String lang) {
        return "<a href=\"" + Html.esc(links.href(m.iri())) + "\"" + langAttr(m.nameLang(lang)) + " title=\""
                + Html.esc(m.bothNames()) + "\">" + Html.esc(m.name(lang)) + "</a>";
    }
}
