package org.hmskg.map;

import static org.hmskg.map.DocumentMapper.bool;
import static org.hmskg.map.DocumentMapper.dateLiteral;
import static org.hmskg.map.DocumentMapper.integer;
import static org.hmskg.map.DocumentMapper.lang;
import static org.hmskg.map.DocumentMapper.str;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import org.apache.jena.graph.Node;
import org.hmskg.extract.statement.FigureAsOf;
import org.hmskg.extract.statement.StatementFact;
import org.hmskg.extract.statement.TimeFact;
import org.hmskg.parse.DateValue;
import org.hmskg.parse.Origin;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Iris;
import org.hmskg.vocab.Vocab.RDF;
import org.hmskg.vocab.Vocab.RDFS;

/**
 * The statements of one block of text → triples: each {@code hms:Statement} with its kind, span, block links
 * and inherited ministries, its times as {@code hms:TimeExpression} mentions with the statement-level due, start
 * and occurrence values, and the "as of" that figures of an achievement take from it. Pure: the same input
 * writes the same triples; IRIs come from {@link Iris}.
 *
 * <p>A time expression has the IRI, span and value of the block's own date mention ({@link DocumentMapper}
 * writes the same triples for it), so the two merge into one mention; a figure's "as of" is written only for
 * figures the reader found without one.
 */
public final class StatementMapper {
    /** Whether a block is a measure ({@code hms:inMeasure}) or a paragraph ({@code hms:inParagraph}). */
    public enum BlockType {
        MEASURE, PARAGRAPH
    }

    /**
     * The block the statements come from.
     *
     * @param key            the block's key in statement, mention and quantity IRIs: a measure's ordinal
     *                       ({@code 37}), {@code p} + a paragraph's ordinal ({@code p3})
     * @param label          how the block is named in statement labels ({@code 施策 37})
     * @param ministries     the block's {@code hms:ministry} values (leads included)
     * @param leadMinistries the block's {@code hms:leadMinistry} values
     * @param origin         where the character at a code-point offset of the block's text came from (source line
     *                       and page), for the time expressions' {@code hms:lineStart} and {@code hms:pageStart}
     */
    public record Block(Node node, BlockType type, String documentKey, String key, String label,
                        List<Node> ministries, List<Node> leadMinistries, Optional<IntFunction<Origin>> origin) {
        public Block {
            ministries = List.copyOf(ministries);
            leadMinistries = List.copyOf(leadMinistries);
            if (!ministries.containsAll(leadMinistries)) {
                throw new IllegalArgumentException("every lead ministry is a ministry of the block");
            }
        }

        /** A measure's block: node and key from {@link Iris}. */
        public static Block measure(String documentKey, int ordinal, List<Node> ministries, List<Node> leads) {
            return new Block(Iris.measure(documentKey, ordinal), BlockType.MEASURE, documentKey,
                    Integer.toString(ordinal), "施策 " + ordinal, ministries, leads, Optional.empty());
        }

        /** A parsed block (measure or paragraph) of a document, with where its characters came from. */
        public static Block of(String documentKey, org.hmskg.parse.Block b, List<Node> ministries, List<Node> leads) {
            boolean measure = b instanceof org.hmskg.parse.MeasureRecord;
            return new Block(DocumentMapper.blockNode(documentKey, b), measure ? BlockType.MEASURE : BlockType.PARAGRAPH,
                    documentKey, b.blockKey(), (measure ? "施策 " : "段落 ") + b.ordinal(), ministries, leads,
                    Optional.of(b::originOf));
        }

        /** A paragraph's block, keyed {@code p} + its ordinal. */
        public static Block paragraph(Node node, String documentKey, int ordinal, List<Node> ministries,
                                      List<Node> leads) {
            return new Block(node, BlockType.PARAGRAPH, documentKey, "p" + ordinal, "段落 " + ordinal, ministries,
                    leads, Optional.empty());
        }

        Node link() {
            return type == BlockType.MEASURE ? HMS.inMeasure : HMS.inParagraph;
        }
    }

