package org.hmskg.serve.data;

import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.RDFS;
import org.hmskg.vocab.Vocab.SKOS;

/** How a thing is named on a page: its label in Japanese, else English, else any; never blank. */
public final class Labels {
    private static final List<Node> LABEL_PROPERTIES = List.of(SKOS.prefLabel, DCT.title, RDFS.label);
    private static final int SHORT_TEXT = 48;

    private final Graph graph;
    private final IriPaths links;

    /** {@code graph} is read inside the caller's read transaction. */
    public Labels(Graph graph, IriPaths links) {
        this.graph = graph;
        this.links = links;
    }

    /** A label in exactly this language ({@code ""} for none), from the first label property that has one. */
    public Optional<Node> label(Node thing, String lang) {
        for (Node p : LABEL_PROPERTIES) {
            Optional<Node> hit = find(thing, p, lang);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private Optional<Node> find(Node s, Node p, String lang) {
        List<Triple> triples = Iter.toList(graph.find(s, p, Node.ANY));
        return triples.stream().map(Triple::getObject)
                .filter(o -> o.isLiteral() && o.getLiteralLanguage().equalsIgnoreCase(lang))
                .sorted((a, b) -> a.getLiteralLexicalForm().compareTo(b.getLiteralLexicalForm()))
                .findFirst();
    }

    /** The best label node: Japanese, English, then untagged. */
    Optional<Node> best(Node thing) {
        return label(thing, "ja").or(() -> label(thing, "en")).or(() -> label(thing, ""));
    }

    /** A name for links and titles: the best label, else the start of the thing's text, else its path. */
    public String display(Node thing) {
        if (!thing.isURI()) {
            return thing.isLiteral() ? thing.getLiteralLexicalForm() : thing.toString();
        }
        Optional<Node> label = best(thing);
        if (label.isPresent()) {
            return label.get().getLiteralLexicalForm();
        }
        Optional<Node> text = find(thing, HMS.text, "");
        if (text.isPresent()) {
            String t = text.get().getLiteralLexicalForm();
            String start = t.codePointCount(0, t.length()) <= SHORT_TEXT ? t
                    : t.substring(0, t.offsetByCodePoints(0, SHORT_TEXT)) + "…";
            return links.shortName(thing.getURI()) + ": " + start;
        }
        return links.shortName(thing.getURI());
    }

    /** The language of {@link #display}, for the {@code lang} attribute. */
    public String displayLang(Node thing) {
        if (thing.isLiteral()) {
            return thing.getLiteralLanguage();
        }
        return thing.isURI() ? best(thing).map(Node::getLiteralLanguage).orElse("") : "";
    }
}
