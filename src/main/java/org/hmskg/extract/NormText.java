package org.hmskg.extract;

import java.text.Normalizer;

/**
 * A matching view of a text: each code point NFKC-normalised (full-width digits, Kangxi radicals such as ⽉,
 * half-width katakana), whitespace dropped except one space between two Latin letters ({@code Sport in Life}),
 * and dash-like marks between Latin letters or digits folded to {@code -} ({@code MID ｰ NET} → {@code MID-NET}).
 * PDF extraction scatters spaces through Japanese text ({@code 2 0 2 2 年}, {@code 2022年 3月}), so rules match
 * this view and every match is mapped back to code-point offsets of the original.
 *
 * <p>Public for the rule sets built on the extractor's facts ({@code extract.statement}): {@link #key} and
 * {@link #isSpace}; the view itself stays internal to this package.
 */
public final class NormText {
    private final String original;
    private final String norm;
    /** For each char of {@code norm}, the code-point index in {@code original} it came from. */
    private final int[] origin;

    private NormText(String original, String norm, int[] origin) {
        this.original = original;
        this.norm = norm;
        this.origin = origin;
    }

    public static NormText of(String original) {
        StringBuilder sb = new StringBuilder(original.length());
        int[] origin = new int[original.length() * 2 + 8];
        int cpIndex = 0;
        int pendingSpace = -1;
        for (int i = 0; i < original.length(); cpIndex++) {
            int cp = original.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                if (pendingSpace < 0) {
                    pendingSpace = cpIndex;
                }
                continue;
            }
            String nf = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
            for (int j = 0; j < nf.length(); j++) {
                char c = nf.charAt(j);
                if (isSpace(c)) {
                    continue;
                }
                if (pendingSpace >= 0) {
                    if (sb.length() > 0 && isLatinLetter(sb.charAt(sb.length() - 1)) && isLatinLetter(c)) {
                        origin = ensure(origin, sb.length() + 1);
                        origin[sb.length()] = pendingSpace;
                        sb.append(' ');
                    }
                    pendingSpace = -1;
                }
                origin = ensure(origin, sb.length() + 1);
                origin[sb.length()] = cpIndex;
                sb.append(c);
            }
        }
        for (int k = 1; k < sb.length() - 1; k++) {
            if (isDash(sb.charAt(k)) && isLatinAlnum(sb.charAt(k - 1)) && isLatinAlnum(sb.charAt(k + 1))) {
                sb.setCharAt(k, '-');
            }
        }
        return new NormText(original, sb.toString(), origin);
    }

    /** The form labels are compared in: the normalised view of {@code label}. */
    public static String key(String label) {
        return of(label).norm;
    }

    /**
     * A label for display and for hashing keys: the characters as written, with the extraction's stray
     * whitespace removed (one space kept between Latin letters) and line-break joins undone.
     */
    public static String display(String written) {
        StringBuilder sb = new StringBuilder(written.length());
        int pending = 0;
        for (int i = 0; i < written.length(); ) {
            int cp = written.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pending++;
                continue;
            }
            if (pending > 0 && sb.length() > 0 && isLatinLetter(sb.charAt(sb.length() - 1))
                    && isLatinLetter(latinOf(cp))) {
                sb.append(' ');
            }
            pending = 0;
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    public String original() {
        return original;
    }

    public String norm() {
        return norm;
    }

    public int length() {
        return norm.length();
    }

    public char charAt(int i) {
        return norm.charAt(i);
    }

    /** The span of the original text that the normalised chars {@code [start, end)} came from. */
    public Span span(int start, int end) {
        return Span.of(original, origin[start], origin[end - 1] + 1);
    }

    /** The original characters behind the normalised chars {@code [start, end)}. */
    public String written(int start, int end) {
        return span(start, end).surface();
    }

    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0xFEFF;
    }

    public static boolean isLatinLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    public static boolean isLatinAlnum(int c) {
        return isLatinLetter(c) || (c >= '0' && c <= '9');
    }

    public static boolean isKanji(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    public static boolean isKatakana(int c) {
        return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FD || c == 0x30FE;
    }

    public static boolean isHiragana(int c) {
        return c >= 0x3041 && c <= 0x309F;
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u30FC' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013'
                || c == '\u2014' || c == '\u2015' || c == '\u2212';
    }

    private static int latinOf(int cp) {
        if (cp >= 0xFF21 && cp <= 0xFF3A || cp >= 0xFF41 && cp <= 0xFF5A) {
            return cp - 0xFEE0;
        }
        return cp;
    }

    private static int[] ensure(int[] a, int size) {
        if (size <= a.length) {
            return a;
        }
        int[] b = new int[Math.max(size, a.length * 2)];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }
}
