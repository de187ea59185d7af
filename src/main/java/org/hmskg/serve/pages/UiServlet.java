package org.hmskg.serve.pages;

import org.hmskg.serve.http.BaseServlet;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.http.ServerConfig;

import org.hmskg.query.QueryLibrary;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import org.hmskg.vocab.HMS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /ui/}: YASGUI from the webjar, pointed at this server's {@code /sparql}, with the prefixes preset and the
 * example queries as a gallery; {@code /ui/?query=…} opens that query. The page loads nothing from other hosts.
 */
public final class UiServlet extends BaseServlet {
    private final ServerConfig config;
    private final QueryLibrary examples;
    private final String prefixesJson;

    public UiServlet(ServerConfig config, QueryLibrary examples) {
        this.config = config;
        this.examples = examples;
        try {
            this.prefixesJson = new ObjectMapper()
                    .writeValueAsString(new TreeMap<>(Prefixes.STANDARD.getNsPrefixMap()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the prefixes as JSON", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String pathInfo = req.getPathInfo();
        if (pathInfo == null) {
            String query = req.getQueryString();
            resp.sendRedirect("/ui/" + (query == null ? "" : "?" + query));
            return;
        }
        if (!pathInfo.equals("/")) {
            throw HttpError.notFound("No such page: /ui" + pathInfo + "; the query editor is at /ui/.");
        }
        StringBuilder b = new StringBuilder();
        b.append("<h1>Query editor</h1>\n");
        b.append("<p>SPARQL 1.1 against this server's endpoint <code>/sparql</code>; the default graph is the union of"
                + " all graphs, <code>GRAPH ?g</code> reaches each one. IRIs in the results open their pages here."
                + "</p>\n<p class=\"limits\">").append(Html.esc(config.describeLimits())).append("</p>\n");
        if (!examples.entries().isEmpty()) {
            b.append("<section class=\"gallery\">\n<h2>Example queries</h2>\n<ul>\n");
            for (QueryLibrary.Entry ex : examples.entries()) {
                b.append("<li><a class=\"example\" id=\"example-").append(Html.esc(ex.name())).append("\" href=\"")
                        .append(Html.esc("/ui/?query=" + URLEncoder.encode(ex.text(), StandardCharsets.UTF_8)))
                        .append("\" data-query=\"").append(Html.esc(ex.text())).append("\">")
                        .append(Html.esc(ex.title())).append("</a>");
                if (!ex.titleJa().isEmpty()) {
                    b.append(" <span lang=\"ja\">").append(Html.esc(ex.titleJa())).append("</span>");
                }
                if (!ex.description().isEmpty()) {
                    b.append("<br><small>").append(Html.esc(ex.description())).append("</small>");
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        b.append("<div id=\"hmskg-ui\" data-endpoint=\"/sparql\" data-base=\"").append(Html.esc(config.baseIri()))
                .append("\" data-vocab=\"").append(Html.esc(HMS.NS))
                .append("\" data-prefixes=\"").append(Html.esc(prefixesJson)).append("\"></div>\n");
        b.append("<div id=\"yasgui\"><noscript>The query editor needs JavaScript; without it, send queries to"
                + " <code>/sparql?query=…</code>.</noscript></div>\n");
        b.append("<script src=\"/assets/yasgui.min.js\"></script>\n<script src=\"/assets/ui.js\"></script>\n");
        Html.send(resp, 200, Html.page("Query editor", b.toString(),
                "<link rel=\"stylesheet\" href=\"/assets/yasgui.min.css\">\n"));
    }
}
