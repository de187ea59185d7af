package org.hmskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code bench/load.sh}: 16 clients for 20 s (ordinary requests with abusive queries
 * interleaved) against an in-process server. Asserts only that no ordinary request failed, none hung, and the
 * server is still up; the latency figures are for the benchmark (bench/RESULTS.md).
 */
@Tag("slow")
class LoadTest {
    @Test
    void sixteenClientsWithAbusiveQueriesInterleavedGetNoErrors() throws IOException, InterruptedException {
        var v1 = Fixture.version("v1");
        HmsServer server = HmsServer.builder().port(0).queryTimeout(Duration.ofSeconds(5)).dataset(() -> v1)
                .ontology(Fixture.ontology()).build().start();
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process driver = new ProcessBuilder(List.of(java, "bench/LoadDriver.java", "--base",
                    "http://127.0.0.1:" + server.port(), "--clients", "16",
                    "--seconds", Integer.getInteger("load.seconds", 20).toString()))
                    .redirectErrorStream(true).start();
            String output;
            try (var in = driver.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!driver.waitFor(3, TimeUnit.MINUTES)) {
                driver.destroyForcibly();
            }
            System.out.println(output);
            assertEquals(0, driver.exitValue(), output);
            assertEquals(200, new Fixture.Client(server.port()).get("/$/ping").statusCode());
        } finally {
            server.stop();
        }
    }

}
