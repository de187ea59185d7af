package org.hmskg.parse;

/**
 * A line the page layout adds and the document's text does not hold: a page number or a running header.
 *
 * @param text the line as written, surrounding whitespace trimmed
 */
public record PageArtefact(Kind kind, String text, int line, int page) {
    public enum Kind {
        PAGE_NUMBER("page-number"),
        RUNNING_HEADER("running-header");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The value of {@code hms:artefactKind}. */
        public String label() {
            return label;
        }
    }
}
