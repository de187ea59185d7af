package org.hmskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.hmskg.parse.MeasureRecord;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SeedParser;
import org.hmskg.pipeline.BuildReport;
import org.hmskg.pipeline.Builder;
import org.hmskg.source.SeedPdf;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    static final String KEY = "kenko-iryo-senryaku-2022-an";
    static final Path SEED = Path.of("seeds", KEY + ".txt");
    /** Two small pages, enough for the rules that do not need the whole seed. */
    static final List<List<String>> SMALL = List.of(
            List.of("健康・医療戦略の実行状況と今後の取組方針2031", "2031年6月3日", "健康・医療戦略推進本部決定"),
            List.of("１．見出し", "・施策を進める。【◎厚】"));

    @TempDir
    Path dir;

    @BeforeAll
    static void font() {
        assertTrue(Files.isRegularFile(SeedPdf.FONT), SeedPdf.FONT + " is missing: install fonts-ipafont-gothic "
                + "(.ci/run does)");
    }

    @Nested
    class APdfMadeFromTheSeed {
        @Test
        void importedAndBuiltGivesTheSeedsMeasuresTagsLeadsMentionsAndMetadataWithEveryCharacter()
                throws IOException {
            Path pdf = SeedPdf.of(SeedPdf.pagesOf(Files.readString(SEED))).write(dir.resolve("pdf/" + KEY + ".pdf"));
            Path seeds = dir.resolve("seeds");
            CliTest.Run r = CliTest.run("import", pdf.toString(), "--seeds", seeds.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(List.of(KEY + ".txt"), names(seeds));
            assertTrue(r.out().startsWith(seeds.resolve(KEY + ".txt") + ": written from " + pdf + " (20 pages, "),
                    r.out());
            assertTrue(r.out().contains("  title      健康・医療戦略の実行状況と今後の取組方針2022（案）\n"), r.out());
            assertTrue(r.out().contains("  issued     2022\n"), r.out());
            assertTrue(r.out().contains("  status     draft\n"), r.out());
            assertTrue(r.out().contains("  publisher  健康・医療戦略推進本部\n"), r.out());
            assertTrue(r.out().contains("  kind       follow-up\n"), r.out());
            assertTrue(r.out().contains("  read from  the text (no metadata file)\n"), r.out());
            assertFalse(r.err().contains("warning"), r.err());

            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            Builder.Result original = Builder.build(new Builder.Request(SEED.getParent(), Optional.empty(), at));
            Builder.Result imported = Builder.build(new Builder.Request(seeds, Optional.empty(), at));
            assertTrue(imported.conforms(), imported.report().violations().toString());
            ParsedDocument a = original.documents().get(0);
            ParsedDocument b = imported.documents().get(0);

            // Metadata: the seed's metadata file states it; the imported text alone gives the same.
            assertEquals(a.metadata().title(), b.metadata().title());
            assertEquals(a.issued(), b.issued());
            assertEquals(a.metadata().status(), b.metadata().status());
            assertEquals(a.metadata().edition(), b.metadata().edition());
            assertEquals(a.metadata().publisher(), b.metadata().publisher());
            assertEquals(Set.of(), b.metadata().fromFile());

            // Measures compared exactly, not with whitespace normalised: the PDF draws the seed's spaces as glyphs and
            // PDFBox reads them as drawn, so every text, tag and page is the seed's. Only line numbers differ: the
            // seed has an empty line after each line, which a PDF has not.
            assertEquals(60, b.measures().size());
            assertEquals(a.measures().stream().map(ImportCommandTest::withoutLines).toList(),
                    b.measures().stream().map(ImportCommandTest::withoutLines).toList());
            assertEquals(a.paragraphs().size(), b.paragraphs().size());
            assertEquals(a.sections().stream().map(s -> s.path() + " " + s.marker() + s.label() + " p" + s.page()
                    + " " + s.tag().map(t -> t.raw()).orElse("")).toList(), b.sections().stream().map(s -> s.path()
                    + " " + s.marker() + s.label() + " p" + s.page() + " " + s.tag().map(t -> t.raw()).orElse(""))
                    .toList());
            assertEquals(a.footnotes().stream().map(f -> f.marker() + " " + f.text() + " p" + f.page()).toList(),
                    b.footnotes().stream().map(f -> f.marker() + " " + f.text() + " p" + f.page()).toList());

            Graph ga = original.graphs().get(Iris.graph(KEY));
            Graph gb = imported.graphs().get(Iris.graph(KEY));
            assertSame(60, ga, gb, HMS.leadMinistry, "lead ministries");
            assertSame(59, ga, gb, HMS.tag, "tags");
            assertSame(61, ga, gb, HMS.text, "texts of the measures and the footnote");
            Function<Graph, Set<String>> mentions = g -> g.stream(null, RDF.type, HMS.Mention).map(Triple::getSubject)
                    .map(m -> m + " " + objects(g, m, HMS.surface) + " " + objects(g, m, HMS.start) + "-" + objects(g, m, HMS.end)
                            + " about " + objects(g, m, HMS.about) + " in " + objects(g, m, HMS.inBlock))
                    .collect(Collectors.toSet());
            assertEquals(original.report().counts().get("hms:Mention").intValue(), mentions.apply(ga).size());
            assertEquals(mentions.apply(ga), mentions.apply(gb));
            // Everything else too: each graph holds the same triples once line numbers and checksums are set aside.
            for (Map.Entry<Node, Graph> e : original.graphs().entrySet()) {
                assertEquals(comparable(e.getValue()), comparable(imported.graphs().get(e.getKey())),
                        "graph " + e.getKey());
            }

            BuildReport.DocumentCoverage cov = imported.report().coverage().get(KEY + ".txt");
            assertEquals(1.0, cov.share(), cov.toString());
            assertEquals(cov.characters(), cov.held());
            assertEquals(List.of(), cov.unplaced());
            assertEquals(List.of(), cov.missing());
            assertEquals(original.report().coverage().get(KEY + ".txt").characters(), cov.characters());
        }
    }

    @Nested
    class AnExistingSeed {
        @Test
        void thatHoldsTheSameTextIsLeftAsItIs() throws IOException {
            Path pdf = SeedPdf.of(SMALL).write(dir.resolve("doc.pdf"));
            Path seeds = dir.resolve("seeds");
            assertEquals(0, CliTest.run("import", pdf.toString(), "--seeds", seeds.toString()).code());
            CliTest.Run again = CliTest.run("import", pdf.toString(), "--seeds", seeds.toString());
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().startsWith(seeds.resolve("doc.txt") + ": unchanged: it already holds the text of "),
                    again.out());
        }

        @Test
        void thatHoldsAnotherTextIsReplacedOnlyWithForce() throws IOException {
            Path pdf = SeedPdf.of(SMALL).write(dir.resolve("doc.pdf"));
            Path seeds = Files.createDirectories(dir.resolve("seeds"));
            Path seed = seeds.resolve("doc.txt");
            Files.writeString(seed, "another text\n");
            assertRefused(CliTest.run("import", pdf.toString(), "--seeds", seeds.toString()),
                    seed + ": exists and holds another text than " + pdf + " gives; nothing written (--force replaces "
                            + "it)");
            assertEquals("another text\n", Files.readString(seed));

            CliTest.Run forced = CliTest.run("import", pdf.toString(), "--seeds", seeds.toString(), "--force");
            assertEquals(0, forced.code(), forced.err());
            assertTrue(forced.out().startsWith(seed + ": replaced with the text of " + pdf), forced.out());
            assertEquals(SeedPdf.expectedText(SMALL), Files.readString(seed));
            assertEquals(List.of("doc.txt"), names(seeds), "no temporary file is left");
        }

        @Test
        void whoseMetadataFileOverridesFieldsIsReadWithIt() throws IOException {
            Path pdf = SeedPdf.of(SMALL).write(dir.resolve("doc.pdf"));
            Path seeds = Files.createDirectories(dir.resolve("seeds"));
            Files.writeString(seeds.resolve("doc.meta.json"), "{\"title\": \"健康・医療戦略の実行状況2031\"}");
            CliTest.Run r = CliTest.run("import", pdf.toString(), "--seeds", seeds.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("  title      健康・医療戦略の実行状況2031\n"), r.out());
            assertTrue(r.out().contains("  read from  the text; title from doc.meta.json\n"), r.out());
            assertTrue(r.out().contains("  issued     2031-06-03\n"), r.out());
        }

        @Test
        void whoseMetadataFileStatesAnotherChecksumIsRefusedBeforeAnythingIsWritten() throws IOException {
            Path pdf = SeedPdf.of(SMALL).write(dir.resolve("doc.pdf"));
            Path seeds = Files.createDirectories(dir.resolve("seeds"));
            String stale = DigestUtils.sha256Hex("an older text\n".getBytes(StandardCharsets.UTF_8));
            Files.writeString(seeds.resolve("doc.meta.json"), "{\"sha256\": \"" + stale + "\"}");
            CliTest.Run r = CliTest.run("import", pdf.toString(), "--seeds", seeds.toString());
            assertRefused(r, pdf + ": its text cannot become " + seeds.resolve("doc.txt") + "; nothing written: "
                    + seeds.resolve("doc.meta.json") + ":1: checksum mismatch: the seed's SHA-256 is ");
            assertEquals(List.of("doc.meta.json"), names(seeds));
        }
    }

    @Nested
    class InputErrors {
        @Test
        void aScannedPdfWithoutTextLayer() throws IOException {
            Path pdf = SeedPdf.scanned(dir.resolve("scan.pdf"));
            assertRefused(importInto(pdf), pdf + ": no text layer: its page holds no text (a scan? give it a text "
                    + "layer with OCR first, e.g. ocrmypdf -l jpn)");
        }

        @Test
        void aPdfThatNeedsAPassword() throws IOException {
            Path pdf = SeedPdf.of(SMALL).protect(new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission())).write(dir.resolve("locked.pdf"));
            assertRefused(importInto(pdf), pdf + ": encrypted: the PDF opens only with a password (hms-kg reads PDFs "
                    + "that open without one)");
        }

        @Test
        void aPdfWhosePermissionsForbidCopyingText() throws IOException {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            Path pdf = SeedPdf.of(SMALL).protect(new StandardProtectionPolicy("owner-secret", "", permissions))
                    .write(dir.resolve("nocopy.pdf"));
            assertRefused(importInto(pdf), pdf + ": encrypted: the PDF's permissions forbid copying its text (ask the "
                    + "publisher for an open copy)");
        }

        @Test
        void aFileThatIsNotAPdf() throws IOException {
            Path notPdf = dir.resolve("seed.pdf");
            Files.copy(SEED, notPdf);
            assertRefused(importInto(notPdf), notPdf + ": not a PDF: its first 1024 bytes hold no %PDF- header");
        }

        @Test
        void aDamagedPdf() throws IOException {
            Path pdf = SeedPdf.of(SMALL).write(dir.resolve("cut.pdf"));
            byte[] bytes = Files.readAllBytes(pdf);
            Files.write(pdf, java.util.Arrays.copyOf(bytes, 200));
            CliTest.Run r = importInto(pdf);
            assertRefused(r, pdf + ": damaged PDF: ");
        }

        @Test
        void aMissingFile() throws IOException {
            Path pdf = dir.resolve("missing.pdf");
            assertRefused(importInto(pdf), pdf + ": no such file");
        }

        @Test
        void aFileNameThatCannotBeADocumentKey() throws IOException {
            Path pdf = SeedPdf.of(SMALL).write(dir.resolve("two words.pdf"));
            assertRefused(importInto(pdf), pdf + ": the file name 'two words' cannot be a document key: the key "
                    + "becomes part of IRIs and may hold no spaces or any of <>\"{}|\\^`%#?/[] (rename the PDF)");
        }

        @Test
        void withDebugTheStackTraceAndItsCauseArePrinted() throws IOException {
            Path pdf = SeedPdf.of(SMALL).protect(new StandardProtectionPolicy("o", "u", new AccessPermission()))
                    .write(dir.resolve("locked.pdf"));
            CliTest.Run r = CliTest.run("import", pdf.toString(), "--seeds", dir.resolve("seeds").toString(),
                    "--debug");
            assertEquals(Main.INPUT, r.code());
            assertTrue(r.err().contains("Caused by: org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException"),
                    r.err());
        }

        private CliTest.Run importInto(Path pdf) {
            return CliTest.run("import", pdf.toString(), "--seeds", dir.resolve("seeds").toString());
        }
    }

    @Test
    void helpListsTheCommand() {
        CliTest.Run r = CliTest.run("--help");
        assertTrue(r.out().contains("import"), r.out());
    }

    /** Exit code 3, one line naming the file and the rule, no stack trace, and no seed written. */
    private void assertRefused(CliTest.Run r, String messageStart) throws IOException {
        assertEquals(Main.INPUT, r.code(), r.out() + r.err());
        List<String> errors = r.err().lines().filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("error: " + messageStart), errors.get(0));
        assertFalse(r.err().contains("\tat "), r.err());
        Path seeds = dir.resolve("seeds");
        if (Files.isDirectory(seeds)) {
            assertTrue(names(seeds).stream().noneMatch(n -> n.startsWith(".")), "temporary files left: "
                    + names(seeds));
        }
    }

    /** The triples of {@code predicate} on measures, sections and footnotes (statements repeat their measure's). */
    private static void assertSame(int expected, Graph a, Graph b, Node predicate, String what) {
        Set<Triple> ta = ofDocumentParts(a, predicate);
        assertEquals(expected, ta.size(), what);
        assertEquals(ta, ofDocumentParts(b, predicate), what);
    }

    private static Set<Triple> ofDocumentParts(Graph g, Node predicate) {
        return g.find(null, predicate, null).filterDrop(t -> g.contains(t.getSubject(), RDF.type, HMS.Statement))
                .toSet();
    }

    /** The objects of {@code s p}, sorted and joined (a mention of a quantity or date is about nothing). */
    private static String objects(Graph g, Node s, Node p) {
        return g.find(s, p, null).mapWith(t -> t.getObject().toString()).toList().stream().sorted()
                .collect(Collectors.joining(","));
    }

    /** The triples of a graph but those that hold line numbers and the file's checksum, which differ by design. */
    private static Set<Triple> comparable(Graph g) {
        Set<Node> differ = Set.of(HMS.lineStart, HMS.lineEnd, HMS.sha256);
        return g.find().filterDrop(t -> differ.contains(t.getPredicate())).toSet();
    }

    private static String withoutLines(MeasureRecord m) {
        return m.ordinal() + " " + m.marker() + m.text() + " | " + m.section().orElse("") + " | p" + m.pageStart()
                + "-" + m.pageEnd() + " | " + m.tag().map(t -> t.brackets() + t.raw()).orElse("") + " | "
                + m.footnotes();
    }

    private static List<String> names(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
