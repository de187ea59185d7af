package org.hmskg.serve.http;

import org.hmskg.serve.data.ServiceDescription;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the server read-only and bounded before Fuseki sees a request: only GET, HEAD, OPTIONS, and POST of a
 * query to a query endpoint; no SPARQL Update in any form; request bodies within the limit. A GET on a query
 * endpoint without a query gets the Service Description.
 */
public final class GuardFilter implements Filter {
    /** Where a query may be sent; Fuseki serves the same dataset under all of them. */
    static final Set<String> QUERY_ENDPOINTS = Set.of("/sparql", "/kg", "/kg/sparql", "/kg/query");
    /** Where other servers take updates and uploads: refused with a sentence rather than a bare 404. */
    static final Set<String> UPDATE_PATHS = Set.of("/update", "/sparql/update", "/kg/update", "/kg/upload",
            "/kg/data");
    static final String READ_ONLY = "This server is read-only: SPARQL Update and data uploads are not accepted."
            + " Send queries to /sparql (GET ?query=, a POSTed form with query=, or a POSTed"
            + " application/sparql-query body).";

    private final long maxBodyBytes;
    private final ServiceDescription serviceDescription;

    public GuardFilter(long maxBodyBytes, ServiceDescription serviceDescription) {
        this.maxBodyBytes = maxBodyBytes;
        this.serviceDescription = serviceDescription;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        try {
            check(req, resp);
        } catch (HttpError e) {
            BaseServlet.sendError(req, resp, e.status(), e.getMessage());
            return;
        }
        String path = req.getRequestURI();
        if (QUERY_ENDPOINTS.contains(path) && !path.equals("/kg") && req.getMethod().equals("GET")
                && req.getQueryString() == null) {
            try {
                serviceDescription.send(req, resp);
            } catch (HttpError e) {
                BaseServlet.sendError(req, resp, e.status(), e.getMessage());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private void check(HttpServletRequest req, HttpServletResponse resp) {
        String path = req.getRequestURI();
        String method = req.getMethod();
        if (UPDATE_PATHS.contains(path)) {
            throw new HttpError(403, READ_ONLY);
        }
        switch (method) {
            case "GET", "HEAD", "OPTIONS" -> {
                if (QUERY_ENDPOINTS.contains(path) && req.getParameter("update") != null) {
                    throw new HttpError(403, READ_ONLY);
                }
            }
            case "POST" -> checkPost(req, path);
            default -> {
                resp.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
                throw new HttpError(405, "Method " + method + " is not allowed. " + READ_ONLY);
            }
        }
    }

    private void checkPost(HttpServletRequest req, String path) {
        long length = req.getContentLengthLong();
        if (length < 0 && req.getHeader("Transfer-Encoding") != null) {
            throw new HttpError(411, "A request body needs a Content-Length header; the limit is " + maxBodyBytes
                    + " bytes.");
        }
        if (length > maxBodyBytes) {
            throw new HttpError(413, "The request body has " + length + " bytes; the limit is " + maxBodyBytes
                    + " bytes.");
        }
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/sparql-update")) {
            throw new HttpError(403, READ_ONLY);
        }
        if (!QUERY_ENDPOINTS.contains(path)) {
            throw new HttpError(405, "POST is accepted only by the SPARQL endpoints " + QUERY_ENDPOINTS + ". "
                    + READ_ONLY);
        }
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        if (!form && !type.startsWith("application/sparql-query") && !type.isEmpty()) {
            throw new HttpError(415, "POST a query as application/sparql-query or as a form with query=, not "
                    + req.getContentType() + ". " + READ_ONLY);
        }
        if (req.getParameter("update") != null) {
            throw new HttpError(403, READ_ONLY);
        }
    }
}
