package org.hmskg.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises a heading line (its trailing tag already removed) and splits it into marker and label. */
final class Headings {
    private static final int MAX_HEADING_LENGTH = 80;

    /** The numbers of 第N章, 第N節: digits, full-width digits or kanji numerals. */
    private static final String ORDINAL = "第[\\s\u3000]?[0-9０-９一二三四五六七八九十]{1,3}";
    /**
     * What else an ordinal counts (第3期, 第2次, 第1回, 第5号, 第10条, 第6波, 第2表 …), or a chapter or section set
     * apart by a space.
     */
    private static final String COUNTED = "期次回号条項版弾位者年章節部波段種類世級週表図報";
    /**
     * A chapter: {@code 第１章　総論}, {@code 第2部 …}, or {@code 第１　基本方針} (the top level of official outlines, a
     * space after the number). {@code 第２期の…} and {@code 第4期がん対策…} are no chapters, and neither is an
     * ordinal of something else set apart by a space, as text read from a PDF may have it ({@code 第3 期の…},
     * {@code 第 2 回…}).
     */
    private static final Pattern CHAPTER = Pattern.compile(
            "^(" + ORDINAL + "[\\s\u3000]?[章部](?!会)|" + ORDINAL
                    + "(?=[\\s\u3000]++(?![" + COUNTED + "]|四半期)))[\\s\u3000]*(\\S.*)$");
    /** A section of a chapter: {@code 第１節　基本的な考え方}. */
    private static final Pattern CHAPTER_SECTION = Pattern.compile("^(" + ORDINAL + "[\\s\u3000]?節)[\\s\u3000]*(\\S.*)$");
    private static final Pattern ROMAN = Pattern.compile(
            "^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ][．.]?|(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[．.])[\\s\u3000]*(\\S.*)$");
    private static final Pattern NUMBER_PERIOD = Pattern.compile(
            "^([0-9０-９]{1,2}[．.])[\\s\u3000]*([^0-9０-９\\s\u3000.．].*)$");
    private static final Pattern DECIMAL = Pattern.compile(
            "^([0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2})+(?:[-－][0-9０-９]{1,2})?)[.．]?[\\s\u3000]*([^0-9０-９\\s\u3000.．%％].*)$");
    private static final Pattern PAREN_NUMBER = Pattern.compile(
            "^([（(][0-9０-９]{1,2}[）)])[\\s\u3000]*(\\S.*)$");
    private static final Pattern CIRCLED = Pattern.compile("^([\u2460-\u2473])[\\s\u3000]*(\\S.*)$");
    /** The katakana of the outline ア, イ, ウ …, in the gojūon order official documents number their items in. */
    static final String KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
    /** {@code ア　研究基盤の整備}, {@code イ．…}: the katakana, then a space or a period, then the title. */
    private static final Pattern KATAKANA_MARK = Pattern.compile(
            "^([" + KATAKANA + "](?:[．.]|(?=[\\s\u3000])))[\\s\u3000]*(\\S.*)$");
    /** {@code （ア）…}, {@code (イ)…}. */
    private static final Pattern PAREN_KATAKANA = Pattern.compile(
            "^([（(][" + KATAKANA + "][）)])[\\s\u3000]*(\\S.*)$");
    private static final Pattern CIRCLE_MARK = Pattern.compile("^([○〇◯])[\\s\u3000]*(\\S.*)$");
    private static final Pattern APPENDIX = Pattern.compile("^((?:別表|別紙)[\\s\u3000]*[0-9０-９]{0,2})(?:[\\s\u3000]+(\\S.*))?$");
    /**
     * A numbered marker standing alone on its line ({@code (5)}, {@code ①}, {@code 3.}, {@code Ⅱ}, {@code 2.1.}); a
     * bare decimal without its final period ({@code 1.5}) is a figure, not a marker.
     */
    private static final Pattern BARE = Pattern.compile(
            "^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ][．.]?|[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2})*(?:[-－][0-9０-９]{1,2})?[．.]|"
                    + "[（(][0-9０-９]{1,2}[）)]|[\u2460-\u2473])$");

    private Headings() {
    }

    /** A recognised heading: marker as written, style and label. */
    record Match(String marker, MarkerStyle style, String label) {
    }

