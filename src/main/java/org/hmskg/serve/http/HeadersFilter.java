package org.hmskg.serve.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * First in the chain, for every request: security headers, CORS for GET and POST from any origin (never with
 * credentials), and the request's count and latency.
 */
public final class HeadersFilter implements Filter {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private final Metrics metrics;

    public HeadersFilter(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        long started = System.nanoTime();
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        try {
            if (req.getHeader("Origin") != null) {
                resp.setHeader("Access-Control-Allow-Origin", "*");
                resp.setHeader("Access-Control-Expose-Headers", "Content-Type, Content-Length, Vary, Link");
                if ("OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null) {
                    resp.setHeader("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS");
                    resp.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, Origin, X-Requested-With");
                    resp.setHeader("Access-Control-Max-Age", "86400");
                    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    return;
                }
            }
            chain.doFilter(request, response);
        } finally {
            metrics.record(Metrics.endpointOf(req.getRequestURI()), resp.getStatus(), System.nanoTime() - started);
        }
    }
}
