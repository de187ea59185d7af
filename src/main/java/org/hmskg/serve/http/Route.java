package org.hmskg.serve.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.fuseki.server.Operation;

import jakarta.servlet.http.HttpServlet;

/**
 * One path the server answers, as declared in the route table ({@link RouteTable}): what answers it and how the
 * filters treat it. The guard, the response cache, admission control and the metrics read these fields, and the
 * server registers its servlets and Fuseki endpoints from them; nothing else names a path.
 *
 * @param path      a servlet mapping: {@code ""} is the root page only, {@code "/id/*"} the folder and everything
 *                  under it, anything else the exact path
 * @param label     the endpoint name in {@code /$/metrics}; several routes may share one
 * @param kind      what the route is for; it decides the methods allowed
 * @param handler   what answers it
 * @param cacheable answers depend only on the request and the dataset version: kept by the response cache, given
 *                  an {@code ETag}
 * @param admitted  requests go through admission control (they run queries of the caller's making)
 */
public record Route(String path, String label, Kind kind, Handler handler, boolean cacheable, boolean admitted) {
    /** What a route is for. */
    public enum Kind {
        /** A SPARQL query endpoint: GET and POST of a query. */
        QUERY,
        /** An HTML page. */
        PAGE,
        /** Data (RDF, or files), with an HTML form where a browser asks for one. */
        DATA,
        /** Operations: liveness, status, metrics. */
        ADMIN
    }

    /** What answers a route. */
    public sealed interface Handler {
    }

    /** A servlet of this server. */
    public record Servlet(HttpServlet servlet) implements Handler {
        public Servlet {
            Objects.requireNonNull(servlet);
        }
    }

    /**
     * An endpoint Fuseki answers: {@code operations} on the dataset {@code dataset} under the service name
     * {@code endpoint} ({@code ""} for the dataset itself). A GET without a query gets {@code description} when
     * there is one, as a SPARQL endpoint's URL should (SPARQL 1.1 Service Description).
     */
    public record Sparql(String dataset, String endpoint, List<Operation> operations,
                         Optional<HttpServlet> description) implements Handler {
        public Sparql {
            operations = List.copyOf(operations);
            Objects.requireNonNull(description);
        }
    }

    public Route {
        Objects.requireNonNull(path);
        Objects.requireNonNull(label);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(handler);
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("a route's path starts with '/': " + path);
        }
    }

    /** An HTML page answered by {@code servlet}. */
    public static Route page(String path, String label, HttpServlet servlet) {
        return new Route(path, label, Kind.PAGE, new Servlet(servlet), false, false);
    }

    /** Data (negotiated, or files) answered by {@code servlet}. */
    public static Route data(String path, String label, HttpServlet servlet) {
        return new Route(path, label, Kind.DATA, new Servlet(servlet), false, false);
    }

    /** An operations endpoint answered by {@code servlet}. */
    public static Route admin(String path, String label, HttpServlet servlet) {
        return new Route(path, label, Kind.ADMIN, new Servlet(servlet), false, false);
    }

    /** A SPARQL query endpoint Fuseki answers; admitted, since it runs the caller's queries. */
    public static Route query(String path, String label, Sparql endpoint) {
        return new Route(path, label, Kind.QUERY, endpoint, false, true);
    }

    /** Data Fuseki reads out (the Graph Store Protocol), admitted as an expensive request. */
    public static Route graphStore(String path, String label, Sparql endpoint) {
        return new Route(path, label, Kind.DATA, endpoint, false, true);
    }

    /** The same route, its answers kept by the response cache. */
    public Route cached() {
        return new Route(path, label, kind, handler, true, admitted);
    }

    /** Whether the route answers this request path. */
    public boolean matches(String uri) {
        if (path.isEmpty()) {
            return uri.equals("/");
        }
        if (path.endsWith("/*")) {
            String folder = path.substring(0, path.length() - 2);
            return uri.equals(folder) || uri.startsWith(folder + "/");
        }
        return uri.equals(path);
    }

    /** The methods the route takes; everything else is refused with 405. */
    public List<String> methods() {
        return kind == Kind.QUERY ? List.of("GET", "HEAD", "POST", "OPTIONS") : List.of("GET", "HEAD", "OPTIONS");
    }

    /** The Fuseki endpoint behind this route, if Fuseki answers it. */
    public Optional<Sparql> sparql() {
        return handler instanceof Sparql s ? Optional.of(s) : Optional.empty();
    }
}
