package org.hmskg.parse;

import java.util.List;
import java.util.Optional;

/**
 * A prose paragraph of the body: lines that are neither a heading nor part of a bullet, up to the next heading,
 * bullet or paragraph break. List items that are not headings ({@code ①…。} with a sentence, {@code ○} items of a
 * table) and any text the parser cannot place otherwise are paragraphs too, their marks kept in the text.
 *
 * @param ordinal 1..n in document order among the paragraphs (counted apart from measures)
 */
public record ParagraphRecord(int ordinal, String text, Optional<String> section, int lineStart, int lineEnd,
                              int pageStart, int pageEnd, Optional<Tag> tag, List<String> footnotes,
                              List<Origin> origins) implements Block {
    public ParagraphRecord {
        footnotes = List.copyOf(footnotes);
        origins = List.copyOf(origins);
    }

    @Override
    public String blockKey() {
        return "p" + ordinal;
    }

    ParagraphRecord withFootnotes(List<String> markers) {
        return new ParagraphRecord(ordinal, text, section, lineStart, lineEnd, pageStart, pageEnd, tag, markers,
                origins);
    }
}
