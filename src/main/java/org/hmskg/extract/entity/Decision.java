package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hmskg.extract.DateOrder;
import org.hmskg.extract.DateScanner;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.NormText;
import org.hmskg.extract.ReferenceData;
import org.hmskg.parse.DateValue;

/**
 * A bracket that dates a document and may name who decided it: {@code （2021年6月1日閣議決定）},
 * {@code （2019年4月12日策定）}, {@code （2021年11月19日（2022年5月23日変更）新型コロナウイルス感染症対策本部決定）}.
 * The date is the last one the bracket states (the latest revision); the body is what stands between the dates
 * and the verb, when it is one ({@link Body}). A bracket of several clauses, each a date and a verb
 * ({@code （2016年7月29日…本部決定、2018年7月25日改定）}), is dated by the latest of them and decided by the clause
 * that decides.
 *
 * @param body    the deciding body and where the bracket names it
 * @param cls     CABINET_DECISION for 閣議決定, HEADQUARTERS_DECISION for a 本部 decision, else empty
 * @param binding true when the verb is a decision (決定, 了解), not only 策定/改定/公表
 */
record Decision(DateValue date, Optional<Body> body, Optional<EntityClass> cls, boolean binding) {
    /** The decision stated by the normalised chars {@code [from, to)} (a bracket's content), if they state one. */
    static Optional<Decision> parse(String norm, int from, int to, ReferenceData ref, Names names) {
        List<int[]> clauses = clauses(norm, from, to);
        if (clauses.size() > 1) {
            List<Decision> parsed = new ArrayList<>();
            for (int[] c : clauses) {
                Optional<Decision> d = clause(norm, c[0], c[1], ref, names);
                if (d.isEmpty()) {
                    return clause(norm, from, to, ref, names);
                }
                parsed.add(d.get());
            }
            return Optional.of(combined(parsed));
        }
        return clause(norm, from, to, ref, names);
    }

    /** {@code [from, to)} cut at its top-level commas, as {start, end} pairs. */
    private static List<int[]> clauses(String norm, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = norm.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (c == '、' || c == ',')) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, to});
        return out;
    }

    /** The latest date of the clauses; body, class and binding of the first clause that decides, else the first. */
    private static Decision combined(List<Decision> clauses) {
        Decision decides = clauses.stream().filter(Decision::binding).findFirst().orElse(clauses.get(0));
        DateValue latest = clauses.get(0).date();
        for (Decision d : clauses) {
            if (DateOrder.later(d.date(), latest)) {
                latest = d.date();
            }
        }
        return new Decision(latest, decides.body(), decides.cls(), decides.binding());
    }

    private static Optional<Decision> clause(String norm, int from, int to, ReferenceData ref, Names names) {
        EntityWords words = names.words();
        List<DateScanner.Hit> dates = DateScanner.scan(norm, from, to).hits().stream()
                .filter(h -> !h.fiscal()).toList();
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        // the bracket without its dates and inner brackets, and where each remaining char stands
        int[] at = new int[to - from];
        String remainder = remainder(norm, from, to, dates, at);
        for (EntityWords.DecisionVerb verb : words.decisionVerbs()) {
            if (remainder.endsWith(verb.verb())) {
                int b0 = 0;
                int b1 = remainder.length() - verb.verb().length();
                while (b0 < b1 && "にで、,".indexOf(remainder.charAt(b0)) >= 0) {
                    b0++;
                }
                while (b1 > b0 && "にで、,".indexOf(remainder.charAt(b1 - 1)) >= 0) {
                    b1--;
                }
                String body = remainder.substring(b0, b1);
                boolean binding = verb.binding();
                String cabinet = cabinetWord(body, words);
                Optional<EntityClass> cls = decisionClass(body, binding, words);
                Optional<Body> found = Optional.empty();
                if (cabinet != null) {
                    int k = body.indexOf(cabinet);
                    found = Body.at(norm, at[b0 + k], at[b0 + k + cabinet.length() - 1] + 1, cabinet, ref, names);
                } else if (b1 > b0 && at[b1 - 1] - at[b0] == b1 - b0 - 1) {
                    found = Body.at(norm, at[b0], at[b1 - 1] + 1, body, ref, names);
                }
                DateValue date = dates.get(dates.size() - 1).value();
                return Optional.of(new Decision(date, found, cls, binding));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a bracket's content, written as in the text, dates a document the way {@link #parse} reads it
     * ({@code 2021年6月1日閣議決定}, {@code 2019年4月12日策定}, {@code 2020年12月改訂}): its dates are that
     * document's, not the surrounding sentence's.
     */
    static boolean datesDocument(String bracketContent, EntityWords words) {
        String norm = NormText.key(bracketContent);
        List<DateScanner.Hit> dates = DateScanner.scan(norm, 0, norm.length()).hits().stream()
                .filter(h -> !h.fiscal()).toList();
        if (dates.isEmpty()) {
            return false;
        }
        String remainder = remainder(norm, 0, norm.length(), dates, new int[norm.length()]);
        return words.decisionVerbs().stream().anyMatch(v -> remainder.endsWith(v.verb()));
    }

    /** The chars of {@code [from, to)} outside the dates and outside nested brackets; {@code at} gets their places. */
    private static String remainder(String norm, int from, int to, List<DateScanner.Hit> dates, int[] at) {
        StringBuilder rest = new StringBuilder();
        int depth = 0;
        int next = 0;
        for (int i = from; i < to; i++) {
            while (next < dates.size() && dates.get(next).end() <= i) {
                next++;
            }
            if (next < dates.size() && dates.get(next).start() <= i) {
                continue;
            }
            char c = norm.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                at[rest.length()] = i;
                rest.append(c);
            }
        }
        return rest.toString();
    }

    /**
     * What a decision by {@code body} makes a document: CABINET_DECISION when the Cabinet decided (閣議),
     * HEADQUARTERS_DECISION when a 本部 did; empty when the verb does not decide or the body is another.
     */
    static Optional<EntityClass> decisionClass(String body, boolean binding, EntityWords words) {
        if (!binding) {
            return Optional.empty();
        }
        if (cabinetWord(body, words) != null) {
            return Optional.of(EntityClass.CABINET_DECISION);
        }
        if (words.headquartersWords().stream().anyMatch(body::endsWith)) {
            return Optional.of(EntityClass.HEADQUARTERS_DECISION);
        }
        return Optional.empty();
    }

    /** True when {@code verb} decides (決定, 了解 of decision-words.tsv), not only drafts or revises. */
    static boolean isBinding(String verb, EntityWords words) {
        return words.decisionVerbs().stream().anyMatch(v -> v.binding() && verb.endsWith(v.verb()));
    }

    /** The word of decision-words.tsv naming the Cabinet that {@code body} holds (閣議), or null. */
    private static String cabinetWord(String body, EntityWords words) {
        for (String w : words.cabinetWords()) {
            if (body.contains(w)) {
                return w;
            }
        }
        return null;
    }
}
