package org.hmskg.serve.pages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Sparql;
import org.hmskg.serve.data.UnionView;
import org.hmskg.vocab.HMS;

/**
 * The source text of a block (a measure or a paragraph) as its page shows it: each sentence marked by its kind,
 * with a label, its times and a link to its statement, and inside the sentences each mention marked and linked to
 * what it names. Offsets are code points into the block's {@code hms:text}. A mention inside another is not marked;
 * a mention that runs over the end of a sentence is marked in both parts.
 */
public final class BlockSource {
    /** What {@code parts/block-source.jte} shows. */
    public record Model(List<Run> text, int marked, int mentions, List<KindCount> kinds) {
        public Model {
            text = List.copyOf(text);
            kinds = List.copyOf(kinds);
        }

        /** Whether any sentence is marked, so that the key to the labels is worth showing. */
        public boolean hasSentences() {
            return text.stream().anyMatch(r -> r.sentence().isPresent());
        }
    }

    /** A run of the text: one sentence, or the text between sentences (whitespace, or a block without any). */
    public record Run(Optional<Sentence> sentence, List<Segment> segments) {
        public Run {
            segments = List.copyOf(segments);
        }
    }

    /**
     * A sentence: its kind, its times, and its statement's page ({@code href}); {@code anchor} is its element id on
     * the block's page ({@code statement-2}).
     */
    public record Sentence(int ordinal, String href, String anchor, StatementKind kind, List<StatementTime> times,
                           boolean continues) {
        public Sentence {
            times = List.copyOf(times);
        }

        /** The label's title: kind and meaning, in English, and the times. */
        public String title() {
            StringBuilder b = new StringBuilder(kind.en()).append(" (").append(kind.ja()).append("): ")
                    .append(kind.meaning());
            if (continues) {
                b.append("; continues earlier work");
            }
            times.forEach(t -> b.append("; ").append(t.english()));
            return b.append(". Statement ").append(ordinal).append(": open its page.").toString();
        }
    }

    /** A run of text inside a sentence or between them; a mention when {@code mention}, linked when {@code href}. */
    public record Segment(String text, String title, String href, boolean mention) {
    }

    /** How many sentences of a kind the block has, for the key. */
    public record KindCount(StatementKind kind, int count) {
    }

    private record Span(int start, int end, String title, String href) {
    }

    private BlockSource() {
    }

    /** The block's text marked; {@code labels} and the queries read inside the caller's read transaction. */
    static Model of(UnionView view, IriPaths paths, Labels labels, Node block, String text) {
        int[] cps = text.codePoints().toArray();
        List<Binding> mentionRows = Sparql.select(view, "block-mentions", Map.of("this", block));
        List<Span> mentions = new ArrayList<>();
        int at = 0;
        for (Binding m : mentionRows) {
            int start = intValue(m, "start");
            int end = intValue(m, "end");
            if (start < at || end <= start || end > cps.length) {
                continue;
            }
            Node about = m.get(Var.alloc("about"));
            Node val = m.get(Var.alloc("value"));
            String title = about != null ? labels.display(about) : val != null ? val.getLiteralLexicalForm() : "";
            mentions.add(new Span(start, end, title, about != null && about.isURI() ? paths.href(about) : ""));
            at = end;
        }
        Map<Node, List<StatementTime>> times = StatementTime.read(
                Sparql.select(view, "statement-times", Map.of("this", block)));
        List<Run> runs = new ArrayList<>();
        Map<StatementKind, Integer> counts = new EnumMap<>(StatementKind.class);
        int from = 0;
        for (Binding s : Sparql.select(view, "block-statements", Map.of("this", block))) {
            int start = intValue(s, "start");
            int end = intValue(s, "end");
            Node statement = s.get(Var.alloc("statement"));
            if (start < from || end <= start || end > cps.length || !statement.isURI()) {
                continue;
            }
            if (start > from) {
                runs.add(new Run(Optional.empty(), segments(cps, from, start, mentions)));
            }
            int ordinal = intValue(s, "ordinal");
            StatementKind kind = StatementKind.of(s.get(Var.alloc("kind")));
            Node continues = s.get(Var.alloc("continues"));
            Sentence sentence = new Sentence(ordinal, paths.href(statement),
                    ordinal > 0 ? "statement-" + ordinal : "statement-at-" + start, kind,
                    times.getOrDefault(statement, List.of()),
                    continues != null && "true".equals(continues.getLiteralLexicalForm()));
            runs.add(new Run(Optional.of(sentence), segments(cps, start, end, mentions)));
            counts.merge(kind, 1, Integer::sum);
            from = end;
        }
        if (from < cps.length || runs.isEmpty()) {
            runs.add(new Run(Optional.empty(), segments(cps, from, cps.length, mentions)));
        }
        List<KindCount> kinds = counts.entrySet().stream().map(e -> new KindCount(e.getKey(), e.getValue())).toList();
        return new Model(runs, mentions.size(), mentionRows.size(), kinds);
    }

    /** The text from {@code from} to {@code to}, cut at the mentions that overlap it. */
    private static List<Segment> segments(int[] cps, int from, int to, List<Span> mentions) {
        List<Segment> out = new ArrayList<>();
        int at = from;
        for (Span m : mentions) {
            if (m.end() <= from || m.start() >= to) {
                continue;
            }
            int start = Math.max(from, m.start());
            int end = Math.min(to, m.end());
            if (start > at) {
                out.add(new Segment(new String(cps, at, start - at), "", "", false));
            }
            out.add(new Segment(new String(cps, start, end - start), m.title(), m.href(), true));
            at = end;
        }
        if (to > at || out.isEmpty()) {
            out.add(new Segment(new String(cps, at, to - at), "", "", false));
        }
        return out;
    }

    private static int intValue(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() && n.getLiteralValue() instanceof Number num ? num.intValue() : -1;
    }

    /** Whether the thing is a block whose text a page shows marked. */
    static boolean isBlock(Node type) {
        return HMS.Measure.equals(type) || HMS.Paragraph.equals(type);
    }
}
