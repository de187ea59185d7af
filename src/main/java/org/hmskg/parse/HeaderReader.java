package org.hmskg.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines before the first heading or bullet (title, issue date, deciding body, notes, preamble) and
 * infers the document's metadata from them; a metadata file's fields override what is inferred.
 */
final class HeaderReader {
    private static final String SP = "[\\s\u3000]*";
    private static final String YEAR = "([0-9０-９][0-9０-９\\s\u3000]{3,}|(?:令和|平成)" + SP + "[0-9０-９元]{1,2}" + SP + ")年";
    /** A month or day of up to two digits, letter-spaced as the year may be ({@code 1 1 日}). */
    private static final String DAY_DIGITS = "((?:[0-9０-９](?:" + SP + "[0-9０-９])?)?)";
    private static final String MONTH_DAY = SP + DAY_DIGITS + SP + "[月⽉]" + SP + DAY_DIGITS + SP + "[日⽇]";
    static final Pattern DATE_LINE = Pattern.compile("^" + SP + YEAR + MONTH_DAY + SP + "$");
    /** {@code 健康・医療戦略推進本部決定}, {@code 閣議決定}, with a bracketed note after it allowed. */
    private static final Pattern DECISION = Pattern.compile(
            "^" + SP + "(?:" + YEAR + MONTH_DAY + SP + ")?([^。、]{1,40}?)" + SP + "(?:決定|了承|了解)"
                    + SP + "(?:[（(][^（()）]*[）)])?" + SP + "$");
    private static final Pattern TITLE_YEAR = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])");
    private static final Pattern TITLE_ERA = Pattern.compile("(令和|平成)([0-9]{1,2}|元)年");
    private static final Pattern DRAFT = Pattern.compile("[（(]案[）)]|素案|[（(]案");
    private static final int NOTE_MAX = 40;
    private static final double SHORT_LINE = 0.9;

    private HeaderReader() {
    }

    record Result(HeaderRecord header, Optional<DateValue> issued, String preamble) {
    }

    /**
     * @param lines      the header's non-blank lines in order
     * @param firstIsTitle whether the first line is the title (it is not when the text starts at a heading)
     * @param fullWidth  the width of the document's full lines, 0 when unknown: a line of full width is the start
     *                   of the preamble, never a note, even when it holds no 。 or 、
     */
    static Result read(List<SourceLine> lines, boolean firstIsTitle, int fullWidth, Ledger ledger) {
        Optional<String> title = Optional.empty();
        Optional<String> dateLine = Optional.empty();
        Optional<String> decisionLine = Optional.empty();
        Optional<DateValue> issued = Optional.empty();
        List<String> notes = new ArrayList<>();
        TextBuilder preamble = new TextBuilder(ledger);
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            String s = line.text().strip();
            if (i == 0 && firstIsTitle) {
                title = Optional.of(s);
                ledger.placeLine(line);
                continue;
            }
            if (preamble.isEmpty()) {
                Matcher decision = DECISION.matcher(line.text());
                if (issued.isEmpty() && dateLine.isEmpty()) {
                    // pdftotext may break a widely spaced date line (2 0 2 2 年 / 月 / 日) into up to three lines
                    int used = dateLineLength(lines, i);
                    if (used > 0) {
                        List<SourceLine> parts = lines.subList(i, i + used);
                        String joined = String.join(" ", parts.stream().map(l -> l.text().strip()).toList());
                        Matcher date = DATE_LINE.matcher(joined);
                        date.matches();
                        issued = Optional.ofNullable(date(date.group(1), date.group(2), date.group(3)));
                        dateLine = Optional.of(joined);
                        parts.forEach(ledger::placeLine);
                        i += used - 1;
                        continue;
                    }
                }
                if (decisionLine.isEmpty() && decision.matches()) {
                    if (decision.group(1) != null && issued.isEmpty()) {
                        issued = Optional.ofNullable(date(decision.group(1), decision.group(2), decision.group(3)));
                    }
                    decisionLine = Optional.of(s);
                    ledger.placeLine(line);
                    continue;
                }
                boolean fullLine = fullWidth > 0 && SeedParser.width(s) >= SHORT_LINE * fullWidth;
                if (s.length() <= NOTE_MAX && s.indexOf('。') < 0 && s.indexOf('、') < 0 && !fullLine) {
                    notes.add(s);
                    ledger.placeLine(line);
                    continue;
                }
            }
            preamble.append(line);
        }
        return new Result(new HeaderRecord(title, dateLine, decisionLine, notes), issued, preamble.text().strip());
    }

    /** How many lines from {@code i} (1 to 3) form the date line, or 0 when none do. */
    private static int dateLineLength(List<SourceLine> lines, int i) {
        StringBuilder joined = new StringBuilder();
        for (int n = 1; n <= 3 && i + n <= lines.size(); n++) {
            String part = lines.get(i + n - 1).text().strip();
            if (n > 1 && part.length() > NOTE_MAX) {
                return 0;
            }
            joined.append(n > 1 ? " " : "").append(part);
            if (DATE_LINE.matcher(joined).matches()) {
                return n;
            }
        }
        return 0;
    }

    /** The deciding body a decision line names: 閣議 for {@code 閣議決定}, the body's name otherwise. */
    static Optional<String> publisher(HeaderRecord header) {
        return header.decisionLine().map(line -> {
            Matcher m = DECISION.matcher(line);
            if (!m.matches()) {
                return "";
            }
            String body = m.group(4).replaceAll("[\\s\u3000]+", "");
            return body.isEmpty() || body.endsWith("閣議") ? "閣議" : body;
        }).filter(b -> !b.isEmpty());
    }

    /** Metadata from the header, each field the metadata file gives taking precedence. */
    static DocumentMetadata metadata(String file, Result header, MetadataReader.Overrides o, String sha,
                                     boolean formFeeds, List<Warning> warnings) {
        Set<String> fromFile = new TreeSet<>();
        String title;
        if (o.title().isPresent()) {
            title = o.title().get();
            fromFile.add("title");
        } else if (header.header().titleLine().isPresent()) {
            title = header.header().titleLine().get();
        } else {
            title = SeedParser.documentKey(file);
            warnings.add(new Warning(file, 1, "no title line", "the text starts at a heading or bullet; the title is "
                    + "the file name until a metadata file gives one"));
        }
        String status = o.status().map(s -> {
            fromFile.add("status");
            return s;
        }).orElse(DRAFT.matcher(title).find() ? "draft" : "final");
        Optional<Integer> edition = o.edition();
        if (edition.isPresent()) {
            fromFile.add("edition");
        } else {
            edition = titleYear(title).or(() -> header.issued().map(DateValue::year));
            if (edition.isEmpty()) {
                warnings.add(new Warning(file, 1, "no edition year", "neither the title nor an issue date states a "
                        + "year; other editions cannot be linked to this one"));
            }
        }
        Optional<String> publisher = o.publisher();
        if (publisher.isPresent()) {
            fromFile.add("publisher");
        } else {
            publisher = publisher(header.header());
            if (publisher.isEmpty()) {
                warnings.add(new Warning(file, 1, "no decision line", "no line such as '…本部決定' or '閣議決定' names "
                        + "the deciding body; the document has no publisher"));
            }
        }
        if (header.issued().isEmpty()) {
            warnings.add(new Warning(file, 1, "no date line", "the lines before the first heading hold no issue date "
                    + "such as '2022 年 6 月 7 日' or '令和7年2月18日'; the document has no dct:issued"));
        }
        String form = o.form().map(f -> {
            fromFile.add("form");
            return f;
        }).orElse(formFeeds ? "text with pages separated by form feeds" : "plain text");
        o.sha256().ifPresent(s -> fromFile.add("sha256"));
        o.sourceUrl().ifPresent(s -> fromFile.add("sourceUrl"));
        DocumentKind kind = o.kind().map(k -> {
            fromFile.add("kind");
            return k;
        }).orElse(DocumentKind.ofTitle(title));
        return new DocumentMetadata(title, edition, publisher, status, form, sha, o.sourceUrl(), kind, fromFile);
    }

    static Optional<Integer> titleYear(String title) {
        String t = Normalizer.normalize(title, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        Matcher m = TITLE_YEAR.matcher(t);
        if (m.find()) {
            return Optional.of(Integer.parseInt(m.group(1)));
        }
        Matcher era = TITLE_ERA.matcher(t);
        if (era.find()) {
            int n = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
            return Optional.of((era.group(1).equals("令和") ? 2018 : 1988) + n);
        }
        return Optional.empty();
    }

    static DateValue date(String year, String month, String day) {
        String y = digits(year);
        String era = Normalizer.normalize(year, Normalizer.Form.NFKC).strip();
        if (era.startsWith("令和") || era.startsWith("平成")) {
            int n = era.contains("元") ? 1 : Integer.parseInt(y);
            y = String.valueOf((era.startsWith("令和") ? 2018 : 1988) + n);
        }
        if (y.length() != 4) {
            return null;
        }
        String mo = digits(month);
        String d = digits(day);
        int mi = mo.isEmpty() ? 0 : Integer.parseInt(mo);
        int di = mi == 0 || d.isEmpty() ? 0 : Integer.parseInt(d);
        if (mi > 12 || di > 31) {
            return null;
        }
        return new DateValue(Integer.parseInt(y), mi, di);
    }

    private static String digits(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
    }
}
