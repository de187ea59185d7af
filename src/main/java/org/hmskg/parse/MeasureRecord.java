package org.hmskg.parse;

import java.util.List;
import java.util.Optional;

/**
 * One bullet.
 *
 * @param ordinal   1..n in document order among the measures
 * @param marker    the bullet mark as written ({@code ・})
 * @param text      hms:text as CONTRACT.md defines it
 * @param section   path of the innermost heading, if any
 * @param lineStart line of the bullet mark
 * @param lineEnd   last line holding the measure's own text (not its tag)
 * @param tag       the measure's own tag, if it has one
 * @param footnotes markers of the footnotes its text refers to
 * @param origins   where the text's characters came from
 */
public record MeasureRecord(int ordinal, String marker, String text, Optional<String> section, int lineStart,
                            int lineEnd, int pageStart, int pageEnd, Optional<Tag> tag, List<String> footnotes,
                            List<Origin> origins) implements Block {
    public MeasureRecord {
        footnotes = List.copyOf(footnotes);
        origins = List.copyOf(origins);
    }

    @Override
    public String blockKey() {
        return String.valueOf(ordinal);
    }

    MeasureRecord withFootnotes(List<String> markers) {
        return new MeasureRecord(ordinal, marker, text, section, lineStart, lineEnd, pageStart, pageEnd, tag, markers,
                origins);
    }
}
