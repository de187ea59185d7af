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
import org.hmskg.extract.Entity;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.Facts;
import org.hmskg.extract.Span;
import org.hmskg.extract.statement.StatementFact;
import org.hmskg.parse.Block;
import org.hmskg.parse.DateValue;
import org.hmskg.parse.FootnoteRecord;
import org.hmskg.parse.MeasureRecord;
import org.hmskg.parse.Origin;
import org.hmskg.parse.PageArtefact;
import org.hmskg.parse.ParagraphRecord;
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

    /**
     * The facts of one document: one {@link Facts} and one list of statements per block (measure or paragraph) in
     * document order, and the facts of the preamble. {@code publisher} is the deciding body's resource, when the document names one.
     */
    public record Input(ParsedDocument document, List<Facts> blockFacts, List<List<StatementFact>> blockStatements,
                        Facts preambleFacts, Optional<Node> publisher, Set<String> curatedKeys, Instant builtAt) {
        public Input {
            blockFacts = List.copyOf(blockFacts);
            blockStatements = blockStatements.stream().map(List::copyOf).toList();
            curatedKeys = Set.copyOf(curatedKeys);
        }
    }

    /**
     * The document's graph, and for each resource it describes the source line it came from (a block's first line,
     * a mention's line, an entity's first mention), so that a problem found later can name {@code file:line}.
     */
    public record Mapped(Graph graph, Map<Node, Integer> lines) {
        public Mapped {
            lines = Map.copyOf(lines);
        }
    }

    public Mapped map(Input in) {
        ParsedDocument doc = in.document();
        if (in.blockFacts().size() != doc.blocks().size() || in.blockStatements().size() != doc.blocks().size()) {
            throw new IllegalArgumentException("one Facts and one list of statements per block expected");
        }
        Writer w = new Writer();
        Map<Node, Integer> lines = new LinkedHashMap<>();
        String key = doc.key();
        Node docNode = Iris.document(key);
        lines.put(docNode, 1);

        w.add(docNode, RDF.type, HMS.PolicyDocument);
        if (!doc.metadata().kind().className().isEmpty()) {
            w.add(docNode, RDF.type, NodeFactory.createURI(HMS.NS + doc.metadata().kind().className()));
        }
        w.add(docNode, DCT.title, lang(doc.title(), "ja"));
        doc.header().titleLine().filter(t -> !t.equals(doc.title())).ifPresent(t -> w.add(docNode, HMS.titleLine, str(t)));
        doc.issued().ifPresent(d -> w.add(docNode, DCT.issued, dateLiteral(d)));
        doc.header().dateLine().ifPresent(t -> w.add(docNode, HMS.dateLine, str(t)));
        doc.header().decisionLine().ifPresent(t -> w.add(docNode, HMS.decisionLine, str(t)));
        doc.header().notes().forEach(t -> w.add(docNode, HMS.headerNote, str(t)));
        doc.metadata().edition().ifPresent(y -> w.add(docNode, HMS.edition, dateLiteral(DateValue.ofYear(y))));
        if (doc.metadata().draft()) {
            w.add(docNode, HMS.status, str("draft"));
        }
        in.publisher().ifPresent(p -> w.add(docNode, DCT.publisher, p));
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
            lines.putIfAbsent(entityNode(em.entity()), 1);
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
            lines.put(sn, s.line());
            w.add(sn, RDF.type, HMS.Section);
            w.add(sn, RDFS.label, lang(s.label().isEmpty() ? s.marker() : s.label(), "ja"));
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
            lines.put(fn, f.line());
            w.add(fn, RDF.type, HMS.Footnote);
            w.add(fn, HMS.marker, str(f.marker()));
            w.add(fn, HMS.text, str(f.text()));
            w.add(fn, HMS.inDocument, docNode);
            w.add(fn, HMS.lineStart, integer(f.line()));
            w.add(fn, HMS.pageStart, integer(f.page()));
        }

        for (PageArtefact a : doc.artefacts()) {
            Node an = Iris.artefact(key, a.line());
            lines.put(an, a.line());
            w.add(an, RDF.type, HMS.PageArtefact);
            w.add(an, HMS.artefactKind, str(a.kind().label()));
            w.add(an, HMS.text, str(a.text()));
            w.add(an, HMS.inDocument, docNode);
            w.add(an, HMS.lineStart, integer(a.line()));
            w.add(an, HMS.pageStart, integer(a.page()));
        }

        for (int i = 0; i < doc.blocks().size(); i++) {
            Block b = doc.blocks().get(i);
            Facts facts = in.blockFacts().get(i);
            Node bn = blockNode(key, b);
            lines.put(bn, b.lineStart());
            switch (b) {
                case MeasureRecord m -> {
                    w.add(bn, RDF.type, HMS.Measure);
                    w.add(bn, RDFS.label, lang("施策 " + m.ordinal() + "：" + abbreviate(m.text(), 40), "ja"));
                    w.add(bn, HMS.marker, str(m.marker()));
                }
                case ParagraphRecord p -> {
                    w.add(bn, RDF.type, HMS.Paragraph);
                    w.add(bn, RDFS.label, lang("段落 " + p.ordinal() + "：" + abbreviate(p.text(), 40), "ja"));
                }
            }
            w.add(bn, HMS.text, str(b.text()));
            String nfkc = Normalizer.normalize(b.text(), Normalizer.Form.NFKC);
            if (!nfkc.equals(b.text())) {
                w.add(bn, HMS.textNormalized, str(nfkc));
            }
            w.add(bn, HMS.inDocument, docNode);
            b.section().ifPresent(p -> w.add(bn, HMS.inSection, Iris.section(key, p)));
            w.add(bn, HMS.ordinal, integer(b.ordinal()));
            w.add(bn, HMS.lineStart, integer(b.lineStart()));
            w.add(bn, HMS.lineEnd, integer(b.lineEnd()));
            w.add(bn, HMS.pageStart, integer(b.pageStart()));
            w.add(bn, HMS.pageEnd, integer(b.pageEnd()));
            Optional<Tag> tag = b.tag().or(() -> inheritedTag(b, sections));
            b.tag().ifPresent(t -> {
                w.add(bn, HMS.tag, str(t.raw()));
                w.add(bn, HMS.tagBrackets, str(t.brackets()));
            });
            tag.ifPresent(t -> ministries(w, bn, t));
            for (String marker : b.footnotes()) {
                Node fn = footnoteNodes.get(Normalizer.normalize(marker, Normalizer.Form.NFKC));
                if (fn != null) {
                    w.add(bn, HMS.footnote, fn);
                }
            }
            mapFacts(w, key, b, bn, facts, entities, seenLabels, lines);
            List<Node> ministries = tag.map(t -> ministryNodes(t, false)).orElse(List.of());
            List<Node> leads = tag.map(t -> ministryNodes(t, true)).orElse(List.of());
            List<StatementFact> statements = in.blockStatements().get(i);
            StatementMapper.map(w, StatementMapper.Block.of(key, b, ministries, leads), statements);
            statements.forEach(st -> lines.put(Iris.statement(key, b.blockKey(), st.ordinal()),
                    b.originOf(st.span().start()).line()));
        }

        for (Entity e : entities.values()) {
            describe(w, e, in.curatedKeys().contains(e.key()), seenLabels.get(entityNode(e).getURI()));
        }
        return new Mapped(w.graph, lines);
    }

    /** The IRI of a block: {@code measure/{doc}/{n}} or {@code paragraph/{doc}/{n}}. */
    public static Node blockNode(String docKey, Block b) {
        return switch (b) {
            case MeasureRecord m -> Iris.measure(docKey, m.ordinal());
            case ParagraphRecord p -> Iris.paragraph(docKey, p.ordinal());
        };
    }

    /** The property linking a mention (or another part of a block) to its block: inMeasure or inParagraph. */
    public static Node inBlockProperty(Block b) {
        return b instanceof MeasureRecord ? HMS.inMeasure : HMS.inParagraph;
    }

    private void mapFacts(Writer w, String docKey, Block b, Node bn, Facts facts, Map<String, Entity> entities,
                          Map<String, Set<String>> seenLabels, Map<Node, Integer> lines) {
        Set<String> spans = new HashSet<>();
        String blockKey = b.blockKey();
        for (Facts.EntityMention em : facts.entities()) {
            collect(entities, seenLabels, em);
            Node target = entityNode(em.entity());
            lines.putIfAbsent(target, b.originOf(em.span().start()).line());
            w.add(bn, HMS.mentions, target);
            // a name inside a cited title (the law an amending law amends) is mentioned, not cited
            if (em.entity().cls().isCitation() && !em.nested()) {
                w.add(bn, HMS.cites, target);
            }
            mention(w, docKey, b, bn, em.span(), spans, lines).ifPresent(mention -> w.add(mention, HMS.about, target));
        }
        for (Facts.MinistryMention mm : facts.ministries()) {
            Node target = Iris.ministry(mm.ministryKey());
            mention(w, docKey, b, bn, mm.span(), spans, lines).ifPresent(mention -> w.add(mention, HMS.about, target));
        }
        int n = 0;
        for (Facts.QuantityFact q : facts.quantities()) {
            Node qn = Iris.quantity(docKey, blockKey, ++n);
            lines.put(qn, b.originOf(q.span().start()).line());
            w.add(bn, HMS.quantity, qn);
            w.add(qn, RDF.type, HMS.Quantity);
            w.add(qn, RDF.value, decimal(q.value()));
            w.add(qn, HMS.unit, str(q.unit()));
            w.add(qn, HMS.approximate, bool(q.approximate()));
            q.qualifier().ifPresent(v -> w.add(qn, HMS.qualifier, str(v)));
            q.asOf().ifPresent(d -> w.add(qn, HMS.asOf, dateLiteral(d)));
            q.asOfFiscalYear().ifPresent(y -> w.add(qn, HMS.asOfFiscalYear, dateLiteral(DateValue.ofYear(y))));
            w.add(qn, RDFS.label, str(q.span().surface()));
            mention(w, docKey, b, bn, q.span(), spans, lines).ifPresent(mention -> w.add(mention, HMS.about, qn));
        }
        for (Facts.DateFact d : facts.dates()) {
            Node literal = dateLiteral(d.value());
            w.add(bn, d.fiscalYear() ? HMS.fiscalYear : HMS.date, literal);
            mention(w, docKey, b, bn, d.span(), spans, lines).ifPresent(mention -> w.add(mention, HMS.value, literal));
        }
    }

    /**
     * A Mention node for a span, with the source line and page where its surface starts; a span already used by
     * another fact of the block gets no second node.
     */
    private Optional<Node> mention(Writer w, String docKey, Block b, Node bn, Span span, Set<String> spans,
                                   Map<Node, Integer> lines) {
        if (!spans.add(span.start() + "-" + span.end())) {
            return Optional.empty();
        }
        Node node = Iris.mention(docKey, b.blockKey(), span.start(), span.end());
        Origin origin = b.originOf(span.start());
        lines.put(node, origin.line());
        w.add(node, RDF.type, HMS.Mention);
        w.add(node, inBlockProperty(b), bn);
        w.add(node, HMS.inBlock, bn);
        w.add(node, HMS.surface, str(span.surface()));
        w.add(node, HMS.start, integer(span.start()));
        w.add(node, HMS.end, integer(span.end()));
        w.add(node, HMS.lineStart, integer(origin.line()));
        w.add(node, HMS.pageStart, integer(origin.page()));
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
        return new Entity(a.key(), EntityClass.preferred(a.cls(), b.cls()), a.prefLabel(), alt,
                a.curated() || b.curated(), date,
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
    private static Optional<Tag> inheritedTag(Block b, Map<String, SectionRecord> sections) {
        Optional<String> path = b.section();
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
        w.add(subject, HMS.tagBrackets, str(t.brackets()));
        ministries(w, subject, t);
    }

    private void ministries(Writer w, Node subject, Tag t) {
        ministryNodes(t, false).forEach(m -> w.add(subject, HMS.ministry, m));
        ministryNodes(t, true).forEach(m -> w.add(subject, HMS.leadMinistry, m));
    }

    /** The ministries a tag names that the reference table knows ({@code leadsOnly}: those marked ◎). */
    private List<Node> ministryNodes(Tag t, boolean leadsOnly) {
        return t.entries().stream().filter(e -> !leadsOnly || e.lead())
                .flatMap(e -> ministryKeyByCode.apply(e.code()).stream()).map(Iris::ministry).distinct().toList();
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
