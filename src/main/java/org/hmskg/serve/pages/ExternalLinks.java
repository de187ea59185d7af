package org.hmskg.serve.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.vocab.Vocab.OWL;
import org.hmskg.vocab.Vocab.RDFS;

/**
 * The "Elsewhere on the web" part of an entity page ({@code parts/external-links.jte}): {@code owl:sameAs} (the
 * same thing, identifier confirmed from a source) and {@code rdfs:seeAlso} (related or not yet confirmed) to IRIs outside this dataset, each named by the
 * register it belongs to.
 */
public final class ExternalLinks {
    private ExternalLinks() {
    }

    /** What the section shows: the two lists, either of them empty. */
    public record Model(List<Target> same, List<Target> also) {
        public boolean isEmpty() {
            return same.isEmpty() && also.isEmpty();
        }
    }

    /** One IRI elsewhere, with the register it belongs to. */
    public record Target(String iri, String register) {
    }

    static Model model(Graph description, Node thing, IriPaths paths) {
        return new Model(targets(description, thing, OWL.sameAs, paths), targets(description, thing, RDFS.seeAlso,
                paths));
    }

    private static List<Target> targets(Graph description, Node thing, Node property, IriPaths paths) {
        List<Node> out = new ArrayList<>();
        description.find(thing, property, Node.ANY).mapWith(Triple::getObject)
                .filterKeep(o -> o.isURI() && paths.href(o).equals(o.getURI()) && o.getURI().startsWith("http"))
                .forEachRemaining(out::add);
        out.sort(Comparator.comparing(Node::getURI));
        return out.stream().map(n -> new Target(n.getURI(), register(n.getURI()))).toList();
    }

    /** Which public register an IRI belongs to, for its label. */
    static String register(String iri) {
        if (iri.startsWith("http://www.wikidata.org/entity/")) {
            return "Wikidata " + iri.substring("http://www.wikidata.org/entity/".length());
        }
        if (iri.startsWith("https://laws.e-gov.go.jp/law/")) {
            return "e-Gov 法令検索 (law ID " + iri.substring("https://laws.e-gov.go.jp/law/".length()) + ")";
        }
        if (iri.startsWith("http://hojin-info.go.jp/data/basic/")) {
            return "法人番号 " + iri.substring("http://hojin-info.go.jp/data/basic/".length()) + " (gBizINFO)";
        }
        return "Website";
    }
}
