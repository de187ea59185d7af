package org.hmskg.serve.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Sparql;
import org.hmskg.serve.http.HttpError;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /network} ({@code network.jte}): who works with whom. The ministries tagged on blocks (measures and
 * paragraphs), each circle's area growing with the blocks it leads (◎), joined by lines as wide as the number of
 * blocks they share; every circle links to the ministry's page. Names are shown in Japanese, or in English with {@code ?lang=en}; both are
 * in each title, and the same numbers are in tables under the picture.
 */
public final class NetworkServlet extends HttpServlet {
    private final transient Published published;
    private final transient IriPaths paths;

    public NetworkServlet(Published published, IriPaths paths) {
        this.published = published;
        this.paths = paths;
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

    /** Two ministries tagged on {@code shared} blocks together. */
    record Pair(Ministry a, Ministry b, long shared) {
    }

    /** What {@code network.jte} shows; {@code picture} is null when no ministry is tagged. */
    public record Model(String lang, GraphPicture.Picture picture, int ministries, int pairs, List<MinistryRow> nodes,
                        List<PairRow> edges) {
    }

    /** A row of the ministries' table; {@code lang} null when unknown. */
    public record MinistryRow(String href, String lang, String ja, String en, long leads, long measures) {
    }

    /** A row of the pairs' table. */
    public record PairRow(Name a, Name b, long shared) {
    }

    /** A ministry's name in the chosen language, linked, its names in both languages as the title. */
    public record Name(String href, String lang, String title, String text) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = req.getParameter("lang") == null ? "ja" : req.getParameter("lang");
        if (!lang.equals("ja") && !lang.equals("en")) {
            throw HttpError.badRequest("lang must be ja or en, not '" + lang + "'.");
        }
        Snapshot snapshot = published.current();
        Model model = Txn.calculateRead(snapshot.view(), () -> model(snapshot, lang));
        Pages.send(resp, 200, "network.jte", model);
    }

    private Model model(Snapshot snapshot, String lang) {
        Labels labels = new Labels(snapshot.view().getDefaultGraph(), paths);
        Map<Node, Ministry> byIri = new HashMap<>();
        List<Ministry> ministries = new ArrayList<>();
        for (Binding row : Sparql.select(snapshot.view(), "ministry-network-nodes", Map.of())) {
            Node iri = row.get(Var.alloc("ministry"));
            if (!iri.isURI()) {
                continue;
            }
            Ministry m = new Ministry(iri, labels.display(iri), labels.displayLang(iri),
                    labels.label(iri, "en").map(Node::getLiteralLexicalForm).orElse(""),
                    Sparql.count(row, "measures"), Sparql.count(row, "leads"));
            byIri.put(iri, m);
            ministries.add(m);
        }
        List<Pair> pairs = new ArrayList<>();
        for (Binding row : Sparql.select(snapshot.view(), "ministry-network-edges", Map.of())) {
            Ministry a = byIri.get(row.get(Var.alloc("a")));
            Ministry b = byIri.get(row.get(Var.alloc("b")));
            if (a != null && b != null) {
                pairs.add(new Pair(a, b, Sparql.count(row, "shared")));
            }
        }
        List<MinistryRow> nodes = ministries.stream().map(m -> new MinistryRow(paths.href(m.iri()),
                m.jaLang().isEmpty() ? null : m.jaLang(), m.ja(), m.en(), m.leads(), m.measures())).toList();
        List<PairRow> edges = pairs.stream().map(p -> new PairRow(name(p.a(), lang), name(p.b(), lang), p.shared()))
                .toList();
        return new Model(lang, ministries.isEmpty() ? null : picture(ministries, pairs, lang), ministries.size(),
                pairs.size(), nodes, edges);
    }

    private Name name(Ministry m, String lang) {
        String l = m.nameLang(lang);
        return new Name(paths.href(m.iri()), l.isEmpty() ? null : l, m.bothNames(), m.name(lang));
    }

    private GraphPicture.Picture picture(List<Ministry> ministries, List<Pair> pairs, String lang) {
        long maxLeads = ministries.stream().mapToLong(Ministry::leads).max().orElse(0);
        long maxShared = pairs.stream().mapToLong(Pair::shared).max().orElse(0);
        List<GraphPicture.Vertex> vertices = new ArrayList<>();
        Map<Ministry, Integer> index = new HashMap<>();
        for (Ministry m : ministries) {
            index.put(m, vertices.size());
            vertices.add(new GraphPicture.Vertex(paths.href(m.iri()), m.name(lang), m.nameLang(lang),
                    m.bothNames() + ": leads " + m.leads() + ", tagged on " + m.measures() + " measure(s) or paragraph(s)",
                    "ministry", GraphPicture.radius(m.leads(), maxLeads),
                    Map.of("leads", Long.toString(m.leads()), "measures", Long.toString(m.measures()))));
        }
        List<GraphPicture.Edge> edges = pairs.stream().map(p -> new GraphPicture.Edge(index.get(p.a()),
                index.get(p.b()), GraphPicture.stroke(p.shared(), maxShared),
                p.a().name(lang) + " – " + p.b().name(lang) + ": " + p.shared() + " shared measure(s) or paragraph(s)",
                Map.of("from", paths.href(p.a().iri()), "to", paths.href(p.b().iri()),
                        "shared", Long.toString(p.shared())))).toList();
        int ring = Math.max(120, Math.min(300, 40 * ministries.size()));
        return GraphPicture.picture("ministry-network", "Ministry co-responsibility network: " + ministries.size()
                        + " ministries, " + pairs.size() + " pairs sharing measures or paragraphs",
                "Circle area: measures and paragraphs the ministry leads (largest: " + maxLeads + "). Line width: "
                        + "measures and paragraphs two ministries share (widest: " + maxShared + "). The tables below "
                        + "give the same numbers.",
                vertices, edges, false, ring);
    }
}
