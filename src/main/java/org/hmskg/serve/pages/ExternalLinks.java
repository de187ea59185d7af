package org.hmskg.serve.pages;

import org.hmskg.serve.data.Links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.hmskg.vocab.Vocab.OWL;
import org.hmskg.vocab.Vocab.RDFS;

/**
 * The "Elsewhere on the web" part of an entity page: {@code owl:sameAs} (the same thing, identifier confirmed from a
 * source) and {@code rdfs:seeAlso} (related or not yet confirmed) to IRIs outside this dataset, each named by the
 * register it belongs to.
 */
public final class ExternalLinks {
    private ExternalLinks() {
    }

    static String html(Graph description, Node thing, Links links) {
        List<Node> same = targets(description, thing, OWL.sameAs, links);
        List<Node> also = targets(description, thing, RDFS.seeAlso, links);
        if (same.isEmpty() && also.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<section class=\"external-links\">\n<h2>Elsewhere on the web</h2>\n");
        if (!same.isEmpty()) {
            b.append("<h3>Same thing (<code>owl:sameAs</code>, identifier confirmed from a recorded source)</h3>\n");
            list(b, same, "owl:sameAs");
        }
        if (!also.isEmpty()) {
            b.append("<h3>See also (<code>rdfs:seeAlso</code>: official website, or an identifier not yet confirmed)</h3>\n");
            list(b, also, "rdfs:seeAlso");
        }
        return b.append("</section>\n").toString();
    }

    private static List<Node> targets(Graph description, Node thing, Node property, Links links) {
        List<Node> out = new ArrayList<>();
        description.find(thing, property, Node.ANY).mapWith(Triple::getObject)
                .filterKeep(o -> o.isURI() && links.href(o).equals(o.getURI()) && o.getURI().startsWith("http"))
                .forEachRemaining(out::add);
        out.sort(Comparator.comparing(Node::getURI));
        return out;
    }

    private static void list(StringBuilder b, List<Node> targets, String property) {
        b.append("<ul>\n");
        for (Node t : targets) {
            String iri = t.getURI();
            b.append("<li><span class=\"register\">").append(Html.esc(register(iri))).append("</span>: <a rel=\"external\" ")
                    .append("data-property=\"").append(property).append("\" href=\"").append(Html.esc(iri)).append("\">")
                    .append(Html.esc(iri)).append("</a></li>\n");
        }
        b.append("</ul>\n");
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
