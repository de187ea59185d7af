package org.hmskg.extract.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hmskg.extract.Facts;
import org.hmskg.extract.Facts.DateFact;
import org.hmskg.extract.Facts.QuantityFact;
import org.hmskg.extract.NormText;
import org.hmskg.extract.Span;
import org.hmskg.extract.entity.EntityScanner;
import org.hmskg.extract.statement.Rules.Found;

/**
 * The statements of one text block (a measure's or a paragraph's {@code hms:text}): every sentence, the kind
 * its final predicate gives, whether a commitment continues earlier work, the role of each of its times, and
 * the figures of an achievement that take its date.
 *
 * <ul>
 * <li>Sentences: see {@link Sentences}; ordinals from 1.</li>
 * <li>Kind: the ending of {@code reference/statement-endings.tsv} that the sentence's final predicate has
 * ({@link Endings}). A noun ending (体言止め) takes the kind of its first cue ({@code statement-noun-cues.tsv}),
 * else of the nearest earlier sentence with a kind, else is an achievement. A kana ending no rule knows is
 * {@link StatementKind#UNCLASSIFIED}.</li>
 * <li>Continues: a commitment holding a word of {@code statement-continuation.tsv}.</li>
 * <li>Times: the block's dates and fiscal years from the extractor ({@code Facts.dates()}, which already leaves
 * out years inside names) that fall in the sentence, except those inside a bracket dating a document
 * ({@code （2022年6月2日…決定）}: the citation's date); their roles: {@link TimeRoles}.</li>
 * <li>Times not of the statement: a date just before a quoted citation that it dates as a relative clause
 * ({@code 2016年4月5日に決定された「…」}).</li>
 * <li>Figures: in an achievement, each quantity without an "as of" of its own takes the nearest earlier time
 * of the achievement that says when it happened (else the nearest later one); durations
 * ({@code reference/figure-duration-units.tsv}: 5年) take none.</li>
 * </ul>
 * Pure and deterministic; the rule tables are read once.
 */
public final class StatementReader {
    private StatementReader() {
    }

