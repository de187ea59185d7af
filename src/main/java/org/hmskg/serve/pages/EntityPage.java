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
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.data.Sparql;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.pages.Fragments.Link;
import org.hmskg.serve.pages.Fragments.Term;
import org.hmskg.serve.pages.Fragments.Text;
import org.hmskg.serve.pages.Fragments.Value;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.RDF;

/**
 * The HTML page of one thing ({@code entity.jte}): names, types, every property with its label from the ontology,
 * the links to it grouped by property (50 a page), and for a measure its source text with each mention marked.
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

    /** A measure's text, each mention marked, and where it stands in its document. */
    public record Source(Optional<Value> document, String where, List<Segment> text, boolean hasText, int marked,
                         int mentions) {
    }

    /** A run of the measure's text; a mention when {@code title} is not empty (linked when {@code href} is not). */
    public record Segment(String text, String title, String href, boolean mention) {
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
            Optional<Source> source = has(RDF.type, HMS.Measure) ? Optional.of(measureSource()) : Optional.empty();
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

    private boolean has(Node p, Node o) {
        return description.contains(thing, p, o);
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

    /** The measure's text with each mention marked, and where it stands in its document. */
    private Source measureSource() {
        Optional<Value> document = first(HMS.inDocument).map(this::show);
        String where = range("page", first(HMS.pageStart), first(HMS.pageEnd))
                + range("line", first(HMS.lineStart), first(HMS.lineEnd));
        Optional<Node> text = first(HMS.text);
        if (text.isEmpty()) {
            return new Source(document, where, List.of(), false, 0, 0);
        }
        int[] cps = text.get().getLiteralLexicalForm().codePoints().toArray();
        List<Binding> mentions = Sparql.select(snapshot.view(), "measure-mentions", Map.of("this", thing));
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        int marked = 0;
        for (Binding m : mentions) {
            int start = intValue(m, "start");
            int end = intValue(m, "end");
            if (start < at || end <= start || end > cps.length) {
                continue;
            }
            segments.add(new Segment(new String(cps, at, start - at), "", "", false));
            Node about = m.get(Var.alloc("about"));
            Node val = m.get(Var.alloc("value"));
            String title = about != null ? labels.display(about) : val != null ? val.getLiteralLexicalForm() : "";
            segments.add(new Segment(new String(cps, start, end - start), title,
                    about != null && about.isURI() ? paths.href(about) : "", true));
            at = end;
            marked++;
        }
        segments.add(new Segment(new String(cps, at, cps.length - at), "", "", false));
        return new Source(document, where, segments, true, marked, mentions.size());
    }

    private static String range(String what, Optional<Node> from, Optional<Node> to) {
        if (from.isEmpty()) {
            return "";
        }
        String a = from.get().getLiteralLexicalForm();
        String z = to.map(Node::getLiteralLexicalForm).orElse(a);
        return a.equals(z) ? " · " + what + " " + a : " · " + what + "s " + a + "–" + z;
    }

    private static int intValue(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() && n.getLiteralValue() instanceof Number num ? num.intValue() : -1;
    }
}
