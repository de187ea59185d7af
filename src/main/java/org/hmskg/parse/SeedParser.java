package org.hmskg.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;
import org.hmskg.parse.DateValue;

/**
 * Seed text → {@link ParsedDocument}. General for this family of documents: headings of any marker style and
 * depth, bullets over wrapped lines and page breaks, ministry tags in brackets, footnotes at page bottoms.
 * Nothing here depends on a line number or a sentence of one particular file.
 */
public final class SeedParser {
    /** A whitespace-only line at least this long separates a page's footnotes from its text (PDF rule line). */
    private static final int FOOTNOTE_RULE_MIN = 10;
    private static final Pattern FOOTNOTE_START = Pattern.compile(
            "^[\\s\u3000]*([0-9０-９]{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|※[0-9０-９]*|\\*[0-9]*)[\\s\u3000]+(\\S.*)$");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^[\\s\u3000]*([0-9０-９][0-9０-９\\s\u3000]{3,}|(?:令和|平成)[\\s\u3000]*[0-9０-９元]{1,2}[\\s\u3000]*)年"
                    + "[\\s\u3000]*([0-9０-９]{0,2})[\\s\u3000]*月[\\s\u3000]*([0-9０-９]{0,2})[\\s\u3000]*日[\\s\u3000]*$");
    private static final String CLOSING = "。．.】)）」』";

    private final TagReader tags;

    /** @param knownMinistryCodes the tag codes of the ministry table (a tag needs one of them or a ◎) */
    public SeedParser(Set<String> knownMinistryCodes) {
        this.tags = new TagReader(knownMinistryCodes);
    }

    /** The seed files of a folder: every {@code *.txt}, sorted by name. */
    public static List<Path> seedFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ParseException(dir.toString(), 1, "seeds folder does not exist");
        }
        try (var stream = Files.list(dir)) {
            List<Path> files = stream.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw new ParseException(dir.toString(), 1, "no seed documents: the folder has no *.txt file");
            }
            return files;
        } catch (IOException e) {
            throw new ParseException(dir.toString(), 1, "seeds folder cannot be read: " + e.getMessage());
        }
    }

    /** The largest seed accepted: some fifty times a yearly report, so that a build always ends in minutes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** Reads the seed and its metadata file, checks the checksum, and parses. */
    public ParsedDocument parse(Path seed) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new ParseException(seed.toString(), 1, "seed cannot be read: " + e.getMessage());
        }
        Path metaFile = MetadataReader.metadataFile(seed);
        DocumentMetadata meta = MetadataReader.read(metaFile);
        String sha = DigestUtils.sha256Hex(bytes);
        if (!sha.equals(meta.sha256())) {
            throw new ParseException(metaFile.toString(), 1, "checksum mismatch: the seed's SHA-256 is " + sha
                    + " but the metadata says " + meta.sha256()
                    + " (the text changed: check it, then update 'sha256')");
        }
        return parse(seed.toString(), bytes, meta);
    }

    /** Parses bytes already checked against {@code meta}; {@code file} names the source in messages. */
    public ParsedDocument parse(String file, byte[] bytes, DocumentMetadata meta) {
        if (bytes.length > MAX_BYTES) {
            throw new ParseException(file, 1, "too large: " + bytes.length + " bytes; a seed may have at most "
                    + MAX_BYTES + " bytes (a yearly report is about 60 KB: is this one document?)");
        }
        List<SourceLine> lines = SourceReader.read(file, bytes);
        return new Run(file, lines).parse(meta, DigestUtils.sha256Hex(bytes));
    }

    static String documentKey(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Text gathered from several source lines, remembering where each character came from. */
    private static final class Joined {
        private final StringBuilder text = new StringBuilder();
        private final List<int[]> origins = new ArrayList<>();

        void append(SourceLine line, String part) {
            if (part.isBlank() && text.isEmpty()) {
                return;
            }
            if (line.isBlank()) {
                return;
            }
            origins.add(new int[] {text.length(), line.number(), line.page()});
            text.append(part);
        }

        boolean isEmpty() {
            return text.toString().isBlank();
        }

        String text() {
            return text.toString();
        }

        /** [line, page] of the character at {@code index}. */
        int[] origin(int index) {
            int[] found = origins.get(0);
            for (int[] o : origins) {
                if (o[0] <= index) {
                    found = o;
                } else {
                    break;
                }
            }
            return new int[] {found[1], found[2]};
        }

        boolean endsClosed() {
            String s = text.toString().stripTrailing();
            return !s.isEmpty() && CLOSING.indexOf(s.charAt(s.length() - 1)) >= 0;
        }
    }

    private final class Run {
        private final String file;
        private final List<SourceLine> lines;
        private final List<Warning> warnings = new ArrayList<>();

        private final List<PendingSection> sections = new ArrayList<>();
        private final Deque<PendingSection> open = new ArrayDeque<>();
        private final Map<String, Integer> childCounts = new HashMap<>();
        private final List<MeasureRecord> measures = new ArrayList<>();
        private final List<FootnoteRecord> footnotes = new ArrayList<>();
        private final List<SourceLine> header = new ArrayList<>();

        private Joined bullet;
        private int bulletLine;
        private int bulletPage;
        private PendingSection lastHeading;
        private boolean bulletSinceHeading;

        Run(String file, List<SourceLine> lines) {
            this.file = file;
            this.lines = lines;
        }

        ParsedDocument parse(DocumentMetadata meta, String sha) {
            boolean[] footnoteLine = findFootnotes();
            boolean body = false;
            for (SourceLine line : lines) {
                if (footnoteLine[line.number() - 1] || line.isBlank()) {
                    continue;
                }
                String s = line.text().strip();
                if (!body && header.isEmpty()) {
                    header.add(line);
                    continue;
                }
                if (standaloneTag(line, s)) {
                    continue;
                }
                boolean boundary = bullet == null || bullet.endsClosed();
                if (boundary) {
                    Optional<Headings.Match> heading = headingOf(line, s);
                    if (heading.isPresent()) {
                        body = true;
                        closeBullet();
                        continue;
                    }
                    if (s.startsWith("・")) {
                        body = true;
                        closeBullet();
                        startBullet(line);
                        continue;
                    }
                }
                if (bullet != null) {
                    bullet.append(line, line.text());
                } else if (!body) {
                    header.add(line);
                } else {
                    warnings.add(new Warning(file, line.number(), "text outside a measure",
                            "this line is neither a heading nor part of a bullet; it is not in any measure"));
                }
            }
            if (bullet != null && !bullet.isEmpty() && !bullet.endsClosed()
                    && Brackets.unclosedLenticular(bullet.text()) < 0) {
                int[] end = bullet.origin(bullet.text().stripTrailing().length() - 1);
                throw new ParseException(file, end[0], "the file ends inside a measure: its text stops mid-sentence "
                        + "with no closing 。 or tag (truncated file?)");
            }
            closeBullet();
            if (measures.isEmpty()) {
                throw new ParseException(file, lines.get(lines.size() - 1).number(),
                        "no measures: a measure is a line starting with ・ and the file has none");
            }
            checkEveryHeadingHasMeasures();
            linkFootnotes();
            Header h = readHeader();
            int pages = lines.get(lines.size() - 1).page();
            List<SectionRecord> done = finishSections();
            return new ParsedDocument(documentKey(file), Path.of(file).getFileName().toString(), meta, sha, h.title,
                    h.issued, h.preamble, pages, done, measures, footnotes, warnings);
        }

        /** A line that is only a ministry tag belongs to the open bullet, or else to the heading just read. */
        private boolean standaloneTag(SourceLine line, String s) {
            int last = s.length() - 1;
            if (last < 2 || !Brackets.isClose(s.charAt(last)) || Brackets.matchingOpen(s, last) != 0
                    || s.charAt(0) == '<' || s.charAt(0) == '＜' || s.charAt(0) == '〈') {
                return false;
            }
            Optional<Tag> tag = tags.read(s.substring(1, last), line.number());
            if (tag.isEmpty()) {
                return false;
            }
            if (bullet != null) {
                bullet.append(line, line.text());
                return true;
            }
            if (lastHeading != null && !bulletSinceHeading && lastHeading.tag.isEmpty()) {
                lastHeading.tag = tag;
                return true;
            }
            throw new ParseException(file, line.number(), "tag " + s + " stands on its own line but follows no bullet "
                    + "or heading it could belong to");
        }

        private Optional<Headings.Match> headingOf(SourceLine line, String s) {
            Optional<Tag> tag = Optional.empty();
            String rest = s;
            int last = s.length() - 1;
            if (last > 0 && (s.charAt(last) == '】' || s.charAt(last) == '）' || s.charAt(last) == ')')) {
                int openAt = Brackets.matchingOpen(s, last);
                if (openAt > 0) {
                    tag = tags.read(s.substring(openAt + 1, last), line.number());
                    if (tag.isPresent()) {
                        rest = s.substring(0, openAt).strip();
                    }
                }
            }
            if (s.startsWith("・")) {
                return Optional.empty();
            }
            Optional<Headings.Match> match = Headings.match(rest);
            if (match.isPresent()) {
                addSection(match.get(), line, tag);
            }
            return match;
        }

        private void addSection(Headings.Match m, SourceLine line, Optional<Tag> tag) {
            closeBullet();
            while (!open.isEmpty() && open.peek().style.ordinal() >= m.style().ordinal()) {
                open.pop();
            }
            PendingSection parent = open.peek();
            String parentPath = parent == null ? "" : parent.path;
            int ordinal = childCounts.merge(parentPath, 1, Integer::sum);
            String path = parent == null ? String.valueOf(ordinal) : parent.path + "." + ordinal;
            PendingSection section = new PendingSection(path, m, parent, ordinal, line, tag);
            sections.add(section);
            open.push(section);
            lastHeading = section;
            bulletSinceHeading = false;
        }

        private void startBullet(SourceLine line) {
            bullet = new Joined();
            bulletLine = line.number();
            bulletPage = line.page();
            String s = line.text();
            int at = s.indexOf('・');
            int from = at + 1;
            while (from < s.length() && Character.isWhitespace(s.charAt(from)) || from < s.length() && s.charAt(from) == '\u3000') {
                from++;
            }
            bullet.origins.add(new int[] {0, line.number(), line.page()});
            bullet.text.append(s.substring(from));
            bulletSinceHeading = true;
        }

        private void closeBullet() {
            if (bullet == null) {
                return;
            }
            Joined b = bullet;
            bullet = null;
            String text = b.text();
            Optional<Tag> tag = Optional.empty();
            String body = text.stripTrailing();
            int last = body.length() - 1;
            if (last > 0 && (body.charAt(last) == '】' || body.charAt(last) == '）' || body.charAt(last) == ')')) {
                int openAt = Brackets.matchingOpen(body, last);
                if (openAt >= 0) {
                    int tagLine = b.origin(openAt)[0];
                    tag = tags.read(body.substring(openAt + 1, last), tagLine);
                    if (tag.isPresent()) {
                        body = body.substring(0, openAt);
                    } else if (body.charAt(last) == '】') {
                        warnings.add(new Warning(file, tagLine, "not a tag",
                                "bracket " + body.substring(openAt) + " ends the bullet but names no known ministry "
                                        + "code and no ◎ lead; kept as text"));
                    }
                }
            }
            int unclosed = Brackets.unclosedLenticular(body);
            if (unclosed >= 0) {
                throw new ParseException(file, b.origin(unclosed)[0], "unclosed tag: " + excerpt(body.substring(unclosed))
                        + " has no closing 】");
            }
            body = body.stripTrailing();
            if (body.isEmpty()) {
                throw new ParseException(file, bulletLine, "empty bullet: a ・ with no text before the next bullet or heading");
            }
            int[] lastChar = b.origin(body.length() - 1);
            Optional<String> section = open.isEmpty() ? Optional.empty() : Optional.of(open.peek().path);
            if (section.isEmpty()) {
                throw new ParseException(file, bulletLine, "measure outside any heading: this bullet comes before "
                        + "the first heading (rule: every measure belongs to a section)");
            }
            measures.add(new MeasureRecord(measures.size() + 1, body, section, bulletLine, lastChar[0], bulletPage,
                    lastChar[1], tag, List.of()));
        }

        private String excerpt(String s) {
            return s.length() > 20 ? s.substring(0, 20) + "…" : s;
        }

        /** Marks footnote lines: after a long whitespace-only rule line, marker lines to the end of the page. */
        private boolean[] findFootnotes() {
            boolean[] marked = new boolean[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                SourceLine rule = lines.get(i);
                if (!rule.isBlank() || rule.text().length() < FOOTNOTE_RULE_MIN) {
                    continue;
                }
                int j = i + 1;
                while (j < lines.size() && lines.get(j).isBlank() && !lines.get(j).pageStart()) {
                    j++;
                }
                if (j >= lines.size() || lines.get(j).pageStart()
                        || !FOOTNOTE_START.matcher(lines.get(j).text()).matches()) {
                    continue;
                }
                Joined current = null;
                String marker = null;
                int markerLine = 0;
                int page = lines.get(j).page();
                int k = j;
                for (; k < lines.size() && !(k > j && lines.get(k).pageStart()); k++) {
                    SourceLine l = lines.get(k);
                    marked[k] = true;
                    if (l.isBlank()) {
                        continue;
                    }
                    Matcher m = FOOTNOTE_START.matcher(l.text());
                    if (m.matches()) {
                        if (current != null) {
                            footnotes.add(new FootnoteRecord(marker, current.text().strip(), markerLine, page));
                        }
                        current = new Joined();
                        marker = m.group(1);
                        markerLine = l.number();
                        current.append(l, m.group(2));
                    } else {
                        current.append(l, l.text());
                    }
                }
                if (current != null) {
                    footnotes.add(new FootnoteRecord(marker, current.text().strip(), markerLine, page));
                }
                marked[i] = true;
                i = k - 1;
            }
            return marked;
        }

        /** Each footnote goes to the measure on its page (or the page before) whose text carries its marker. */
        private void linkFootnotes() {
            for (FootnoteRecord f : footnotes) {
                String marker = Pattern.quote(f.marker());
                Pattern ref = Pattern.compile("(?<![0-9０-９.,，．])[\\s\u3000]?" + marker
                        + "(?=[。、，,.．）)\\s\u3000]|$)");
                int target = -1;
                for (int i = 0; i < measures.size(); i++) {
                    MeasureRecord m = measures.get(i);
                    if (m.pageStart() <= f.page() && m.pageEnd() >= f.page() - 1 && ref.matcher(m.text()).find()) {
                        target = i;
                        if (m.pageEnd() >= f.page()) {
                            break;
                        }
                    }
                }
                if (target < 0) {
                    warnings.add(new Warning(file, f.line(), "footnote without reference",
                            "no measure on page " + f.page() + " carries the marker " + f.marker()));
                    continue;
                }
                MeasureRecord m = measures.get(target);
                List<String> markers = new ArrayList<>(m.footnotes());
                markers.add(f.marker());
                measures.set(target, new MeasureRecord(m.ordinal(), m.text(), m.section(), m.lineStart(), m.lineEnd(),
                        m.pageStart(), m.pageEnd(), m.tag(), markers));
            }
        }

        private void checkEveryHeadingHasMeasures() {
            Map<String, Integer> counts = new HashMap<>();
            for (MeasureRecord m : measures) {
                m.section().ifPresent(path -> {
                    String p = path;
                    while (true) {
                        counts.merge(p, 1, Integer::sum);
                        int dot = p.lastIndexOf('.');
                        if (dot < 0) {
                            break;
                        }
                        p = p.substring(0, dot);
                    }
                });
            }
            for (PendingSection s : sections) {
                if (!counts.containsKey(s.path)) {
                    throw new ParseException(file, s.line.number(), "heading '" + s.match.marker() + s.match.label()
                            + "' has no measures under it (rule: every heading needs at least one bullet; "
                            + "a truncated file ends like this)");
                }
            }
        }

        private List<SectionRecord> finishSections() {
            EnumSet<MarkerStyle> used = EnumSet.noneOf(MarkerStyle.class);
            sections.forEach(s -> used.add(s.style));
            List<MarkerStyle> ranks = new ArrayList<>(used);
            List<SectionRecord> out = new ArrayList<>(sections.size());
            for (PendingSection s : sections) {
                out.add(new SectionRecord(s.path, s.match.marker(), s.style, ranks.indexOf(s.style) + 1,
                        s.match.label(), s.parent == null ? Optional.empty() : Optional.of(s.parent.path), s.ordinal,
                        s.line.number(), s.line.page(), s.tag));
            }
            return out;
        }

        private record Header(String title, Optional<DateValue> issued, String preamble) {
        }

        /** Title line, date line and the introductory paragraph before the first heading. */
        private Header readHeader() {
            String title = header.get(0).text().strip();
            Optional<DateValue> issued = Optional.empty();
            Joined preamble = new Joined();
            for (SourceLine line : header.subList(1, header.size())) {
                Matcher m = DATE_LINE.matcher(line.text());
                if (issued.isEmpty() && preamble.isEmpty() && m.matches()) {
                    issued = Optional.ofNullable(date(m.group(1), m.group(2), m.group(3)));
                    continue;
                }
                String s = line.text().strip();
                boolean note = preamble.isEmpty() && s.length() <= 40 && s.indexOf('。') < 0 && s.indexOf('、') < 0;
                if (note) {
                    continue;
                }
                preamble.append(line, line.text());
            }
            if (issued.isEmpty()) {
                throw new ParseException(file, header.get(0).number(), "no date line: the lines before the first "
                        + "heading hold no issue date with a four-digit year such as '2022 年 6 月 7 日'");
            }
            return new Header(title, issued, preamble.text().strip());
        }

        private DateValue date(String year, String month, String day) {
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
            return new DateValue(Integer.parseInt(y), mi, di);
        }

        private String digits(String s) {
            return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
        }
    }

    private static final class PendingSection {
        final String path;
        final Headings.Match match;
        final MarkerStyle style;
        final PendingSection parent;
        final int ordinal;
        final SourceLine line;
        Optional<Tag> tag;

        PendingSection(String path, Headings.Match match, PendingSection parent, int ordinal, SourceLine line,
                       Optional<Tag> tag) {
            this.path = path;
            this.match = match;
            this.style = match.style();
            this.parent = parent;
            this.ordinal = ordinal;
            this.line = line;
            this.tag = tag;
        }
    }
}
