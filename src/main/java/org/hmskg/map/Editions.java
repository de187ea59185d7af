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
 * Links between editions of one document series: {@code hms:previousEdition} between documents,
 * {@code hms:sameMeasureAs} between the blocks of consecutive editions that are taken to be the same, and
 * {@code hms:followsUp} from a follow-up report to the strategy edition it follows up.
 *
 * <p>Series: same kind of document (follow-up, strategy, R&amp;D plan), same {@code dct:publisher} and the same
 * title once NFKC-normalised and stripped of digits, whitespace and {@code (案)}; the previous edition is the one of
 * the latest earlier year ({@code hms:edition}, else the year of {@code dct:issued}). Blocks are paired with blocks
 * of the same class (measures with measures, paragraphs with paragraphs): texts are
 * NFKC-normalised, whitespace removed and digits replaced by 0, so updated figures and years do not count as
 * change; the Dice coefficient of their character bigrams must reach {@value #SAME_SECTION} when the innermost
 * headings have the same title, {@value #ANYWHERE} otherwise; pairs are matched one-to-one, best score first.
 */
final class Editions {
    static final double SAME_SECTION = 0.5;
    static final double ANYWHERE = 0.8;

    private record Doc(Node node, Optional<Node> publisher, Optional<Node> kind, String series, int year) {
    }

    /** The subclasses of hms:PolicyDocument a document's kind is given by. */
    private static final List<Node> KINDS = List.of(HMS.FollowUpReport, HMS.Strategy, HMS.ResearchPlan);

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
                    .filter(d -> d.publisher().equals(newer.publisher()) && d.kind().equals(newer.kind())
                            && d.series().equals(newer.series()) && d.year() < newer.year())
                    .max(Comparator.comparingInt(Doc::year));
            previous.ifPresent(older -> {
                out.add(newer.node(), HMS.previousEdition, older.node());
                for (Node type : List.of(HMS.Measure, HMS.Paragraph)) {
                    for (Pair p : pair(blocks(union, newer.node(), type), blocks(union, older.node(), type))) {
                        out.add(p.newer().node(), HMS.sameMeasureAs, p.older().node());
                        out.add(p.older().node(), HMS.sameMeasureAs, p.newer().node());
                    }
                }
            });
        }
        followsUp(union, docs, out);
        return out;
    }

    /**
     * {@code hms:followsUp}: a follow-up report → the strategy document its preamble cites, when that edition is in
     * the data. The cited title must be the strategy's title (digits, spaces and (案) aside); when the citation
     * states a date, the strategy must have been issued in that year, otherwise the latest strategy not newer than
     * the follow-up is taken.
     */
    private static void followsUp(Graph g, List<Doc> docs, Graph out) {
        List<Doc> strategies = docs.stream().filter(d -> d.kind().equals(Optional.of(HMS.Strategy))).toList();
        for (Doc followUp : docs) {
            if (!followUp.kind().equals(Optional.of(HMS.FollowUpReport))) {
                continue;
            }
            g.find(followUp.node(), HMS.cites, Node.ANY).forEachRemaining(t -> {
                Node citation = t.getObject();
                Optional<String> title = object(g, citation, DCT.title).map(Node::getLiteralLexicalForm)
                        .map(Editions::series);
                Optional<Integer> year = object(g, citation, DCT.date).map(Node::getLiteralLexicalForm)
                        .filter(d -> d.matches("\\d{4}.*")).map(d -> Integer.parseInt(d.substring(0, 4)));
                if (title.isEmpty()) {
                    return;
                }
                strategies.stream().filter(s -> s.series().equals(title.get()))
                        .filter(s -> year.map(y -> s.year() == y).orElse(s.year() <= followUp.year()))
                        .max(Comparator.comparingInt(Doc::year))
                        .ifPresent(s -> out.add(followUp.node(), HMS.followsUp, s.node()));
            });
        }
    }

    private static Optional<Doc> doc(Graph g, Node doc) {
        Optional<Node> title = object(g, doc, DCT.title);
        Optional<Node> year = object(g, doc, HMS.edition).or(() -> object(g, doc, DCT.issued));
        if (title.isEmpty() || year.isEmpty() || !year.get().getLiteralLexicalForm().matches("\\d{4}.*")) {
            return Optional.empty();
        }
        Optional<Node> kind = KINDS.stream().filter(k -> g.contains(doc, RDF.type, k)).findFirst();
        return Optional.of(new Doc(doc, object(g, doc, DCT.publisher), kind, series(title.get().getLiteralLexicalForm()),
                Integer.parseInt(year.get().getLiteralLexicalForm().substring(0, 4))));
    }

    static String series(String title) {
        return Normalizer.normalize(title, Normalizer.Form.NFKC).replace("(案)", "").replaceAll("[\\s\\d]", "");
    }

    private static List<M> blocks(Graph g, Node doc, Node type) {
        List<M> out = new ArrayList<>();
        g.find(Node.ANY, HMS.inDocument, doc).forEachRemaining(t -> {
            Node m = t.getSubject();
            if (!g.contains(m, RDF.type, type)) {
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
