package org.hmskg.extract.entity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hmskg.extract.BodyRef;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.KnownEntity;
import org.hmskg.parse.DateValue;

/**
 * Titles in 「…」 and 『…』: a curated title, or a document or programme whose kind its last word tells, dated and
 * decided by a bracket inside or right after the quote ({@code 「…戦略（2021年6月1日閣議決定）」}) or by the verb
 * around it ({@code 2021年1月29日に改定した「…」}, {@code 「…」を2021年4月に策定}). A quote followed by
 * {@code という} defines a short name instead, and a quoted sentence (ending in 。) is no title.
 */
final class QuotedTitles implements Rule {
    private static final Pattern TRAILING_YEAR = Pattern.compile("(.+?)(?:19|20|21)[0-9]{2}");
    private static final Pattern LEADING_YEAR = Pattern.compile("(?:19|20|21)[0-9]{2}年度?(.+)");
    /** Edition years and version marks at the end of a title. */
    private static final Pattern VERSION = Pattern.compile(
            "(.+?)(?:ver\\.?[0-9.]+|Ver\\.?[0-9.]+|第[0-9]+版|改訂版|(?:19|20|21)[0-9]{2}(?:年度?版?)?)");

    private final Names names;
    private final EntityWords words;
    private final String defines;
    private final CitationContext context;
    private final LawNumbers lawNumbers;

    QuotedTitles(Names names, CitationContext context, LawNumbers lawNumbers) {
        this.names = names;
        this.words = names.words();
        this.defines = words.words("defines").get(0);
        this.context = context;
        this.lawNumbers = lawNumbers;
    }

    @Override
    public void propose(Scan scan) {
        for (int[] q : topLevelQuotes(scan.norm)) {
            Scan.mark(scan.quoted, q[0], q[1] + 1);
            quote(scan, q[0], q[1]);
        }
    }

