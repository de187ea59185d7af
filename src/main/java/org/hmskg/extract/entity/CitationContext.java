package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.extract.BodyRef;
import org.hmskg.extract.DateScanner;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.ReferenceData;
import org.hmskg.parse.DateValue;

/**
 * The date and deciding body of a cited document read from the sentence around it, after the names are chosen.
 * Every statement below that the sentence makes is a date of the document, and the latest of them (with the
 * brackets' dates) is its date, as precise as stated:
 * <ul>
 * <li>before the title: {@code 2020年12月に改訂した「…」}, {@code 2021年6月に閣議決定された「…」}, and the body
 * before the date: {@code …会議（…）において2016年4月5日に決定された「…」};</li>
 * <li>the title as object: {@code 「…」を2021年4月に策定}, {@code …戦略（DASH for SaMD）を策定し2020年11月に公表},
 * {@code 2022年5月に…戦略を…本部において決定}, {@code 2021年6月の…本部において、…工程表を決定},
 * {@code 2023年6月に「…」を閣議決定},
 * {@code 2021年6月に…協議会を開催し、「…」をとりまとめ};</li>
 * <li>the title as subject: {@code …法律が2022年5月に成立し};</li>
 * <li>a revision: {@code 「…」について、2022年3月付で第5.2版に改定した};</li>
 * <li>a dated bracket on a part of it: {@code 「…ガイドブック」の…考え方（2020年12月改訂）}.</li>
 * </ul>
 * Only calendar dates count (a fiscal year dates no document) and nothing beyond the sentence. A decision the
 * sentence states by the Cabinet or a 本部 makes the document a decision of that kind, as its bracket would.
 */
final class CitationContext {
    private static final String NAME_CHARS = "[\\p{IsHan}\\p{InKatakana}A-Za-z0-9・&々-]";

    private final Names names;
    private final ReferenceData ref;
    private final Pattern beforeGap;
    private final Pattern objectTail;
    private final Pattern afterDate;
    private final Pattern subjectTail;
    private final Pattern revisionTail;
    private final Pattern topic;
    private final Pattern agentAtEnd;
    private final Pattern verbNext;
    private final Pattern verbEndsClause;
    private final Pattern agentOrMeeting;

    CitationContext(Names names, ReferenceData ref) {
        this.names = names;
        this.ref = ref;
        EntityWords w = names.words();
        String verb = longestFirst(w.dateCues("verb"));
        String inflection = longestFirst(w.dateCues("inflection"));
        String agent = longestFirst(w.dateCues("agent"));
        String meeting = longestFirst(w.dateCues("meeting"));
        String glue = longestFirst(w.dateCues("date-glue"));
        String cabinet = longestFirst(w.cabinetWords());
        // between a date and the title: [に|の] [body [agent]] verb inflection
        this.beforeGap = Pattern.compile("(?:に|の)?(?<body>" + NAME_CHARS + "{2,30}?(?:" + agent + ")?)??(?<verb>"
                + verb + ")(?:" + inflection + ")");
        // after 「…」を: [body agent | the Cabinet] verb, then an inflection or the end of a clause
        this.objectTail = Pattern.compile("を(?:(?<body>" + NAME_CHARS + "{2,40}?)(?:" + agent + ")|(?<cabinet>"
                + cabinet + "))?(?<verb>" + verb + ")(?:" + inflection + "|[、。]|$)");
        // after 「…」を [verb し]: a date, then [に|で] verb
        this.afterDate = Pattern.compile("を(?:(?:" + verb + ")(?:して|し)、?)?");
        this.subjectTail = Pattern.compile("(?:が|は)");
        this.revisionTail = Pattern.compile("(?:" + glue + ")?[^、。「」()]{0,12}?(?:" + verb + ")(?:" + inflection
                + ")");
        this.topic = Pattern.compile("(?:" + longestFirst(w.dateCues("topic")) + ")、?");
        this.agentAtEnd = Pattern.compile("(?:" + agent + ")$");
        this.verbNext = Pattern.compile("(?:に|で)?(?<cabinet>" + cabinet + ")?(?<verb>" + verb + ")");
        this.verbEndsClause = Pattern.compile("に?(?:" + verb + ")(?:" + inflection + "|[、。]|$)");
        this.agentOrMeeting = Pattern.compile("(?:" + agent + "|" + meeting + ")、?");
    }

