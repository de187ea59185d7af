package org.hmskg.serve.data;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.RDF;

/**
 * Finds things by label or text, Japanese or English: both sides NFKC-normalised and lower-cased, then substring
 * matching. Label hits rank before text hits, text hits of blocks and other things before those of sentences
 * (a sentence's block is found by the same words), exact before partial, then shorter names first. A block or a
 * sentence comes with the document it is in. Built once per dataset version.
 */
public final class SearchIndex {
    /** The kinds of things search finds, by the type their IRI names ({@code id/paragraph/…}). */
    public static final Set<String> SEARCHABLE = Set.of("initiative", "ministry", "citation", "section", "measure",
            "paragraph", "statement", "document");
    private static final String STATEMENT = "statement";
    private static final List<Node> STATEMENT_KINDS = List.of(HMS.Achievement, HMS.Ongoing, HMS.Commitment);

    /** One searchable string of one thing. */
    private record Entry(Node thing, boolean isLabel, String original, String normalized) {
    }

    /** How a thing is shown: its name, the document it is in, and a statement's kind. */
    private record Shown(String text, String lang, Optional<Node> document, String documentName,
                         String documentLang, String kind) {
    }

    /**
     * One hit.
     *
     * @param type         the type the thing's IRI names ({@code measure}, {@code paragraph}, {@code statement} …)
     * @param matched      the label or text that matched, as written
     * @param start        code-point offset of the match in {@code matched}, or -1 when it is only found after
     *                     normalisation
     * @param length       code points of the match
     * @param document     the document a section, block or sentence is in ({@code hms:inDocument}, for a sentence
     *                     that of its {@code hms:inBlock})
     * @param documentName the document's title, or "" without a document
     * @param kind         a sentence's kind ({@code Achievement}, {@code Ongoing}, {@code Commitment}), or ""
     */
    public record Hit(Node thing, String type, String name, String nameLang, boolean labelMatch, boolean exact,
               String matched, int start, int length, Optional<Node> document, String documentName,
               String documentLang, String kind) {
    }

    private final List<Entry> entries;
    private final Map<Node, Shown> names;
    private final IriPaths links;

    private SearchIndex(List<Entry> entries, Map<Node, Shown> names, IriPaths links) {
        this.entries = entries;
        this.names = names;
        this.links = links;
    }

    static SearchIndex build(DatasetGraph view, IriPaths links) {
        // Rows stream past and only the service's own things are kept, so that a large --data graph full of
        // labels of other things costs time but no memory; a string found by two label properties counts once.
        Set<Entry> entries = new LinkedHashSet<>();
        Map<Node, Shown> names = new HashMap<>();
        Txn.executeRead(view, () -> {
            Graph graph = view.getDefaultGraph();
            Labels labels = new Labels(graph, links);
            Sparql.forEach(view, "search-entries", Map.of(), row -> {
                Node thing = row.get(Var.alloc("thing"));
                String type = links.typeOf(thing.getURI());
                if (!SEARCHABLE.contains(type)) {
                    return;
                }
                boolean isLabel = row.get(Var.alloc("kind")).getLiteralLexicalForm().equals("label");
                if (isLabel && type.equals(STATEMENT)) {
                    return; // a sentence's label is its block's name and its own start: its text is searched
                }
                String text = row.get(Var.alloc("text")).getLiteralLexicalForm();
                entries.add(new Entry(thing, isLabel, text, normalize(text)));
                names.computeIfAbsent(thing, t -> shown(graph, labels, t));
            });
        });
        return new SearchIndex(List.copyOf(entries), Map.copyOf(names), links);
    }

    private static Shown shown(Graph graph, Labels labels, Node thing) {
        Optional<Node> document = object(graph, thing, HMS.inDocument)
                .or(() -> object(graph, thing, HMS.inBlock).flatMap(block -> object(graph, block, HMS.inDocument)));
        String kind = STATEMENT_KINDS.stream().filter(k -> graph.contains(thing, RDF.type, k))
                .map(Node::getLocalName).findFirst().orElse("");
        return new Shown(labels.display(thing), labels.displayLang(thing), document,
                document.map(labels::display).orElse(""), document.map(labels::displayLang).orElse(""), kind);
    }

    private static Optional<Node> object(Graph graph, Node subject, Node property) {
        ExtendedIterator<Triple> found = graph.find(subject, property, Node.ANY);
        try {
            return found.hasNext() ? Optional.of(found.next().getObject()).filter(Node::isURI) : Optional.empty();
        } finally {
            found.close();
        }
    }

    public int size() {
        return entries.size();
    }

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** At most {@code limit} things, best first; an empty query finds nothing. */
    public List<Hit> search(String query, int limit) {
        return search(query, limit, SEARCHABLE);
    }

    /** At most {@code limit} things of these types ({@link #SEARCHABLE}), best first. */
    public List<Hit> search(String query, int limit, Set<String> types) {
        String q = normalize(query);
        if (q.isEmpty()) {
            return List.of();
        }
        String asked = query.strip();
        int askedLength = asked.codePointCount(0, asked.length());
        Map<Node, Hit> best = new HashMap<>();
        for (Entry e : entries) {
            String type = links.typeOf(e.thing.getURI());
            if (!e.normalized.contains(q) || !types.contains(type)) {
                continue;
            }
            Shown shown = names.get(e.thing);
            Hit hit = new Hit(e.thing, type, shown.text, shown.lang, e.isLabel,
                    e.normalized.equals(q), e.original, startOf(e.original, asked), askedLength, shown.document,
                    shown.documentName, shown.documentLang, shown.kind);
            best.merge(e.thing, hit, (a, b) -> RANKING.compare(a, b) <= 0 ? a : b);
        }
        return best.values().stream().sorted(RANKING).limit(limit).toList();
    }

    private static final Comparator<Hit> RANKING = Comparator
            .comparing((Hit h) -> !h.labelMatch)
            .thenComparing(h -> h.type.equals(STATEMENT))
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
