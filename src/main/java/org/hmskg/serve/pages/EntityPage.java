package org.hmskg.serve.pages;

import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Sparql;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.RDF;

/**
 * The HTML page of one thing: names, types, every property with its label from the ontology, the links to it
 * grouped by property (50 a page), and for a measure its source text with each mention marked.
 */
public final class EntityPage {
    public static final int PAGE_SIZE = 50;

    private final Snapshot snapshot;
    private final Links links;
    private final Ontology ontology;
    private final Node thing;
    private final Graph description;
    private final Labels labels;

    EntityPage(Snapshot snapshot, Links links, Ontology ontology, Node thing, Graph description) {
        this.snapshot = snapshot;
        this.links = links;
        this.ontology = ontology;
        this.thing = thing;
        this.description = description;
        this.labels = new Labels(snapshot.view().getDefaultGraph(), links);
    }

    /**
     * @param inProperty show only the links to this thing through this property (IRI), or null for all groups
     * @param pageParam  page number of that group, from 1
     */
    String render(String inProperty, String pageParam) {
        int page = parsePage(pageParam);
        return Txn.calculateRead(snapshot.view(), () -> {
            String title = labels.display(thing);
            StringBuilder b = new StringBuilder();
            b.append("<article class=\"entity\">\n");
            b.append("<h1>").append(Html.text(title, labels.displayLang(thing))).append("</h1>\n");
            labels.label(thing, "en").filter(en -> !en.getLiteralLexicalForm().equals(title))
                    .ifPresent(en -> b.append("<p class=\"subtitle\" lang=\"en\">")
                            .append(Html.esc(en.getLiteralLexicalForm())).append("</p>\n"));
            b.append("<p class=\"iri\">IRI: <code>").append(Html.esc(thing.getURI())).append("</code></p>\n");
            b.append(types());
            b.append(Html.dataLinks(links.href(thing)));
            if (has(RDF.type, HMS.Measure)) {
                b.append(measureSource());
            }
            if ("initiative".equals(links.typeOf(thing.getURI()))) {
                b.append(new InitiativeGraph(snapshot.view(), links, labels).render(thing));
            }
            b.append(properties());
            b.append(ExternalLinks.html(description, thing, links));
            b.append(incoming(inProperty, page));
            b.append("</article>");
            return Html.page(title, b.toString());
        });
    }