    private static String longestFirst(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return Names.alternatives(sorted);
    }

    /** {@code 2021年1月29日に改定した「…」}: the date just before {@code at}, if a verb ties it to what follows. */
    Optional<DateValue> dateBefore(String n, int at) {
        return before(n, at, List.of()).map(Stated::date);
    }

    /** {@code 「…」を2021年4月に策定}: the date just after the title ending at {@code end}. */
    Optional<DateValue> dateAfter(String n, int end) {
        return after(n, end);
    }

    /**
     * A date the sentence states for the document, the body it names as deciding it, if any, and the decision
     * class that gives the document ({@code 閣議決定された} → CABINET_DECISION).
     */
    private record Stated(DateValue date, Optional<Body> body, Optional<EntityClass> cls) {
        Stated(DateValue date, Optional<Body> body) {
            this(date, body, Optional.empty());
        }
    }

    /** The date, the body and the class its decision by that body with {@code verb} gives. */
    private Stated stated(String n, DateValue date, Optional<Body> body, String verb) {
        Optional<EntityClass> cls = body.flatMap(b -> Decision.decisionClass(n.substring(b.start(), b.end()),
                Decision.isBinding(verb, names.words()), names.words()));
        return new Stated(date, body, cls);
    }

    /**
     * Dates every accepted citation by its sentence and names its deciding body where the sentence does; bodies
     * the sentence names that no candidate covers yet become mentions ({@code added}).
     */
    void apply(Scan scan, List<Candidate> accepted, List<Candidate> added) {
        String n = scan.norm;
        boolean[] taken = new boolean[n.length()];
        for (Candidate c : accepted) {
            Scan.mark(taken, c.start(), c.end());
        }
        boolean[] named = taken.clone();
        for (Candidate c : accepted) {
            if (c.spec() == null || !c.spec().cls.isCitation()) {
                continue;
            }
            int start = c.start() > 0 && isOpenQuote(n.charAt(c.start() - 1)) ? c.start() - 1 : c.start();
            int end = trailing(n, c.end());
            int sentenceStart = n.lastIndexOf('。', start - 1) + 1;
            int sentenceEnd = sentenceEnd(n, end);
            List<Stated> found = new ArrayList<>();
            before(n, start, accepted).ifPresent(found::add);
            afterStated(n, end).ifPresent(found::add);
            asObject(n, start, end, sentenceStart, accepted, named).ifPresent(found::add);
            asSubject(n, end, sentenceEnd).ifPresent(d -> found.add(new Stated(d, Optional.empty())));
            revised(n, end, sentenceEnd).ifPresent(d -> found.add(new Stated(d, Optional.empty())));
            partDated(scan, n, end, accepted).ifPresent(d -> found.add(new Stated(d, Optional.empty())));
            for (Stated s : found) {
                c.spec().dateAtLeast(Optional.of(s.date()));
                if (c.spec().decided.isEmpty()) {
                    c.spec().decided = s.cls();
                }
                if (s.body().isPresent()) {
                    Body b = s.body().get();
                    if (c.spec().body.isEmpty()) {
                        c.spec().body = b.ref();
                    }
                    if (!Scan.any(taken, b.start(), b.end())) {
                        Scan.mark(taken, b.start(), b.end());
                        added.add(b.candidate());
                    }
                }
            }
        }
    }

    private static boolean isOpenQuote(char c) {
        return c == '「' || c == '『';
    }

    /** Past the title's closing quote and the brackets right after it (a decision, an abbreviation). */
    private static int trailing(String n, int end) {
        int i = end;
        while (i < n.length()) {
            char c = n.charAt(i);
            if (c == '」' || c == '』') {
                i++;
            } else if (c == '(') {
                int k = Names.matchingClose(n, i);
                if (k < 0 || k - i > 60 || n.substring(i, k).indexOf('。') >= 0) {
                    break;
                }
                i = k + 1;
            } else {
                break;
            }
        }
        return i;
    }

