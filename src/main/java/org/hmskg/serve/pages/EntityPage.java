package org.hmskg.serve.pages;

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
import org.apache.jena.system.Txn;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.pages.Fragments.Link;
import org.hmskg.serve.pages.Fragments.Term;
import org.hmskg.serve.pages.Fragments.Text;
import org.hmskg.serve.pages.Fragments.Value;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.RDF;

/**
 * The HTML page of one thing ({@code entity.jte}): names, types, every property with its label from the ontology,
 * the links to it grouped by property (50 a page), and for a block (a measure or a paragraph) its source text with
 * each sentence marked by kind and each mention marked inside it.
 */
public final class EntityPage {
    public static final int PAGE_SIZE = 50;

    /** What {@code entity.jte} shows. */
    public record Model(Text title, String subtitleEn, String iri, List<Term> types, List<Link> dataLinks,
                        Optional<Source> source, Optional<InitiativeGraph.Model> neighbours, List<Property> properties,
                        ExternalLinks.Model external, List<Incoming> incoming) {
    }

    /** One property and its values. */
    public record Property(Term term, List<Value> values) {
    }

    /** The things linking here through one property: this page of them, and the pager when there is more. */
    public record Incoming(Term term, int count, List<Value> subjects, Optional<Pager> pager) {
    }

    /** Where a group of incoming links stands: this page of how many, and the links to the others. */
    public record Pager(int page, int pages, String previous, String next, String allGroups, int pageSize) {
    }

    /** A block's text, its sentences and mentions marked, and where it stands in its document. */
    public record Source(Optional<Value> document, String where, Optional<BlockSource.Model> text) {
    }

    private final Snapshot snapshot;
    private final IriPaths paths;
    private final Ontology ontology;
    private final Node thing;
    private final Graph description;
    private final Labels labels;

    EntityPage(Snapshot snapshot, IriPaths paths, Ontology ontology, Node thing, Graph description) {
        this.snapshot = snapshot;
        this.paths = paths;
        this.ontology = ontology;
        this.thing = thing;
        this.description = description;
        this.labels = new Labels(snapshot.view().getDefaultGraph(), paths);
    }

    /**
     * @param inProperty show only the links to this thing through this property (IRI), or null for all groups
     * @param pageParam  page number of that group, from 1
     */
    String render(String inProperty, String pageParam) {
        int page = parsePage(pageParam);
        Model model = Txn.calculateRead(snapshot.view(), () -> {
            String title = labels.display(thing);
            String en = labels.label(thing, "en").map(Node::getLiteralLexicalForm).filter(l -> !l.equals(title))
                    .orElse("");
            List<Term> types = values(RDF.type).stream().sorted(Comparator.comparing(Node::toString))
                    .map(this::term).toList();
            Optional<Source> source = values(RDF.type).stream().anyMatch(BlockSource::isBlock)
                    ? Optional.of(blockSource()) : Optional.empty();
            Optional<InitiativeGraph.Model> neighbours = "initiative".equals(paths.typeOf(thing.getURI()))
                    ? new InitiativeGraph(snapshot.view(), paths, labels).model(thing) : Optional.empty();
            return new Model(new Text(title, labels.displayLang(thing)), en, thing.getURI(), types,
                    Fragments.dataLinks(paths.href(thing)), source, neighbours, properties(),
                    ExternalLinks.model(description, thing, paths), incoming(inProperty, page));
        });
        return Pages.render("entity.jte", model);
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

    private List<Node> values(Node p) {
        return Iter.toList(description.find(thing, p, Node.ANY)).stream().map(Triple::getObject).toList();
    }

    private Optional<Node> first(Node p) {
        return values(p).stream().findFirst();
    }

    /** A vocabulary term: its ontology label, linked to its documentation. */
    private Term term(Node t) {
        if (!t.isURI()) {
            return new Term("", "", t.toString(), "");
        }
        return new Term(paths.href(t), Prefixes.shorten(t.getURI()), ontology.name(t),
                ontology.label(t, "ja").orElse(""));
    }

    /** A value: a linked, labelled thing, or a literal with its language and datatype. */
    private Value show(Node v) {
        if (v.isURI()) {
            return Value.link(paths.href(v), new Text(labels.display(v), labels.displayLang(v)));
        }
        if (v.isLiteral()) {
            String lang = v.getLiteralLanguage();
            String dt = v.getLiteralDatatypeURI();
            boolean typed = lang.isEmpty() && dt != null && !dt.equals(Prefixes.XSD + "string");
            return Value.literal(new Text(v.getLiteralLexicalForm(), lang), typed ? Prefixes.shorten(dt) : "");
        }
        return Value.ANONYMOUS;
    }

    private List<Property> properties() {
        Map<Node, List<Node>> byProperty = new TreeMap<>(Comparator.comparing(Node::getURI));
        description.find(thing, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (!t.getPredicate().equals(RDF.type)) {
                byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
            }
        });
        List<Property> out = new ArrayList<>();
        byProperty.forEach((p, vs) -> out.add(new Property(term(p),
                vs.stream().sorted(Comparator.comparing(Node::toString)).map(this::show).toList())));
        return out;
    }

    /** Links to this thing grouped by property: counts, the first page of each, or one group's given page. */
    private List<Incoming> incoming(String inProperty, int page) {
        Map<Node, List<Node>> byProperty = new TreeMap<>(Comparator.comparing(Node::getURI));
        description.find(Node.ANY, Node.ANY, thing).forEachRemaining(t -> {
            if (t.getSubject().isURI() && !t.getSubject().equals(thing)) {
                byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getSubject());
            }
        });
        String self = paths.href(thing);
        List<Incoming> out = new ArrayList<>();
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
            List<Value> listed = sorted.stream().skip((long) (shown - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                    .map(this::show).toList();
            Optional<Pager> pager = pages <= 1 ? Optional.empty() : Optional.of(new Pager(shown, pages,
                    shown > 1 ? group + "&page=" + (shown - 1) : "",
                    shown < pages ? group + "&page=" + (shown + 1) : "",
                    inProperty != null ? self : "", PAGE_SIZE));
            out.add(new Incoming(term(p), sorted.size(), listed, pager));
        });
        return out;
    }

    /** The block's text with its sentences and mentions marked, and where it stands in its document. */
    private Source blockSource() {
        Optional<Value> document = first(HMS.inDocument).map(this::show);
        String where = range("page", first(HMS.pageStart), first(HMS.pageEnd))
                + range("line", first(HMS.lineStart), first(HMS.lineEnd));
        Optional<BlockSource.Model> text = first(HMS.text).filter(Node::isLiteral).map(t -> BlockSource.of(
                snapshot.view(), paths, labels, thing, t.getLiteralLexicalForm()));
        return new Source(document, where, text);
    }

    private static String range(String what, Optional<Node> from, Optional<Node> to) {
        if (from.isEmpty()) {
            return "";
        }
        String a = from.get().getLiteralLexicalForm();
        String z = to.map(Node::getLiteralLexicalForm).orElse(a);
        return a.equals(z) ? " · " + what + " " + a : " · " + what + "s " + a + "–" + z;
    }
}
