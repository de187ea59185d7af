package org.hmskg.map;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.hmskg.extract.BodyRef;
import org.hmskg.extract.DateOrder;
import org.hmskg.parse.DateValue;
import org.hmskg.extract.Entity;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.Facts;
import org.hmskg.parse.FootnoteRecord;
import org.hmskg.parse.MeasureRecord;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SectionRecord;
import org.hmskg.parse.Tag;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.DCT;
import org.hmskg.vocab.Vocab.ELI;
import org.hmskg.vocab.Vocab.PROV;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;
import org.hmskg.vocab.Vocab.SKOS;

/**
 * One parsed document and the facts extracted from it → the document's named graph. Pure: the same input gives
 * the same triples; every IRI comes from {@link Iris}.
 */
public final class DocumentMapper {
    /** Licence of the government source: 公共データ利用規約 (PDL 1.0), compatible with CC BY 4.0. */
    public static final Node LICENSE = NodeFactory.createURI("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0");
    public static final String RIGHTS_JA = "出典：健康・医療戦略推進本部「健康・医療戦略の実行状況と今後の取組方針」（公共データ利用規約 第1.0版 / 政府標準利用規約に準拠、CC BY 4.0 互換）を加工して作成";
    public static final String RIGHTS_EN = "Source: Headquarters for Healthcare Policy, Government of Japan, \"Status of implementation and future policy of the Healthcare Policy\" (Public Data License 1.0 / Government of Japan Standard Terms of Use, compatible with CC BY 4.0); processed by hms-kg";

    private final Function<String, Optional<String>> ministryKeyByCode;
    private final String toolVersion;

    /**
     * @param ministryKeyByCode tag code → ministry key (from the reference table); an unknown code maps to empty
     * @param toolVersion       recorded in the graph's provenance
     */
    public DocumentMapper(Function<String, Optional<String>> ministryKeyByCode, String toolVersion) {
        this.ministryKeyByCode = ministryKeyByCode;
        this.toolVersion = toolVersion;
    }

    /** The facts of one document: one {@link Facts} per measure in order, and those of the preamble. */
    public record Input(ParsedDocument document, List<Facts> measureFacts, Facts preambleFacts, Node publisher,
                        Set<String> curatedKeys, Instant builtAt) {
        public Input {
            measureFacts = List.copyOf(measureFacts);
            curatedKeys = Set.copyOf(curatedKeys);
        }
    }

