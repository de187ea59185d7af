package org.hmskg.serve.http;

import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Snapshot;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP efficiency for the read-only endpoints (query results, entity pages, search, VoID, ontology, landing page):
 * answers from the {@link ResponseCache} when it can, a strong {@code ETag} with {@code If-None-Match} → 304,
 * {@code Cache-Control}, and gzip for large textual bodies when the client accepts it. Only a 200 computed wholly
 * on the version being served, within the query timeout, is kept; errors and timeouts never are.
 */
public final class HttpCacheFilter implements Filter {
    /** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
    public static final int GZIP_MIN_BYTES = 1024;
    /** A body is buffered (for the ETag and gzip) up to this size even when the cache is off. */
    private static final long BUFFER_LIMIT = 4L * 1024 * 1024;
    public static final String CACHE_CONTROL = "public, max-age=60";
    /** Headers not replayed from a stored answer: per-request, per-connection, or set anew here. */
    private static final Set<String> NOT_STORED = Set.of("content-length", "content-type", "date", "etag",
            "content-encoding", "transfer-encoding", "connection", "set-cookie", "server",
            "access-control-allow-origin", "access-control-expose-headers", "content-security-policy",
            "x-content-type-options", "referrer-policy");

    private final Published published;
    private final ResponseCache cache;
    private final Metrics metrics;
    private final long timeoutNanos;

    public HttpCacheFilter(Published published, ResponseCache cache, Metrics metrics, Duration queryTimeout) {
        this.published = published;
        this.cache = cache;
        this.metrics = metrics;
        this.timeoutNanos = queryTimeout.toNanos();
    }

    /** Paths whose answers depend only on the request and the dataset version. */
    static boolean handles(String path) {
        return path.equals("/") || GuardFilter.QUERY_ENDPOINTS.contains(path) || path.startsWith("/id/")
                || path.startsWith("/graph/") || path.equals("/search") || path.equals("/.well-known/void")
                || path.equals("/def");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String method = req.getMethod();
        if (!(method.equals("GET") || method.equals("POST")) || !handles(req.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        Snapshot current = published.current();
        String key = cache.enabled() ? RequestKey.of(req) : null;
        if (key != null) {
            ResponseCache.Entry hit = cache.get(key, current);
            if (hit != null) {
                metrics.cacheHit();
                for (Map.Entry<String, String> h : hit.headers) {
                    resp.addHeader(h.getKey(), h.getValue());
                }
                send(req, resp, hit.contentType, hit.body, hit.etag, hit);
                return;
            }
            metrics.cacheMiss();
        }
        long started = System.nanoTime();
        BufferedResponse buffered = new BufferedResponse(resp,
                key != null ? Math.max(BUFFER_LIMIT, cache.largestBody()) : BUFFER_LIMIT);
        List<Snapshot> used = published.trace();
        try {
            chain.doFilter(req, buffered);
        } finally {
            published.untrace();
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
        ResponseCache.Entry entry = null;
        boolean inTime = System.nanoTime() - started < timeoutNanos;
        if (key != null && inTime && (used.isEmpty() || used.equals(List.of(current)))) {
            entry = new ResponseCache.Entry(current, resp.getContentType(), storedHeaders(resp), body, etag);
            cache.put(key, entry);
        }
        send(req, resp, resp.getContentType(), body, etag, entry);
    }

    private static List<Map.Entry<String, String>> storedHeaders(HttpServletResponse resp) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : resp.getHeaderNames()) {
            if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : resp.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        return headers;
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, String contentType, byte[] body,
                             String etag, ResponseCache.Entry entry) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        if (contentType != null) {
            resp.setContentType(contentType);
        }
        // Fuseki marks query results no-store; for a read-only dataset they may be kept and revalidated.
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        boolean compressible = compressible(contentType);
        if (compressible) {
            addVary(resp, "Accept-Encoding");
        }
        boolean gzip = compressible && body.length >= GZIP_MIN_BYTES && acceptsGzip(req);
        String tag = gzip ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
        resp.setHeader("ETag", tag);
        if (notModified(req.getHeader("If-None-Match"), etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            resp.setContentLength(0);
            return;
        }
        byte[] out = body;
        if (gzip) {
            out = entry != null ? entry.gzipped() : ResponseCache.gzip(body);
            resp.setHeader("Content-Encoding", "gzip");
        }
        resp.setContentLength(out.length);
        if (!req.getMethod().equals("HEAD")) {
            resp.getOutputStream().write(out);
        }
    }

    /** A strong validator: a digest of the bytes (identity encoding; the gzip form adds {@code -gz}). */
    static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code If-None-Match}: {@code *}, or a list naming this ETag in either encoding (weak or strong form). */
    public static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String bare = etag.substring(1, etag.length() - 1);
        for (String t : ifNoneMatch.split(",")) {
            String v = t.trim();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            if (v.equals("*") || v.equals(etag) || v.equals("\"" + bare + "-gz\"")) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(HttpServletRequest req) {
        String ae = req.getHeader("Accept-Encoding");
        if (ae == null) {
            return false;
        }
        for (String part : ae.toLowerCase(Locale.ROOT).split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equals("gzip") || p[0].trim().equals("*")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim();
                    if (q.startsWith("q=") && q.substring(2).trim().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.startsWith("application/") && !t.startsWith("application/gzip")
                && !t.startsWith("application/zip") && !t.startsWith("application/octet-stream");
    }

    private static void addVary(HttpServletResponse resp, String header) {
        String vary = resp.getHeader("Vary");
        if (vary == null || vary.isBlank()) {
            resp.setHeader("Vary", header);
        } else if (!vary.toLowerCase(Locale.ROOT).contains(header.toLowerCase(Locale.ROOT))) {
            resp.setHeader("Vary", vary + ", " + header);
        }
    }

}