    /**
     * The heading {@code line} is, if it is one. A line holding a sentence (a {@code 。}) is never a heading: a
     * numbered or circled line with a sentence is a list item of the text.
     */
    static Optional<Match> match(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_HEADING_LENGTH || s.indexOf('。') >= 0 || contentsEntry(s)) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = BARE.matcher(s)).matches()) {
            return Optional.of(new Match(s, bareStyle(s), ""));
        }
        if ((m = APPENDIX.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1).strip(), MarkerStyle.APPENDIX,
                    m.group(2) == null ? "" : m.group(2).strip()));
        }
        if ((m = CHAPTER.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1), MarkerStyle.CHAPTER, m.group(2).strip()));
        }
        if ((m = CHAPTER_SECTION.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1), MarkerStyle.CHAPTER_SECTION, m.group(2).strip()));
        }
        if ((m = DECIMAL.matcher(s)).matches()) {
            String marker = m.group(1);
            int parts = marker.split("[.．\\-－]").length;
            MarkerStyle style = parts == 2 ? MarkerStyle.DECIMAL_2 : parts == 3 ? MarkerStyle.DECIMAL_3 : MarkerStyle.DECIMAL_4;
            return Optional.of(new Match(marker, style, m.group(2).strip()));
        }
        if ((m = NUMBER_PERIOD.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1), MarkerStyle.NUMBER_PERIOD, m.group(2).strip()));
        }
        if ((m = ROMAN.matcher(s)).matches() && !m.group(1).isEmpty()) {
            return Optional.of(new Match(m.group(1), MarkerStyle.ROMAN, m.group(2).strip()));
        }
        if ((m = PAREN_NUMBER.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1), MarkerStyle.PAREN_NUMBER, m.group(2).strip()));
        }
        if ((m = CIRCLED.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1), MarkerStyle.CIRCLED_NUMBER, m.group(2).strip()));
        }
        if ((m = KATAKANA_MARK.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1).strip(), MarkerStyle.KATAKANA, m.group(2).strip()));
        }
        if ((m = PAREN_KATAKANA.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1), MarkerStyle.PAREN_KATAKANA, m.group(2).strip()));
        }
        if ((m = CIRCLE_MARK.matcher(s)).matches()) {
            return Optional.of(new Match(m.group(1), MarkerStyle.CIRCLE_MARK, m.group(2).strip()));
        }
        return bracketed(s);
    }

    /**
     * An entry of a table of contents: a title, a leader of dots and the page number ({@code １．総論 ……… 1},
     * {@code 1.1 策定の趣旨 ........ 2}). It names a heading of the body but is none itself.
     */
    private static final Pattern CONTENTS_ENTRY = Pattern.compile(
            "^\\S.*?[\\s\u3000]*(?:[.．・･·]{3,}|[…‥⋯]{2,})[\\s\u3000]*[0-9０-９]{1,3}$");

    static boolean contentsEntry(String line) {
        return CONTENTS_ENTRY.matcher(line.strip()).matches();
    }

    private static MarkerStyle bareStyle(String marker) {
        char c = marker.charAt(0);
        if (c >= '\u2460' && c <= '\u2473') {
            return MarkerStyle.CIRCLED_NUMBER;
        }
        if (c == '(' || c == '（') {
            return MarkerStyle.PAREN_NUMBER;
        }
        if (c >= 'Ⅰ' && c <= 'Ⅻ') {
            return MarkerStyle.ROMAN;
        }
        String[] parts = marker.replaceAll("[.．]$", "").split("[.．\\-－]");
        return switch (parts.length) {
            case 1 -> MarkerStyle.NUMBER_PERIOD;
            case 2 -> MarkerStyle.DECIMAL_2;
            case 3 -> MarkerStyle.DECIMAL_3;
            default -> MarkerStyle.DECIMAL_4;
        };
    }

    /** A whole line inside one bracket pair: {@code （topic）}, {@code (topic)}, {@code <topic>}, {@code 【label】}. */
    private static Optional<Match> bracketed(String s) {
        int last = s.length() - 1;
        if (last < 2 || !Brackets.isOpen(s.charAt(0)) || !Brackets.isClose(s.charAt(last))
                || Brackets.matchingOpen(s, last) != 0) {
            return Optional.empty();
        }
        String label = s.substring(1, last).strip();
        if (label.isEmpty()) {
            return Optional.empty();
        }
        String marker = s.substring(0, 1) + s.substring(last);
        MarkerStyle style = switch (s.charAt(0)) {
            case '【' -> MarkerStyle.LABEL_BRACKET;
            case '<', '＜', '〈' -> MarkerStyle.TOPIC_ANGLE;
            default -> MarkerStyle.TOPIC_PAREN;
        };
        return Optional.of(new Match(marker, style, label));
    }
}
