package org.hmskg.parse;

import java.util.Optional;

/**
 * A heading and its place in the outline.
 *
 * @param path    child-index path from the document, e.g. {@code 1.1.2}
 * @param marker  the marker as written ({@code １．}, {@code (1)}, {@code ①}, {@code ○}; {@code （）} for topics)
 * @param style   the marker style
 * @param level   rank of the style among the styles the document uses (1 = outermost)
 * @param label   heading text without marker and tag
 * @param ordinal position among its siblings, from 1
 */
public record SectionRecord(String path, String marker, MarkerStyle style, int level, String label,
                            Optional<String> parentPath, int ordinal, int line, int page, Optional<Tag> tag) {
}
