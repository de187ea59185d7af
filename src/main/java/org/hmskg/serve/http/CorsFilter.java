package org.hmskg.serve.http;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import org.apache.jena.fuseki.servlets.CrossOriginFilter;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * Fuseki's CORS filter with this server's policy: GET and POST (and HEAD) from any origin, never with
 * credentials; preflight requests are answered here. The policy is given as the filter's init parameters, which
 * Fuseki's builder only reads from a file.
 */
public final class CorsFilter extends CrossOriginFilter {
    static final Map<String, String> POLICY = Map.of(
            ALLOWED_ORIGINS_PARAM, "*",
            ALLOWED_METHODS_PARAM, "GET,POST,HEAD,OPTIONS",
            ALLOWED_HEADERS_PARAM, "Accept,Content-Type,Origin,X-Requested-With",
            EXPOSED_HEADERS_PARAM, "Content-Type,Content-Length,Vary,Link,ETag",
            ALLOW_CREDENTIALS_PARAM, "false",
            PREFLIGHT_MAX_AGE_PARAM, "86400",
            CHAIN_PREFLIGHT_PARAM, "false");

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return config.getFilterName();
            }

            @Override
            public ServletContext getServletContext() {
                return config.getServletContext();
            }

            @Override
            public String getInitParameter(String name) {
                return POLICY.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(POLICY.keySet());
            }
        });
    }
}
