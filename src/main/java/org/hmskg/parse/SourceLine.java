package org.hmskg.parse;

/**
 * One line of a seed file.
 *
 * @param number    1-based line number in the file (every line counts, blank ones included)
 * @param page      1-based page the line is on
 * @param text      the line without its line terminator, without a form feed, and without the one leading
 *                  space that marks a page start in PDF extractions
 * @param pageStart true when this line starts a page (other than the first)
 */
public record SourceLine(int number, int page, String text, boolean pageStart) {
    public boolean isBlank() {
        return text.isBlank();
    }
}
