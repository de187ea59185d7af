package org.hmskg.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Seed text → {@link ParsedDocument}. General for this family of documents (the yearly follow-ups, the strategy and
 * the R&D plan): headings of any marker style and depth, bullets and prose paragraphs over wrapped lines and page
 * breaks, ministry tags in brackets, footnotes and page numbers at page edges, the header with its title, date and
 * deciding body. Every non-whitespace character of the file ends up in one node or is reported as unplaced; the
 * structure of a document never makes parsing fail (what is odd becomes a warning with {@code file:line}). Only
 * input that cannot be read safely is an error: bytes that are not UTF-8, binary data, a file over the size limit,
 * an unclosed tag, a metadata file whose checksum differs. Nothing here depends on a line number or a sentence of
 * one particular file.
 */
public final class SeedParser {
    private static final String CLOSING = "。．.】)）」』";
    /** The marks a list item may start with: circled numbers, ○, (n), n., ア, (ア) (as headings use them). */
    private static final Pattern LIST_MARKER = Pattern.compile(
            "^([\u2460-\u2473]|[○〇◯]|[（(][0-9０-９]{1,2}[）)]|[0-9０-９]{1,2}[．.](?![0-9０-９])"
                    + "|[" + Headings.KATAKANA + "](?:[．.]|(?=[\\s\u3000]))|[（(][" + Headings.KATAKANA + "][）)])");
    /**
     * A bracketed note of the header, never a heading there: a revision ({@code （令和５年６月一部改定）}, {@code （案）})
     * or the edition a title continues with on its own line ({@code （第３期）}, {@code （第2次）}, {@code （改訂版）}).
     */
    private static final Pattern HEADER_NOTE = Pattern.compile(
            "^[（(][^（()）]*(?:案|改定|改訂|変更|決定|第[0-9０-９一二三四五六七八九十]{1,3}[期次版])[^（()）]*[）)]$");
    /** A line this much narrower than the document's full lines ends its paragraph when it ends a sentence. */
    private static final double SHORT_LINE = 0.9;
    /** The share of the widest lines' width from which a line counts in {@link #fullWidth}. */
    private static final double LONG_LINE = 0.6;
    /** The longest line taken as the title of a bare numbered heading on the line before. */
    private static final int BARE_LABEL_MAX = 40;

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
            throw new ParseException(dir.toString(), 1, "seeds folder cannot be read: " + e.getMessage(), e);
        }
    }

    /** The largest seed accepted: some fifty times a yearly report, so that a build always ends in minutes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** Reads the seed and, when there is one, its metadata file, checks the checksum it states, and parses. */
    public ParsedDocument parse(Path seed) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new ParseException(seed.toString(), 1, "seed cannot be read: " + e.getMessage(), e);
        }
        return parse(seed, bytes);
    }

    /**
     * Parses {@code bytes} as the content of {@code seed}, with the metadata file next to it when there is one, as
     * {@link #parse(Path)} would once they are written there (a text is checked before it is written).
     */
    public ParsedDocument parse(Path seed, byte[] bytes) {
        Path metaFile = MetadataReader.metadataFile(seed);
        MetadataReader.Overrides overrides = MetadataReader.readIfPresent(metaFile);
        String sha = DigestUtils.sha256Hex(bytes);
        if (overrides.sha256().isPresent() && !sha.equals(overrides.sha256().get())) {
            throw new ParseException(metaFile.toString(), 1, "checksum mismatch: the seed's SHA-256 is " + sha
                    + " but the metadata says " + overrides.sha256().get()
                    + " (the text changed: check it, then update or remove 'sha256')");
        }
        return parse(seed.toString(), bytes, overrides);
    }

    /** Parses bytes with no metadata file: everything is read from the text. */
    public ParsedDocument parse(String file, byte[] bytes) {
        return parse(file, bytes, MetadataReader.Overrides.NONE);
    }

    ParsedDocument parse(String file, byte[] bytes, MetadataReader.Overrides overrides) {
        if (bytes.length > MAX_BYTES) {
            throw new ParseException(file, 1, "too large: " + bytes.length + " bytes; a seed may have at most "
                    + MAX_BYTES + " bytes (a yearly report is about 60 KB: is this one document?)");
        }
        List<SourceLine> lines = SourceReader.read(file, bytes);
        boolean formFeeds = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf('\f') >= 0;
        return new Run(file, lines).parse(overrides, DigestUtils.sha256Hex(bytes), formFeeds);
    }

    /** The metadata file that may stand next to a seed: {@code <key>.meta.json}. */
    public static Path metadataFile(Path seed) {
        return MetadataReader.metadataFile(seed);
    }

    static String documentKey(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A block being read: its text so far and what it is. */
    private static final class OpenBlock {
        final TextBuilder text;
        final boolean bullet;
        final String marker;
        final int line;
        final int page;
        /** A tag line that followed nothing it could belong to: kept as text, never read as a tag. */
        final boolean literal;
        /** An entry of a table of contents: a paragraph of its own, expected before the first heading. */
        boolean contents;

        OpenBlock(TextBuilder text, boolean bullet, String marker, int line, int page, boolean literal) {
            this.text = text;
            this.bullet = bullet;
            this.marker = marker;
            this.line = line;
            this.page = page;
            this.literal = literal;
        }
    }

    private final class Run {
        private final String file;
        private final List<SourceLine> lines;
        private final Ledger ledger;
        private final List<Warning> warnings = new ArrayList<>();

        private final List<PendingSection> sections = new ArrayList<>();
        private final Deque<PendingSection> open = new ArrayDeque<>();
        private final Map<String, Integer> childCounts = new HashMap<>();
        private final List<Block> blocks = new ArrayList<>();
        private int measureCount;
        private int paragraphCount;
        private List<FootnoteRecord> footnotes = List.of();

        private OpenBlock cur;
        private PendingSection lastHeading;
        private boolean blockSinceHeading;
        private int fullWidth;

        Run(String file, List<SourceLine> lines) {
            this.file = file;
            this.lines = lines;
            this.ledger = new Ledger(file, lines);
        }

        ParsedDocument parse(MetadataReader.Overrides overrides, String sha, boolean formFeeds) {
            Map<Integer, PageArtefact> artefacts = PageLayout.find(lines);
            artefacts.keySet().forEach(i -> ledger.placeLine(lines.get(i)));
            Footnotes.Result notes = Footnotes.find(lines, artefacts, ledger);
            footnotes = notes.footnotes();
            List<SourceLine> content = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank() && !artefacts.containsKey(i) && !notes.marked()[i]) {
                    content.add(lines.get(i));
                }
            }
            fullWidth = fullWidth(content);

            List<SourceLine> header = new ArrayList<>();
            int body = 0;
            boolean firstIsTitle = !content.isEmpty() && !structural(content.get(0), true);
            for (; body < content.size(); body++) {
                SourceLine line = content.get(body);
                if ((body > 0 || !firstIsTitle) && structural(line, false)) {
                    break;
                }
                header.add(line);
            }
            HeaderReader.Result head = HeaderReader.read(header, firstIsTitle, fullWidth, ledger);

            for (int i = body; i < content.size(); i++) {
                i = line(content, i);
            }
            // an appendix (別表) is a table: its rows carry no 。, and a file may end with one
            if (cur != null && !cur.text.isEmpty() && !finished(cur) && !inAppendix()
                    && Brackets.unclosedLenticular(cur.text.text()) < 0) {
                warnings.add(new Warning(file, cur.text.lastLine(), "file ends inside a block", "the text stops "
                        + "mid-sentence with no closing 。 or tag (truncated file?); the text is kept as it is"));
            }
            closeBlock();
            linkFootnotes();
            DocumentMetadata meta = HeaderReader.metadata(file, head, overrides, sha, formFeeds, warnings);
            // the last page holding text: pdftotext's form feed after the last page opens no page
            int pages = lines.stream().filter(l -> !l.isBlank()).mapToInt(SourceLine::page).max().orElse(1);
            List<PageArtefact> artefactList = artefacts.values().stream()
                    .sorted((a, b) -> Integer.compare(a.line(), b.line())).toList();
            Coverage coverage = ledger.coverage();
            for (Coverage.Unplaced u : coverage.unplaced()) {
                warnings.add(new Warning(file, u.line(), "text not placed", "column " + u.column() + ": '" + u.text()
                        + "' is in no node of the document"));
            }
            return new ParsedDocument(documentKey(file), Path.of(file).getFileName().toString(), meta, sha,
                    meta.title(), head.issued(), head.header(), head.preamble(), pages, finishSections(), blocks,
                    footnotes, artefactList, warnings, coverage);
        }

        /** Reads content line {@code i} (and any line it takes with it); returns the index of the last line used. */
        private int line(List<SourceLine> content, int i) {
            SourceLine line = content.get(i);
            String s = line.text().strip();
            if (Headings.contentsEntry(s) && (cur == null || !insideTag(cur))) {
                // an entry of a table of contents (１．総論 ……… 1): a paragraph of its own, never a heading,
                // and it continues nothing (its leader runs to the full width of the line)
                closeBlock();
                startBlock(line, false, false);
                if (cur != null) {
                    cur.contents = true;
                }
                closeBlock();
                return i;
            }
            if (cur != null && !finished(cur) && (!endedShort(cur) || insideTag(cur)) && !appendixRow(s)) {
                append(line);
                return i;
            }
            Optional<Tag> lineTag = wholeLineTag(line, s);
            if (lineTag.isPresent()) {
                if (cur != null) {
                    append(line);
                    closeBlock();
                } else if (lastHeading != null && !blockSinceHeading && lastHeading.tag.isEmpty()) {
                    lastHeading.tag = lineTag;
                    ledger.placeLine(line);
                } else {
                    warnings.add(new Warning(file, line.number(), "tag without a block", "tag " + s
                            + " stands on its own line after a block that already has a tag; kept as a paragraph"));
                    startBlock(line, false, true);
                    closeBlock();
                }
                return i;
            }
            if (listItem(s)) {
                closeBlock();
                startBlock(line, false, false);
                return i;
            }
            Optional<HeadingLine> heading = heading(line.number(), s);
            if (heading.isPresent()) {
                closeBlock();
                return addSection(heading.get().match(), heading.get().tag(), line, content, i);
            }
            if (s.startsWith("・")) {
                closeBlock();
                startBlock(line, true, false);
                return i;
            }
            if (cur == null) {
                startBlock(line, false, false);
            } else if (cur.bullet ? endedShort(cur) : paragraphBreak(line)) {
                closeBlock();
                startBlock(line, false, false);
            } else {
                append(line);
            }
            return i;
        }

        /**
         * A numbered or circled item of the text, kept as a paragraph of its own with its mark: a marker that would
         * start a heading followed by a sentence ({@code ① …を整える。}), and in an appendix (別表) every
         * {@code ○} or circled-number line, which there are the rows of a table.
         */
        private boolean listItem(String s) {
            Matcher m = LIST_MARKER.matcher(s);
            if (!m.find()) {
                return false;
            }
            return appendixRow(s) || s.indexOf('。') >= 0 && s.length() > m.end();
        }

        /** A {@code ○} or circled-number line in an appendix (別表): a row of a table, never the rest of a line. */
        private boolean appendixRow(String s) {
            Matcher m = LIST_MARKER.matcher(s);
            return inAppendix() && m.find() && m.group(1).matches("[○〇◯\u2460-\u2473]");
        }

        private boolean inAppendix() {
            return open.stream().anyMatch(p -> p.style == MarkerStyle.APPENDIX);
        }

        /** Whether a line opens the body: a heading or a bullet ({@code first}: the first line, title or not). */
        private boolean structural(SourceLine line, boolean first) {
            String s = line.text().strip();
            if (s.startsWith("・") || Headings.contentsEntry(s)) {
                return true;
            }
            if (!first && HEADER_NOTE.matcher(s).matches()) {
                return false;
            }
            return headingMatch(s).isPresent();
        }

        private record HeadingLine(Headings.Match match, Optional<Tag> tag) {
        }

        /** The heading {@code s} is, with the tag at its end if it has one. */
        private Optional<HeadingLine> heading(int lineNumber, String s) {
            if (s.startsWith("・")) {
                return Optional.empty();
            }
            int last = s.length() - 1;
            if (last > 0 && isTagClose(s.charAt(last))) {
                int openAt = Brackets.matchingOpen(s, last);
                if (openAt > 0) {
                    Optional<Tag> tag = tags.read(s.substring(openAt, last + 1), lineNumber);
                    if (tag.isPresent()) {
                        Optional<Headings.Match> m = Headings.match(s.substring(0, openAt).strip());
                        if (m.isPresent()) {
                            return Optional.of(new HeadingLine(m.get(), tag));
                        }
                    }
                }
            }
            return Headings.match(s).map(m -> new HeadingLine(m, Optional.empty()));
        }

        private Optional<Headings.Match> headingMatch(String s) {
            return heading(0, s).map(HeadingLine::match);
        }

        /** A line that is only a ministry tag: {@code 【厚、◎経】}, {@code (文)}. */
        private Optional<Tag> wholeLineTag(SourceLine line, String s) {
            int last = s.length() - 1;
            if (last < 2 || !isTagClose(s.charAt(last)) || Brackets.matchingOpen(s, last) != 0) {
                return Optional.empty();
            }
            return tags.read(s, line.number());
        }

        private int addSection(Headings.Match m, Optional<Tag> tag, SourceLine line, List<SourceLine> content, int i) {
            while (!open.isEmpty() && open.peek().style.ordinal() >= m.style().ordinal()) {
                open.pop();
            }
            PendingSection parent = open.peek();
            String parentPath = parent == null ? "" : parent.path;
            int ordinal = childCounts.merge(parentPath, 1, Integer::sum);
            String path = parent == null ? String.valueOf(ordinal) : parent.path + "." + ordinal;
            ledger.placeLine(line);
            int used = i;
            String label = m.label();
            // A bare numbered marker ((5), ①, 3.) may have its title on the next line: a short line, no sentence.
            if (label.isEmpty() && tag.isEmpty() && i + 1 < content.size()) {
                SourceLine next = content.get(i + 1);
                String n = next.text().strip();
                if (n.length() <= BARE_LABEL_MAX && n.indexOf('。') < 0 && !structural(next, false)
                        && wholeLineTag(next, n).isEmpty() && !Brackets.isOpen(n.charAt(0))) {
                    label = n;
                    ledger.placeLine(next);
                    used = i + 1;
                }
            }
            PendingSection section = new PendingSection(path, new Headings.Match(m.marker(), m.style(), label),
                    parent, ordinal, line, tag);
            sections.add(section);
            open.push(section);
            lastHeading = section;
            blockSinceHeading = false;
            return used;
        }

        private void startBlock(SourceLine line, boolean bullet, boolean literal) {
            TextBuilder text = new TextBuilder(ledger);
            String marker = "";
            if (bullet) {
                String s = line.text();
                int at = s.indexOf('・');
                ledger.place(line, at, at + 1);
                marker = "・";
                text.append(line, at + 1);
            } else {
                text.append(line);
            }
            cur = new OpenBlock(text, bullet, marker, line.number(), line.page(), literal);
            blockSinceHeading = true;
            if (!literal && endsWithTag(text.text())) {
                closeBlock();
            }
        }

        private void append(SourceLine line) {
            cur.text.append(line);
            if (!cur.literal && endsWithTag(cur.text.text())) {
                closeBlock();
            }
        }

        /**
         * Whether the text ends with a tag that ends the block: a tag after the end of a sentence or on a line of its
         * own. A bracket at the end of a line inside a sentence ({@code …の整備（文）} + {@code を行う。}) does not.
         */
        private boolean endsWithTag(String text) {
            String body = text.stripTrailing();
            int last = body.length() - 1;
            if (last < 1 || !isTagClose(body.charAt(last))) {
                return false;
            }
            int openAt = Brackets.matchingOpen(body, last);
            if (openAt < 0 || tags.read(body.substring(openAt, last + 1), 0).isEmpty()) {
                return false;
            }
            String before = body.substring(0, openAt).stripTrailing();
            return before.isEmpty() || CLOSING.indexOf(before.charAt(before.length() - 1)) >= 0;
        }

        /**
         * A finished sentence (the text ends with 。 or a closing bracket, and its last line leaves no 「 or （ open)
         * is a boundary: a line after it may start a heading, bullet or paragraph. Otherwise the line continues it.
         */
        private boolean finished(OpenBlock b) {
            String s = b.text.text().stripTrailing();
            if (s.isEmpty()) {
                return b.bullet ? false : true;
            }
            if (CLOSING.indexOf(s.charAt(s.length() - 1)) < 0) {
                return false;
            }
            Origin last = b.text.origins().get(b.text.origins().size() - 1);
            return depth(s.substring(last.index()), '「', '」') <= 0 && depth(s.substring(last.index()), '（', '）') <= 0
                    && depth(s.substring(last.index()), '(', ')') <= 0;
        }

        private int depth(String s, char openChar, char closeChar) {
            int d = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == openChar) {
                    d++;
                } else if (s.charAt(i) == closeChar) {
                    d--;
                }
            }
            return d;
        }

        /** A new paragraph starts after a finished sentence at an indented line or after a short last line. */
        private boolean paragraphBreak(SourceLine line) {
            if (!finished(cur)) {
                return false;
            }
            String raw = line.text();
            if (!raw.isEmpty() && (raw.charAt(0) == '\u3000' || raw.charAt(0) == ' ' || raw.charAt(0) == '\t')) {
                return true;
            }
            return endedShort(cur);
        }

        /**
         * Whether the block's last line stops well before the document's full line width: the author ended the line
         * there (a list item without 。, a paragraph's last line), so what follows may start a new block even
         * though no sentence ended. A line that runs to full width was wrapped by the layout and continues.
         */
        private boolean endedShort(OpenBlock b) {
            if (fullWidth == 0 || b.text.origins().isEmpty()) {
                return false;
            }
            SourceLine previous = lines.get(b.text.lastLine() - 1);
            return width(previous.text().strip()) < SHORT_LINE * fullWidth;
        }

        private void closeBlock() {
            if (cur == null) {
                return;
            }
            OpenBlock b = cur;
            cur = null;
            String text = b.text.text();
            Optional<Tag> tag = Optional.empty();
            String body = text.stripTrailing();
            int last = body.length() - 1;
            if (!b.literal && last > 0 && isTagClose(body.charAt(last))) {
                int openAt = Brackets.matchingOpen(body, last);
                if (openAt >= 0) {
                    int tagLine = b.text.origin(openAt).line();
                    tag = tags.read(body.substring(openAt, last + 1), tagLine);
                    if (tag.isPresent()) {
                        body = body.substring(0, openAt);
                    } else if (body.charAt(last) == '】' && b.bullet) {
                        warnings.add(new Warning(file, tagLine, "not a tag",
                                "bracket " + body.substring(openAt) + " ends the bullet but names no known ministry "
                                        + "code and no ◎ lead; kept as text"));
                    }
                }
            }
            int unclosed = Brackets.unclosedLenticular(body);
            if (unclosed >= 0) {
                int line = b.text.origin(unclosed).line();
                if (opensTag(body, unclosed)) {
                    throw new ParseException(file, line, "unclosed tag: " + excerpt(body.substring(unclosed))
                            + " has no closing 】");
                }
                warnings.add(new Warning(file, line, "unclosed bracket", excerpt(body.substring(unclosed))
                        + " has no closing 】; kept as text"));
            }
            body = body.stripTrailing();
            Optional<String> section = open.isEmpty() ? Optional.empty() : Optional.of(open.peek().path);
            if (body.isEmpty()) {
                if (b.bullet && tag.isEmpty()) {
                    warnings.add(new Warning(file, b.line, "empty bullet", "a ・ with no text before the next bullet "
                            + "or heading; kept as a paragraph holding the mark"));
                    blocks.add(new ParagraphRecord(++paragraphCount, b.marker, section, b.line, b.line, b.page,
                            b.page, Optional.empty(), List.of(), List.of(new Origin(0, b.line, b.page))));
                    return;
                }
                if (tag.isPresent()) {
                    // A block that is nothing but a tag: the tag belongs to the heading before, if it has none.
                    if (lastHeading != null && lastHeading.tag.isEmpty() && !b.bullet) {
                        lastHeading.tag = tag;
                        return;
                    }
                    warnings.add(new Warning(file, b.line, "tag without a block", "a tag with no text before it; "
                            + "kept as a paragraph"));
                    String kept = b.bullet ? b.marker + text.strip() : text.strip();
                    blocks.add(new ParagraphRecord(++paragraphCount, kept, section, b.line, b.line, b.page,
                            b.page, Optional.empty(), List.of(), List.of(new Origin(0, b.line, b.page))));
                    return;
                }
                return;
            }
            Origin lastChar = b.text.origin(body.length() - 1);
            if (section.isEmpty() && !b.contents) {
                warnings.add(new Warning(file, b.line, "block outside any heading", "this " + (b.bullet ? "bullet"
                        : "paragraph") + " comes before the first heading; it belongs to the document only"));
            }
            int length = body.length();
            List<Origin> origins = b.text.origins().stream().filter(o -> o.index() < length).toList();
            if (b.bullet) {
                blocks.add(new MeasureRecord(++measureCount, b.marker, body, section, b.line, lastChar.line(), b.page,
                        lastChar.page(), tag, List.of(), origins));
            } else {
                blocks.add(new ParagraphRecord(++paragraphCount, body, section, b.line, lastChar.line(), b.page,
                        lastChar.page(), tag, List.of(), origins));
            }
        }

        /**
         * Whether {@code text} ends inside a tag: an open {@code 【} that holds a ◎ or reads as a tag once closed
         * ({@code 【厚、◎}, {@code 【総、}). Such a block takes the next line whatever the width of its last line,
         * since the tag's closing bracket is still to come.
         */
        private boolean insideTag(OpenBlock b) {
            String body = b.text.text().stripTrailing();
            int unclosed = Brackets.unclosedLenticular(body);
            return !b.literal && unclosed >= 0 && opensTag(body, unclosed);
        }

        /** Whether the {@code 【} at {@code unclosed} with the rest of {@code body} after it starts a tag. */
        private boolean opensTag(String body, int unclosed) {
            String rest = body.substring(unclosed + 1);
            return rest.indexOf('◎') >= 0
                    || tags.read("【" + rest.replaceAll("[、,，\\s]+$", "") + "】", 0).isPresent();
        }

        private String excerpt(String s) {
            return s.length() > 20 ? s.substring(0, 20) + "…" : s;
        }

        /** Each footnote goes to the block on its page (or the page before) whose text carries its marker. */
        private void linkFootnotes() {
            for (FootnoteRecord f : footnotes) {
                Pattern ref = Footnotes.reference(f.marker());
                int target = -1;
                for (int i = 0; i < blocks.size(); i++) {
                    Block m = blocks.get(i);
                    if (m.pageStart() <= f.page() && m.pageEnd() >= f.page() - 1 && ref.matcher(m.text()).find()) {
                        target = i;
                        if (m.pageEnd() >= f.page()) {
                            break;
                        }
                    }
                }
                if (target < 0) {
                    warnings.add(new Warning(file, f.line(), "footnote without reference",
                            "no block on page " + f.page() + " carries the marker " + f.marker()));
                    continue;
                }
                Block m = blocks.get(target);
                List<String> markers = new ArrayList<>(m.footnotes());
                markers.add(f.marker());
                blocks.set(target, switch (m) {
                    case MeasureRecord r -> r.withFootnotes(markers);
                    case ParagraphRecord r -> r.withFootnotes(markers);
                });
            }
        }

        /**
         * Levels: the rank of each marker style among the styles the document uses, by the fixed precedence. An
         * appendix (別表) stands beside the top-level chapters: it has level 1 and takes no rank from the others.
         */
        private List<SectionRecord> finishSections() {
            EnumSet<MarkerStyle> used = EnumSet.noneOf(MarkerStyle.class);
            sections.forEach(s -> used.add(s.style));
            used.remove(MarkerStyle.APPENDIX);
            List<MarkerStyle> ranks = new ArrayList<>(used);
            List<SectionRecord> out = new ArrayList<>(sections.size());
            for (PendingSection s : sections) {
                int level = s.style == MarkerStyle.APPENDIX ? 1 : ranks.indexOf(s.style) + 1;
                out.add(new SectionRecord(s.path, s.match.marker(), s.style, level,
                        s.match.label(), s.parent == null ? Optional.empty() : Optional.of(s.parent.path), s.ordinal,
                        s.line.number(), s.line.page(), s.tag));
            }
            return out;
        }
    }

    private static boolean isTagClose(char c) {
        return c == '】' || c == '）' || c == ')';
    }

    /** Display width: full-width characters count 2, others 1. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += c < 0x1100 || (c >= 0xFF61 && c <= 0xFFDC) ? 1 : 2;
        }
        return w;
    }

    /**
     * The width of the document's full lines: the median width of its long content lines, those of at least 20
     * columns and at least {@value #LONG_LINE} of the width that a tenth of the lines reach (the lines of a page of
     * prose run to the full width; the rows of a table or a list of indicators are short lines and do not
     * count); 0 when the document has too few lines to tell.
     */
    private static int fullWidth(List<SourceLine> content) {
        int[] widths = content.stream().mapToInt(l -> width(l.text().strip())).filter(w -> w >= 20).toArray();
        if (widths.length < 5) {
            return 0;
        }
        Arrays.sort(widths);
        int wide = widths[widths.length * 9 / 10];
        int[] lines = Arrays.stream(widths).filter(w -> w >= LONG_LINE * wide).toArray();
        return lines[lines.length / 2];
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
