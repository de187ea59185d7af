package org.hmskg.extract.entity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hmskg.extract.EntityClass;
import org.hmskg.extract.NormText;

/**
 * Where names begin and end in running text and what kind of thing a name is, from the word lists. Shared by the
 * rules; immutable.
 */
final class Names {
    private final EntityWords words;
    private final List<String> connectors;
    private final String okurigana;
    private final Pattern leading;
    private final Pattern ordinalBefore;

    Names(EntityWords words) {
        this.words = words;
        this.connectors = words.words("connector");
        this.okurigana = String.join("", words.words("okurigana"));
        String ordinals = alternatives(words.words("ordinal-counter"));
        this.leading = Pattern.compile("(?:[0-9]{4}年度?|[0-9]{1,2}月|[0-9]{1,2}日|第[0-9]+(?:" + ordinals + ")|"
                + alternatives(words.words("determiner")) + "|・)+");
        this.ordinalBefore = Pattern.compile("第[0-9]+(?:" + ordinals + ")$");
    }

    EntityWords words() {
        return words;
    }

    /** {@code a|b|c} of quoted words, in list order. */
    static String alternatives(List<String> list) {
        return list.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    static boolean isNameChar(char c) {
        return NormText.isKanji(c) || NormText.isKatakana(c) || NormText.isLatinAlnum(c) || c == '・' || c == '-'
                || c == '&' || c == '々' || c == ' ';
    }

    /**
     * Where the name ending at {@code end} begins: back over kanji, katakana, Latin letters and digits; over a
     * single okurigana between kanji (受入れ医療); over の when {@code allowNo}; over connectors
     * (に向けた, における …) when {@code connectors}.
     */
    int backScan(String n, int end, boolean allowNo, boolean withConnectors) {
        int i = end;
        outer:
        while (i > 0) {
            char c = n.charAt(i - 1);
            if (isNameChar(c)) {
                i--;
                continue;
            }
            if (!NormText.isHiragana(c)) {
                break;
            }
            if (allowNo && c == 'の' && i >= 2 && isNameChar(n.charAt(i - 2))) {
                i--;
                continue;
            }
            if (okurigana.indexOf(c) >= 0 && i >= 2 && i < end && NormText.isKanji(n.charAt(i - 2))
                    && NormText.isKanji(n.charAt(i))) {
                i--;
                continue;
            }
            if (withConnectors) {
                for (String conn : connectors) {
                    int s = i - conn.length();
                    if (s >= 1 && n.startsWith(conn, s) && isNameChar(n.charAt(s - 1))) {
                        i = s;
                        continue outer;
                    }
                }
            }
            break;
        }
        while (i < end && (n.charAt(i) == ' ' || n.charAt(i) == '・' || n.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    /** Drops what stands before a name without being part of it: dates, ordinals, 各/同/当該. */
    int stripLeading(String n, int start, int limit) {
        Matcher m = leading.matcher(n).region(start, limit);
        if (m.lookingAt() && m.end() < limit) {
            return m.end();
        }
        return start;
    }

    /** The start of a {@code 第N回} ordinal ending at {@code end}, searched from {@code from}; -1 if none. */
    int ordinalStart(String n, int from, int end) {
        Matcher m = ordinalBefore.matcher(n).region(from, end);
        return m.find() ? m.start() : -1;
    }

    /** The kind of a name by its last word; null when the name says nothing about it. */
    EntityClass classify(String name) {
        for (EntityWords.Suffix s : words.suffixes()) {
            if (name.endsWith(s.suffix()) && name.length() > s.suffix().length()) {
                return s.cls();
            }
        }
        if (name.endsWith("法") && name.length() >= 3 && !isMethod(name)) {
            return EntityClass.LAW;
        }
        return null;
    }

    private boolean isMethod(String name) {
        for (String method : words.methodWords()) {
            if (name.endsWith(method)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasJapanese(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (NormText.isKanji(c) || NormText.isKatakana(c)) {
                return true;
            }
        }
        return false;
    }

    static int matchingClose(String n, int open) {
        int depth = 0;
        for (int i = open; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static int matchingOpen(String n, int close, int limit) {
        int depth = 0;
        for (int i = close; i >= limit; i--) {
            char c = n.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
