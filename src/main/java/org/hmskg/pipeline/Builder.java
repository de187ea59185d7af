package org.hmskg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.hmskg.extract.Extractor;
import org.hmskg.extract.Facts;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.ReferenceData;
import org.hmskg.extract.statement.StatementFact;
import org.hmskg.extract.statement.StatementReader;
import org.hmskg.map.DocumentMapper;
import org.hmskg.map.DerivedLinks;
import org.hmskg.map.ReferenceMapper;
import org.hmskg.parse.Block;
import org.hmskg.parse.DateValue;
import org.hmskg.parse.MeasureRecord;
import org.hmskg.parse.ParseException;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SectionRecord;
import org.hmskg.parse.SeedParser;
import org.hmskg.parse.Tag;
import org.hmskg.parse.Warning;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.Store;
import org.hmskg.validate.Outcome;
import org.hmskg.validate.Validator;
import org.hmskg.vocab.Iris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Orchestration: seeds → parse → extract → map → derive links → validate → in-memory dataset and report. */
public final class Builder {
    private static final Logger LOG = LoggerFactory.getLogger(Builder.class);

    /**
     * @param seeds   folder of {@code *.txt} seeds with their {@code *.meta.json}
     * @param goldDir folder of {@code <key>.gold.json} annotations to score the extraction against, if any
     */
    public record Request(Path seeds, Optional<Path> goldDir, Instant builtAt) {
    }

    /** A finished build: the dataset (even when SHACL failed, for the report) and what happened. */
    public record Result(DatasetGraph dataset, Map<Node, Graph> graphs, DatasetVersion version, BuildReport report,
                         List<ParsedDocument> documents) {
        public boolean conforms() {
            return report.conforms();
        }
    }

    private Builder() {
    }

