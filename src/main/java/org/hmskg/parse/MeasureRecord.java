package org.hmskg.parse;

import java.util.List;
import java.util.Optional;

/**
 * One bullet.
 *
 * @param ordinal   1..n in document order
 * @param text      hms:text as CONTRACT.md defines it
 * @param section   path of the innermost heading, if any
 * @param lineStart line of the bullet mark
 * @param lineEnd   last line holding the measure's own text (not its tag)
 * @param tag       the measure's own tag, if it has one
 * @param footnotes markers of the footnotes its text refers to
 */
public record MeasureRecord(int ordinal, String text, Optional<String> section, int lineStart, int lineEnd,
                            int pageStart, int pageEnd, Optional<Tag> tag, List<String> footnotes) {
    public MeasureRecord {
        footnotes = List.copyOf(footnotes);
    }
}
