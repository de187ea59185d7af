package org.hmskg.serve.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;

/**
 * Counts of one dataset version, for the landing page, VoID and the Service Description.
 *
 * @param triples      distinct triples of the default (union) graph
 * @param graphTriples triples of each named graph as stored, by graph name
 * @param classCounts  things of each class, most frequent first
 */
public record Stats(long triples, Map<Node, Long> graphTriples, Map<Node, Long> classCounts) {
    public Stats {
        graphTriples = Map.copyOf(graphTriples);
        classCounts = Map.copyOf(classCounts);
    }

    /**
     * Sizes come from the graphs themselves: an in-memory version knows them without a scan (its union is built
     * once, see {@code FrozenDataset}); TDB2 counts them with one index scan each. Class counts are a query.
     */
    static Stats of(DatasetGraph view) {
        Map<Node, Long> graphTriples = new LinkedHashMap<>();
        long triples = Txn.calculateRead(view, () -> {
            view.listGraphNodes().forEachRemaining(g -> graphTriples.put(g, (long) view.getGraph(g).size()));
            return (long) view.getDefaultGraph().size();
        });
        return new Stats(triples, graphTriples,
                counts(Sparql.select(view, "class-partitions", Map.of()), "class", "entities"));
    }

    /** Graph names in order. */
    public List<Node> graphs() {
        return graphTriples.keySet().stream().sorted((a, b) -> a.getURI().compareTo(b.getURI())).toList();
    }

    /** Classes with their counts, most frequent first, then by IRI. */
    public List<Map.Entry<Node, Long>> classes() {
        return classCounts.entrySet().stream()
                .sorted(Map.Entry.<Node, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().toString()))
                .toList();
    }

    public long quads() {
        return graphTriples.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Node, Long> counts(List<Binding> rows, String key, String count) {
        Map<Node, Long> m = new LinkedHashMap<>();
        for (Binding row : rows) {
            m.put(row.get(Var.alloc(key)), number(row, count));
        }
        return m;
    }

    private static long number(Binding row, String var) {
        return ((Number) row.get(Var.alloc(var)).getLiteralValue()).longValue();
    }
}
