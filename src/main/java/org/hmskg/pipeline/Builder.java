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
import org.hmskg.map.DocumentMapper;
import org.hmskg.map.DerivedLinks;
import org.hmskg.map.ReferenceMapper;
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
            Path sameTitle = byTitle.putIfAbsent(doc.title() + "\u0000" + doc.metadata().edition(), seed);
            if (sameTitle != null) {
                throw new ParseException(seed.toString(), 1, "duplicate document: '" + doc.title() + "' edition "
                        + doc.metadata().edition() + " is already in " + sameTitle);
            }
            docs.add(doc);
            seedOf.put(doc.key(), seed);
        }
        long parsed = System.nanoTime();
        timings.put("parse", ms(t0, parsed));
        LOG.info("parsed {} document{}: {} sections, {} measures in {} ms", docs.size(), docs.size() == 1 ? "" : "s",
                docs.stream().mapToInt(d -> d.sections().size()).sum(),
                docs.stream().mapToInt(d -> d.measures().size()).sum(), timings.get("parse"));

        Extractor extractor = new Extractor(ref);
        List<Warning> warnings = new ArrayList<>();
        Map<String, List<String>> unknownCodes = new TreeMap<>();
        Map<Node, Graph> graphs = new LinkedHashMap<>();
        Map<String, List<Facts>> factsByDoc = new LinkedHashMap<>();
        DocumentMapper mapper = new DocumentMapper(code -> ref.byCode(code).map(m -> m.key()), toolVersion());
        Instant builtAt = request.builtAt().truncatedTo(ChronoUnit.SECONDS);
        Set<String> curatedKeys = ref.knownEntities().stream().map(KnownEntity::key).collect(Collectors.toSet());
        int facts = 0;
        for (ParsedDocument doc : docs) {
            warnings.addAll(doc.warnings());
            checkCodes(doc, seedOf.get(doc.key()).toString(), ref, warnings, unknownCodes);
            List<Facts> measureFacts = doc.measures().stream().map(m -> extractor.extract(m.text())).toList();
            facts += measureFacts.stream().mapToInt(f -> f.entities().size() + f.quantities().size() + f.dates().size()).sum();
            factsByDoc.put(doc.key(), measureFacts);
            Facts preamble = extractor.extract(doc.preamble());
            String publisherName = doc.metadata().publisher();
            Node publisher = Iris.initiative(ref.byLabel(publisherName).map(KnownEntity::key)
                    .orElseGet(() -> Iris.hashKey(publisherName)));
            graphs.put(Iris.graph(doc.key()), mapper.map(new DocumentMapper.Input(doc, measureFacts, preamble,
                    publisher, curatedKeys, builtAt)));
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
        Map<String, String> checksums = new TreeMap<>();
        docs.forEach(d -> checksums.put(d.fileName(), d.sha256()));
        String version = DatasetVersions.version(toolVersion(), checksums, referenceChecksum());
        DatasetVersion dv = new DatasetVersion(dataset, version, builtAt, checksums);
        BuildReport report = Reports.report(dv, graphs, warnings, unknownCodes, outcome, gold, timings);
        return new Result(dataset, graphs, dv, report, docs);
    }

    private static void checkCodes(ParsedDocument doc, String file, ReferenceData ref, List<Warning> warnings,
                                   Map<String, List<String>> unknown) {
        List<Tag> tags = new ArrayList<>();
        doc.sections().stream().map(SectionRecord::tag).flatMap(Optional::stream).forEach(tags::add);
        doc.measures().stream().map(MeasureRecord::tag).flatMap(Optional::stream).forEach(tags::add);
        for (Tag t : tags) {
            for (Tag.Entry e : t.entries()) {
                if (ref.byCode(e.code()).isEmpty()) {
                    String place = file + ":" + t.line();
                    warnings.add(new Warning(file, t.line(), "unknown ministry code",
                            "tag 【" + t.raw() + "】 names unknown ministry code '" + e.code()
                                    + "' (add it to reference/ministry-codes.tsv); it gets no hms:ministry"));
                    unknown.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(place);
                }
            }
        }
    }

    private static Optional<Map<String, GoldEvaluation.Score>> score(Path dir, List<ParsedDocument> docs,
                                                       Map<String, List<Facts>> factsByDoc) {
        Map<String, GoldEvaluation.Score> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (ParsedDocument doc : docs) {
            Path file = dir.resolve(doc.key() + ".gold.json");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode gold;
            try {
                gold = json.readTree(file.toFile());
            } catch (IOException e) {
                throw new ParseException(file.toString(), 1, "gold annotation is not valid JSON: " + e.getMessage(), e);
            }
            List<Facts> facts = factsByDoc.get(doc.key());
            List<GoldEvaluation.Measured> measured = new ArrayList<>();
            for (int i = 0; i < doc.measures().size(); i++) {
                MeasureRecord m = doc.measures().get(i);
                measured.add(new GoldEvaluation.Measured(m.lineStart(), m.text(), facts.get(i)));
            }
            out.put(doc.key(), GoldEvaluation.evaluate(gold, measured));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /**
     * The version a build of {@code seeds} would have, without building: from the seed files' checksums, the
     * program version and the reference tables. Used to find an up-to-date snapshot.
     */
    public static String versionOf(Path seeds) {
        Map<String, String> checksums = new TreeMap<>();
        for (Path seed : SeedParser.seedFiles(seeds)) {
            try {
                checksums.put(seed.getFileName().toString(), DigestUtils.sha256Hex(Files.readAllBytes(seed)));
            } catch (IOException e) {
                throw new ParseException(seed.toString(), 1, "seed cannot be read: " + e.getMessage(), e);
            }
        }
        return DatasetVersions.version(toolVersion(), checksums, referenceChecksum());
    }

    /** SHA-256 over the curated reference tables on the class path, so a change to them is a new version. */
    private static String referenceChecksum() {
        StringBuilder sb = new StringBuilder();
        for (String table : List.of("ministry-codes.tsv", "initiatives.tsv", "external-ids.tsv", "generic-terms.tsv")) {
            try (var in = Builder.class.getResourceAsStream("/reference/" + table)) {
                sb.append(table).append(' ').append(in == null ? "-" : DigestUtils.sha256Hex(in)).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException("reference/" + table + " cannot be read", e);
            }
        }
        return DigestUtils.sha256Hex(sb.toString());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

}
