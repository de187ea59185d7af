package org.hmskg.extract;

import java.util.List;
import java.util.Optional;

import org.hmskg.parse.DateValue;
import org.hmskg.vocab.Iris;

/**
 * A bracket that dates a document and may name who decided it: {@code （2021年6月1日閣議決定）},
 * {@code （2019年4月12日策定）}, {@code （2021年11月19日（2022年5月23日変更）新型コロナウイルス感染症対策本部決定）}.
 * The date is the last one the bracket states (the latest revision); the body is what stands between the dates
 * and the verb.
 *
 * @param cls     CABINET_DECISION for 閣議決定, HEADQUARTERS_DECISION for a 本部 decision, else empty
 * @param binding true when the verb is a decision (決定, 了解), not only 策定/改定/公表
 */
public record Decision(DateValue date, Optional<BodyRef> body, Optional<EntityClass> cls, boolean binding) {
    private static final List<String> VERBS = List.of("口頭了解", "了解", "決定", "策定", "改定", "改訂", "変更", "公表",
            "作成", "発出", "取りまとめ", "とりまとめ");

    /** The decision stated by the normalised chars {@code [from, to)} (a bracket's content), if they state one. */
    static Optional<Decision> parse(String norm, int from, int to, ReferenceData ref) {
        List<DateScanner.Hit> dates = DateScanner.scan(norm, from, to).hits().stream()
                .filter(h -> !h.fiscal()).toList();
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        String remainder = remainder(norm, from, to, dates);
        for (String verb : VERBS) {
            if (remainder.endsWith(verb)) {
                String body = remainder.substring(0, remainder.length() - verb.length());
                body = body.replaceAll("^[にで、,]+|[にで、,]+$", "");
                boolean binding = verb.equals("決定") || verb.endsWith("了解");
                Optional<EntityClass> cls = Optional.empty();
                if (binding && body.contains("閣議")) {
                    cls = Optional.of(EntityClass.CABINET_DECISION);
                } else if (binding && body.endsWith("本部")) {
                    cls = Optional.of(EntityClass.HEADQUARTERS_DECISION);
                }
                DateValue date = dates.get(dates.size() - 1).value();
                return Optional.of(new Decision(date, body(body, ref), cls, binding));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a bracket's content, written as in the text, dates a document the way {@link #parse} reads it
     * ({@code 2021年6月1日閣議決定}, {@code 2019年4月12日策定}, {@code 2020年12月改訂}): its dates are that
     * document's, not the surrounding sentence's.
     */
    public static boolean datesDocument(String bracketContent) {
        String norm = NormText.key(bracketContent);
        List<DateScanner.Hit> dates = DateScanner.scan(norm, 0, norm.length()).hits().stream()
                .filter(h -> !h.fiscal()).toList();
        if (dates.isEmpty()) {
            return false;
        }
        String remainder = remainder(norm, 0, norm.length(), dates);
        return VERBS.stream().anyMatch(remainder::endsWith);
    }

    /** The characters of {@code [from, to)} outside the dates and outside nested brackets. */
    private static String remainder(String norm, int from, int to, List<DateScanner.Hit> dates) {
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
                rest.append(c);
            }
        }
        return rest.toString();
    }

    /** The deciding body: a curated council (閣議 → the Cabinet), a ministry, or an uncurated body by name. */
    private static Optional<BodyRef> body(String body, ReferenceData ref) {
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String name = body.contains("閣議") ? "閣議" : body;
        Optional<KnownEntity> known = ref.byLabel(name);
        if (known.isPresent()) {
            return Optional.of(new BodyRef(BodyRef.Kind.INITIATIVE, known.get().key()));
        }
        Optional<Ministry> ministry = ref.ministryByName(name);
        if (ministry.isPresent()) {
            return Optional.of(new BodyRef(BodyRef.Kind.MINISTRY, ministry.get().key()));
        }
        return Optional.of(new BodyRef(BodyRef.Kind.INITIATIVE, Iris.hashKey(name)));
    }
}