    /** Outermost 「…」 and 『…』 pairs as {open, close} indexes; unbalanced marks are ignored. */
    static List<int[]> topLevelQuotes(String n) {
        List<int[]> quotes = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '「' || c == '『') {
                open.push(i);
            } else if ((c == '」' || c == '』') && !open.isEmpty()) {
                int o = open.pop();
                if (open.isEmpty()) {
                    quotes.add(new int[] {o, i});
                }
            }
        }
        return quotes;
    }

    private void quote(Scan scan, int open, int close) {
        String n = scan.norm;
        int a = open + 1;
        int titleEnd = close;
        Optional<Decision> decision = Optional.empty();
        String alias = null;
        Optional<String> lawNumber = Optional.empty();
        if (close - 1 > a && n.charAt(close - 1) == ')') {
            int k = Names.matchingOpen(n, close - 1, a);
            if (k > a) {
                decision = Decision.parse(n, k + 1, close - 1, scan.ref, names);
                lawNumber = lawNumbers.bracket(n, k);
                if (decision.isPresent()) {
                    Scan.mark(scan.blocked, k, close);
                    titleEnd = k;
                } else if (lawNumber.isPresent()) {
                    titleEnd = k;
                } else if (names.isEdition(n.substring(k + 1, close - 1))) {
                    // 「健康日本21（第三次）」: the edition is part of the title
                } else if (close - 1 - (k + 1) <= 30 && n.substring(k + 1, close - 1).indexOf('。') < 0) {
                    alias = scan.display(k + 1, close - 1);
                    titleEnd = k;
                }
            }
        }
        if (decision.isEmpty() && close + 1 < n.length() && n.charAt(close + 1) == '(') {
            int k = Names.matchingClose(n, close + 1);
            if (k > 0) {
                decision = Decision.parse(n, close + 2, k, scan.ref, names);
                if (decision.isPresent()) {
                    Scan.mark(scan.blocked, close + 1, k + 1);
                }
            }
        }
        decision.flatMap(Decision::body).ifPresent(scan.bodies::add);
        if (lawNumber.isEmpty()) {
            lawNumber = lawNumbers.bracket(n, close + 1);
        }
        if (titleEnd <= a) {
            return;
        }
        innerTitles(scan, a, titleEnd);
        String title = n.substring(a, titleEnd);
        String display = scan.display(a, titleEnd);
        if (n.startsWith(defines, close + 1)) {
            scan.shortNames.add(new Scan.ShortName(title, display, open));
            return;
        }
        if (title.endsWith("。")) {
            return;
        }
        Optional<DateValue> date = decision.map(Decision::date);
        if (date.isEmpty()) {
            date = context.dateBefore(n, open).or(() -> context.dateAfter(n, close + 1));
        }
        Optional<BodyRef> body = decision.flatMap(Decision::body).flatMap(Body::ref);

        KnownEntity known = scan.ref.labelIndex().get(title);
        Matcher year = TRAILING_YEAR.matcher(title);
        if (known == null && year.matches()) {
            known = scan.ref.labelIndex().get(year.group(1));
        }
        Spec spec;
        if (known != null) {
            spec = Spec.of(known);
        } else {
            String core = classificationCore(title.substring(0, names.editionStart(title, title.length())));
            EntityClass cls = decision.flatMap(Decision::cls).orElse(names.classify(core));
            boolean edition = year.matches();
            if (cls == null && edition) {
                cls = EntityClass.CERTIFICATION;
            }
            if (cls == null && (decision.isPresent() || date.isPresent())) {
                cls = EntityClass.CITATION;
            }
            if (cls == null) {
                return;
            }
            String name = display;
            if (edition && !cls.isCitation()) {
                name = scan.display(a, a + year.group(1).length());
            }
            spec = new Spec(null, name, cls);
            variants(scan, a, titleEnd, spec, cls.isCitation());
        }
        if (alias != null) {
            spec.alts.add(alias);
        }
        if (spec.cls.isCitation()) {
            spec.date = date;
            spec.body = body;
        }
        if (spec.cls == EntityClass.LAW) {
            spec.lawNumber = lawNumber;
        }
        scan.add(Candidate.of(a, titleEnd, known != null ? Candidate.Trust.CURATED : Candidate.Trust.QUOTED, spec));
    }

    /**
     * {@code 「『アジア医療規制調和グランドデザイン』実行戦略」}: a quote inside a title that more of the title follows names
     * another document (or programme), which the title names in passing; one that ends the title is the title's own
     * short form (a variant, below).
     */
    private void innerTitles(Scan scan, int from, int to) {
        String n = scan.norm;
        for (int[] q : topLevelQuotes(n.substring(from, to))) {
            int open = from + q[0];
            int close = from + q[1];
            if (close + 1 >= to || close - open < 4) {
                continue;
            }
            String inner = n.substring(open + 1, close);
            KnownEntity known = scan.ref.labelIndex().get(inner);
            EntityClass cls = known != null ? known.cls() : names.classify(classificationCore(inner));
            if (cls == null) {
                continue;
            }
            Spec spec = known != null ? Spec.of(known) : new Spec(null, scan.display(open + 1, close), cls);
            scan.add(Candidate.of(open + 1, close, known != null ? Candidate.Trust.CURATED : Candidate.Trust.QUOTED,
                    spec));
        }
    }

    /** The title without quote marks, edition years and versions: what its kind is read from. */
    private static String classificationCore(String title) {
        String core = title.replaceAll("[「」『』]", "");
        Matcher v = VERSION.matcher(core);
        if (v.matches()) {
            core = v.group(1);
        }
        return core;
    }

    /** Other ways to write a quoted title: without inner quotes, its inner short title, without the year. */
    private static void variants(Scan scan, int a, int end, Spec spec, boolean citation) {
        String n = scan.norm;
        String title = n.substring(a, end);
        String display = scan.display(a, end);
        if (title.matches(".*[「」『』].*")) {
            spec.alts.add(display.replaceAll("[「」『』]", ""));
            int innerOpen = Math.max(title.lastIndexOf('『'), title.lastIndexOf('「'));
            if ((title.endsWith("』") || title.endsWith("」")) && innerOpen > 0) {
                spec.alts.add(scan.display(a + innerOpen + 1, end - 1));
            }
        }
        if (citation) {
            Matcher trailing = TRAILING_YEAR.matcher(title);
            if (trailing.matches()) {
                spec.alts.add(scan.display(a, a + trailing.group(1).length()));
            }
            Matcher leading = LEADING_YEAR.matcher(title);
            if (leading.matches()) {
                spec.alts.add(scan.display(end - leading.group(1).length(), end));
            }
        }
        spec.alts.remove(spec.name);
    }
}