    public Graph map(Input in) {
        ParsedDocument doc = in.document();
        if (in.measureFacts().size() != doc.measures().size()) {
            throw new IllegalArgumentException("one Facts per measure expected");
        }
        Writer w = new Writer();
        String key = doc.key();
        Node docNode = Iris.document(key);

        w.add(docNode, RDF.type, HMS.PolicyDocument);
        w.add(docNode, DCT.title, lang(doc.title(), "ja"));
        doc.issued().ifPresent(d -> w.add(docNode, DCT.issued, dateLiteral(d)));
        if ("draft".equals(doc.metadata().status())) {
            w.add(docNode, HMS.status, str("draft"));
        }
        w.add(docNode, DCT.publisher, in.publisher());
        w.add(docNode, DCT.source, str(doc.fileName()));
        w.add(docNode, HMS.sha256, str(doc.sha256()));
        w.add(docNode, DCT.license, LICENSE);
        w.add(docNode, DCT.rights, lang(RIGHTS_JA, "ja"));
        w.add(docNode, DCT.rights, lang(RIGHTS_EN, "en"));
        if (!doc.preamble().isEmpty()) {
            w.add(docNode, HMS.preamble, str(doc.preamble()));
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        Map<String, Set<String>> seenLabels = new LinkedHashMap<>();
        for (Facts.EntityMention em : in.preambleFacts().entities()) {
            collect(entities, seenLabels, em);
            if (em.entity().cls().isCitation() && !em.nested()) {
                w.add(docNode, HMS.cites, entityNode(em.entity()));
            }
        }

        Node graphNode = Iris.graph(key);
        w.add(graphNode, RDF.type, PROV.Entity);
        w.add(graphNode, PROV.wasDerivedFrom, docNode);
        w.add(graphNode, DCT.source, str(doc.fileName()));
        w.add(graphNode, HMS.sha256, str(doc.sha256()));
        w.add(graphNode, PROV.generatedAtTime, NodeFactory.createLiteralDT(in.builtAt().toString(), XSDDatatype.XSDdateTime));
        w.add(graphNode, DCT.hasVersion, str("hms-kg " + toolVersion));

        Map<String, SectionRecord> sections = new LinkedHashMap<>();
        for (SectionRecord s : doc.sections()) {
            sections.put(s.path(), s);
            Node sn = Iris.section(key, s.path());
            w.add(sn, RDF.type, HMS.Section);
            w.add(sn, RDFS.label, lang(s.label(), "ja"));
            w.add(sn, HMS.marker, str(s.marker()));
            w.add(sn, HMS.level, integer(s.level()));
            w.add(sn, HMS.ordinal, integer(s.ordinal()));
            w.add(sn, HMS.inDocument, docNode);
            w.add(sn, HMS.lineStart, integer(s.line()));
            w.add(sn, HMS.pageStart, integer(s.page()));
            s.parentPath().ifPresent(p -> w.add(sn, HMS.parentSection, Iris.section(key, p)));
            s.tag().ifPresent(t -> tag(w, sn, t));
        }

        Map<String, Node> footnoteNodes = new LinkedHashMap<>();
        for (FootnoteRecord f : doc.footnotes()) {
            String marker = Normalizer.normalize(f.marker(), Normalizer.Form.NFKC);
            String fkey = marker;
            for (int n = 2; footnoteNodes.containsKey(fkey); n++) {
                fkey = marker + "-" + n;
            }
            Node fn = Iris.footnote(key, fkey);
            footnoteNodes.put(fkey, fn);
            w.add(fn, RDF.type, HMS.Footnote);
            w.add(fn, HMS.marker, str(f.marker()));
            w.add(fn, HMS.text, str(f.text()));
            w.add(fn, HMS.inDocument, docNode);
            w.add(fn, HMS.lineStart, integer(f.line()));
            w.add(fn, HMS.pageStart, integer(f.page()));
        }

        for (int i = 0; i < doc.measures().size(); i++) {
            MeasureRecord m = doc.measures().get(i);
            Facts facts = in.measureFacts().get(i);
            Node mn = Iris.measure(key, m.ordinal());
            w.add(mn, RDF.type, HMS.Measure);
            w.add(mn, RDFS.label, lang("施策 " + m.ordinal() + "：" + abbreviate(m.text(), 40), "ja"));
            w.add(mn, HMS.text, str(m.text()));
            String nfkc = Normalizer.normalize(m.text(), Normalizer.Form.NFKC);
            if (!nfkc.equals(m.text())) {
                w.add(mn, HMS.textNormalized, str(nfkc));
            }
            w.add(mn, HMS.inDocument, docNode);
            m.section().ifPresent(p -> w.add(mn, HMS.inSection, Iris.section(key, p)));
            w.add(mn, HMS.ordinal, integer(m.ordinal()));
            w.add(mn, HMS.lineStart, integer(m.lineStart()));
            w.add(mn, HMS.lineEnd, integer(m.lineEnd()));
            w.add(mn, HMS.pageStart, integer(m.pageStart()));
            w.add(mn, HMS.pageEnd, integer(m.pageEnd()));
            Optional<Tag> tag = m.tag().or(() -> inheritedTag(m, sections));
            m.tag().ifPresent(t -> w.add(mn, HMS.tag, str(t.raw())));
            tag.ifPresent(t -> ministries(w, mn, t));
            for (String marker : m.footnotes()) {
                Node fn = footnoteNodes.get(Normalizer.normalize(marker, Normalizer.Form.NFKC));
                if (fn != null) {
                    w.add(mn, HMS.footnote, fn);
                }
            }
            mapFacts(w, key, m.ordinal(), mn, facts, entities, seenLabels);
        }

        for (Entity e : entities.values()) {
            describe(w, e, in.curatedKeys().contains(e.key()), seenLabels.get(entityNode(e).getURI()));
        }
        return w.graph;
    }

    private void mapFacts(Writer w, String docKey, int ordinal, Node mn, Facts facts, Map<String, Entity> entities,
                          Map<String, Set<String>> seenLabels) {
        Set<String> spans = new HashSet<>();
        for (Facts.EntityMention em : facts.entities()) {
            collect(entities, seenLabels, em);
            Node target = entityNode(em.entity());
            w.add(mn, HMS.mentions, target);
            // a name inside a cited title (the law an amending law amends) is mentioned, not cited
            if (em.entity().cls().isCitation() && !em.nested()) {
                w.add(mn, HMS.cites, target);
            }
            mention(w, docKey, ordinal, mn, em.span().start(), em.span().end(), em.span().surface(), spans)
                    .ifPresent(mention -> w.add(mention, HMS.about, target));
        }
        for (Facts.MinistryMention mm : facts.ministries()) {
            Node target = Iris.ministry(mm.ministryKey());
            mention(w, docKey, ordinal, mn, mm.span().start(), mm.span().end(), mm.span().surface(), spans)
                    .ifPresent(mention -> w.add(mention, HMS.about, target));
        }
        int n = 0;
        for (Facts.QuantityFact q : facts.quantities()) {
            Node qn = Iris.quantity(docKey, ordinal, ++n);
            w.add(mn, HMS.quantity, qn);
            w.add(qn, RDF.type, HMS.Quantity);
            w.add(qn, RDF.value, decimal(q.value()));
            w.add(qn, HMS.unit, str(q.unit()));
            w.add(qn, HMS.approximate, bool(q.approximate()));
            q.qualifier().ifPresent(v -> w.add(qn, HMS.qualifier, str(v)));
            q.asOf().ifPresent(d -> w.add(qn, HMS.asOf, dateLiteral(d)));
            q.asOfFiscalYear().ifPresent(y -> w.add(qn, HMS.asOfFiscalYear, dateLiteral(DateValue.ofYear(y))));
            w.add(qn, RDFS.label, str(q.span().surface()));
            mention(w, docKey, ordinal, mn, q.span().start(), q.span().end(), q.span().surface(), spans)
                    .ifPresent(mention -> w.add(mention, HMS.about, qn));
        }
        for (Facts.DateFact d : facts.dates()) {
            Node literal = dateLiteral(d.value());
            w.add(mn, d.fiscalYear() ? HMS.fiscalYear : HMS.date, literal);
            mention(w, docKey, ordinal, mn, d.span().start(), d.span().end(), d.span().surface(), spans)
                    .ifPresent(mention -> w.add(mention, HMS.value, literal));
        }
    }

    /** A Mention node for a span; a span already used by another fact of the measure gets no second node. */
    private Optional<Node> mention(Writer w, String docKey, int ordinal, Node mn, int start, int end, String surface,
                                   Set<String> spans) {
        if (!spans.add(start + "-" + end)) {
            return Optional.empty();
        }
        Node node = Iris.mention(docKey, ordinal, start, end);
        w.add(node, RDF.type, HMS.Mention);
        w.add(node, HMS.inMeasure, mn);
        w.add(node, HMS.surface, str(surface));
        w.add(node, HMS.start, integer(start));
        w.add(node, HMS.end, integer(end));
        return Optional.of(node);
    }

    /** Entities by IRI: one key may name an initiative and a citation (a 事業 and a document titled like it). */
    private static void collect(Map<String, Entity> entities, Map<String, Set<String>> seenLabels, Facts.EntityMention em) {
        Entity e = em.entity();
        String iri = entityNode(e).getURI();
        entities.merge(iri, e, DocumentMapper::mergeEntity);
        Set<String> labels = seenLabels.computeIfAbsent(iri, k -> new LinkedHashSet<>());
        labels.addAll(e.altLabels());
        labels.add(em.span().surface());
    }

    private static Entity mergeEntity(Entity a, Entity b) {
        List<String> alt = new ArrayList<>(a.altLabels());
        b.altLabels().stream().filter(l -> !alt.contains(l)).forEach(alt::add);
        Optional<DateValue> date = a.date().isPresent() && b.date().isPresent()
                && DateOrder.later(b.date().get(), a.date().get()) ? b.date() : a.date().or(b::date);
        return new Entity(a.key(), a.cls(), a.prefLabel(), alt, a.curated() || b.curated(), date,
                a.decidedBy().or(b::decidedBy), a.lawNumber().or(b::lawNumber), a.amends().or(b::amends));
    }

    /** Describes an entity; curated ones are described in the reference graph, so here only their new labels. */
    private void describe(Writer w, Entity e, boolean curated, Set<String> seen) {
        Node node = entityNode(e);
        Set<String> alt = new LinkedHashSet<>(seen == null ? Set.of() : seen);
        alt.remove(e.prefLabel());
        if (!curated) {
            typeEntity(w, node, e.cls());
            w.add(node, SKOS.prefLabel, lang(e.prefLabel(), "ja"));
            if (e.cls().isCitation()) {
                w.add(node, DCT.title, lang(e.prefLabel(), "ja"));
            }
            w.add(node, HMS.curated, bool(false));
        }
        for (String label : alt) {
            if (!label.isBlank()) {
                w.add(node, SKOS.altLabel, lang(label, "ja"));
            }
        }
        if (e.cls().isCitation()) {
            e.date().ifPresent(d -> w.add(node, DCT.date, dateLiteral(d)));
            e.decidedBy().ifPresent(b -> w.add(node, HMS.decidedBy, bodyNode(b)));
        }
        if (e.cls() == EntityClass.LAW) {
            // a curated law's number comes from the reference data, in the reference graph
            if (!curated) {
                e.lawNumber().ifPresent(n -> w.add(node, HMS.lawNumber, str(n)));
            }
            e.amends().ifPresent(k -> w.add(node, HMS.amends, Iris.citation(k)));
        }
    }

    /** rdf:type triples of an entity class: the class, its hms: superclass, and eli:LegalResource for laws. */
    public static void typeEntity(Writer w, Node node, EntityClass cls) {
        if (cls.isCitation()) {
            w.add(node, RDF.type, HMS.Citation);
            w.add(node, RDF.type, cls == EntityClass.LAW ? ELI.LegalResource : NodeFactory.createURI(HMS.NS + cls.localName()));
        } else {
            w.add(node, RDF.type, HMS.Initiative);
            w.add(node, RDF.type, NodeFactory.createURI(HMS.NS + cls.localName()));
        }
    }

    public static Node entityNode(Entity e) {
        return e.cls().isCitation() ? Iris.citation(e.key()) : Iris.initiative(e.key());
    }

    private static Node bodyNode(BodyRef b) {
        return b.kind() == BodyRef.Kind.MINISTRY ? Iris.ministry(b.key()) : Iris.initiative(b.key());
    }

    /** The tag of the nearest enclosing heading that has one. */
    private static Optional<Tag> inheritedTag(MeasureRecord m, Map<String, SectionRecord> sections) {
        Optional<String> path = m.section();
        while (path.isPresent()) {
            SectionRecord s = sections.get(path.get());
            if (s == null) {
                break;
            }
            if (s.tag().isPresent()) {
                return s.tag();
            }
            path = s.parentPath();
        }
        return Optional.empty();
    }

    private void tag(Writer w, Node subject, Tag t) {
        w.add(subject, HMS.tag, str(t.raw()));
        ministries(w, subject, t);
    }

    private void ministries(Writer w, Node subject, Tag t) {
        for (Tag.Entry e : t.entries()) {
            ministryKeyByCode.apply(e.code()).ifPresent(k -> {
                Node ministry = Iris.ministry(k);
                w.add(subject, HMS.ministry, ministry);
                if (e.lead()) {
                    w.add(subject, HMS.leadMinistry, ministry);
                }
            });
        }
    }

    private static String abbreviate(String s, int max) {
        int count = s.codePointCount(0, s.length());
        if (count <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }

    public static Node str(String s) {
        return NodeFactory.createLiteralString(s);
    }

    public static Node lang(String s, String lang) {
        return NodeFactory.createLiteralLang(s, lang);
    }

    public static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    public static Node bool(boolean b) {
        return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
    }

    public static Node decimal(BigDecimal d) {
        return NodeFactory.createLiteralDT(d.toPlainString(), XSDDatatype.XSDdecimal);
    }

    public static Node dateLiteral(DateValue d) {
        return NodeFactory.createLiteralDT(d.lexical(), d.datatype());
    }

    /** Collects triples into a graph. */
    public static final class Writer {
        final Graph graph = GraphFactory.createDefaultGraph();

        public void add(Node s, Node p, Node o) {
            graph.add(Triple.create(s, p, o));
        }

        public Graph graph() {
            return graph;
        }
    }
}