    /**
     * @param blockText the block's text exactly as in its {@code hms:text}
     * @param facts     what {@code Extractor.extract(blockText)} found; its spans index {@code blockText}
     */
    public static List<StatementFact> read(String blockText, Facts facts) {
        Rules rules = Rules.standard();
        int[] cps = blockText.codePoints().toArray();
        List<Brackets.Pair> pairs = Brackets.pairs(cps);
        List<Sentences.Sentence> sentences = Sentences.split(cps, Brackets.inside(cps.length, pairs));
        boolean[] dating = datingBrackets(cps, pairs);

        List<String> norms = new ArrayList<>();
        List<StatementKind> kinds = new ArrayList<>();
        for (Sentences.Sentence s : sentences) {
            String norm = NormText.key(new String(cps, s.start(), s.end() - s.start()));
            norms.add(norm);
            kinds.add(kind(norm, kinds, rules));
        }

        List<StatementFact> result = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentences.Sentence s = sentences.get(i);
            StatementKind kind = kinds.get(i);
            boolean continues = kind == StatementKind.COMMITMENT
                    && rules.continuation.stream().anyMatch(norms.get(i)::contains);
            List<DateFact> dates = facts.dates().stream()
                    .filter(d -> d.span().start() >= s.start() && d.span().end() <= s.end())
                    .filter(d -> !dating[d.span().start()] && !datesQuotedCitation(cps, d, facts))
                    .toList();
            List<TimeFact> times = TimeRoles.find(cps, s, dates, kind, rules);
            List<FigureAsOf> figures = kind == StatementKind.ACHIEVEMENT ? figures(s, facts, times, rules)
                    : List.of();
            result.add(new StatementFact(i + 1, Span.of(blockText, s.start(), s.end()), kind, continues, times,
                    figures));
        }
        return List.copyOf(result);
    }

    private static StatementKind kind(String norm, List<StatementKind> earlier, Rules rules) {
        Optional<Found<Rules.Ending>> ending = Endings.read(norm, rules).ending();
        if (ending.isEmpty()) {
            return StatementKind.UNCLASSIFIED;
        }
        return switch (ending.get().value()) {
            case ACHIEVEMENT -> StatementKind.ACHIEVEMENT;
            case ONGOING -> StatementKind.ONGOING;
            case COMMITMENT -> StatementKind.COMMITMENT;
            case NOUN -> cue(norm, rules).orElseGet(() -> earlier.reversed().stream()
                    .filter(k -> k != StatementKind.UNCLASSIFIED).findFirst().orElse(StatementKind.ACHIEVEMENT));
        };
    }

    /** The kind of the cue that comes first in the sentence (the longer one where two start together). */
    private static Optional<StatementKind> cue(String norm, Rules rules) {
        Found<StatementKind> best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Found<StatementKind> c : rules.nounCues) {
            int at = norm.indexOf(c.word());
            if (at >= 0 && (at < bestAt || at == bestAt && c.length() > best.length())) {
                best = c;
                bestAt = at;
            }
        }
        return Optional.ofNullable(best).map(Found::value);
    }

    /** The code points inside round brackets whose content dates a document, brackets included. */
    private static boolean[] datingBrackets(int[] cps, List<Brackets.Pair> pairs) {
        boolean[] dating = new boolean[cps.length];
        for (Brackets.Pair p : pairs) {
            if (Brackets.isRound(cps[p.open()])
                    && EntityScanner.datesDocument(new String(cps, p.open() + 1, p.close() - p.open() - 1))) {
                for (int i = p.open(); i <= p.close(); i++) {
                    dating[i] = true;
                }
            }
        }
        return dating;
    }

    /** How far before a quoted title a date may stand and still date it: 2016年4月5日に決定された「…」. */
    private static final int DATED_BEFORE = 24;

    /**
     * A date standing just before a quoted citation that the extractor dated with it, as a relative clause of the
     * title ({@code 2021年1月29日に改定した「…ガイドライン」について}): the citation's date. A date after the
     * title ({@code 「…指針」を2021年4月に策定し}) reports the act of the sentence and stays.
     */
    private static boolean datesQuotedCitation(int[] cps, DateFact d, Facts facts) {
        for (Facts.EntityMention em : facts.entities()) {
            int open = em.span().start() - 1;
            if (!em.entity().cls().isCitation() || open < d.span().end() || open - d.span().end() > DATED_BEFORE
                    || cps[open] != '「' && cps[open] != '『') {
                continue;
            }
            String between = new String(cps, d.span().end(), open - d.span().end());
            if (between.indexOf('。') >= 0 || between.indexOf('、') >= 0) {
                continue;
            }
            // the date is the title's when the extractor dated the citation with it, or when a verb in the
            // attributive form joins them (…に改定した「…」): a relative clause of the title, not the act of the
            // sentence (2022年3月に「…」として認定した)
            String joint = NormText.key(between);
            if (em.entity().date().equals(Optional.of(d.value())) || joint.endsWith("た") || joint.endsWith("る")) {
                return true;
            }
        }
        return false;
    }

    private static List<FigureAsOf> figures(Sentences.Sentence s, Facts facts, List<TimeFact> times, Rules rules) {
        List<TimeFact> when = times.stream().filter(t -> t.role() == TimeRole.OCCURRENCE).toList();
        if (when.isEmpty()) {
            return List.of();
        }
        List<FigureAsOf> figures = new ArrayList<>();
        for (int i = 0; i < facts.quantities().size(); i++) {
            QuantityFact q = facts.quantities().get(i);
            if (q.span().start() < s.start() || q.span().end() > s.end() || q.asOf().isPresent()
                    || q.asOfFiscalYear().isPresent() || rules.durationUnits.contains(NormText.key(q.unit()))) {
                continue;
            }
            TimeFact t = null;
            for (TimeFact w : when) {
                if (w.span().end() <= q.span().start()) {
                    t = w;
                }
            }
            if (t == null) {
                t = when.stream().filter(w -> w.span().start() >= q.span().end()).findFirst().orElse(when.get(0));
            }
            figures.add(new FigureAsOf(i, q.span(), t.value(), t.fiscal()));
        }
        return figures;
    }
}