    private static int parsePage(String pageParam) {
        if (pageParam == null) {
            return 1;
        }
        try {
            int p = Integer.parseInt(pageParam);
            if (p >= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw HttpError.badRequest("page must be a whole number from 1, not '" + pageParam + "'.");
    }

    private boolean has(Node p, Node o) {
        return description.contains(thing, p, o);
    }

    private List<Node> values(Node p) {
        return Iter.toList(description.find(thing, p, Node.ANY)).stream().map(Triple::getObject).toList();
    }

    private Optional<Node> first(Node p) {
        return values(p).stream().findFirst();
    }

    private String types() {
        List<Node> types = values(RDF.type);
        if (types.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<p class=\"types\">Type: ");
        types.stream().sorted(Comparator.comparing(Node::toString)).forEach(t -> b.append(term(t)).append(' '));
        return b.append("</p>\n").toString();
    }

    /** A vocabulary term: its ontology label, linked to its documentation. */
    private String term(Node t) {
        if (!t.isURI()) {
            return Html.esc(t.toString());
        }
        String name = ontology.name(t);
        String prefixed = Prefixes.shorten(t.getURI());
        String ja = ontology.label(t, "ja").map(l -> " <span lang=\"ja\">" + Html.esc(l) + "</span>").orElse("");
        return "<a class=\"term\" href=\"" + Html.esc(links.href(t)) + "\" title=\"" + Html.esc(prefixed) + "\">"
                + Html.esc(name) + "</a>" + ja;
    }

    /** A value: a linked, labelled thing, or a literal with its language and datatype. */
    private String show(Node v) {
        if (v.isURI()) {
            return "<a href=\"" + Html.esc(links.href(v)) + "\">" + Html.text(labels.display(v),
                    labels.displayLang(v)) + "</a>";
        }
        if (v.isLiteral()) {
            String lang = v.getLiteralLanguage();
            String dt = v.getLiteralDatatypeURI();
            String shown = Html.text(v.getLiteralLexicalForm(), lang);
            if (lang.isEmpty() && dt != null && !dt.equals(Prefixes.XSD + "string")) {
                shown += " <small class=\"datatype\">" + Html.esc(Prefixes.shorten(dt)) + "</small>";
            }
            return shown;
        }
        return "<i>(anonymous)</i>";
    }

    private String properties() {
        Map<Node, List<Node>> byProperty = new TreeMap<>(Comparator.comparing(Node::getURI));
        description.find(thing, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (!t.getPredicate().equals(RDF.type)) {
                byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
            }
        });
        if (byProperty.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>Properties</h2>\n<table class=\"properties\">\n");
        byProperty.forEach((p, vs) -> {
            b.append("<tr><th>").append(term(p)).append("</th><td>");
            vs.stream().sorted(Comparator.comparing(Node::toString))
                    .forEach(v -> b.append("<div>").append(show(v)).append("</div>"));
            b.append("</td></tr>\n");
        });
        return b.append("</table>\n").toString();
    }

    /** Links to this thing grouped by property: counts, the first page of each, or one group's given page. */
    private String incoming(String inProperty, int page) {
        Map<Node, List<Node>> byProperty = new TreeMap<>(Comparator.comparing(Node::getURI));
        description.find(Node.ANY, Node.ANY, thing).forEachRemaining(t -> {
            if (t.getSubject().isURI() && !t.getSubject().equals(thing)) {
                byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getSubject());
            }
        });
        if (byProperty.isEmpty()) {
            return "";
        }
        String self = links.href(thing);
        StringBuilder b = new StringBuilder("<h2>Links to this</h2>\n");
        byProperty.forEach((p, subjects) -> {
            if (inProperty != null && !inProperty.equals(p.getURI())) {
                return;
            }
            // Each name once: a thing linked from thousands of measures would otherwise look them up per comparison.
            Map<Node, String> names = new HashMap<>();
            subjects.forEach(s -> names.computeIfAbsent(s, labels::display));
            List<Node> sorted = names.keySet().stream()
                    .sorted(Comparator.comparing((Node n) -> names.get(n)).thenComparing(Node::getURI)).toList();
            int pages = (sorted.size() + PAGE_SIZE - 1) / PAGE_SIZE;
            int shown = inProperty == null ? 1 : Math.min(page, pages);
            String group = self + "?in=" + URLEncoder.encode(p.getURI(), StandardCharsets.UTF_8);
            b.append("<section class=\"incoming\">\n<h3>").append(term(p))
                    .append(" <span class=\"count\">(").append(sorted.size()).append(")</span></h3>\n<ul>\n");
            sorted.stream().skip((long) (shown - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                    .forEach(s -> b.append("<li>").append(show(s)).append("</li>\n"));
            b.append("</ul>\n");
            if (pages > 1) {
                b.append("<p class=\"pager\">Page ").append(shown).append(" of ").append(pages).append(": ");
                if (shown > 1) {
                    b.append(Html.link(group + "&page=" + (shown - 1), "previous")).append(' ');
                }
                if (shown < pages) {
                    b.append(Html.link(group + "&page=" + (shown + 1), "next " + PAGE_SIZE));
                }
                if (inProperty != null) {
                    b.append(' ').append(Html.link(self, "all groups"));
                }
                b.append("</p>\n");
            }
            b.append("</section>\n");
        });
        return b.toString();
    }

    /** The measure's text with each mention marked, and where it stands in its document. */
    private String measureSource() {
        StringBuilder b = new StringBuilder("<section class=\"source\">\n<h2>Source text</h2>\n");
        Optional<Node> document = first(HMS.inDocument);
        b.append("<p class=\"where\">");
        document.ifPresent(d -> b.append("Document: ").append(show(d)));
        b.append(range("page", first(HMS.pageStart), first(HMS.pageEnd)));
        b.append(range("line", first(HMS.lineStart), first(HMS.lineEnd)));
        b.append("</p>\n");
        Optional<Node> text = first(HMS.text);
        if (text.isEmpty()) {
            return b.append("</section>\n").toString();
        }
        String t = text.get().getLiteralLexicalForm();
        int[] cps = t.codePoints().toArray();
        List<Binding> mentions = Sparql.select(snapshot.view(), "measure-mentions", Map.of("this", thing));
        b.append("<blockquote class=\"measure-text\" lang=\"ja\">");
        int at = 0;
        int marked = 0;
        for (Binding m : mentions) {
            int start = intValue(m, "start");
            int end = intValue(m, "end");
            if (start < at || end <= start || end > cps.length) {
                continue;
            }
            b.append(Html.esc(new String(cps, at, start - at)));
            String surface = new String(cps, start, end - start);
            Node about = m.get(Var.alloc("about"));
            Node val = m.get(Var.alloc("value"));
            String title = about != null ? labels.display(about) : val != null ? val.getLiteralLexicalForm() : "";
            b.append("<mark title=\"").append(Html.esc(title)).append("\">");
            if (about != null && about.isURI()) {
                b.append(Html.link(links.href(about), surface));
            } else {
                b.append(Html.esc(surface));
            }
            b.append("</mark>");
            at = end;
            marked++;
        }
        b.append(Html.esc(new String(cps, at, cps.length - at))).append("</blockquote>\n");
        b.append("<p class=\"note\">").append(marked).append(" of ").append(mentions.size())
                .append(" mention(s) marked (one inside another is not); offsets count Unicode code points.")
                .append("</p>\n");
        return b.append("</section>\n").toString();
    }

    private static String range(String what, Optional<Node> from, Optional<Node> to) {
        if (from.isEmpty()) {
            return "";
        }
        String a = from.get().getLiteralLexicalForm();
        String z = to.map(Node::getLiteralLexicalForm).orElse(a);
        return a.equals(z) ? " · " + what + " " + Html.esc(a) : " · " + what + "s " + Html.esc(a) + "–" + Html.esc(z);
    }

    private static int intValue(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() && n.getLiteralValue() instanceof Number num ? num.intValue() : -1;
    }
}
