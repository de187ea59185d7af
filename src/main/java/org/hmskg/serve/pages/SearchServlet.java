package org.hmskg.serve.pages;

import org.hmskg.serve.http.BaseServlet;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.SearchIndex;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /search?q=}: things by label or text, as a page, or as JSON for {@code Accept: application/json}. */
public final class SearchServlet extends BaseServlet {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int SNIPPET = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Published published;
    private final Links links;

    public SearchServlet(Published published, Links links) {
        this.published = published;
        this.links = links;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.PAGE_OR_JSON);
        String q = req.getParameter("q") == null ? "" : req.getParameter("q");
        int limit = limit(req.getParameter("limit"));
        List<SearchIndex.Hit> hits = published.current().search().search(q, limit);
        if (format == Negotiation.Format.JSON) {
            resp.setContentType("application/json; charset=utf-8");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", q);
            body.put("results", hits.stream().map(this::json).toList());
            JSON.writeValue(resp.getOutputStream(), body);
            return;
        }
        StringBuilder b = new StringBuilder("<h1>Search</h1>\n");
        b.append("<form class=\"search big\" action=\"/search\" method=\"get\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" value=\"").append(Html.esc(q))
                .append("\" aria-label=\"Search\" autofocus><button type=\"submit\">Search</button></form>\n");
        if (!q.isBlank()) {
            b.append("<p class=\"summary\">").append(hits.size()).append(hits.size() == limit ? "+" : "")
                    .append(" result(s) for <q>").append(Html.esc(q)).append("</q>.</p>\n<ol class=\"results\">\n");
            for (SearchIndex.Hit h : hits) {
                b.append("<li><span class=\"type\">").append(Html.esc(h.type())).append("</span> ")
                        .append("<a href=\"").append(Html.esc(links.href(h.thing()))).append("\">")
                        .append(Html.text(h.name(), h.nameLang())).append("</a>");
                if (!h.matched().equals(h.name())) {
                    b.append("<div class=\"snippet\">").append(snippet(h)).append("</div>");
                }
                b.append("</li>\n");
            }
            b.append("</ol>\n");
        } else {
            b.append("<p>Find initiatives, ministries, citations, sections and measures by a word of their name or"
                    + " text, in Japanese or English (full-width and half-width forms match each other).</p>\n");
        }
        Html.send(resp, 200, Html.page(q.isBlank() ? "Search" : "Search: " + q, b.toString()));
    }

    private static int limit(String param) {
        if (param == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(param);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw HttpError.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + param + "'.");
    }

    private Map<String, Object> json(SearchIndex.Hit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iri", h.thing().getURI());
        m.put("page", links.href(h.thing()));
        m.put("type", h.type());
        m.put("label", h.name());
        m.put("lang", h.nameLang());
        m.put("match", h.labelMatch() ? "label" : "text");
        m.put("exact", h.exact());
        m.put("matched", h.matched());
        return m;
    }

    /** The matched label or text around the match, the match marked. */
    private static String snippet(SearchIndex.Hit h) {
        int[] cps = h.matched().codePoints().toArray();
        if (h.start() < 0) {
            int to = Math.min(cps.length, 2 * SNIPPET);
            return Html.esc(new String(cps, 0, to)) + (to < cps.length ? "…" : "");
        }
        int from = Math.max(0, h.start() - SNIPPET);
        int end = Math.min(cps.length, h.start() + h.length());
        int to = Math.min(cps.length, end + SNIPPET);
        return (from > 0 ? "…" : "") + Html.esc(new String(cps, from, h.start() - from))
                + "<mark>" + Html.esc(new String(cps, h.start(), end - h.start())) + "</mark>"
                + Html.esc(new String(cps, end, to - end)) + (to < cps.length ? "…" : "");
    }
}
