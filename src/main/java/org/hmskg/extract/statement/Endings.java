package org.hmskg.extract.statement;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The final predicate of a sentence and the kind it makes ({@code reference/statement-endings.tsv}).
 *
 * <p>The sentence is read in its normalised form. Before the ending is looked up, what follows the predicate
 * is cut, repeatedly: the final {@code 。} (or {@code .}), a footnote marker before it ({@code 予定 1。},
 * {@code ※2}), and a bracket that closes the sentence ({@code …を支援した（2021年度は 15件を支援）。}); a sentence
 * that is one bracket is read inside it.
 */
final class Endings {
    private static final Pattern FOOTNOTE = Pattern.compile("(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}])"
            + "(?:※|\\*|注)?[0-9]{1,2}$|※[0-9]{0,2}$");

    /** How a sentence ends: the predicate as cut, and the kind its ending gives when a rule knows it. */
    record Reading(String predicate, Optional<Rules.Found<Rules.Ending>> ending) {
    }

    private Endings() {
    }

    static Reading read(String norm, Rules rules) {
        String p = predicate(norm);
        Optional<Rules.Found<Rules.Ending>> found = rules.endings.suffixOf(p);
        if (found.isEmpty() && !p.isEmpty() && isNounEnd(p.codePointBefore(p.length()))) {
            found = Optional.of(new Rules.Found<>("", Rules.Ending.NOUN));
        }
        return new Reading(p, found);
    }

    /**
     * Whether a sentence ending in {@code cp} ends in a noun: a kanji, katakana (with its ー), Latin letter,
     * digit, unit sign or closing quote. Hiragana are endings the table must know; other punctuation (a
     * sentence cut off after 、) ends nothing.
     */
    private static boolean isNounEnd(int cp) {
        return Character.isLetterOrDigit(cp) && !isHiragana(cp) || cp == 'ー' || cp == '%' || cp == '」'
                || cp == '』';
    }

    /** The normalised sentence without what follows its final predicate. */
    static String predicate(String norm) {
        String p = norm;
        while (true) {
            String q = p;
            while (q.endsWith("。") || q.endsWith(".")) {
                q = q.substring(0, q.length() - 1);
            }
            q = FOOTNOTE.matcher(q).replaceFirst("");
            q = withoutClosingBracket(q);
            if (q.equals(p) || q.isEmpty()) {
                return q.isEmpty() ? p : q;
            }
            p = q;
        }
    }

    /** {@code s} without the bracket pair it ends with, or the inside of that pair when it is all of {@code s}. */
    private static String withoutClosingBracket(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int last = s.codePointBefore(s.length());
        int fam = Brackets.family(last);
        if (fam == 0 || Brackets.isOpen(last) || fam == 1 || fam == 2) {
            return s;
        }
        int[] cps = s.codePoints().toArray();
        for (Brackets.Pair pair : Brackets.pairs(cps)) {
            if (pair.close() == cps.length - 1) {
                return pair.open() == 0 ? new String(cps, 1, cps.length - 2) : new String(cps, 0, pair.open());
            }
        }
        return s;
    }

    private static boolean isHiragana(int cp) {
        return cp >= 0x3041 && cp <= 0x309F;
    }
}
