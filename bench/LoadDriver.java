// Load driver for bench/load.sh and the CI load test (run with: java bench/LoadDriver.java --help).
// N clients for a fixed time against a running hms-kg server on loopback: the example queries and entity pages,
// with an abusive query interleaved every K requests. Prints latency figures per kind and exits 1 if any
// ordinary request failed, 2 if an abusive one hung past the client timeout.
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadDriver {
    record Req(String kind, boolean abusive, HttpRequest request) {
    }

    record Sample(String kind, boolean abusive, int status, long micros) {
    }

    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:3030";
        int clients = 16;
        int seconds = 120;
        int abuseEvery = 8;
        Path queries = Path.of("queries");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--abuse-every" -> abuseEvery = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Path.of(args[++i]);
                default -> {
                    System.out.println("usage: java bench/LoadDriver.java [--base URL] [--clients 16] [--seconds 120]"
                            + " [--abuse-every 8] [--queries DIR]");
                    System.exit(args[i].equals("--help") ? 0 : 2);
                }
            }
        }
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1|\\[::1\\]")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Req> normal = normalRequests(http, base, queries);
        List<Req> abusive = abusiveRequests(base);
        System.out.printf("load: %d clients for %d s against %s; %d ordinary requests, %d abusive kinds, "
                + "one abusive every %d%n", clients, seconds, base, normal.size(), abusive.size(), abuseEvery);

        List<Sample> samples = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger hung = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            final int every = abuseEvery;
            Thread t = Thread.ofPlatform().name("client-" + c).start(() -> {
                int n = client * 7;
                while (System.nanoTime() < end) {
                    n++;
                    Req r = n % every == 0 ? abusive.get((n / every) % abusive.size()) : normal.get(n % normal.size());
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<Void> resp = http.send(r.request(), HttpResponse.BodyHandlers.discarding());
                        status = resp.statusCode();
                    } catch (java.net.http.HttpTimeoutException e) {
                        status = -1;
                        hung.incrementAndGet();
                    } catch (IOException e) {
                        status = -2;
                        if (!r.abusive()) {
                            failures.add(r.kind() + ": " + e);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    long micros = (System.nanoTime() - t0) / 1000;
                    samples.add(new Sample(r.kind(), r.abusive(), status, micros));
                    if (!r.abusive() && status != 200) {
                        failures.add(r.kind() + ": HTTP " + status);
                    }
                }
            });
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        report(samples);
        if (!failures.isEmpty()) {
            System.out.println("FAILED: " + failures.size() + " ordinary requests failed, e.g. "
                    + failures.subList(0, Math.min(5, failures.size())));
            System.exit(1);
        }
        if (hung.get() > 0) {
            System.out.println("FAILED: " + hung.get() + " requests got no answer within " + CLIENT_TIMEOUT);
            System.exit(2);
        }
        System.out.println("OK: no ordinary request failed and every request was answered");
    }

    static HttpRequest get(String url, String accept) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(CLIENT_TIMEOUT).header("Accept", accept).GET().build();
    }

    static String q(String sparql) {
        return "/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8);
    }

    static List<Req> normalRequests(HttpClient http, String base, Path dir) throws Exception {
        List<Req> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                out.add(new Req("query", false, get(base + q(Files.readString(p)), "application/sparql-results+json")));
            }
        }
        // Entity pages: a sample of things of every type, as HTML and as Turtle.
        String list = http.send(get(base + q("SELECT DISTINCT ?s WHERE { ?s a ?t } LIMIT 400"), "text/csv"),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(/id/[^\\s,\"]+)").matcher(list);
        int pages = 0;
        while (m.find() && pages < 200) {
            String path = m.group(1);
            out.add(new Req("page", false, get(base + path, pages % 2 == 0 ? "text/html" : "text/turtle")));
            pages++;
        }
        out.add(new Req("page", false, get(base + "/search?q=AMED", "text/html")));
        out.add(new Req("page", false, get(base + "/", "text/html")));
        Collections.shuffle(out, new java.util.Random(42));
        return out;
    }

    static List<Req> abusiveRequests(String base) {
        List<Req> out = new ArrayList<>();
        String json = "application/sparql-results+json";
        out.add(new Req("cross-product", true, get(base + q(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"), json)));
        out.add(new Req("dump", true, get(base + q("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"), json)));
        out.add(new Req("deep-path", true, get(base + q(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a (<http://www.w3.org/2000/01/rdf-schema#label>|!<urn:x:none>|^!<urn:x:none>)* ?b }"),
                json)));
        StringBuilder values = new StringBuilder("SELECT * WHERE { VALUES ?x {");
        for (int i = 0; i < 5000; i++) {
            values.append(" \"v").append(i).append('"');
        }
        values.append(" } ?s ?p ?o FILTER(STR(?o) = ?x) }");
        out.add(new Req("huge-values", true, HttpRequest.newBuilder(URI.create(base + "/sparql"))
                .timeout(CLIENT_TIMEOUT).header("Content-Type", "application/sparql-query").header("Accept", json)
                .POST(HttpRequest.BodyPublishers.ofString(values.toString())).build()));
        out.add(new Req("regex-all", true, get(base + q(
                "SELECT ?s WHERE { ?s ?p ?o . ?s2 ?p2 ?o2 FILTER(?s = ?s2 && regex(str(?o), \"(a|b|c)*(x+)+y\", \"i\")) }"),
                json)));
        out.add(new Req("describe-all", true, get(base + q("DESCRIBE ?s WHERE { ?s ?p ?o }"), "text/turtle")));
        return out;
    }

    static void report(List<Sample> samples) {
        Map<String, List<Sample>> byKind = new TreeMap<>();
        samples.forEach(s -> byKind.computeIfAbsent((s.abusive() ? "abusive " : "") + s.kind(), k -> new ArrayList<>())
                .add(s));
        List<Sample> ordinary = samples.stream().filter(s -> !s.abusive()).toList();
        byKind.put("ordinary (all)", ordinary);
        System.out.println();
        System.out.println("| requests | count | p50 ms | p95 ms | p99 ms | max ms | statuses |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        for (var e : byKind.entrySet()) {
            List<Long> t = e.getValue().stream().map(Sample::micros).sorted().toList();
            Map<Integer, Integer> statuses = new TreeMap<>();
            e.getValue().forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
            System.out.printf("| %s | %d | %s | %s | %s | %s | %s |%n", e.getKey(), t.size(), pct(t, 50), pct(t, 95),
                    pct(t, 99), pct(t, 100), statuses);
        }
        System.out.println();
    }

    static String pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return String.format("%.1f", sorted.get(Math.max(0, i)) / 1000.0);
    }
}