    private StatementMapper() {
    }

    public static void map(DocumentMapper.Writer w, Block block, List<StatementFact> statements) {
        for (StatementFact st : statements) {
            Node sn = Iris.statement(block.documentKey(), block.key(), st.ordinal());
            w.add(sn, RDF.type, HMS.Statement);
            Node kind = switch (st.kind()) {
                case ACHIEVEMENT -> HMS.Achievement;
                case ONGOING -> HMS.Ongoing;
                case COMMITMENT -> HMS.Commitment;
                case UNCLASSIFIED -> null;
            };
            if (kind != null) {
                w.add(sn, RDF.type, kind);
            }
            if (kind == HMS.Commitment) {
                w.add(sn, HMS.continues, bool(st.continues()));
            }
            w.add(sn, RDFS.label, lang(block.label() + "・文 " + st.ordinal() + "：" + abbreviate(st.span().surface()),
                    "ja"));
            w.add(sn, HMS.text, str(st.span().surface()));
            w.add(sn, HMS.start, integer(st.span().start()));
            w.add(sn, HMS.end, integer(st.span().end()));
            w.add(sn, HMS.ordinal, integer(st.ordinal()));
            w.add(sn, HMS.inBlock, block.node());
            w.add(sn, block.link(), block.node());
            block.ministries().forEach(m -> w.add(sn, HMS.ministry, m));
            block.leadMinistries().forEach(m -> w.add(sn, HMS.leadMinistry, m));
            for (TimeFact t : st.times()) {
                time(w, block, sn, t);
            }
            for (FigureAsOf f : st.figures()) {
                Node qn = Iris.quantity(block.documentKey(), block.key(), f.quantityIndex() + 1);
                if (f.fiscal()) {
                    w.add(qn, HMS.asOfFiscalYear, dateLiteral(DateValue.ofYear(f.value().year())));
                } else {
                    w.add(qn, HMS.asOf, dateLiteral(f.value()));
                }
            }
        }
    }

    private static void time(DocumentMapper.Writer w, Block block, Node sn, TimeFact t) {
        Node value = dateLiteral(t.value());
        Node mention = Iris.mention(block.documentKey(), block.key(), t.span().start(), t.span().end());
        w.add(mention, RDF.type, HMS.Mention);
        w.add(mention, RDF.type, HMS.TimeExpression);
        w.add(mention, block.link(), block.node());
        w.add(mention, HMS.inBlock, block.node());
        block.origin().ifPresent(o -> {
            Origin at = o.apply(t.span().start());
            w.add(mention, HMS.lineStart, integer(at.line()));
            w.add(mention, HMS.pageStart, integer(at.page()));
        });
        w.add(mention, HMS.surface, str(t.span().surface()));
        w.add(mention, HMS.start, integer(t.span().start()));
        w.add(mention, HMS.end, integer(t.span().end()));
        w.add(mention, HMS.value, value);
        w.add(mention, HMS.inStatement, sn);
        t.note().ifPresent(n -> w.add(mention, HMS.timeNote, str(n)));
        switch (t.role()) {
            case DUE -> {
                w.add(mention, RDF.type, HMS.DueTime);
                w.add(sn, t.fiscal() ? HMS.dueFiscalYear : HMS.dueDate, value);
            }
            case START -> {
                w.add(mention, RDF.type, HMS.StartTime);
                w.add(sn, t.fiscal() ? HMS.startFiscalYear : HMS.startDate, value);
            }
            case OCCURRENCE -> {
                w.add(mention, RDF.type, HMS.OccurrenceTime);
                w.add(sn, t.fiscal() ? HMS.fiscalYear : HMS.date, value);
            }
            case AS_OF -> w.add(mention, RDF.type, HMS.AsOfTime);
        }
    }

    private static String abbreviate(String s) {
        int max = 40;
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }
}
