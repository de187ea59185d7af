package org.hmskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.hmskg.pipeline.Builder;
import org.hmskg.serve.HmsServer;
import org.hmskg.store.DatasetVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading never loses the data being served, and never lets a query see two versions at once. */
class ReloaderTest {
    static final String KEY = "kenko-iryo-senryaku-2022-an";
    static final String TITLES = """
            PREFIX hms: <https://w3id.org/hmskg/def#>
            PREFIX dct: <http://purl.org/dc/terms/>
            SELECT ?title (COUNT(?m) AS ?measures) WHERE {
              ?d a hms:PolicyDocument ; dct:title ?title . ?m hms:inDocument ?d
            } GROUP BY ?title""";

    @TempDir
    Path dir;
    Path seeds;

    @BeforeEach
    void copySeed() throws IOException {
        seeds = CliTest.copySeedInto(dir);
    }

    /** What serve does without snapshots: build, refuse on SHACL violations, load into memory. */
    DatasetVersion build() {
        Builder.Result r = Builder.build(new Builder.Request(seeds, Optional.empty(), Instant.now()));
        if (!r.conforms()) {
            throw new ValidationFailed("SHACL validation failed");
        }
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> r.graphs().forEach(dsg::addGraph));
        return new DatasetVersion(dsg, r.version().version(), r.version().builtAt(), r.version().sources());
    }

    /** A new edition of the seed: the same text with another title line, and metadata to match. */
    void writeVariant(int n) throws IOException {
        Path txt = seeds.resolve(KEY + ".txt");
        String text = Files.readString(CliTest.SEED).replaceFirst("（案）", "（案）第" + n + "版");
        Files.writeString(txt, text);
        Path meta = seeds.resolve(KEY + ".meta.json");
        String sha = DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
        // The metadata file's title overrides the text's title line, so it changes too.
        Files.writeString(meta, Files.readString(CliTest.SEED_META).replaceFirst("\"sha256\": \"[0-9a-f]+\"",
                "\"sha256\": \"" + sha + "\"").replaceFirst("（案）", "（案）第" + n + "版"));
    }

    /** A broken seed: an unclosed tag, with metadata that matches, so the parser is what refuses it. */
    void writeBroken() throws IOException {
        Path txt = seeds.resolve(KEY + ".txt");
        String text = Files.readString(CliTest.SEED) + "\n・壊れた施策【厚、◎経\n";
        Files.writeString(txt, text);
        Path meta = seeds.resolve(KEY + ".meta.json");
        String sha = DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
        Files.writeString(meta, Files.readString(CliTest.SEED_META).replaceFirst("\"sha256\": \"[0-9a-f]+\"",
                "\"sha256\": \"" + sha + "\""));
    }

    static final class Recorder implements Reloader.Listener {
        final List<String> errors = new CopyOnWriteArrayList<>();
        final AtomicInteger reloads = new AtomicInteger();

        @Override
        public void reloaded(DatasetVersion version) {
            reloads.incrementAndGet();
        }

        @Override
        public void failed(String message) {
            errors.add(message);
        }
    }

    @Test
    void aBrokenSeedArrivingWhileClientsQueryLeavesThePreviousVersionServing() throws Exception {
        AtomicReference<DatasetVersion> current = new AtomicReference<>(build());
        String v1 = current.get().version();
        HmsServer server = HmsServer.builder().port(0).dataset(current::get).build().start();
        Reloader reloader = new Reloader(this::build, current, ServeCommand.statusOf(server));
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + server.port() + "/sparql?query="
                + URLEncoder.encode(TITLES, StandardCharsets.UTF_8));
        AtomicBoolean stop = new AtomicBoolean();
        List<String> problems = new CopyOnWriteArrayList<>();
        Set<String> titles = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < 4; c++) {
                clients.execute(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                                    .header("Accept", "application/sparql-results+json").build(),
                                    HttpResponse.BodyHandlers.ofString());
                            JsonNode rows = new ObjectMapper().readTree(r.body()).at("/results/bindings");
                            if (r.statusCode() != 200 || rows.size() != 1) {
                                problems.add(r.statusCode() + " " + r.body());
                            } else {
                                titles.add(rows.get(0).at("/title/value").asText());
                            }
                            answered.incrementAndGet();
                            Thread.sleep(20);
                        } catch (IOException | RuntimeException e) {
                            problems.add(e.toString());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            writeVariant(2);
            Reloader.Outcome second = reloader.trigger();
            assertTrue(second.error().isEmpty(), second.toString());
            String v2 = current.get().version();
            assertNotEquals(v1, v2);

            writeBroken();
            Reloader.Outcome broken = reloader.trigger();
            assertTrue(broken.error().orElseThrow().matches("(?s).*" + KEY + "\\.txt:\\d+: .*"), broken.toString());
            assertEquals(v2, current.get().version(), "the previous version keeps serving");
            String status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                    + "/$/status")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(status.contains(KEY + ".txt:"), status);
            assertTrue(status.contains(v2), status);
            Thread.sleep(300);
        } finally {
            stop.set(true);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            server.stop();
        }
        assertEquals(List.of(), problems);
        assertTrue(answered.get() > 10, "only " + answered.get() + " queries answered");
        assertTrue(titles.stream().anyMatch(t -> t.contains("第2版")), titles.toString());
        assertTrue(titles.size() <= 2, titles.toString());
    }

    @Test
    void aChangedSeedIsPickedUpFromTheFolder() throws Exception {
        AtomicReference<DatasetVersion> current = new AtomicReference<>(build());
        String v1 = current.get().version();
        Recorder recorder = new Recorder();
        try (Reloader reloader = new Reloader(this::build, current, recorder)) {
            reloader.watch(seeds, Duration.ofMillis(200));
            writeVariant(3);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (current.get().version().equals(v1) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertNotEquals(v1, current.get().version(), "no reload after the seed changed");
            assertEquals(List.of(), recorder.errors);
            assertTrue(recorder.reloads.get() <= 2, "one edit, " + recorder.reloads.get() + " reloads");
        }
    }
}