    /** Calendar dates of {@code [from, to)} (a fiscal year dates no document). */
    private static List<DateScanner.Hit> dates(String n, int from, int to) {
        if (from >= to) {
            return List.of();
        }
        return DateScanner.scan(n, from, to).hits().stream().filter(h -> !h.fiscal()).toList();
    }

    /** Calendar dates of {@code [from, to)} outside every name. */
    private static List<DateScanner.Hit> datesOutside(String n, int from, int to, boolean[] names) {
        return dates(n, from, to).stream().filter(h -> !Scan.any(names, h.start(), h.end())).toList();
    }

    private Optional<Stated> before(String n, int at, List<Candidate> accepted) {
        int from = Math.max(n.lastIndexOf('。', at - 1) + 1, at - 48);
        for (DateScanner.Hit h : dates(n, from, at).reversed()) {
            Matcher m = beforeGap.matcher(n).region(h.end(), at);
            if (!m.matches()) {
                continue;
            }
            Optional<Body> body = Optional.empty();
            if (m.group("body") != null) {
                int bEnd = m.end("body");
                String text = agentAtEnd.matcher(n.substring(m.start("body"), bEnd)).replaceFirst("");
                body = Body.at(n, m.start("body"), m.start("body") + text.length(), text, ref, names);
                if (body.isEmpty()) {
                    continue;
                }
            } else {
                body = agentBefore(n, h.start(), accepted);
            }
            return Optional.of(stated(n, h.value(), body, m.group("verb")));
        }
        return Optional.empty();
    }

    /** {@code …会議（…）において 2016年4月5日に}: the body named as agent right before {@code at}. */
    private Optional<Body> agentBefore(String n, int at, List<Candidate> accepted) {
        Matcher m = agentAtEnd.matcher(n).region(Math.max(0, at - 6), at);
        if (!m.find()) {
            return Optional.empty();
        }
        int end = m.start();
        if (end > 0 && n.charAt(end - 1) == ')') {
            end = Math.max(0, Names.matchingOpen(n, end - 1, 0));
        }
        return bodyEndingAt(end, accepted);
    }

    /** An accepted council or ministry ending at {@code end}, as a body. */
    private static Optional<Body> bodyEndingAt(int end, List<Candidate> accepted) {
        for (Candidate c : accepted) {
            if (c.end() == end) {
                return asBody(c);
            }
        }
        return Optional.empty();
    }

    private static Optional<Body> asBody(Candidate c) {
        if (c.ministry() != null) {
            return Optional.of(new Body(c.start(), c.end(), Optional.of(new BodyRef(BodyRef.Kind.MINISTRY,
                    c.ministry().key())), null, c.ministry()));
        }
        if (c.spec() != null && c.spec().cls == EntityClass.COUNCIL) {
            return Optional.of(new Body(c.start(), c.end(), Optional.of(new BodyRef(BodyRef.Kind.INITIATIVE,
                    c.spec().key())), c.spec(), null));
        }
        return Optional.empty();
    }

    private Optional<DateValue> after(String n, int end) {
        return afterStated(n, end).map(Stated::date);
    }

    /** {@code 「…」を2021年4月に策定}, {@code …計画を2023年3月に閣議決定}: the date after the title, and the Cabinet. */
    private Optional<Stated> afterStated(String n, int end) {
        int to = sentenceEnd(n, end);
        Matcher m = afterDate.matcher(n).region(end, to);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        for (DateScanner.Hit h : dates(n, m.end(), to)) {
            if (h.start() != m.end()) {
                continue;
            }
            Matcher v = verbNext.matcher(n).region(h.end(), to);
            if (v.lookingAt()) {
                Optional<Body> body = v.group("cabinet") == null ? Optional.empty()
                        : Body.at(n, v.start("cabinet"), v.end("cabinet"), v.group("cabinet"), ref, names);
                return Optional.of(stated(n, h.value(), body, v.group("verb")));
            }
        }
        return Optional.empty();
    }

    private static int sentenceEnd(String n, int from) {
        int end = n.indexOf('。', from);
        return end < 0 ? n.length() : end;
    }

