package org.hmskg.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Amounts and counts with a unit in a normalised text: {@code 32業種}, {@code 約7割} (approximate),
 * {@code 最大±10%} (qualifier 最大), {@code 計329億円}, {@code 51の医療機関} (unit 医療機関), {@code 施行後5年}.
 * Not quantities: ordinals ({@code 第2回}, {@code 第5.2版}), numbers glued to Latin letters ({@code G7},
 * {@code TICAD8}, {@code ver.2}, {@code 8K}), bare numbers ({@code 健康経営銘柄2022}), and anything inside a date or
 * a name (the caller masks those).
 */
final class QuantityScanner {
    /** One quantity; {@code start}/{@code end} index the normalised text. */
    record Hit(int start, int end, BigDecimal value, int unitStart, int unitEnd, boolean approximate,
               Optional<String> qualifier) {
    }

    private static final String WORDS = "reference/quantity-words.tsv";
    private static final List<ReferenceTable.Row> ROWS = rows();
    private static final Pattern NUMBER = Pattern.compile(
            "(?<qual>" + alternatives("qualifier") + ")?(?<approx>" + alternatives("approximate") + ")?[±+]?"
                    + "(?<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)");
    /** Counters written right after a number; the longest that fits wins. */
    private static final List<String> COUNTERS = sortedLongestFirst(list("counter"));
    /** A counter followed by one of these is a word of its own (社会, 人材), not a counter. */
    private static final List<String> NOT_COUNTERS = list("not-counter");
    /** Written after the unit, tried in file order; the approximate ones make the figure approximate. */
    private static final List<String> AFTER = words(Set.of("after", "after-approximate"));
    private static final Set<String> APPROXIMATE_AFTER = Set.copyOf(list("after-approximate"));

    private QuantityScanner() {
    }

    /**
     * @param masked chars of the normalised text that belong to a date, a name or a ministry, where no quantity
     *               may start
     */
    static List<Hit> scan(String norm, boolean[] masked) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = NUMBER.matcher(norm);
        int from = 0;
        while (from < norm.length() && m.find(from)) {
            from = m.end();
            int numStart = m.start("num");
            int numEnd = m.end("num");
            if (masked[numStart] || !standsAlone(norm, m, numStart, numEnd)) {
                continue;
            }
            int pos = numEnd;
            boolean tsu = pos < norm.length() && norm.charAt(pos) == 'つ';
            if (tsu) {
                pos++;
            }
            int unitStart = pos;
            int unitEnd = counterEnd(norm, pos, numStart);
            if (unitEnd < 0 && pos < norm.length() && norm.charAt(pos) == 'の') {
                int nounEnd = nounEnd(norm, pos + 1);
                if (nounEnd - (pos + 1) >= 2) {
                    unitStart = pos + 1;
                    unitEnd = nounEnd;
                }
            }
            if (unitEnd < 0 && tsu) {
                unitStart = numEnd;
                unitEnd = numEnd + 1;
            }
            if (unitEnd < 0 || masked[Math.min(unitStart, norm.length() - 1)]) {
                continue;
            }
            int end = unitEnd;
            Optional<String> qualifier = Optional.ofNullable(m.group("qual"));
            boolean approx = m.group("approx") != null;
            for (String after : AFTER) {
                if (norm.startsWith(after, end)) {
                    end += after.length();
                    if (APPROXIMATE_AFTER.contains(after)) {
                        approx = true;
                    } else if (qualifier.isEmpty()) {
                        qualifier = Optional.of(after);
                    }
                    break;
                }
            }
            int start = m.start();
            if (m.group("qual") != null && m.group("qual").equals("計") && start > 0
                    && NormText.isKanji(norm.charAt(start - 1))) {
                // 設計3… : the 計 ends another word
                start = m.group("approx") != null ? m.start("approx") : numStart;
                qualifier = Optional.empty();
            }
            BigDecimal value = new BigDecimal(m.group("num").replace(",", ""));
            hits.add(new Hit(start, end, value, unitStart, unitEnd, approx, qualifier));
            from = end;
        }
        return hits;
    }

    /** False for ordinals, numbers inside Latin tokens and numbers that continue another number. */
    private static boolean standsAlone(String norm, Matcher m, int numStart, int numEnd) {
        int before = m.start() - 1;
        if (before >= 0) {
            char c = norm.charAt(before);
            if (c == '第' || NormText.isLatinAlnum(c) || c == '.' || c == '-' || c == '_') {
                return false;
            }
        }
        if (numStart > 0 && m.start() == numStart) {
            char c = norm.charAt(numStart - 1);
            if (c == '第' || NormText.isLatinAlnum(c) || c == '.' || c == '-') {
                return false;
            }
        }
        return numEnd >= norm.length() || !NormText.isLatinAlnum(norm.charAt(numEnd));
    }

    /** End of the counter starting at {@code pos}, or -1. Years, months and days are dates, not counters. */
    private static int counterEnd(String norm, int pos, int numStart) {
        if (pos >= norm.length()) {
            return -1;
        }
        if (norm.charAt(pos) == '年') {
            return durationYearsEnd(norm, pos, numStart);
        }
        for (String counter : COUNTERS) {
            if (norm.startsWith(counter, pos)) {
                for (String word : NOT_COUNTERS) {
                    if (norm.startsWith(word, pos)) {
                        return -1;
                    }
                }
                return pos + counter.length();
            }
        }
        return -1;
    }

    /** {@code 施行後5年}, {@code 3年間}: a span of years, not a calendar year. */
    private static int durationYearsEnd(String norm, int pos, int numStart) {
        int digits = pos - numStart;
        if (digits > 2) {
            return -1;
        }
        if (numStart >= 2) {
            String era = norm.substring(numStart - 2, numStart);
            if (era.equals("令和") || era.equals("平成") || era.equals("昭和")) {
                return -1;
            }
        }
        int next = pos + 1;
        if (next < norm.length()) {
            char c = norm.charAt(next);
            if (c == '度' || c == '生' || c == '代' || c == '目' || c == '前' || Character.isDigit(c)) {
                return -1;
            }
            if (c == '間') {
                return next + 1;
            }
        }
        return next;
    }

    private static int nounEnd(String norm, int pos) {
        int i = pos;
        while (i < norm.length()) {
            char c = norm.charAt(i);
            if (NormText.isKanji(c) || NormText.isKatakana(c) || c == '・') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static List<ReferenceTable.Row> rows() {
        List<ReferenceTable.Row> rows = ReferenceTable.read(WORDS, 3);
        for (ReferenceTable.Row r : rows) {
            if (r.col(0).isEmpty() || r.col(1).isEmpty()) {
                throw r.error("list and word are required");
            }
        }
        return rows;
    }

    private static List<String> list(String name) {
        return words(Set.of(name));
    }

    /** The words of the lists {@code names}, in file order. */
    private static List<String> words(Set<String> names) {
        List<String> out = ROWS.stream().filter(r -> names.contains(r.col(0))).map(r -> r.col(1)).toList();
        if (out.isEmpty()) {
            throw new IllegalStateException(WORDS + " has no list " + names);
        }
        return out;
    }

    private static String alternatives(String name) {
        return list(name).stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    private static List<String> sortedLongestFirst(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return List.copyOf(sorted);
    }
}
