package org.hmskg.serve.data;

import org.hmskg.serve.pages.Html;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * IRIs earlier versions published and this one no longer does (reference/retired-iris.tsv): a request for one is
 * answered 410 Gone with the reason and a link to the replacement, never a bare 404.
 */
public final class RetiredIris implements Filter {
    static final String TABLE = "/reference/retired-iris.tsv";

    /** One retired IRI: its path under the base, the path of what replaces it (may be empty), when and why. */
    public record Entry(String path, String replacedBy, String retired, String reason) {
    }

    private final Map<String, Entry> byPath;
    private final Links links;

    public RetiredIris(Links links) {
        this(load(), links);
    }

    public RetiredIris(List<Entry> entries, Links links) {
        Map<String, Entry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.path(), e));
        this.byPath = Map.copyOf(map);
        this.links = links;
    }

    public static List<Entry> load() {
        try (InputStream in = RetiredIris.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                return List.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().skip(1).filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.split("\t", -1);
                if (f.length != 4 || !f[0].startsWith("id/") || f[3].isBlank()) {
                    throw new IllegalStateException(TABLE + ": a row needs path (id/…), replaced_by, retired and a reason: " + l);
                }
                return new Entry(f[0], f[1], f[2], f[3]);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Entry> lookup(String requestPath) {
        return Optional.ofNullable(byPath.get(requestPath.startsWith("/") ? requestPath.substring(1) : requestPath));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        Optional<Entry> entry = lookup(req.getRequestURI());
        if (entry.isEmpty() || !(req.getMethod().equals("GET") || req.getMethod().equals("HEAD"))) {
            chain.doFilter(request, response);
            return;
        }
        gone(req, (HttpServletResponse) response, entry.get());
    }

    private void gone(HttpServletRequest req, HttpServletResponse resp, Entry e) throws IOException {
        Node old = links.canonical("/" + e.path());
        String sentence = "<" + old.getURI() + "> was retired on " + e.retired() + ". " + e.reason();
        resp.setHeader("Vary", "Accept");
        if (!e.replacedBy().isEmpty()) {
            Node next = links.canonical("/" + e.replacedBy());
            resp.setHeader("Link", "<" + next.getURI() + ">; rel=\"successor-version\"");
            sentence += " It is replaced by <" + next.getURI() + ">.";
        }
        String accept = req.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            StringBuilder body = new StringBuilder("<h1>Gone: ").append(Html.esc(e.path())).append("</h1>\n")
                    .append("<p class=\"iri\">IRI: <code>").append(Html.esc(old.getURI())).append("</code></p>\n")
                    .append("<p>This IRI was retired on ").append(Html.esc(e.retired())).append(". ")
                    .append(Html.esc(e.reason())).append("</p>\n");
            if (!e.replacedBy().isEmpty()) {
                Node next = links.canonical("/" + e.replacedBy());
                body.append("<p>It is replaced by ").append(Html.link(links.href(next), next.getURI())).append(".</p>\n");
            }
            Html.send(resp, 410, Html.page("Gone: " + e.path(), body.toString()));
        } else {
            resp.setStatus(410);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().write(sentence + "\n");
        }
    }
}
