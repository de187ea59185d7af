package org.hmskg.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text layer of a published document, page by page.
 *
 * @param source the file it was read from
 * @param pages  every page in order, also those that hold no text
 */
public record SourceText(Path source, List<Page> pages) {
    public SourceText {
        pages = List.copyOf(pages);
    }

    /**
     * One page.
     *
     * @param number         1-based
     * @param text           its text lines joined with {@code \n} (no line separator after the last), empty when the
     *                       page holds no text
     * @param unmappedGlyphs glyphs drawn on the page whose font gives no Unicode character for them, so that no text
     *                       could be read for them
     */
    public record Page(int number, String text, int unmappedGlyphs) {
    }

    /**
     * The seed file's text: every page's lines, each ended by {@code \n}, pages separated by a form feed (which thus
     * starts the first line of the next page, as in pdftotext's output). A page without text is one empty line, so
     * that the pages after it keep their numbers.
     */
    public String seedText() {
        StringBuilder sb = new StringBuilder();
        for (Page p : pages) {
            if (p.number() > 1) {
                sb.append('\f');
            }
            sb.append(p.text()).append('\n');
        }
        return sb.toString();
    }

    /** Things a reader of the seed should know: pages without text, glyphs without a character. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Page p : pages) {
            if (p.unmappedGlyphs() > 0) {
                out.add(source + ": page " + p.number() + ": " + p.unmappedGlyphs() + " glyph"
                        + (p.unmappedGlyphs() == 1 ? " has" : "s have")
                        + " no Unicode character in the PDF's fonts (no ToUnicode map) and could not be read");
            } else if (p.text().isBlank()) {
                out.add(source + ": page " + p.number() + ": holds no text (an image or a blank page?); "
                        + "an empty line stands for it");
            }
        }
        return out;
    }
}