    public static String toolVersion() {
        String v = Builder.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static Result build(Request request) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        ReferenceData ref = ReferenceData.load();
        Set<String> codes = ref.ministries().stream().flatMap(m -> m.codes().stream()).collect(Collectors.toSet());
        SeedParser parser = new SeedParser(codes);
        List<ParsedDocument> docs = new ArrayList<>();
        Map<String, Path> bySha = new HashMap<>();
        Map<String, Path> byTitle = new HashMap<>();
        Map<String, Path> seedOf = new HashMap<>();
        for (Path seed : SeedParser.seedFiles(request.seeds())) {
            ParsedDocument doc = parser.parse(seed);
            Path sameBytes = bySha.putIfAbsent(doc.sha256(), seed);
            if (sameBytes != null) {
                throw new ParseException(seed.toString(), 1, "duplicate document: same bytes as " + sameBytes);
            }
            String edition = doc.metadata().edition().map(String::valueOf)
                    .orElse(doc.issued().map(DateValue::lexical).orElse("(no year)"));
            Path sameTitle = byTitle.putIfAbsent(doc.title() + "\u0000" + edition, seed);
            if (sameTitle != null) {
                throw new ParseException(seed.toString(), 1, "duplicate document: '" + doc.title() + "' edition "
                        + edition + " is already in " + sameTitle);
            }
            docs.add(doc);
            seedOf.put(doc.key(), seed);
        }
        long parsed = System.nanoTime();
        timings.put("parse", ms(t0, parsed));
        LOG.info("parsed {} document{}: {} sections, {} measures, {} paragraphs in {} ms", docs.size(),
                docs.size() == 1 ? "" : "s", docs.stream().mapToInt(d -> d.sections().size()).sum(),
                docs.stream().mapToInt(d -> d.measures().size()).sum(),
                docs.stream().mapToInt(d -> d.paragraphs().size()).sum(), timings.get("parse"));

        Extractor extractor = new Extractor(ref);
        List<Warning> warnings = new ArrayList<>();
        Map<String, List<String>> unknownCodes = new TreeMap<>();
        Map<Node, Graph> graphs = new LinkedHashMap<>();
        Map<String, List<Facts>> factsByDoc = new LinkedHashMap<>();
        Map<String, String> places = new HashMap<>();
        Map<String, BuildReport.DocumentCoverage> coverage = new LinkedHashMap<>();
        DocumentMapper mapper = new DocumentMapper(code -> ref.byCode(code).map(m -> m.key()), toolVersion());
        Instant builtAt = request.builtAt().truncatedTo(ChronoUnit.SECONDS);
        Set<String> curatedKeys = ref.knownEntities().stream().map(KnownEntity::key).collect(Collectors.toSet());
        int facts = 0;
        Map<String, Facts> preambles = new LinkedHashMap<>();
        Map<String, List<List<StatementFact>>> statementsByDoc = new LinkedHashMap<>();
        for (ParsedDocument doc : docs) {
            String file = seedOf.get(doc.key()).toString();
            warnings.addAll(doc.warnings());
            checkCodes(doc, file, ref, warnings, unknownCodes);
            List<Facts> blockFacts = doc.blocks().stream().map(b -> extractor.extract(b.text())).toList();
            facts += blockFacts.stream().mapToInt(f -> f.entities().size() + f.quantities().size() + f.dates().size()).sum();
            factsByDoc.put(doc.key(), blockFacts);
            preambles.put(doc.key(), extractor.extract(doc.preamble()));
        }
        // A document cited by several documents keeps one date: the latest any of them states.
        List<Facts> everything = new ArrayList<>(preambles.values());
        factsByDoc.values().forEach(everything::addAll);
        SharedFacts shared = new SharedFacts(everything);
        for (ParsedDocument doc : docs) {
            String file = seedOf.get(doc.key()).toString();
            Optional<Node> publisher = doc.metadata().publisher().map(name -> Iris.initiative(ref.byLabel(name)
                    .map(KnownEntity::key).orElseGet(() -> Iris.hashKey(name))));
            List<Facts> blockFacts = factsByDoc.get(doc.key()).stream().map(shared::apply).toList();
            List<List<StatementFact>> statements = new ArrayList<>();
            for (int i = 0; i < doc.blocks().size(); i++) {
                statements.add(StatementReader.read(doc.blocks().get(i).text(), blockFacts.get(i)));
            }
            statementsByDoc.put(doc.key(), statements);
            DocumentMapper.Mapped mapped = mapper.map(new DocumentMapper.Input(doc, blockFacts, statements,
                    shared.apply(preambles.get(doc.key())), publisher, curatedKeys, builtAt));
            graphs.put(Iris.graph(doc.key()), mapped.graph());
            mapped.lines().forEach((node, line) -> places.putIfAbsent(node.getURI(), file + ":" + line));
            SourceCoverage.Result c = SourceCoverage.measure(doc, file, read(seedOf.get(doc.key())), mapped.graph());
            coverage.put(doc.fileName(), new BuildReport.DocumentCoverage(c.characters(), c.held(), c.share(),
                    c.unplaced(), c.missing()));
        }
        long extracted = System.nanoTime();
        timings.put("extract+map", ms(parsed, extracted));
        LOG.info("extracted {} facts and mapped {} graphs in {} ms", facts, graphs.size(), timings.get("extract+map"));

        graphs.put(Iris.graph("reference"), ReferenceMapper.map(ref));
        Graph all = GraphFactory.createGraphMem();
        graphs.values().forEach(g -> GraphUtil.addInto(all, g));
        Graph links = DerivedLinks.derive(all, graphs.keySet());
        graphs.put(Iris.graph("links"), links);
        GraphUtil.addInto(all, links);
        DatasetGraph dataset = Store.unionDataset(graphs);
        long linked = System.nanoTime();
        timings.put("links", ms(extracted, linked));

        Outcome outcome = Validator.standard().validate(all);
        long validated = System.nanoTime();
        timings.put("validate", ms(linked, validated));
        LOG.info("derived {} links and validated {} triples in {} ms: {}", links.size(), all.size(),
                ms(extracted, validated), outcome.conforms() ? "conforms" : outcome.violations().size() + " violations");

        Optional<Map<String, GoldEvaluation.Score>> gold = request.goldDir().flatMap(dir -> score(dir, docs, factsByDoc));
        Optional<Map<String, StatementEvaluation.Score>> statementGold = request.goldDir()
                .flatMap(dir -> scoreStatements(dir, docs, statementsByDoc));
        Map<String, String> checksums = new TreeMap<>();
        docs.forEach(d -> checksums.put(d.fileName(), d.sha256()));
        String version = DatasetVersions.version(toolVersion(), checksums,
                inputsChecksum(docs.stream().map(d -> seedOf.get(d.key())).toList(), BuildFingerprint.current()));
        DatasetVersion dv = new DatasetVersion(dataset, version, builtAt, checksums);
        BuildReport report = Reports.report(dv, graphs, warnings, unknownCodes, outcome, places, coverage, gold,
                statementGold, timings);
        return new Result(dataset, graphs, dv, report, docs);
    }

