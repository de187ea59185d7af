package org.hmskg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.hmskg.parse.ParseException;
import org.hmskg.pipeline.Builder;
import org.hmskg.serve.HmsServer;
import org.hmskg.serve.http.AdmissionLimits;
import org.hmskg.serve.http.ServerConfig;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.FrozenDataset;
import org.hmskg.store.HandOff;
import org.hmskg.store.Rebase;
import org.hmskg.store.Snapshots;
import org.hmskg.store.Store;
import org.hmskg.vocab.Iris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the graph over HTTP: SPARQL endpoint, linked-data pages, search, query editor, VoID, "
                + "dumps. Read-only. Built from the seeds (reusing an up-to-date snapshot) or opened from TDB2.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    SeedOptions seeds;

    @Option(names = "--tdb2", paramLabel = "DIR", description = "serve a TDB2 database built with build --tdb2 instead of the seeds")
    Path tdb2;

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*",
            description = "add RDF files, each in its own named graph ({base}graph/{file name}); named quads keep their graphs")
    List<Path> data = new ArrayList<>();

    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = Iris.BASE,
            description = "canonical base of the data's IRIs for a private deployment (default: ${DEFAULT-VALUE})")
    String baseIri;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "query timeout (default: ${DEFAULT-VALUE} s)")
    long timeoutSeconds;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "largest request body accepted (default: ${DEFAULT-VALUE}); larger gets 413")
    long maxBody;

    @Option(names = "--service-allow", paramLabel = "URL", arity = "1..*",
            description = "SPARQL endpoints a query may reach with SERVICE (default: none, SERVICE is refused)")
    List<String> serviceAllow = new ArrayList<>();

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "4",
            description = "SPARQL queries running at once (default: ${DEFAULT-VALUE})")
    int maxConcurrent;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "32",
            description = "queries waiting for a place, up to 5 s; beyond that 503 with Retry-After (default: ${DEFAULT-VALUE})")
    int queue;

    @Option(names = "--max-slow", paramLabel = "N", defaultValue = "1",
            description = "expensive queries (by their shape, or past --slow-after of CPU time) at once (default: ${DEFAULT-VALUE})")
    int maxSlow;

    @Option(names = "--slow-after", paramLabel = "MILLIS", defaultValue = "2000",
            description = "a query that has used this much CPU time is expensive (default: ${DEFAULT-VALUE} ms)")
    long slowAfterMillis;

    @Option(names = "--snapshots", paramLabel = "DIR",
            description = "where built datasets are kept between runs (default: target/snapshots of the project)")
    Path snapshotDir;

    @Option(names = "--no-snapshot", description = "always build from the seeds; write no snapshot")
    boolean noSnapshot;

    @Option(names = "--cache-mb", paramLabel = "MB", defaultValue = "64",
            description = "memory for the response cache (default: ${DEFAULT-VALUE} MB)")
    long cacheMb;

    @Option(names = "--no-cache", description = "answer every request afresh (no response cache)")
    boolean noCache;

    @Option(names = "--no-watch", description = "do not reload when a file in the seeds folder changes (SIGHUP still reloads)")
    boolean noWatch;

    /** Used by the launcher's one training run for the JVM's ahead-of-time cache: start, answer, stop. */
    @Option(names = "--exit-after-start", hidden = true)
    boolean exitAfterStart;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        DatasetVersion dv = prepare();
        LOG.info("dataset {} ready in {} ms", dv.version(), (System.nanoTime() - t0) / 1_000_000);
        AtomicReference<DatasetVersion> current = new AtomicReference<>(dv);
        ServerConfig config = ServerConfig.defaults().withPort(port).withBaseIri(baseIri)
                .withQueryTimeout(Duration.ofSeconds(timeoutSeconds)).withMaxBodyBytes(maxBody)
                .withServiceAllowList(serviceAllow).withAdmission(new AdmissionLimits(maxConcurrent, queue, maxSlow,
                        Duration.ofMillis(slowAfterMillis), AdmissionLimits.DEFAULTS.queueWait()));
        HmsServer server = HmsServer.builder().config(config).dataset(current::get)
                .responseCache(noCache ? 0 : cacheMb * 1024 * 1024).build().start();
        String root = "http://localhost:" + server.port();
        out.println("hms-kg serving dataset " + dv.version() + " at " + root + "/");
        out.println("  SPARQL endpoint   " + root + "/sparql");
        out.println("  query editor      " + root + "/ui/");
        out.println("  search            " + root + "/search?q=AMED");
        out.println("  linked data       " + root + "/id/initiative/amed");
        out.println("  ontology          " + root + "/def");
        out.println("  VoID, dumps       " + root + "/.well-known/void  " + root + "/download/");
        out.println("  status, metrics   " + root + "/$/status  " + root + "/$/metrics");
        out.flush();
        try (Reloader reloader = reloader(server, current)) {
            if (exitAfterStart) {
                exercise(root);
                server.stop();
                return Main.OK;
            }
            server.join();
        }
        return Main.OK;
    }

    /** Keeps the server's {@code /$/status} in step with reloads: the last failure shown until one succeeds. */
    static Reloader.Listener statusOf(HmsServer server) {
        return new Reloader.Listener() {
            @Override
            public void reloaded(DatasetVersion version) {
                server.clearReloadError();
            }

            @Override
            public void failed(String message) {
                server.reloadFailed(message);
            }
        };
    }

    /** Reloading from the seeds on SIGHUP and, unless --no-watch, when a seed changes; none for --tdb2. */
    private Reloader reloader(HmsServer server, AtomicReference<DatasetVersion> current) {
        Reloader reloader = new Reloader(this::prepare, current, statusOf(server));
        if (tdb2 == null && !exitAfterStart) {
            reloader.onSignal("HUP");
            if (!noWatch) {
                try {
                    reloader.watch(seeds.seeds, Duration.ofMillis(500));
                } catch (IOException e) {
                    LOG.warn("cannot watch {} for changes ({}); reload with SIGHUP", seeds.seeds, e.toString());
                }
            }
        }
        return reloader;
    }

    /** The dataset to serve: built (or reused) or opened, with the --data files, rebased to --base-iri. */
    DatasetVersion prepare() {
        DatasetVersion dv = withData(load());
        if (!baseIri.equals(Iris.BASE)) {
            dv = new DatasetVersion(Rebase.rebase(dv.dataset(), Iris.BASE, baseIri), dv.version(), dv.builtAt(), dv.sources());
        }
        return dv;
    }

    /** Requests every kind of page once, so the training run loads what a real start-up and first use load. */
    private static void exercise(String root) throws InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", "/", "/id/initiative/amed",
                "/search?q=AMED", "/ui/", "/.well-known/void", "/def", "/$/status")) {
            try {
                client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                LOG.debug("training request {} failed: {}", path, e.toString());
            }
        }
    }

    private DatasetVersion load() {
        if (tdb2 != null) {
            return openTdb2();
        }
        Path snapshotsAt = snapshotDir != null ? snapshotDir : projectRoot().resolve("target/snapshots");
        Snapshots snapshots = new Snapshots(snapshotsAt);
        String version = Builder.versionOf(seeds.folder());
        if (!noSnapshot) {
            Optional<DatasetVersion> cached = snapshots.load(version);
            if (cached.isPresent()) {
                LOG.info("reusing snapshot {} ({} built at {})", snapshotsAt.resolve(version + ".rt"), version,
                        cached.get().builtAt());
                return cached.get();
            }
        }
        Builder.Result result = seeds.buildConforming();
        DatasetVersion dv = new DatasetVersion(FrozenDataset.of(result.graphs()), result.version().version(), result.version().builtAt(),
                result.version().sources());
        if (!noSnapshot) {
            snapshots.save(dv);
        }
        return dv;
    }

    private DatasetVersion openTdb2() {
        return openTdb2(tdb2);
    }

    /** A TDB2 database written by build --tdb2 or unpacked from a release; its version from report.json. */
    static DatasetVersion openTdb2(Path tdb2) {
        if (!Files.isDirectory(tdb2)) {
            throw new InputError(tdb2, "no TDB2 database here (build one with: ./hms-kg build --tdb2 DIR)");
        }
        DatasetGraph dsg = Store.openTdb2(tdb2);
        Path report = tdb2.resolve("report.json");
        String version = "tdb2";
        Instant builtAt = Instant.now();
        Map<String, String> sources = new TreeMap<>();
        if (Files.isRegularFile(report)) {
            try {
                JsonNode r = new ObjectMapper().readTree(report.toFile());
                version = r.path("datasetVersion").asText(version);
                builtAt = Instant.parse(r.path("builtAt").asText(builtAt.toString()));
                r.path("sources").properties().forEach(e -> sources.put(e.getKey(), e.getValue().asText()));
            } catch (IOException | RuntimeException e) {
                throw new InputError(report, "build report cannot be read: " + e.getMessage(), e);
            }
        }
        return new DatasetVersion(dsg, version, builtAt, sources);
    }

    /** Adds the --data files; the version then also covers their checksums. */
    private DatasetVersion withData(DatasetVersion dv) {
        if (data.isEmpty()) {
            return dv;
        }
        FrozenDataset.Loader loader = new FrozenDataset.Loader();
        Txn.executeRead(dv.dataset(), () ->
                dv.dataset().findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(loader::quad));
        Map<String, String> sources = new LinkedHashMap<>(dv.sources());
        StringBuilder key = new StringBuilder(dv.version());
        for (Path file : data) {
            Lang lang = RDFLanguages.filenameToLang(file.toString());
            if (lang == null || !Files.isRegularFile(file)) {
                throw new InputError(file, "--data needs an RDF file (.ttl, .nt, .nq, .trig, .rdf, .jsonld)");
            }
            String name = file.getFileName().toString().replaceFirst("\\.[^.]+(\\.gz|\\.bz2)?$", "");
            Node graph = NodeFactory.createURI(Iris.BASE + "graph/" + name);
            try {
                String sha;
                try (HandOff sink = new HandOff(loader.into(graph))) {
                    sha = Store.parse(file, lang, sink);
                    sink.complete();
                }
                sources.put(file.getFileName().toString(), sha);
                key.append(' ').append(sha);
            } catch (RiotParseException e) {
                throw new ParseException(file.toString(), (int) Math.max(1, e.getLine()), "not valid RDF: " + e.getOriginalMessage(), e);
            } catch (RiotException e) {
                throw new ParseException(file.toString(), 1, "not valid RDF: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new InputError(file, "cannot be read: " + e.getMessage(), e);
            }
        }
        FrozenDataset dsg = loader.freeze();
        String version = DigestUtils.sha256Hex(key.toString()).substring(0, 16);
        return new DatasetVersion(dsg, version, dv.builtAt(), sources);
    }

    /** The project's folder: where the launcher lives ({@code -Dhmskg.root}), else the working directory. */
    static Path projectRoot() {
        String root = System.getProperty("hmskg.root");
        return root != null ? Path.of(root) : Path.of("");
    }
}
