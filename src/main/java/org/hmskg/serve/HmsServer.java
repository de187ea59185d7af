package org.hmskg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.hmskg.query.QueryLibrary;
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

    /** The last reload that failed, for {@code /$/status}. */
    record ReloadError(String message, Instant at) {
    }

    private final ServerConfig config;
    private final Ontology ontology;
    private final QueryLibrary examples;
    private final Published published;
    private final Metrics metrics = new Metrics();
    private final ResponseCache cache;
    private final Path workDir;
    private final FusekiServer fuseki;
    private final AtomicReference<ReloadError> reloadError = new AtomicReference<>();
    private volatile Instant startedAt;

    private HmsServer(ServerConfig config, Supplier<DatasetVersion> dataset, Ontology ontology, long cacheBytes) {
        this.config = config;
        this.cache = new ResponseCache(cacheBytes);
        metrics.watch(cache);
        this.ontology = ontology;
        this.examples = QueryLibrary.standard();
        Links links = new Links(config.baseIri());
        try {
            this.workDir = Files.createTempDirectory("hmskg-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the dumps", e);
        }
        this.published = new Published(dataset, links, workDir);
        this.fuseki = fuseki(links);
    }

    public static Builder builder() {
        return new Builder();
    }

    private FusekiServer fuseki(Links links) {
        Context context = new Context();
        context.set(ARQ.queryTimeout, Long.toString(config.queryTimeout().toMillis()));
        ServicePolicy.apply(context, config.serviceAllowList());
        Planning.enable(context);
        LiveDataset live = new LiveDataset(() -> published.current().view(), context);

        EntityServlet entities = new EntityServlet(published, links, ontology);
        AdmissionFilter admission = new AdmissionFilter(config.admission());
        metrics.admission(admission);
        FusekiServer server = FusekiServer.create()
                .port(config.port())
                .enablePing(true)
                .enableCors(false)
                .add("/kg", live, false)
                .add("/sparql", DataService.newBuilder(live).addEndpoint(Operation.Query, "").build())
                .addFilter("/*", new HeadersFilter(metrics))
                .addFilter("/*", new GuardFilter(config.maxBodyBytes(), new ServiceDescription(published, config)))
                // a cached answer costs nothing, so the cache comes before admission control
                .addFilter("/*", new HttpCacheFilter(published, cache, metrics, config.queryTimeout()))
                .addFilter("/*", admission)
                .addServlet("", new LandingServlet(published, config, ontology, examples, links))
                .addFilter("/id/*", new RetiredIris(links))
                .addServlet("/id/*", entities)
                .addServlet("/graph/*", entities)
                .addServlet("/def", new OntologyServlet(ontology, links))
                .addServlet("/search", new SearchServlet(published, links))
                .addServlet("/network", new NetworkServlet(published, links))
                .addServlet("/ui/*", new UiServlet(config, examples))
                .addServlet("/assets/*", new AssetServlet())
                .addServlet("/.well-known/void", new VoidServlet(published, config, links))
                .addServlet("/download/*", new DownloadServlet(published))
                .addServlet("/$/status", new StatusServlet(published, this::status))
                .addServlet("/$/metrics", new MetricsServlet(metrics))
                .build();
        for (Connector c : server.getJettyServer().getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                // Behind a reverse proxy, endpoint URLs in the Service Description and VoID use the public host.
                http.getHttpConfiguration().addCustomizer(new ForwardedRequestCustomizer());
                http.getHttpConfiguration().setRequestHeaderSize(ServerConfig.MAX_HEADER_BYTES);
            }
        }
        return server;
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
        reloadError.set(new ReloadError(message, Instant.now()));
    }

    public void clearReloadError() {
        reloadError.set(null);
    }

    /** What {@code /$/status} reports besides the dataset version. */
    record Status(Instant startedAt, Optional<ReloadError> lastReloadError) {
    }

    private Status status() {
        return new Status(startedAt, Optional.ofNullable(reloadError.get()));
    }

    /** Configures a server: every option defaults to {@link ServerConfig#defaults()}; a dataset is required. */
    public static final class Builder {
        private ServerConfig config = ServerConfig.defaults();
        private Supplier<DatasetVersion> dataset;
        private Graph ontology;
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
            return new HmsServer(config, dataset, o, cacheBytes);
        }
    }
}
