package org.hmskg.extract.entity;

import java.util.List;
import java.util.Set;
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
    private final Pattern edition;
    private final List<String> hiraganaWords;
    private final Set<String> particles;

    Names(EntityWords words) {
        this.words = words;
        this.connectors = words.words("connector");
        this.okurigana = String.join("", words.words("okurigana"));
        this.hiraganaWords = words.words("hiragana-word");
        this.particles = words.wordSet("particle");
        String ordinals = alternatives(words.words("ordinal-counter"));
        this.leading = Pattern.compile("(?:[0-9]{4}年度?|[0-9]{1,2}月|[0-9]{1,2}日|第[0-9]+(?:" + ordinals + ")|"
                + alternatives(words.words("determiner")) + "|・)+");
        this.ordinalBefore = Pattern.compile("第[0-9]+(?:" + ordinals + ")$");
        this.edition = Pattern.compile("第[0-9.〇一二三四五六七八九十]+(?:" + ordinals + "|"
                + alternatives(words.words("edition-counter")) + ")|" + alternatives(words.words("edition-word")));
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
            int word = hiraganaWordStart(n, i);
            if (word >= 0) {
                i = word;
                continue;
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

    /**
     * The start of a word written in hiragana inside names ({@code がん} in がんゲノム情報管理センター) that ends at
     * {@code end}, a word of its own: after a character that is no hiragana or after a one-character particle
     * (は, の …), not inside a longer hiragana word; -1 if none.
     */
    private int hiraganaWordStart(String n, int end) {
        for (String w : hiraganaWords) {
            int s = end - w.length();
            if (s >= 0 && n.startsWith(w, s) && (s == 0 || !NormText.isHiragana(n.charAt(s - 1))
                    || particles.contains(String.valueOf(n.charAt(s - 1))))) {
                return s;
            }
        }
        return -1;
    }

    /** Drops what stands before a name without being part of it: dates, ordinals, 各/同/当該. */
    int stripLeading(String n, int start, int limit) {
        Matcher m = leading.matcher(n).region(start, limit);
        if (m.lookingAt() && m.end() < limit) {
            return m.end();
        }
        return start;
    }

    /**
     * Where a name ending at {@code end} ends without the edition bracket it may carry ({@code （第4期）},
     * {@code （第三次）}, {@code （改訂版）}): the bracket's opening, or {@code end} when no edition bracket ends there.
     */
    int editionStart(String n, int end) {
        if (end < 3 || n.charAt(end - 1) != ')') {
            return end;
        }
        int open = matchingOpen(n, end - 1, Math.max(0, end - 16));
        if (open <= 0 || !edition.matcher(n).region(open + 1, end - 1).matches()) {
            return end;
        }
        return open;
    }

    /** True when {@code s} is an edition mark: 第4期, 第三次, 第5.2版, 改訂版. */
    boolean isEdition(String s) {
        return edition.matcher(s).matches();
    }

    /** True when {@code [start, end)} holds only what stands before a name (第2期, 2022年度, 各): no name of its own. */
    boolean isLeadingOnly(String n, int start, int end) {
        return start < end && leading.matcher(n).region(start, end).matches();
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
