package org.hmskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.digest.DigestUtils;
import org.hmskg.serve.HmsServer;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.Release;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release opened by two read replicas behind nginx (docs/deploy/): both answer the same. */
class ReplicaTest {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void aReleaseServedByTwoReplicasBehindNginx() throws Exception {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Files.copy(CliTest.SEED, seeds.resolve(CliTest.SEED.getFileName()));
        Files.copy(CliTest.SEED_META, seeds.resolve(CliTest.SEED_META.getFileName()));
        Path out = dir.resolve("release");
        CliTest.Run run = CliTest.run("release", "--seeds", seeds.toString(), "--out", out.toString(),
                "--gold", Files.createDirectories(dir.resolve("no-gold")).toString());
        assertEquals(Main.OK, run.code(), run.err());

        // The sums and the manifest describe the files as written.
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(Release.MANIFEST).toFile());
        for (String line : Files.readAllLines(out.resolve(Release.SUMS))) {
            String[] parts = line.split("  ", 2);
            assertEquals(parts[0], DigestUtils.sha256Hex(Files.readAllBytes(out.resolve(parts[1]))), parts[1]);
            assertEquals(parts[0], manifest.at("/files/" + parts[1] + "/sha256").asText(), parts[1]);
        }
        long nquads;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve(Release.NQUADS)))) {
            nquads = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        }

        // Two replicas, each with its own copy of the database.
        DatasetVersion r1 = ServeCommand.openTdb2(Release.unpack(out.resolve(Release.TARBALL), dir.resolve("r1")));
        DatasetVersion r2 = ServeCommand.openTdb2(Release.unpack(out.resolve(Release.TARBALL), dir.resolve("r2")));
        assertEquals(manifest.path("datasetVersion").asText(), r1.version());
        HmsServer a = HmsServer.builder().port(0).dataset(() -> r1).build().start();
        HmsServer b = HmsServer.builder().port(0).dataset(() -> r2).build().start();
        Process nginx = null;
        try {
            String q = "/sparql?query=" + URLEncoder.encode(COUNT, StandardCharsets.UTF_8);
            String fromA = get(a.port(), q).body();
            assertEquals(fromA, get(b.port(), q).body());
            assertTrue(fromA.contains("\"" + nquads + "\""), fromA + " vs " + nquads + " N-Quads lines");
            String amed = get(a.port(), "/id/initiative/amed").body();
            assertEquals(amed, get(b.port(), "/id/initiative/amed").body());

            assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (Debian: apt-get install nginx-light); "
                    + "the replicas were checked without the load balancer");
            int front = freePort();
            nginx = startNginx(front, a.port(), b.port());
            Set<String> replicas = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> r = get(front, q);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(fromA, r.body());
                replicas.add(r.headers().firstValue("X-Hmskg-Replica").orElse(""));
            }
            assertEquals(2, replicas.size(), "nginx used " + replicas);
            b.stop();
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = get(front, q);
                assertEquals(200, r.statusCode(), "with one replica down: " + r.body());
            }
        } finally {
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor();
            }
            a.stop();
            b.stop();
        }
    }

    /** nginx in the foreground with the deployment's site file, its ports replaced by the test's. */
    Process startNginx(int front, int portA, int portB) throws IOException, InterruptedException {
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        String site = Files.readString(Path.of("docs/deploy/hmskg-nginx.conf"))
                .replace("127.0.0.1:3031", "127.0.0.1:" + portA)
                .replace("127.0.0.1:3032", "127.0.0.1:" + portB)
                .replace("listen 80;", "listen 127.0.0.1:" + front + ";");
        Files.writeString(prefix.resolve("site.conf"), site);
        String user = System.getProperty("user.name").equals("root") ? "user root root;\n" : "";
        Files.writeString(prefix.resolve("nginx.conf"), user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(prefix));
        Process p = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
        for (int i = 0; i < 50; i++) {
            try {
                get(front, "/$/ping");
                return p;
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("out.log"))
                            + Files.readString(prefix.resolve("error.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not answer on port " + front);
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
