package org.hmskg.serve.http;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Request counts by endpoint and status, a latency histogram by endpoint, and query timeouts; Prometheus text.
 * The endpoint is the label of the request's route ({@link Route#label()}), so the label set stays small.
 */
public final class Metrics {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter timeouts = Counter.builder("hmskg.sparql.timeouts")
            .description("SPARQL queries stopped by the query timeout")
            .register(registry);

    private final Counter cacheHits = Counter.builder("hmskg.cache.hits")
            .description("Responses answered from the response cache")
            .register(registry);
    private final Counter cacheMisses = Counter.builder("hmskg.cache.misses")
            .description("Cacheable requests the response cache could not answer")
            .register(registry);

    void cacheHit() {
        cacheHits.increment();
    }

    void cacheMiss() {
        cacheMisses.increment();
    }

    /** Reports the cache's size (bytes held, entries) with every scrape. */
    public void watch(ResponseCache cache) {
        Gauge.builder("hmskg.cache.bytes", cache, ResponseCache::bytes)
                .description("Bytes held by the response cache").baseUnit("bytes").register(registry);
        Gauge.builder("hmskg.cache.entries", cache, ResponseCache::size)
                .description("Responses held by the response cache").register(registry);
    }

    /** Counts a request answered with {@code status} on this route (none: a path no route answers). */
    public void record(Optional<Route> route, int status, long nanos) {
        String endpoint = route.map(Route::label).orElse(RouteTable.OTHER);
        // An admitted request that ends in 503 was stopped: by the query timeout, or by admission control.
        if (status == 503 && route.map(Route::admitted).orElse(false)) {
            timeouts.increment();
        }
        Counter.builder("hmskg.http.requests")
                .description("HTTP requests by endpoint and status")
                .tag("endpoint", endpoint)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
        Timer.builder("hmskg.http.request.duration")
                .description("Time to answer an HTTP request")
                .tag("endpoint", endpoint)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** Counts of what admission control did: turned away, moved to the expensive lane, stopped. */
    public void admission(AdmissionFilter admission) {
        FunctionCounter.builder("hmskg.admission.rejected", admission, a -> a.rejected.get())
                .description("SPARQL requests turned away with 503 because their lane and queue were full")
                .register(registry);
        FunctionCounter.builder("hmskg.admission.demoted", admission, a -> a.demoted.get())
                .description("SPARQL queries moved to the expensive lane after running past the slow threshold")
                .register(registry);
        FunctionCounter.builder("hmskg.admission.stopped", admission, a -> a.stopped.get())
                .description("SPARQL queries stopped because the expensive lane stayed full")
                .register(registry);
    }

    String scrape() {
        return registry.scrape();
    }
}
