package org.hmskg.serve.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the server read-only before Fuseki sees a request: each route takes only its methods (a query endpoint
 * also takes POST of a query), and no SPARQL Update gets through in any form. The size of a request body is
 * Jetty's to limit (the server's {@code SizeLimitHandler}).
 */
public final class GuardFilter implements Filter {
    /**
     * Not routes of this server: where other SPARQL servers take updates and uploads. Refused with a sentence
     * rather than a bare 404, so that a client pointed at the wrong kind of server learns why.
     */
    static final Set<String> WRITE_PATHS = Set.of("/update", "/sparql/update", "/kg/update", "/kg/upload",
            "/kg/data");
    public static final String READ_ONLY = "This server is read-only: SPARQL Update and data uploads are not"
            + " accepted. Send queries to /sparql (GET ?query=, a POSTed form with query=, or a POSTed"
            + " application/sparql-query body).";

    private final RouteTable routes;

    public GuardFilter(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        check((HttpServletRequest) request, (HttpServletResponse) response);
        chain.doFilter(request, response);
    }

    private void check(HttpServletRequest req, HttpServletResponse resp) {
        String path = req.getRequestURI();
        if (WRITE_PATHS.contains(path)) {
            throw new HttpError(403, READ_ONLY);
        }
        Optional<Route> route = routes.find(path);
        boolean query = route.map(r -> r.kind() == Route.Kind.QUERY).orElse(false);
        String method = req.getMethod();
        switch (method) {
            case "GET", "HEAD", "OPTIONS" -> {
                if (query && req.getParameter("update") != null) {
                    throw new HttpError(403, READ_ONLY);
                }
            }
            case "POST" -> checkPost(req, resp, route, query);
            default -> {
                resp.setHeader("Allow", allow(route));
                throw new HttpError(405, "Method " + method + " is not allowed. " + READ_ONLY);
            }
        }
    }

    private void checkPost(HttpServletRequest req, HttpServletResponse resp, Optional<Route> route, boolean query) {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/sparql-update")) {
            throw new HttpError(403, READ_ONLY);
        }
        if (!query) {
            resp.setHeader("Allow", allow(route));
            throw new HttpError(405, "POST is accepted only by the SPARQL endpoints " + routes.queryPaths() + ". "
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

    private static String allow(Optional<Route> route) {
        return String.join(", ", route.map(Route::methods).orElse(java.util.List.of("GET", "HEAD", "OPTIONS")));
    }
}
