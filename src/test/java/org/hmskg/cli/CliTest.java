package org.hmskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.hmskg.store.Store;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final Path SEED = Path.of("seeds/kenko-iryo-senryaku-2022-an.txt");
    static final Path SEED_META = Path.of("seeds/kenko-iryo-senryaku-2022-an.meta.json");

    @TempDir
    Path dir;
    Path seeds;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void copySeed() throws IOException {
        seeds = copySeedInto(dir);
    }

    /** A {@code seeds} folder in {@code dir} holding a copy of the seed and its metadata. */
    static Path copySeedInto(Path dir) throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Files.copy(SEED, seeds.resolve(SEED.getFileName()));
        Files.copy(SEED_META, seeds.resolve(SEED_META.getFileName()));
        return seeds;
    }

    /** Writes a purpose-made seed with matching metadata. */
    static void writeSeed(Path folder, String key, String text, int edition) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve(key + ".txt"), bytes);
        Files.writeString(folder.resolve(key + ".meta.json"), """
                {"title": "%s", "edition": %d, "publisher": "健康・医療戦略推進本部", "status": "final",
                 "form": "test fixture", "sha256": "%s"}
                """.formatted(key, edition, DigestUtils.sha256Hex(bytes)));
    }

    static long count(DatasetGraph dsg, org.apache.jena.graph.Node type) {
        return Txn.calculateRead(dsg, () -> dsg.getUnionGraph().stream(null, RDF.type, type).count());
    }

    @Test
    void buildWritesNQuadsAndTheReport() throws IOException {
        Path out = dir.resolve("out/hmskg.nq");
        Run r = run("build", "--seeds", seeds.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SHACL: conforms"), r.out());
        Dataset ds = RDFDataMgr.loadDataset(out.toString());
        assertEquals(60, count(ds.asDatasetGraph(), HMS.Measure));
        assertTrue(ds.asDatasetGraph().containsGraph(Iris.graph("kenko-iryo-senryaku-2022-an")));
        assertTrue(ds.asDatasetGraph().containsGraph(Iris.graph("reference")));
        assertTrue(ds.asDatasetGraph().containsGraph(Iris.graph("links")));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/hmskg.report.json").toFile());
        assertEquals(60, report.at("/counts/hms:Measure").asInt());
        assertEquals(47, report.at("/counts/hms:Section").asInt());
        assertTrue(report.at("/conforms").asBoolean());
    }

    @Test
    void buildWritesTrigAndTdb2() {
        Path trig = dir.resolve("hmskg.trig");
        assertEquals(0, run("build", "--seeds", seeds.toString(), "--out", trig.toString()).code());
        assertEquals(60, count(RDFDataMgr.loadDatasetGraph(trig.toString()), HMS.Measure));

        Path tdb = dir.resolve("tdb");
        Run r = run("build", "--seeds", seeds.toString(), "--tdb2", tdb.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(tdb.resolve("report.json")));
        DatasetGraph dsg = Store.openTdb2(tdb);
        assertEquals(60, count(dsg, HMS.Measure));
    }

    @Test
    void validatePrintsTheSummaryAndWritesNothing() throws IOException {
        Run r = run("validate", "--seeds", seeds.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Measure 60"), r.out());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the seeds folder");
        }
    }

    @Test
    void badInputIsOneLineExitThreeAndLeavesThePreviousOutput() throws IOException {
        Path out = dir.resolve("hmskg.nq");
        assertEquals(0, run("build", "--seeds", seeds.toString(), "--out", out.toString()).code());
        byte[] before = Files.readAllBytes(out);
        writeSeed(seeds, "broken", "題名\n\n１．章\n\n・本文。【厚、◎経\n", 2023);
        Run r = run("build", "--seeds", seeds.toString(), "--out", out.toString());
        assertEquals(3, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().matches("(?s)error: .*broken\\.txt:5: unclosed tag.*"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(0, java.util.Arrays.compare(before, Files.readAllBytes(out)), "previous output untouched");
    }

    @Test
    void duplicateDocumentIsAnInputError() throws IOException {
        Files.copy(SEED, seeds.resolve("copy.txt"));
        Files.copy(SEED_META, seeds.resolve("copy.meta.json"));
        Run r = run("validate", "--seeds", seeds.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("duplicate document"), r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("build", "--seeds", seeds.toString()).code());
        assertEquals(2, run("build", "--out", "x.ttl", "--seeds", seeds.toString()).code());
        assertEquals(2, run("no-such-command").code());
    }

    @Test
    void aSecondDocumentSharesMinistriesAndInitiativesAndWarnsAboutUnknownCodes() throws IOException {
        writeSeed(seeds, "kenko-iryo-senryaku-2023-test", """
                 健康・医療戦略の実行状況と今後の取組方針2023

                2 0 2 3 年 6 月 1 日

                健康・医療戦略推進本部決定

                １．研究開発の推進

                ・AMEDにおいて、医療分野の研究開発を推進した。【◎健医、文、厚、経】

                ・新しい組織が担う取組を進める。【◎デジ、厚】
                """, 2023);
        Path out = dir.resolve("two.nq");
        Run r = run("build", "--seeds", seeds.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        DatasetGraph dsg = RDFDataMgr.loadDatasetGraph(out.toString());
        assertTrue(dsg.containsGraph(Iris.graph("kenko-iryo-senryaku-2023-test")));
        assertEquals(62, count(dsg, HMS.Measure));
        var amed = Iris.initiative("amed");
        long namingAmed = dsg.getUnionGraph().stream(null, HMS.mentions, amed)
                .map(t -> t.getSubject().getURI().contains("2023-test") ? "new" : "old").distinct().count();
        assertEquals(2, namingAmed, "both editions name the same AMED resource");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("two.report.json").toFile());
        assertEquals(seeds.resolve("kenko-iryo-senryaku-2023-test.txt") + ":11", report.at("/unknownCodes/デジ/0").asText());
    }

    @Test
    void serveStartsAnswersAndReusesItsSnapshot() throws IOException {
        Path snapshots = dir.resolve("snapshots");
        Run first = run("serve", "--seeds", seeds.toString(), "--port", "0", "--snapshots", snapshots.toString(),
                "--exit-after-start");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("/sparql"), first.out());
        Path data;
        try (var files = Files.list(snapshots)) {
            data = files.filter(f -> f.toString().endsWith(".rt")).findFirst().orElseThrow();
        }
        var written = Files.getLastModifiedTime(data);
        Run second = run("serve", "--seeds", seeds.toString(), "--port", "0", "--snapshots", snapshots.toString(),
                "--exit-after-start");
        assertEquals(0, second.code(), second.err());
        assertEquals(first.out().split(" ")[3], second.out().split(" ")[3], "same dataset version");
        assertEquals(written, Files.getLastModifiedTime(data), "the snapshot was reused, not written again");
    }

    @Test
    void queryRunsALibraryQueryAgainstTheSeeds() {
        Run r = run("query", "05-measures-naming-amed", "--seeds", seeds.toString(), "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("measure,ordinal,section,page,ministries,leads"), r.out());
        assertTrue(r.out().contains("https://w3id.org/hmskg/id/measure/kenko-iryo-senryaku-2022-an/26"), r.out());
        Run bad = run("query", "no-such-query", "--seeds", seeds.toString());
        assertEquals(2, bad.code());
    }

    /** A query that needs several editions says so on the seed alone, and stays silent when they are there. */
    @Test
    void aQueryThatNeedsSeveralEditionsSaysSoWhenThereIsOne() throws IOException {
        Run one = run("query", "38-commitments-reported-done-in-the-next-edition", "--seeds", seeds.toString(),
                "--format", "csv");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.err().contains("needs several editions of a document: none in this data"), one.err());
        Path fixture = Path.of("src/test/resources/editions");
        try (var files = Files.list(fixture)) {
            for (Path f : files.toList()) {
                Files.copy(f, seeds.resolve(f.getFileName()));
            }
        }
        Run two = run("query", "38-commitments-reported-done-in-the-next-edition", "--seeds", seeds.toString(),
                "--format", "csv");
        assertEquals(0, two.code(), two.err());
        assertFalse(two.err().contains("needs several editions"), two.err());
        assertTrue(two.out().lines().count() > 1, two.out());
    }
}
