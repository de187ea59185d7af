package org.hmskg.extract.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.extract.Facts.DateFact;
import org.hmskg.extract.NormText;
import org.hmskg.extract.statement.Rules.Found;
import org.hmskg.extract.statement.Rules.Marker;

/**
 * The role of each time expression in a statement, read from the words right after it
 * ({@code reference/time-notes.tsv}, then {@code reference/time-markers.tsv}) and from the statement's kind.
 *
 * <ul>
 * <li>Note words come first and are kept as the note: {@code 2022年度後半から} → start, note 後半;
 * {@code 2022年度の早期に} reads the note after の.</li>
 * <li>A target marker a few characters on still makes a due time: {@code 2022年度末完了を目途に}.</li>
 * <li>A limit (までに, 中に) is due in a commitment and when it happened in an achievement; a bare time
 * (に, は, 、) likewise. Both follow the tense of their own clause instead when a connective after them
 * closes a clause that reports or plans ({@code reference/time-clauses.tsv}: 2021年度は…採択しており、…支援していく
 * → when it happened).</li>
 * <li>A time joined to a noun by の alone ({@code 2021年度の参加者}) and a time followed straight by a word
 * ({@code 2021年度健康経営度調査}) are no times of the statement; a marker before の keeps its role
 * ({@code 2024年度以降の制度について検討する}: start).</li>
 * </ul>
 */
final class TimeRoles {
    /** How far past the time (after its notes) a target marker may stand: 完了を目途に. */
    private static final int GAP = 8;
    private static final String PUNCTUATION = "、。,.()「」『』【】〔〕[]・";
    /**
     * A past verb in the attributive form, the noun it qualifies right after it: 創設した事業, 施行された法律. Not
     * before 上, 後, 際, 場合, 時: 見直した上で… and 終了した後に… order steps that may all lie ahead.
     */
    private static final Pattern ATTRIBUTIVE_PAST = Pattern.compile(
            "た(?![上後際場時])(?=[\\p{IsHan}\\p{IsKatakana}「『A-Za-z0-9(（])");
    /** A non-past verb qualifying a noun (開催される万博, 実施する調査): a time before it may be that verb's. */
    private static final Pattern ATTRIBUTIVE_NON_PAST = Pattern.compile("[るう](?=[\\p{IsHan}\\p{IsKatakana}])");
    /** A time that is the topic of the main clause (2026年度は, 2026年度には): never inside a relative clause. */
    private static final Pattern TOPIC = Pattern.compile("^(?:に|で|において)?は");

    private TimeRoles() {
    }

    static List<TimeFact> find(int[] cps, Sentences.Sentence s, List<DateFact> dates, StatementKind kind,
                               Rules rules) {
        List<TimeFact> times = new ArrayList<>();
        for (DateFact d : dates) {
            String after = NormText.key(new String(cps, d.span().end(), s.end() - d.span().end()));
            read(after, clauseKind(after, kind, rules), rules).ifPresent(r -> times.add(
                    new TimeFact(d.span(), d.value(), d.fiscalYear(), r.role(), r.note())));
        }
        return times;
    }

    record Reading(TimeRole role, Optional<String> note) {
    }

    /** The role given by the normalised text right after a time, if it is a time of the statement. */
    static Optional<Reading> read(String after, StatementKind kind, Rules rules) {
        StringBuilder note = new StringBuilder();
        int pos = notes(after, 0, note, rules);
        Optional<Found<Marker>> marker = rules.markers.at(after, pos);
        if (marker.isPresent() && marker.get().word().equals("の")) {
            int next = notes(after, pos + 1, note, rules);
            if (next > pos + 1) {
                pos = next;
                marker = rules.markers.at(after, pos);
            }
        }
        if (marker.isEmpty()) {
            marker = target(after, pos, rules);
        }
        Marker m;
        if (marker.isPresent()) {
            m = marker.get().value();
        } else if (pos == after.length() || PUNCTUATION.indexOf(after.charAt(pos)) >= 0) {
            m = Marker.BARE;
        } else {
            return Optional.empty();
        }
        Optional<String> n = note.isEmpty() ? Optional.empty() : Optional.of(note.toString());
        return role(m, kind).map(r -> new Reading(r, n));
    }

