package org.hmskg.parse;

import java.util.List;
import java.util.Optional;

/**
 * A text block of the body: a bullet ({@link MeasureRecord}) or a prose paragraph ({@link ParagraphRecord}). Both
 * follow the same text, line, page and tag rules; their ordinals count separately, each 1..n in document order.
 */
public sealed interface Block permits MeasureRecord, ParagraphRecord {
    int ordinal();

    /** hms:text as CONTRACT.md defines it for a measure. */
    String text();

    /** Path of the innermost heading above the block, if any. */
    Optional<String> section();

    int lineStart();

    /** Last line holding the block's own text (not its tag). */
    int lineEnd();

    int pageStart();

    int pageEnd();

    /** The block's own tag, if it has one. */
    Optional<Tag> tag();

    /** Markers of the footnotes its text refers to. */
    List<String> footnotes();

    /** Where the text's characters came from, in text order. */
    List<Origin> origins();

    /** Key of the block among the document's blocks: the ordinal for a measure, {@code p} + ordinal for a paragraph. */
    String blockKey();

    /** The source line and page of the character at {@code codePoint} (an offset in code points into {@link #text()}). */
    default Origin originOf(int codePoint) {
        String text = text();
        int index = text.offsetByCodePoints(0, Math.min(codePoint, text.codePointCount(0, text.length())));
        Origin found = origins().get(0);
        for (Origin o : origins()) {
            if (o.index() <= index) {
                found = o;
            } else {
                break;
            }
        }
        return found;
    }
}
