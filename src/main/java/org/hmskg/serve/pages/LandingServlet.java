package org.hmskg.serve.pages;

import org.hmskg.serve.http.BaseServlet;
import org.hmskg.serve.data.Licence;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.http.ServerConfig;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Stats;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.hmskg.query.QueryLibrary;
import org.hmskg.store.DatasetVersion;
import org.hmskg.vocab.HMS;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /}: what the dataset is, how much it holds, how fresh it is, where to go next, and how to cite it. */
public final class LandingServlet extends BaseServlet {
    private final Published published;
    private final ServerConfig config;
    private final Ontology ontology;
    private final QueryLibrary examples;
    private final Links links;

    public LandingServlet(Published published, ServerConfig config, Ontology ontology, QueryLibrary examples,
                   Links links) {
        this.published = published;
        this.links = links;
        this.config = config;
        this.ontology = ontology;
        this.examples = examples;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Snapshot snapshot = published.current();
        DatasetVersion v = snapshot.version();
        Stats stats = snapshot.stats();
        StringBuilder b = new StringBuilder();
        b.append("""
                <h1>hms-kg <span lang="ja">健康・医療戦略ナレッジグラフ</span></h1>
                <p class="lead">Japan's health and medical strategy documents (健康・医療戦略推進本部 and the \
                ministries that carry it out) as a linked-data knowledge graph: documents, their sections and \
                measures (施策), the ministries responsible for each measure, and the initiatives, organisations, \
                laws and plans the measures name, every fact traced back to its page and line in the source.</p>
                <form class="search big" action="/search" method="get" role="search">\
                <input type="search" name="q" placeholder="AMED, 厚生労働省, 健康経営 …" aria-label="Search">\
                <button type="submit">Search</button></form>
                """);
        b.append("<h2>Contents</h2>\n<p>").append(stats.triples()).append(" triples in ")
                .append(stats.graphTriples().size()).append(" named graphs; the SPARQL default graph is their union.")
                .append("</p>\n<table class=\"counts\">\n<tr><th>Class</th><th>Things</th></tr>\n");
        for (Map.Entry<Node, Long> e : stats.classes()) {
            Node cls = e.getKey();
            b.append("<tr><td>").append(Html.link(links.href(cls), ontology.name(cls)))
                    .append(" <small>").append(Html.esc(Prefixes.shorten(cls.getURI()))).append("</small></td>")
                    .append("<td class=\"num\">").append(e.getValue()).append("</td></tr>\n");
        }
        b.append("</table>\n");

        b.append("<h2>Freshness</h2>\n<p>Version <code>").append(Html.esc(v.version())).append("</code>, built ")
                .append(Html.esc(v.builtAt().toString())).append(" from these sources (SHA-256):</p>\n")
                .append("<ul class=\"sources\">\n");
        new TreeMap<>(v.sources()).forEach((file, sha) -> b.append("<li><code>").append(Html.esc(file))
                .append("</code> <code class=\"sha\">").append(Html.esc(sha)).append("</code></li>\n"));
        b.append("</ul>\n");

        if (!examples.entries().isEmpty()) {
            b.append("<h2>Example queries</h2>\n<ul class=\"examples\">\n");
            for (QueryLibrary.Entry ex : examples.entries()) {
                b.append("<li>").append(Html.link("/ui/?query=" + URLEncoder.encode(ex.text(),
                        StandardCharsets.UTF_8), ex.title()));
                if (!ex.titleJa().isEmpty()) {
                    b.append(" <span lang=\"ja\">").append(Html.esc(ex.titleJa())).append("</span>");
                }
                if (!ex.description().isEmpty()) {
                    b.append(" — ").append(Html.esc(ex.description()));
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }

        String base = config.baseIri();
        b.append("""
                <h2>Use the data</h2>
                <ul class="links">
                <li><a href="/sparql">SPARQL endpoint</a> <code>/sparql</code> (also <code>/kg/sparql</code>, \
                <code>/kg/query</code>; graphs at <code>/kg/get</code>)</li>
                <li><a href="/ui/">Query editor</a> with the example queries</li>
                <li><a href="/search">Search</a> initiatives, ministries, citations, sections and measures</li>
                <li><a href="/network">Who works with whom</a>: the ministries' co-responsibility network, drawn</li>
                <li><a href="/def">Ontology</a> <code>%s</code> (Turtle, JSON-LD)</li>
                <li><a href="/.well-known/void">Dataset description</a> (VoID and DCAT)</li>
                <li><a href="/download/">Downloads</a>: N-Quads and TriG dumps with checksums and a manifest</li>
                <li><a href="/$/status">Status</a> and <a href="/$/metrics">metrics</a></li>
                </ul>
                <p class="limits">%s</p>
                <p>Things are named <code>%sid/{type}/{key}</code>; each IRI resolves to a page for people and to \
                Turtle, JSON-LD, N-Triples or RDF/XML for programs.</p>
                <h2>How to cite</h2>
                <p class="cite">hms-kg: Japanese Health and Medical Strategy Knowledge Graph, version <code>%s</code> \
                (built %s). %s</p>
                <h2>Licence</h2>
                <p lang="ja">%s</p>
                <p>%s <a href="%s">公共データ利用規約（第1.0版）</a>; compatible with \
                <a href="%s">CC BY 4.0</a>.</p>
                """.formatted(Html.esc(HMS.NS), Html.esc(config.describeLimits()), Html.esc(base),
                Html.esc(v.version()), Html.esc(v.builtAt().toString()), Html.esc(base), Html.esc(Licence.CREDIT_JA),
                Html.esc(Licence.CREDIT_EN), Html.esc(Licence.LICENSE_IRI), Html.esc(Licence.CC_BY_4)));
        Html.send(resp, 200, Html.page("Japanese Health and Medical Strategy Knowledge Graph", b.toString()));
    }
}
