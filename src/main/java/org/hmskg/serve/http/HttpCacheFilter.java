package org.hmskg.serve.http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.codec.digest.DigestUtils;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP efficiency for the routes marked cacheable (query results, entity pages, search, VoID, ontology, landing
 * page): answers from the {@link ResponseCache} when it can, a strong {@code ETag} with {@code If-None-Match} → 304,
 * and {@code Cache-Control}. Only a 200 computed wholly on the version being served, within the query timeout, is
 * kept; errors and timeouts never are. Compression is Jetty's ({@code GzipHandler}, in front of everything).
 */
public final class HttpCacheFilter implements Filter {
    /** A body is buffered (for the ETag) up to this size even when the cache is off; larger ones stream. */
    private static final long BUFFER_LIMIT = 4L * 1024 * 1024;
    public static final String CACHE_CONTROL = "public, max-age=60";
    /** Headers not replayed from a stored answer: per-request, per-connection, or set anew here. */
    private static final Set<String> NOT_STORED = Set.of("content-length", "content-type", "date", "etag",
            "content-encoding", "transfer-encoding", "connection", "set-cookie", "server", "timing-allow-origin",
            "content-security-policy", "x-content-type-options", "referrer-policy");

    private final RouteTable routes;
    private final Versions versions;
    private final ResponseCache cache;
    private final Metrics metrics;
    private final long timeoutNanos;

    public HttpCacheFilter(RouteTable routes, Versions versions, ResponseCache cache, Metrics metrics,
                           Duration queryTimeout) {
        this.routes = routes;
        this.versions = versions;
        this.cache = cache;
        this.metrics = metrics;
        this.timeoutNanos = queryTimeout.toNanos();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String method = req.getMethod();
        if (!(method.equals("GET") || method.equals("POST"))
                || !routes.find(req.getRequestURI()).map(Route::cacheable).orElse(false)) {
            chain.doFilter(request, response);
            return;
        }
        Object current = versions.current();
        String key = cache.enabled() ? RequestKey.of(req) : null;
        if (key != null) {
            ResponseCache.Entry hit = cache.get(key, current);
            if (hit != null) {
                metrics.cacheHit();
                replay(resp, hit.headers());
                send(req, resp, hit.contentType(), hit.body(), hit.etag());
                return;
            }
            metrics.cacheMiss();
        }
        long started = System.nanoTime();
        BufferedResponse buffered = new BufferedResponse(resp,
                key != null ? Math.max(BUFFER_LIMIT, cache.largestBody()) : BUFFER_LIMIT);
        List<Object> used = versions.trace();
        try {
            chain.doFilter(req, buffered);
        } finally {
            versions.untrace();
        }
        buffered.finish();
        if (buffered.passedThrough() || resp.isCommitted()) {
            return;
        }
        byte[] body = buffered.body();
        if (resp.getStatus() != HttpServletResponse.SC_OK) {
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
            return;
        }
        String etag = etag(body);
        boolean inTime = System.nanoTime() - started < timeoutNanos;
        if (key != null && inTime && (used.isEmpty() || used.equals(List.of(current)))) {
            cache.put(key, new ResponseCache.Entry(current, resp.getContentType(), storedHeaders(resp), body, etag));
        }
        send(req, resp, resp.getContentType(), body, etag);
    }

    private static List<Map.Entry<String, String>> storedHeaders(HttpServletResponse resp) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : resp.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_STORED.contains(lower) && !lower.startsWith("access-control-")) {
                for (String value : resp.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        return headers;
    }

    /** A stored answer's headers, each replacing what the filters before set under its name (such as Vary). */
    private static void replay(HttpServletResponse resp, List<Map.Entry<String, String>> headers) {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> h : headers) {
            if (seen.add(h.getKey().toLowerCase(Locale.ROOT))) {
                resp.setHeader(h.getKey(), h.getValue());
            } else {
                resp.addHeader(h.getKey(), h.getValue());
            }
        }
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, String contentType, byte[] body,
                             String etag) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        if (contentType != null) {
            resp.setContentType(contentType);
        }
        // Fuseki marks query results no-store; for a read-only dataset they may be kept and revalidated.
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        resp.setHeader("ETag", etag);
        if (notModified(req.getHeader("If-None-Match"), etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** A strong validator: a digest of the bytes (Jetty's gzip marks the compressed form with a suffix). */
    static String etag(byte[] body) {
        return "\"" + DigestUtils.sha256Hex(body).substring(0, 24) + "\"";
    }

    /** {@code If-None-Match}: {@code *}, or a list naming this ETag (weak or strong form). */
    public static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String v = t.trim();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            if (v.equals("*") || v.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
