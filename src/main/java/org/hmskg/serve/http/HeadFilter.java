package org.hmskg.serve.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * {@code HEAD} on every route as {@code GET}: what follows (the guard, the cache, Fuseki, the servlets) sees a GET,
 * so the answer carries the GET's headers; Jetty, which knows the request is a HEAD, sends no body. Fuseki's
 * query endpoints would otherwise answer HEAD with 405.
 */
public final class HeadFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (!"HEAD".equals(req.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
