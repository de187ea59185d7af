package org.hmskg.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.hmskg.parse.Warning;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.Store;
import org.hmskg.validate.Outcome;
import org.hmskg.vocab.Vocab.RDF;

/** Builds the {@link BuildReport}, writes it as JSON and summarises it for the terminal. */
public final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("hms", "https://w3id.org/hmskg/def#")
            .setNsPrefix("eli", "http://data.europa.eu/eli/ontology#")
            .setNsPrefix("org", "http://www.w3.org/ns/org#")
            .setNsPrefix("cv", "http://data.europa.eu/m8g/")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");

    private Reports() {
    }

    static BuildReport report(DatasetVersion dv, Map<Node, Graph> graphs, List<Warning> warnings,
                              Map<String, List<String>> unknownCodes, Outcome outcome, Map<String, String> places,
                              Map<String, BuildReport.DocumentCoverage> coverage,
                              Optional<Map<String, GoldEvaluation.Score>> gold,
                              Optional<Map<String, StatementEvaluation.Score>> statementGold,
                              Map<String, Long> timings) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> perGraph = new TreeMap<>();
        long triples = 0;
        java.util.Set<Triple> typeTriples = new java.util.HashSet<>();
        for (Map.Entry<Node, Graph> e : graphs.entrySet()) {
            perGraph.put(e.getKey().getURI(), (long) e.getValue().size());
            triples += e.getValue().size();
            e.getValue().find(Node.ANY, RDF.type, Node.ANY).forEachRemaining(typeTriples::add);
        }
        for (Triple t : typeTriples) {
            counts.merge(PREFIXES.shortForm(t.getObject().getURI()), 1L, Long::sum);
        }
        List<String> violations = outcome.violations().stream()
                .map(v -> places.getOrDefault(v.focusNode(), "(reference data)") + ": " + v).toList();
        return new BuildReport("hms-kg", Builder.toolVersion(), dv.version(), dv.builtAt().toString(), dv.sources(), counts, perGraph,
                triples, warnings, unknownCodes, outcome.conforms(), violations, coverage, gold, statementGold, timings);
    }

    public static void write(BuildReport report, Path file) {
        Store.writeAtomically(file, os -> JSON.writeValue(os, report));
    }

    public static String json(BuildReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    /** Precision and recall per category on one line. */
    static String oneLine(GoldEvaluation.Score score) {
        StringBuilder sb = new StringBuilder();
        for (GoldEvaluation.Category c : GoldEvaluation.Category.values()) {
            GoldEvaluation.CategoryScore s = score.of(c);
            if (s != null) {
                sb.append(String.format("%s P %.2f R %.2f  ", c.field(), s.precision(), s.recall()));
            }
        }
        return sb.toString().strip();
    }

    /** A few lines for the terminal. */
    public static String summary(BuildReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("dataset %s: %,d triples in %d graphs%n", r.datasetVersion(), r.triples(), r.graphs().size()));
        String[] main = {"hms:PolicyDocument", "hms:Section", "hms:Measure", "hms:Paragraph", "hms:Ministry",
            "hms:Initiative", "hms:Citation", "hms:Quantity", "hms:Mention", "hms:Footnote", "hms:Statement",
            "hms:Commitment"};
        StringBuilder counts = new StringBuilder();
        for (String c : main) {
            counts.append(String.format("%s %d  ", c.substring(4), r.counts().getOrDefault(c, 0L)));
        }
        sb.append(counts.toString().strip()).append('\n');
        r.coverage().forEach((file, c) -> {
            sb.append(String.format("characters in the graph (%s): %.1f %% (%,d of %,d)%n", file, 100 * c.share(),
                    c.held(), c.characters()));
            c.unplaced().forEach(u -> sb.append("  not placed: ").append(u).append('\n'));
            c.missing().forEach(m -> sb.append("  missing: ").append(m).append('\n'));
        });
        r.gold().ifPresent(g -> g.forEach((doc, score) -> sb.append("extraction vs gold (").append(doc).append("): ")
                .append(oneLine(score)).append('\n')));
        r.statementGold().ifPresent(g -> g.forEach((doc, st) -> {
            sb.append(String.format("statements vs gold (%s, %d measures): spans P %.2f R %.2f F1 %.2f  kind accuracy "
                    + "%.2f  commitments' times P %.2f R %.2f F1 %.2f%n", doc, st.measures(), st.spans().precision(),
                    st.spans().recall(), st.spans().f1(), st.kindAccuracy(), st.commitmentTimes().precision(),
                    st.commitmentTimes().recall(), st.commitmentTimes().f1()));
            StringBuilder kinds = new StringBuilder("  by kind:");
            st.kinds().forEach((k, prf) -> kinds.append(String.format(" %s P %.2f R %.2f", k, prf.precision(),
                    prf.recall())));
            sb.append(kinds).append('\n');
        }));
        sb.append(String.format("SHACL: %s%n", r.conforms() ? "conforms" : r.violations().size() + " violations"));
        r.violations().stream().limit(20).forEach(v -> sb.append("  ").append(v).append('\n'));
        sb.append(String.format("warnings: %d%n", r.warnings().size()));
        r.warnings().stream().limit(20).forEach(w -> sb.append("  ").append(w).append('\n'));
        return sb.toString();
    }
}
