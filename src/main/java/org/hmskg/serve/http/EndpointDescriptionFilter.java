package org.hmskg.serve.http;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A GET on a SPARQL endpoint without a query gets the endpoint's description (the route's
 * {@link Route.Sparql#description()}) instead of Fuseki's 400: the URL of an endpoint says what it is.
 */
public final class EndpointDescriptionFilter implements Filter {
    private final RouteTable routes;

    public EndpointDescriptionFilter(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        Optional<HttpServlet> description = "GET".equals(req.getMethod()) && req.getQueryString() == null
                ? routes.find(req.getRequestURI()).flatMap(Route::sparql).flatMap(Route.Sparql::description)
                : Optional.empty();
        if (description.isPresent()) {
            description.get().service(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
