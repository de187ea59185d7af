package org.hmskg.serve.http;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every path the server answers, declared once ({@code org.hmskg.serve.Routes}). A request belongs to the route
 * that matches it most exactly: an exact path before a folder, a longer folder before a shorter one.
 */
public final class RouteTable {
    /** The metrics label of requests no route answers. */
    public static final String OTHER = "other";

    private final List<Route> routes;
    private final List<Route> byPrecedence;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Set<String> paths = new HashSet<>();
        for (Route r : this.routes) {
            if (!paths.add(r.path())) {
                throw new IllegalArgumentException("two routes for " + r.path());
            }
        }
        this.byPrecedence = this.routes.stream()
                .sorted(Comparator.comparing((Route r) -> r.path().endsWith("/*"))
                        .thenComparing(r -> -r.path().length()))
                .toList();
    }

    /** The routes in the order they were declared. */
    public List<Route> routes() {
        return routes;
    }

    /** The route answering this request path, if any. */
    public Optional<Route> find(String uri) {
        for (Route r : byPrecedence) {
            if (r.matches(uri)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The paths of the SPARQL query endpoints, for the sentences that name them. */
    public List<String> queryPaths() {
        return routes.stream().filter(r -> r.kind() == Route.Kind.QUERY).map(Route::path).toList();
    }

    /** The metrics label of a request path. */
    public String label(String uri) {
        return find(uri).map(Route::label).orElse(OTHER);
    }
}
