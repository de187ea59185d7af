package org.hmskg.serve.data;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;

/**
 * Finds things by label or text, Japanese or English: both sides NFKC-normalised and lower-cased, then substring
 * matching. Label hits rank before text hits, exact before partial, then shorter names first. Built once per
 * dataset version.
 */
public final class SearchIndex {
    static final Set<String> SEARCHABLE = Set.of("initiative", "ministry", "citation", "section", "measure",
            "document");

    /** One searchable string of one thing. */
    private record Entry(Node thing, boolean isLabel, String original, String normalized) {
    }

    private record Name(String text, String lang) {
    }

    /**
     * One hit.
     *
     * @param matched the label or text that matched, as written
     * @param start   code-point offset of the match in {@code matched}, or -1 when it is only found after
     *                normalisation
     * @param length  code points of the match
     */
    public record Hit(Node thing, String type, String name, String nameLang, boolean labelMatch, boolean exact,
               String matched, int start, int length) {
    }

    private final List<Entry> entries;
    private final Map<Node, Name> names;
    private final IriPaths links;

    private SearchIndex(List<Entry> entries, Map<Node, Name> names, IriPaths links) {
        this.entries = entries;
        this.names = names;
        this.links = links;
    }

    static SearchIndex build(DatasetGraph view, IriPaths links) {
        // Rows stream past and only the service's own things are kept, so that a large --data graph full of
        // labels of other things costs time but no memory; a string found by two label properties counts once.
        Set<Entry> entries = new LinkedHashSet<>();
        Map<Node, Name> names = new HashMap<>();
        Txn.executeRead(view, () -> {
            Labels labels = new Labels(view.getDefaultGraph(), links);
            Sparql.forEach(view, "search-entries", Map.of(), row -> {
                Node thing = row.get(Var.alloc("thing"));
                if (!SEARCHABLE.contains(links.typeOf(thing.getURI()))) {
                    return;
                }
                String text = row.get(Var.alloc("text")).getLiteralLexicalForm();
                boolean isLabel = row.get(Var.alloc("kind")).getLiteralLexicalForm().equals("label");
                entries.add(new Entry(thing, isLabel, text, normalize(text)));
                names.computeIfAbsent(thing, t -> new Name(labels.display(t), labels.displayLang(t)));
            });
        });
        return new SearchIndex(List.copyOf(entries), Map.copyOf(names), links);
    }

    public int size() {
        return entries.size();
    }

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** At most {@code limit} things, best first; an empty query finds nothing. */
    public List<Hit> search(String query, int limit) {
        String q = normalize(query);
        if (q.isEmpty()) {
            return List.of();
        }
        String asked = query.strip();
        int askedLength = asked.codePointCount(0, asked.length());
        Map<Node, Hit> best = new HashMap<>();
        for (Entry e : entries) {
            if (!e.normalized.contains(q)) {
                continue;
            }
            Name name = names.get(e.thing);
            Hit hit = new Hit(e.thing, links.typeOf(e.thing.getURI()), name.text, name.lang, e.isLabel,
                    e.normalized.equals(q), e.original, startOf(e.original, asked), askedLength);
            best.merge(e.thing, hit, (a, b) -> RANKING.compare(a, b) <= 0 ? a : b);
        }
        return best.values().stream().sorted(RANKING).limit(limit).toList();
    }

    private static final Comparator<Hit> RANKING = Comparator
            .comparing((Hit h) -> !h.labelMatch)
            .thenComparing(h -> !h.exact)
            .thenComparingInt(h -> h.matched.length())
            .thenComparing(h -> h.thing.getURI());

    /** Where the query stands in the original string, ignoring case; -1 if it only matches after NFKC. */
    private static int startOf(String original, String query) {
        int i = original.toLowerCase(Locale.ROOT).indexOf(query.toLowerCase(Locale.ROOT));
        if (i < 0 || original.toLowerCase(Locale.ROOT).length() != original.length()) {
            return -1;
        }
        return original.codePointCount(0, i);
    }
}