    /**
     * The kind a plain time follows: that of its own clause when a connective after it says, else the sentence's. A
     * verb in the attributive past closes a relative clause that reports when the phrase it qualifies is a topic or
     * a basis set before the main clause ({@code 2024年度に創設した事業について、…拡充する}, {@code …に施行された
     * 法律に基づき、}, time-relative-heads.tsv): the time is when that happened. Where the phrase goes on to the
     * predicate ({@code 2025年度にAIを活用した診断支援を開始する}), the time may be the later action's and keeps the
     * sentence's kind.
     */
    static StatementKind clauseKind(String after, StatementKind kind, Rules rules) {
        Found<Rules.Clause> first = null;
        int firstAt = Integer.MAX_VALUE;
        for (Found<Rules.Clause> c : rules.clauses) {
            int at = after.indexOf(c.word());
            if (at >= 0 && (at < firstAt || at == firstAt && c.length() > first.length())) {
                first = c;
                firstAt = at;
            }
        }
        if (pastRelativeClause(after, rules, firstAt)) {
            return StatementKind.ACHIEVEMENT;
        }
        if (first == null) {
            return kind;
        }
        return first.value() == Rules.Clause.PLAN ? StatementKind.COMMITMENT : StatementKind.ACHIEVEMENT;
    }

    /**
     * Whether the phrase up to the first comma outside brackets is a noun qualified by a past clause and set before
     * the main clause: a past verb in the attributive form (not one of time-relative-forward.tsv, and no non-past one
     * before it), the phrase ending as time-relative-heads.tsv lists, and the time no topic (2026年度は…).
     */
    private static boolean pastRelativeClause(String after, Rules rules, int before) {
        if (TOPIC.matcher(after).find()) {
            return false;
        }
        int[] cps = after.codePoints().toArray();
        boolean[] inside = Brackets.inside(cps.length, Brackets.pairs(cps));
        int comma = -1;
        for (int i = 0; i < cps.length && comma < 0; i++) {
            if (inside[i]) {
                continue;
            }
            if (cps[i] == '。') {
                return false;
            }
            if (cps[i] == '、' || cps[i] == ',') {
                comma = i;
            }
        }
        if (comma < 0) {
            return false;
        }
        String phrase = new String(cps, 0, comma + 1);
        if (phrase.length() - 1 > before) {
            return false;
        }
        if (rules.relativeHeads.stream().noneMatch(phrase::endsWith)) {
            return false;
        }
        Matcher past = ATTRIBUTIVE_PAST.matcher(phrase);
        while (past.find()) {
            String upTo = phrase.substring(0, past.end());
            if (rules.relativeForward.stream().noneMatch(upTo::endsWith)) {
                Matcher nonPast = ATTRIBUTIVE_NON_PAST.matcher(phrase).region(0, past.start());
                return !nonPast.find();
            }
        }
        return false;
    }

    private static int notes(String after, int from, StringBuilder note, Rules rules) {
        int pos = from;
        for (Optional<Found<String>> f = rules.notes.at(after, pos); f.isPresent(); f = rules.notes.at(after, pos)) {
            note.append(f.get().value());
            pos += f.get().length();
        }
        return pos;
    }

    /** A target or limit marker (を目途に, までに) a few characters on, within the same phrase. */
    private static Optional<Found<Marker>> target(String after, int pos, Rules rules) {
        for (int i = pos + 1; i < Math.min(after.length(), pos + 1 + GAP); i++) {
            char c = after.charAt(i - 1);
            if (PUNCTUATION.indexOf(c) >= 0 || Character.isDigit(c)) {
                break;
            }
            Optional<Found<Marker>> m = rules.markers.at(after, i);
            if (m.isPresent() && (m.get().value() == Marker.DUE || m.get().value() == Marker.BY)
                    && (m.get().word().startsWith("を") || m.get().word().startsWith("まで"))) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static Optional<TimeRole> role(Marker m, StatementKind kind) {
        return switch (m) {
            case DUE -> Optional.of(TimeRole.DUE);
            case BY, BARE -> Optional.of(kind == StatementKind.COMMITMENT ? TimeRole.DUE : TimeRole.OCCURRENCE);
            case START -> Optional.of(TimeRole.START);
            case AS_OF -> Optional.of(TimeRole.AS_OF);
            case NONE -> Optional.empty();
        };
    }
}
