package org.hmskg.serve.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.hmskg.vocab.Iris;

/**
 * How the server runs; every limit it enforces is here.
 *
 * @param port             TCP port; 0 picks a free one (the server's {@code port()} tells which)
 * @param baseIri          canonical base of the data's IRIs, ending in {@code /}; requests to any host map onto it
 * @param queryTimeout     a SPARQL query running longer is stopped and answered with an error
 * @param maxBodyBytes     a request body larger than this is refused with 413
 * @param serviceAllowList SPARQL endpoints a {@code SERVICE} clause may call (exact IRIs); empty: SERVICE is refused
 * @param admission        how many queries run and wait at once
 */
public record ServerConfig(int port, String baseIri, Duration queryTimeout, long maxBodyBytes,
                           List<String> serviceAllowList, AdmissionLimits admission) {
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Request line and headers together; a longer GET query must be POSTed. Larger gets 431. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /**
     * Jetty's buffer for a response's output, as Jetty has it by default. Fuseki sets 5 MiB, and each response then
     * takes a fresh 5 MiB direct buffer (too large for Jetty's pool), freed only when a collection finds it: under
     * 16 clients they held up to the direct-memory limit (the heap's size) outside the heap. Larger writes go out
     * in slices of this size.
     */
    public static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        URI base = URI.create(baseIri);
        if (!base.isAbsolute() || !baseIri.endsWith("/") || base.getRawQuery() != null
                || base.getRawFragment() != null) {
            throw new IllegalArgumentException("base IRI must be absolute and end with '/', not '" + baseIri + "'");
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("query timeout must be positive, not " + queryTimeout);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("request body limit must be positive, not " + maxBodyBytes);
        }
        serviceAllowList = List.copyOf(serviceAllowList);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_PORT, Iris.BASE, DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_BODY_BYTES, List.of(),
                AdmissionLimits.DEFAULTS);
    }

    /** The limits in one sentence, for the pages that document them. */
    public String describeLimits() {
        long ms = queryTimeout.toMillis();
        String timeout = ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
        String service = serviceAllowList.isEmpty() ? "SERVICE (federated query) is disabled"
                : "SERVICE may call only " + String.join(", ", serviceAllowList);
        return "Queries are stopped after " + timeout + "; request bodies are limited to " + maxBodyBytes
                + " bytes and the request line with headers to " + MAX_HEADER_BYTES + " bytes (POST longer queries); " + admission.describe() + "; " + service + "; the data cannot be changed over HTTP.";
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(port, baseIri, queryTimeout, maxBodyBytes, serviceAllowList, admission);
    }

    public ServerConfig withBaseIri(String baseIri) {
        return new ServerConfig(port, baseIri, queryTimeout, maxBodyBytes, serviceAllowList, admission);
    }

    public ServerConfig withQueryTimeout(Duration queryTimeout) {
        return new ServerConfig(port, baseIri, queryTimeout, maxBodyBytes, serviceAllowList, admission);
    }

    public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
        return new ServerConfig(port, baseIri, queryTimeout, maxBodyBytes, serviceAllowList, admission);
    }

    public ServerConfig withServiceAllowList(List<String> serviceAllowList) {
        return new ServerConfig(port, baseIri, queryTimeout, maxBodyBytes, serviceAllowList, admission);
    }

    public ServerConfig withAdmission(AdmissionLimits admission) {
        return new ServerConfig(port, baseIri, queryTimeout, maxBodyBytes, serviceAllowList, admission);
    }
}