    private static byte[] read(Path seed) {
        try {
            return Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new ParseException(seed.toString(), 1, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkCodes(ParsedDocument doc, String file, ReferenceData ref, List<Warning> warnings,
                                   Map<String, List<String>> unknown) {
        List<Tag> tags = new ArrayList<>();
        doc.sections().stream().map(SectionRecord::tag).flatMap(Optional::stream).forEach(tags::add);
        doc.blocks().stream().map(Block::tag).flatMap(Optional::stream).forEach(tags::add);
        for (Tag t : tags) {
            for (Tag.Entry e : t.entries()) {
                if (ref.byCode(e.code()).isEmpty()) {
                    String place = file + ":" + t.line();
                    warnings.add(new Warning(file, t.line(), "unknown ministry code",
                            "tag " + t.brackets().charAt(0) + t.raw() + t.brackets().charAt(1) + " names unknown ministry code '" + e.code()
                                    + "' (add it to reference/ministry-codes.tsv); it gets no hms:ministry"));
                    unknown.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(place);
                }
            }
        }
    }

    private static Optional<Map<String, GoldEvaluation.Score>> score(Path dir, List<ParsedDocument> docs,
                                                       Map<String, List<Facts>> factsByDoc) {
        Map<String, GoldEvaluation.Score> out = new LinkedHashMap<>();
        for (ParsedDocument doc : docs) {
            Optional<JsonNode> found = gold(dir.resolve(doc.key() + ".gold.json"));
            if (found.isEmpty()) {
                continue;
            }
            JsonNode gold = found.get();
            List<Facts> facts = factsByDoc.get(doc.key());
            List<GoldEvaluation.Measured> measured = new ArrayList<>();
            for (int i = 0; i < doc.blocks().size(); i++) {
                Block b = doc.blocks().get(i);
                measured.add(new GoldEvaluation.Measured(b.lineStart(), b.text(), facts.get(i)));
            }
            out.put(doc.key(), GoldEvaluation.evaluate(gold, measured));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** A gold reading, if the folder has one by that name. */
    private static Optional<JsonNode> gold(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new ParseException(file.toString(), 1, "gold reading is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Each document's statements against its reading of sentences ({@code <key>.statements.gold.json}), if any. */
    private static Optional<Map<String, StatementEvaluation.Score>> scoreStatements(Path dir,
            List<ParsedDocument> docs, Map<String, List<List<StatementFact>>> statementsByDoc) {
        Map<String, StatementEvaluation.Score> out = new LinkedHashMap<>();
        for (ParsedDocument doc : docs) {
            Optional<JsonNode> gold = gold(dir.resolve(doc.key() + ".statements.gold.json"));
            if (gold.isEmpty()) {
                continue;
            }
            List<List<StatementFact>> all = statementsByDoc.get(doc.key());
            List<List<StatementFact>> ofMeasures = new ArrayList<>();
            for (int i = 0; i < doc.blocks().size(); i++) {
                if (doc.blocks().get(i) instanceof MeasureRecord) {
                    ofMeasures.add(all.get(i));
                }
            }
            out.put(doc.key(), StatementEvaluation.evaluate(gold.get(), doc.measures(), ofMeasures));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /**
     * The version a build of {@code seeds} would have, without building: from the seed files' checksums, the
     * program version and the fingerprint of the build's classes and resources ({@link BuildFingerprint}). Used to
     * find an up-to-date snapshot.
     */
    public static String versionOf(Path seeds) {
        return versionOf(seeds, BuildFingerprint.current());
    }

    /** The version of {@code seeds} built by the classes under {@code codeRoot} (a directory or a jar). */
    static String versionOf(Path seeds, Path codeRoot) {
        return versionOf(seeds, BuildFingerprint.of(codeRoot));
    }

    private static String versionOf(Path seeds, String fingerprint) {
        Map<String, String> checksums = new TreeMap<>();
        List<Path> files = SeedParser.seedFiles(seeds);
        for (Path seed : files) {
            checksums.put(seed.getFileName().toString(), DigestUtils.sha256Hex(read(seed)));
        }
        return DatasetVersions.version(toolVersion(), checksums, inputsChecksum(files, fingerprint));
    }

    /**
     * SHA-256 over what a build reads besides the seeds' text: the fingerprint of the build's classes and resources
     * ({@link BuildFingerprint}) and each seed's metadata file (whose fields override what is read from the text),
     * so a change to any of them is a new version.
     */
    private static String inputsChecksum(List<Path> seeds, String fingerprint) {
        StringBuilder sb = new StringBuilder(fingerprint).append('\n');
        for (Path seed : seeds) {
            Path meta = SeedParser.metadataFile(seed);
            if (Files.isRegularFile(meta)) {
                sb.append(meta.getFileName()).append(' ').append(DigestUtils.sha256Hex(read(meta))).append('\n');
            }
        }
        return DigestUtils.sha256Hex(sb.toString());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

}
