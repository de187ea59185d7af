package org.hmskg.map;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;

/**
 * Links between editions of one document series: {@code hms:previousEdition} between documents and
 * {@code hms:sameMeasureAs} between the measures of consecutive editions that are taken to be the same.
 *
 * <p>Series: same {@code dct:publisher} and the same title once NFKC-normalised and stripped of digits, whitespace
 * and {@code (案)}; the previous edition is the one issued in the latest earlier year. Measures: texts are
 * NFKC-normalised, whitespace removed and digits replaced by 0, so updated figures and years do not count as
 * change; the Dice coefficient of their character bigrams must reach {@value #SAME_SECTION} when the innermost
 * headings have the same title, {@value #ANYWHERE} otherwise; pairs are matched one-to-one, best score first.
 */
final class Editions {
    static final double SAME_SECTION = 0.5;
    static final double ANYWHERE = 0.8;

    private record Doc(Node node, Node publisher, String series, int year) {
    }

    private record M(Node node, int ordinal, String section, Map<String, Integer> bigrams, int size) {
    }

    private record Pair(M newer, M older, double score) {
    }

    private Editions() {
    }

    static Graph derive(Graph union) {
        Graph out = GraphFactory.createDefaultGraph();
        List<Doc> docs = new ArrayList<>();
        union.find(Node.ANY, RDF.type, HMS.PolicyDocument).forEachRemaining(t -> doc(union, t.getSubject())
                .ifPresent(docs::add));
        docs.sort(Comparator.comparing((Doc d) -> d.node().getURI()));
        for (Doc newer : docs) {
            Optional<Doc> previous = docs.stream()
                    .filter(d -> d.publisher().equals(newer.publisher()) && d.series().equals(newer.series())
                            && d.year() < newer.year())
                    .max(Comparator.comparingInt(Doc::year));
            previous.ifPresent(older -> {
                out.add(newer.node(), HMS.previousEdition, older.node());
                for (Pair p : pair(measures(union, newer.node()), measures(union, older.node()))) {
                    out.add(p.newer().node(), HMS.sameMeasureAs, p.older().node());
                    out.add(p.older().node(), HMS.sameMeasureAs, p.newer().node());
                }
            });
        }
        return out;
    }

    private static Optional<Doc> doc(Graph g, Node doc) {
        Optional<Node> title = object(g, doc, DCT.title);
        Optional<Node> publisher = object(g, doc, DCT.publisher);
        Optional<Node> issued = object(g, doc, DCT.issued);
        if (title.isEmpty() || publisher.isEmpty() || issued.isEmpty()) {
            return Optional.empty();
        }
        String year = issued.get().getLiteralLexicalForm();
        if (!year.matches("\\d{4}.*")) {
            return Optional.empty();
        }
        return Optional.of(new Doc(doc, publisher.get(), series(title.get().getLiteralLexicalForm()),
                Integer.parseInt(year.substring(0, 4))));
    }

    static String series(String title) {
        return Normalizer.normalize(title, Normalizer.Form.NFKC).replace("(案)", "").replaceAll("[\\s\\d]", "");
    }

    private static List<M> measures(Graph g, Node doc) {
        List<M> out = new ArrayList<>();
        g.find(Node.ANY, HMS.inDocument, doc).forEachRemaining(t -> {
            Node m = t.getSubject();
            if (!g.contains(m, RDF.type, HMS.Measure)) {
                return;
            }
            String text = object(g, m, HMS.text).map(Node::getLiteralLexicalForm).orElse("");
            String section = object(g, m, HMS.inSection).flatMap(s -> object(g, s, RDFS.label))
                    .map(l -> normal(l.getLiteralLexicalForm())).orElse("");
            int ordinal = object(g, m, HMS.ordinal).map(o -> Integer.parseInt(o.getLiteralLexicalForm())).orElse(0);
            Map<String, Integer> bigrams = bigrams(normal(text));
            out.add(new M(m, ordinal, section, bigrams, bigrams.values().stream().mapToInt(Integer::intValue).sum()));
        });
        out.sort(Comparator.comparingInt(M::ordinal));
        return out;
    }

    private static List<Pair> pair(List<M> newer, List<M> older) {
        List<Pair> candidates = new ArrayList<>();
        for (M n : newer) {
            for (M o : older) {
                double score = dice(n, o);
                if (score >= (n.section().equals(o.section()) ? SAME_SECTION : ANYWHERE)) {
                    candidates.add(new Pair(n, o, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Pair::score).reversed()
                .thenComparingInt(p -> p.newer().ordinal()).thenComparingInt(p -> p.older().ordinal()));
        Set<Node> taken = new HashSet<>();
        List<Pair> chosen = new ArrayList<>();
        for (Pair p : candidates) {
            if (!taken.contains(p.newer().node()) && !taken.contains(p.older().node())) {
                taken.add(p.newer().node());
                taken.add(p.older().node());
                chosen.add(p);
            }
        }
        return chosen;
    }

    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\u3000]", "").replaceAll("\\d", "0");
    }

    private static Map<String, Integer> bigrams(String s) {
        Map<String, Integer> out = new HashMap<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.merge(new String(cps, i, 2), 1, Integer::sum);
        }
        return out;
    }

    private static double dice(M a, M b) {
        if (a.size() + b.size() == 0) {
            return 0;
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : a.bigrams().entrySet()) {
            common += Math.min(e.getValue(), b.bigrams().getOrDefault(e.getKey(), 0));
        }
        return 2.0 * common / (a.size() + b.size());
    }

    private static Optional<Node> object(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).nextOptional().map(Triple::getObject);
    }
}
