package org.hmskg.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the footnotes at the bottom of pages. Two layouts occur: a whitespace-only rule line (at least
 * {@value #RULE_MIN} spaces, as some PDF extractions print the rule) followed by marker lines ({@code 1 …}) to the end
 * of the page; and, without a rule (pdftotext), a run of marker lines that ends the page, numbered in sequence, each
 * marker standing glued in the text of that page or the one before ({@code …予定 1。}, {@code 」 16を踏まえ}).
 */
final class Footnotes {
    static final int RULE_MIN = 10;
    static final Pattern START = Pattern.compile(
            "^[\\s\u3000]*([0-9０-９]{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|※[0-9０-９]*|\\*[0-9]*)[\\s\u3000]+(\\S.*)$");
    private static final String PARTICLES = "をのにがはとでもへや";

    private Footnotes() {
    }

    record Result(List<FootnoteRecord> footnotes, boolean[] marked) {
    }

    static Result find(List<SourceLine> lines, Map<Integer, PageArtefact> artefacts, Ledger ledger) {
        boolean[] marked = new boolean[lines.size()];
        List<FootnoteRecord> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SourceLine rule = lines.get(i);
            if (!rule.isBlank() || rule.text().length() < RULE_MIN) {
                continue;
            }
            int j = i + 1;
            while (j < lines.size() && lines.get(j).isBlank() && !lines.get(j).pageStart()) {
                j++;
            }
            if (j >= lines.size() || lines.get(j).pageStart() || !START.matcher(lines.get(j).text()).matches()) {
                continue;
            }
            int end = j;
            while (end < lines.size() && !(end > j && lines.get(end).pageStart())) {
                end++;
            }
            read(lines, j, end, artefacts, marked, ledger, found);
            i = end - 1;
        }
        unruled(lines, artefacts, marked, ledger, found);
        found.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Result(found, marked);
    }

    /** Reads the footnotes of lines {@code [from, to)}: each marker line starts one, other lines continue it. */
    private static void read(List<SourceLine> lines, int from, int to, Map<Integer, PageArtefact> artefacts,
                             boolean[] marked, Ledger ledger, List<FootnoteRecord> out) {
        TextBuilder current = null;
        String marker = null;
        int markerLine = 0;
        int page = lines.get(from).page();
        for (int k = from; k < to; k++) {
            SourceLine l = lines.get(k);
            if (artefacts.containsKey(k)) {
                continue;
            }
            marked[k] = true;
            if (l.isBlank()) {
                continue;
            }
            Matcher m = START.matcher(l.text());
            if (m.matches()) {
                if (current != null) {
                    out.add(new FootnoteRecord(marker, current.text().strip(), markerLine, page));
                }
                current = new TextBuilder(ledger);
                marker = m.group(1);
                markerLine = l.number();
                ledger.place(l, m.start(1), m.end(1));
                current.append(l, m.start(2));
            } else if (current != null) {
                current.append(l);
            }
        }
        if (current != null) {
            out.add(new FootnoteRecord(marker, current.text().strip(), markerLine, page));
        }
    }

    /** Footnotes without a rule line: a numbered run of marker lines that ends its page. */
    private static void unruled(List<SourceLine> lines, Map<Integer, PageArtefact> artefacts, boolean[] marked,
                                Ledger ledger, List<FootnoteRecord> out) {
        int pageFrom = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i < lines.size() && !(i > pageFrom && lines.get(i).pageStart())) {
                continue;
            }
            int start = runStart(lines, pageFrom, i, artefacts, marked);
            if (start >= 0) {
                read(lines, start, i, artefacts, marked, ledger, out);
            }
            pageFrom = i;
        }
    }

    /** Index of the first line of a footnote run ending the page {@code [from, to)}, or -1. */
    private static int runStart(List<SourceLine> lines, int from, int to, Map<Integer, PageArtefact> artefacts,
                                boolean[] marked) {
        List<Integer> content = new ArrayList<>();
        for (int k = from; k < to; k++) {
            if (!lines.get(k).isBlank() && !artefacts.containsKey(k) && !marked[k]) {
                content.add(k);
            }
        }
        int best = -1;
        // Walk back from the page end: the run may start at any marker line whose later marker lines count up.
        for (int c = content.size() - 1; c > 0; c--) {
            Matcher m = START.matcher(lines.get(content.get(c)).text());
            if (!m.matches()) {
                continue;
            }
            // A spaced-out number is text, not a marker and its note: 2 0 2 3 年, 1 0 0 件.
            if (!Character.isDigit(m.group(1).charAt(m.group(1).length() - 1))
                    || m.group(2).matches("^[0-9０-９]([\\s\u3000]+[0-9０-９])+.*")
                    || HeaderReader.DATE_LINE.matcher(lines.get(content.get(c)).text()).matches()) {
                break;
            }
            if (!consecutive(lines, content.subList(c, content.size()))
                    || !referenced(lines, from, content.get(c), m.group(1))) {
                break;
            }
            best = content.get(c);
        }
        return best;
    }

    /** The marker lines of a run number 1 up: n, n+1, …, and the run starts with one. */
    private static boolean consecutive(List<SourceLine> lines, List<Integer> run) {
        int expected = -1;
        for (int k : run) {
            Matcher m = START.matcher(lines.get(k).text());
            if (!m.matches()) {
                if (expected < 0) {
                    return false;
                }
                continue;
            }
            int n = number(m.group(1));
            if (expected >= 0 && n != expected) {
                return false;
            }
            expected = n + 1;
        }
        return true;
    }

    /** Whether the text of the page before the run (and the page before it) carries {@code marker} glued in. */
    private static boolean referenced(List<SourceLine> lines, int pageFrom, int runStart, String marker) {
        int prevPage = lines.get(pageFrom).page() - 1;
        int from = pageFrom;
        while (from > 0 && lines.get(from - 1).page() >= prevPage) {
            from--;
        }
        Pattern ref = reference(marker);
        for (int k = from; k < runStart; k++) {
            if (ref.matcher(lines.get(k).text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** A footnote marker glued into running text: after a non-digit, before punctuation, a space, a particle or the end. */
    static Pattern reference(String marker) {
        return Pattern.compile("(?<![0-9０-９.,，．])[\\s\u3000]?" + Pattern.quote(marker)
                + "(?=[。、，,.．）)」』\\s\u3000" + PARTICLES + "]|$)");
    }

    /** The number a marker counts with: {@code 3}, {@code ３}, {@code ※3}, {@code *3} → 3. */
    private static int number(String marker) {
        return Integer.parseInt(Normalizer.normalize(marker, Normalizer.Form.NFKC).replaceAll("[^0-9]", ""));
    }
}
