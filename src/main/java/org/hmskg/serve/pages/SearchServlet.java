package org.hmskg.serve.pages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.SearchIndex;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.pages.Fragments.Text;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /search?q=} ({@code search.jte}): things by label or text, as a page, or as JSON for
 * {@code Accept: application/json}; {@code type=} (repeated, or comma-separated) keeps only things of those types,
 * such as {@code type=statement} for single sentences. A section, block or sentence comes with its document.
 */
public final class SearchServlet extends HttpServlet {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int SNIPPET = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Published published;
    private final transient IriPaths paths;

    public SearchServlet(Published published, IriPaths paths) {
        this.published = published;
        this.paths = paths;
    }

    /**
     * What {@code search.jte} shows; {@code more} when the limit cut the list; {@code types} the filter, if any, and
     * {@code everything} the same search without it.
     */
    public record Model(String q, List<String> types, String everything, List<Hit> hits, boolean more) {
    }

    /**
     * One thing found, with the matched text around the match when that is not its name, and the document it is in
     * ({@code documentHref} empty when none); {@code kind} is a sentence's kind, or empty.
     */
    public record Hit(String type, String kind, String href, Text name, List<Part> snippet, String documentHref,
                      Text document) {
    }

    /** A run of a snippet; the match itself when {@code mention}. */
    public record Part(String text, boolean mention) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.PAGE_OR_JSON);
        String q = req.getParameter("q") == null ? "" : req.getParameter("q");
        int limit = limit(req.getParameter("limit"));
        List<String> types = types(req.getParameterValues("type"));
        List<SearchIndex.Hit> hits = published.current().search().search(q, limit,
                types.isEmpty() ? SearchIndex.SEARCHABLE : Set.copyOf(types));
        if (format == Negotiation.Format.JSON) {
            resp.setContentType("application/json; charset=utf-8");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", q);
            body.put("results", hits.stream().map(this::json).toList());
            JSON.writeValue(resp.getOutputStream(), body);
            return;
        }
        List<Hit> shown = hits.stream().map(h -> new Hit(h.type(), h.kind(), paths.href(h.thing()),
                new Text(h.name(), h.nameLang()), h.matched().equals(h.name()) ? List.of() : snippet(h),
                h.document().map(paths::href).orElse(""), new Text(h.documentName(), h.documentLang()))).toList();
        Pages.send(resp, 200, "search.jte", new Model(q, types, "/search?q=" + URLEncoder.encode(q,
                StandardCharsets.UTF_8), shown, hits.size() == limit));
    }

    /** The {@code type} parameters, each a list of types separated by commas; an unknown type is a 400. */
    private static List<String> types(String[] params) {
        Set<String> types = new TreeSet<>();
        for (String param : params == null ? new String[0] : params) {
            for (String type : param.split(",")) {
                String t = type.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (!SearchIndex.SEARCHABLE.contains(t)) {
                    throw HttpError.badRequest("type must be one of " + String.join(", ",
                            new TreeSet<>(SearchIndex.SEARCHABLE)) + ", not '" + t + "'.");
                }
                types.add(t);
            }
        }
        return List.copyOf(types);
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
        m.put("page", paths.href(h.thing()));
        m.put("type", h.type());
        if (!h.kind().isEmpty()) {
            m.put("kind", h.kind());
        }
        m.put("label", h.name());
        m.put("lang", h.nameLang());
        m.put("match", h.labelMatch() ? "label" : "text");
        m.put("exact", h.exact());
        m.put("matched", h.matched());
        h.document().ifPresent(d -> {
            m.put("document", d.getURI());
            m.put("documentTitle", h.documentName());
        });
        return m;
    }

    /** The matched label or text around the match, the match marked. */
    private static List<Part> snippet(SearchIndex.Hit h) {
        int[] cps = h.matched().codePoints().toArray();
        if (h.start() < 0) {
            int to = Math.min(cps.length, 2 * SNIPPET);
            return List.of(new Part(new String(cps, 0, to) + (to < cps.length ? "…" : ""), false));
        }
        int from = Math.max(0, h.start() - SNIPPET);
        int end = Math.min(cps.length, h.start() + h.length());
        int to = Math.min(cps.length, end + SNIPPET);
        return List.of(new Part((from > 0 ? "…" : "") + new String(cps, from, h.start() - from), false),
                new Part(new String(cps, h.start(), end - h.start()), true),
                new Part(new String(cps, end, to - end) + (to < cps.length ? "…" : ""), false));
    }
}
