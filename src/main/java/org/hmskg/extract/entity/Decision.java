package org.hmskg.extract.entity;

import java.util.List;
import java.util.Optional;

import org.hmskg.extract.BodyRef;
import org.hmskg.extract.DateScanner;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.Ministry;
import org.hmskg.extract.ReferenceData;
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
record Decision(DateValue date, Optional<BodyRef> body, Optional<EntityClass> cls, boolean binding) {
    /** The decision stated by the normalised chars {@code [from, to)} (a bracket's content), if they state one. */
    static Optional<Decision> parse(String norm, int from, int to, ReferenceData ref, EntityWords words) {
        List<DateScanner.Hit> dates = DateScanner.scan(norm, from, to).hits().stream()
                .filter(h -> !h.fiscal()).toList();
        if (dates.isEmpty()) {
            return Optional.empty();
        }
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
        String remainder = rest.toString();
        for (EntityWords.DecisionVerb verb : words.decisionVerbs()) {
            if (remainder.endsWith(verb.verb())) {
                String body = remainder.substring(0, remainder.length() - verb.verb().length());
                body = body.replaceAll("^[にで、,]+|[にで、,]+$", "");
                boolean binding = verb.binding();
                Optional<EntityClass> cls = Optional.empty();
                String cabinet = cabinetWord(body, words);
                if (binding && cabinet != null) {
                    cls = Optional.of(EntityClass.CABINET_DECISION);
                } else if (binding && words.headquartersWords().stream().anyMatch(body::endsWith)) {
                    cls = Optional.of(EntityClass.HEADQUARTERS_DECISION);
                }
                DateValue date = dates.get(dates.size() - 1).value();
                return Optional.of(new Decision(date, body(body, cabinet, ref), cls, binding));
            }
        }
        return Optional.empty();
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

    /** The deciding body: a curated council (閣議 → the Cabinet), a ministry, or an uncurated body by name. */
    private static Optional<BodyRef> body(String body, String cabinet, ReferenceData ref) {
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String name = cabinet != null ? cabinet : body;
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