    /** The date standing right after {@code cue} at {@code from}, when {@code tail} follows it: 「…」を 2021年4月に策定. */
    private static Optional<DateValue> dateBetween(String n, int from, int to, Pattern cue, Pattern tail) {
        Matcher m = cue.matcher(n).region(from, to);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        for (DateScanner.Hit h : dates(n, m.end(), to)) {
            if (h.start() == m.end() && tail.matcher(n).region(h.end(), to).lookingAt()) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The title as object of a drafting verb ({@code 「…」をとりまとめ}, {@code …を…本部において決定}) and the last date
     * of its clause before it, when only a body (with its agent or meeting words) stands between them.
     */
    private Optional<Stated> asObject(String n, int start, int end, int sentenceStart, List<Candidate> accepted,
                                      boolean[] named) {
        Matcher tail = objectTail.matcher(n).region(end, n.length());
        if (!tail.lookingAt()) {
            return Optional.empty();
        }
        Optional<Body> body = Optional.empty();
        if (tail.group("body") != null) {
            body = candidateAt(tail.start("body"), tail.end("body"), accepted).flatMap(CitationContext::asBody);
            if (body.isEmpty()) {
                return Optional.empty();
            }
        } else if (tail.group("cabinet") != null) {
            body = Body.at(n, tail.start("cabinet"), tail.end("cabinet"), tail.group("cabinet"), ref, names);
        }
        int from = sentenceStart;
        for (Candidate c : accepted) {
            if (c.end() <= start && c.spec() != null && c.spec().cls.isCitation()) {
                from = Math.max(from, c.end());
            }
        }
        List<DateScanner.Hit> hits = datesOutside(n, from, start, named);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        DateScanner.Hit h = hits.get(hits.size() - 1);
        int i = h.end();
        if (i < start && (n.charAt(i) == 'に' || n.charAt(i) == 'の')) {
            i++;
        }
        if (i < start && n.charAt(i) != '、') {
            Optional<Candidate> between = candidateFrom(i, start, accepted);
            if (between.isEmpty() || asBody(between.get()).isEmpty()) {
                return Optional.empty();
            }
            Matcher glue = agentOrMeeting.matcher(n).region(between.get().end(), start);
            if (!glue.matches()) {
                return Optional.empty();
            }
            body = body.or(() -> asBody(between.get()));
        } else if (i < start && !n.substring(i, start).equals("、")) {
            return Optional.empty();
        }
        return Optional.of(stated(n, h.value(), body, tail.group("verb")));
    }

    private static Optional<Candidate> candidateAt(int start, int end, List<Candidate> accepted) {
        return accepted.stream().filter(c -> c.start() == start && c.end() == end).findFirst();
    }

    private static Optional<Candidate> candidateFrom(int start, int limit, List<Candidate> accepted) {
        return accepted.stream().filter(c -> c.start() == start && c.end() < limit).findFirst();
    }

    /** {@code …法律が2022年5月に成立し}. */
    private Optional<DateValue> asSubject(String n, int end, int sentenceEnd) {
        return dateBetween(n, end, sentenceEnd, subjectTail, verbEndsClause);
    }

    /** {@code 「…」について、2022年3月付で第5.2版に改定した}: the latest revision. */
    private Optional<DateValue> revised(String n, int end, int sentenceEnd) {
        return dateBetween(n, end, sentenceEnd, topic, revisionTail);
    }

    /** {@code 「…ガイドブック」の…考え方（2020年12月改訂）}: a dated bracket on a part of the document. */
    private Optional<DateValue> partDated(Scan scan, String n, int end, List<Candidate> accepted) {
        if (end >= n.length() || n.charAt(end) != 'の') {
            return Optional.empty();
        }
        for (int i = end + 1; i < n.length() && i - end <= 41; i++) {
            char c = n.charAt(i);
            if ("、。「」『』)".indexOf(c) >= 0) {
                return Optional.empty();
            }
            if (c == '(') {
                int open = i;
                if (accepted.stream().anyMatch(a -> a.end() == open && a.spec() != null)) {
                    return Optional.empty();
                }
                int k = Names.matchingClose(n, i);
                if (k < 0) {
                    return Optional.empty();
                }
                return Decision.parse(n, i + 1, k, scan.ref, names).map(Decision::date);
            }
        }
        return Optional.empty();
    }
}
