package org.hmskg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.LiveDataset;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.RetiredIris;
import org.hmskg.serve.data.SearchIndex;
import org.hmskg.serve.data.ServicePolicy;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Stats;
import org.hmskg.serve.data.StatusServlet;
import org.hmskg.serve.http.AdmissionFilter;
import org.hmskg.serve.http.CorsFilter;
import org.hmskg.serve.http.EndpointDescriptionFilter;
import org.hmskg.serve.http.ErrorFilter;
import org.hmskg.serve.http.GuardFilter;
import org.hmskg.serve.http.HeadFilter;
import org.hmskg.serve.http.HeadersFilter;
import org.hmskg.serve.http.HttpCacheFilter;
import org.hmskg.serve.http.JsonResults;
import org.hmskg.serve.http.Metrics;
import org.hmskg.serve.http.ResponseCache;
import org.hmskg.serve.http.Route;
import org.hmskg.serve.http.RouteTable;
import org.hmskg.serve.http.ServerConfig;
import org.hmskg.serve.pages.ErrorPages;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.plan.Planning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hms-kg HTTP service (CONTRACT.md "HTTP"): one embedded Fuseki with the read-only SPARQL endpoint and the
 * linked-data pages, search, query editor, VoID, dumps, status and metrics.
 *
 * <pre>{@code
 * HmsServer server = HmsServer.builder().port(3030).dataset(current::get).build().start();
 * }</pre>
 *
 * The dataset supplier is asked on every request; to reload, make it return a new {@link DatasetVersion}. Requests
 * already running finish on the version they started with.
 */
public final class HmsServer {
    static {
        JenaSystem.init();
        JsonResults.register();
    }

    private static final Logger LOG = LoggerFactory.getLogger(HmsServer.class);
    /** Default memory for the response cache. */
    public static final long DEFAULT_CACHE_MB = 64;

    /** Responses smaller than this are sent as they are: compressing them saves less than it costs. */
    public static final int GZIP_MIN_BYTES = 1024;

    private final ServerConfig config;
    private final Ontology ontology;
    private final QueryLibrary examples;
    private final RetiredIris retired;
    private final Published published;
    private final Metrics metrics = new Metrics();
    private final ResponseCache cache;
    private final Path workDir;
    private final FusekiServer fuseki;
    private final AtomicReference<StatusServlet.ReloadError> reloadError = new AtomicReference<>();
    private volatile Instant startedAt;

    private HmsServer(ServerConfig config, Supplier<DatasetVersion> dataset, Ontology ontology, RetiredIris retired,
                      long cacheBytes) {
        this.retired = retired;
        this.config = config;
        this.cache = new ResponseCache(cacheBytes);
        metrics.watch(cache);
        this.ontology = ontology;
        this.examples = QueryLibrary.standard();
        IriPaths paths = new IriPaths(config.baseIri());
        try {
            this.workDir = Files.createTempDirectory("hmskg-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the dumps", e);
        }
        this.published = new Published(dataset, paths, workDir);
        this.fuseki = fuseki(paths);
    }

    public static Builder builder() {
        return new Builder();
    }

    private FusekiServer fuseki(IriPaths paths) {
        Context context = new Context();
        context.set(ARQ.queryTimeout, Long.toString(config.queryTimeout().toMillis()));
        ServicePolicy.apply(context, config.serviceAllowList());
        Planning.enable(context);
        LiveDataset live = new LiveDataset(() -> published.current().view(), context);
        RouteTable routes = Routes.of(new Routes.Parts(published, config, ontology, examples, paths, retired, metrics,
                this::status));
        AdmissionFilter admission = new AdmissionFilter(config.admission(), routes);
        metrics.admission(admission);
        FusekiServer.Builder builder = FusekiServer.create()
                .port(config.port())
                .addFilter("/*", new HeadersFilter(routes, metrics))
                .addFilter("/*", new CorsFilter())
                .addFilter("/*", new HeadFilter())
                .addFilter("/*", new ErrorFilter(new ErrorPages(), config.maxBodyBytes()))
                .addFilter("/*", new GuardFilter(routes))
                // a cached answer costs nothing, so the cache comes before admission control
                .addFilter("/*", new HttpCacheFilter(routes, published, cache, metrics, config.queryTimeout()))
                .addFilter("/*", new EndpointDescriptionFilter(routes))
                .addFilter("/*", admission);
        Map<String, DataService.Builder> services = new LinkedHashMap<>();
        for (Route route : routes.routes()) {
            switch (route.handler()) {
                case Route.Servlet s -> builder.addServlet(route.path(), s.servlet());
                case Route.Sparql s -> s.operations().forEach(op -> services
                        .computeIfAbsent(s.dataset(), d -> DataService.newBuilder(live))
                        .addEndpoint(op, s.endpoint()));
            }
        }
        services.forEach((name, service) -> builder.add(name, service.build()));
        FusekiServer server = builder.build();
        for (Connector c : server.getJettyServer().getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                // Behind a reverse proxy, endpoint URLs in the Service Description and VoID use the public host.
                http.getHttpConfiguration().addCustomizer(new ForwardedRequestCustomizer());
                http.getHttpConfiguration().setRequestHeaderSize(ServerConfig.MAX_HEADER_BYTES);
                http.getHttpConfiguration().setOutputBufferSize(ServerConfig.OUTPUT_BUFFER_BYTES);
            }
        }
        server.getJettyServer().setHandler(compressedAndLimited(server.getJettyServer().getHandler()));
        return server;
    }

    /**
     * Jetty's handlers around the application: gzip for every compressible answer the client accepts it for,
     * streamed ones included (SPARQL results, dumps' listings), and the request body limit, checked on the declared
     * length and, for a chunked body, on the bytes as they arrive (413 either way).
     */
    // GzipHandler is the compression jetty-server ships; its successor (CompressionHandler) is three more modules.
    @SuppressWarnings("removal")
    private Handler compressedAndLimited(Handler app) {
        SizeLimitHandler limit = new SizeLimitHandler(config.maxBodyBytes(), -1);
        limit.setHandler(app);
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(GZIP_MIN_BYTES);
        gzip.setIncludedMethods("GET", "HEAD", "POST");
        gzip.setHandler(limit);
        return gzip;
    }

    /**
     * Starts serving; logs one line per stage with its counts and time. The counts and the search index are made
     * after the server listens, in the background (a request that needs them first waits for them), so that the
     * first query is answered sooner.
     */
    public HmsServer start() {
        long t0 = System.nanoTime();
        Snapshot snapshot = published.current();
        fuseki.start();
        startedAt = Instant.now();
        LOG.info("listening on http://localhost:{}/ (SPARQL at /sparql; {}) ({} ms)", port(),
                config.describeLimits(), millisSince(t0));
        Thread.ofPlatform().daemon().name("hmskg-warmup").start(() -> warmUp(snapshot));
        return this;
    }

    private void warmUp(Snapshot snapshot) {
        try {
            long t0 = System.nanoTime();
            Stats stats = snapshot.stats();
            LOG.info("dataset {}: {} quads in {} graphs, {} triples in the union default graph ({} ms)",
                    snapshot.version().version(), stats.quads(), stats.graphTriples().size(), stats.triples(),
                    millisSince(t0));
            long t1 = System.nanoTime();
            SearchIndex index = snapshot.search();
            LOG.info("search index: {} labels and texts ({} ms)", index.size(), millisSince(t1));
            LOG.info("ontology: {} terms{}; example queries: {}", ontology.terms().size(),
                    ontology.isEmpty() ? " (none found at " + Ontology.CLASSPATH_LOCATION + ")" : "",
                    examples.entries().size());
        } catch (RuntimeException e) {
            LOG.warn("warming up dataset {} failed: {}", snapshot.version().version(), e.toString());
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    /** The port the server listens on; the one chosen when the builder asked for port 0. */
    public int port() {
        return fuseki.getHttpPort();
    }

    public ServerConfig config() {
        return config;
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    public void stop() {
        fuseki.stop();
        Published.deleteTree(workDir);
    }

    /** Records that a reload failed; {@code /$/status} shows it until {@link #clearReloadError()}. */
    public void reloadFailed(String message) {
        reloadError.set(new StatusServlet.ReloadError(message, Instant.now()));
    }

    public void clearReloadError() {
        reloadError.set(null);
    }

    private StatusServlet.Status status() {
        return new StatusServlet.Status(Optional.ofNullable(startedAt), Optional.ofNullable(reloadError.get()));
    }

    /** Configures a server: every option defaults to {@link ServerConfig#defaults()}; a dataset is required. */
    public static final class Builder {
        private ServerConfig config = ServerConfig.defaults();
        private Supplier<DatasetVersion> dataset;
        private Graph ontology;
        private RetiredIris retired;
        private long cacheBytes = DEFAULT_CACHE_MB * 1024 * 1024;

        private Builder() {
        }

        public Builder config(ServerConfig config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        public Builder port(int port) {
            config = config.withPort(port);
            return this;
        }

        public Builder baseIri(String baseIri) {
            config = config.withBaseIri(baseIri);
            return this;
        }

        public Builder queryTimeout(Duration queryTimeout) {
            config = config.withQueryTimeout(queryTimeout);
            return this;
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            config = config.withMaxBodyBytes(maxBodyBytes);
            return this;
        }

        public Builder serviceAllowList(List<String> endpoints) {
            config = config.withServiceAllowList(endpoints);
            return this;
        }

        /** The version to serve, asked on every request: swap what it returns to reload. */
        public Builder dataset(Supplier<DatasetVersion> current) {
            this.dataset = Objects.requireNonNull(current);
            return this;
        }

        /** The ontology for {@code /def} and property labels; by default {@code ontology/hms.ttl} on the class path. */
        public Builder ontology(Graph ontology) {
            this.ontology = Objects.requireNonNull(ontology);
            return this;
        }

        /** The retired IRIs answered 410; by default {@code reference/retired-iris.tsv} on the class path. */
        public Builder retired(RetiredIris retired) {
            this.retired = Objects.requireNonNull(retired);
            return this;
        }

        /** Memory for the response cache, in bytes; 0 turns it off. */
        public Builder responseCache(long bytes) {
            this.cacheBytes = bytes;
            return this;
        }

        public HmsServer build() {
            if (dataset == null) {
                throw new IllegalStateException("HmsServer needs a dataset: call dataset(supplier) before build()");
            }
            Ontology o = ontology == null ? Ontology.fromClasspath() : new Ontology(ontology);
            return new HmsServer(config, dataset, o, retired == null ? new RetiredIris() : retired, cacheBytes);
        }
    }
}
