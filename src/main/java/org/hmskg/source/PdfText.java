package org.hmskg.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * PDF → text: the characters of a PDF's text layer in reading order, one text line per line, page by page, read with
 * Apache PDFBox's {@link PDFTextStripper}.
 *
 * <p>Settings, for Japanese documents laid out in lines: glyphs are sorted by position (a PDF may draw a page's text
 * in any order), a glyph drawn again over itself (fake bold) is read once, and the space glyphs the PDF draws are
 * kept as they are, at the end of a line too: a seed's line-end space separates words ({@code Healthcare } +
 * {@code Innovation Hub}). Where the PDF leaves a gap instead of drawing a space (words placed one by one), PDFBox
 * writes one space, as pdftotext does; such spaces are whitespace, which a seed's text keeps but no rule counts as a
 * character. Characters are taken as the PDF's fonts map them ({@code ⽉}, a Kangxi radical, stays a radical), except
 * that PDFBox expands presentation forms such as the ligature {@code ﬁ}, as pdftotext does.
 */
public final class PdfText {
    /** How far into a file its {@code %PDF-} header may stand (PDF 32000-1, 7.5.2, and what readers accept). */
    private static final int HEADER_WINDOW = 1024;

    private PdfText() {
    }

    /** Reads the text layer of {@code pdf}; a file that cannot be read safely is a {@link SourceException}. */
    public static SourceText read(Path pdf) {
        checkHeader(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new SourceException(pdf + ": encrypted: the PDF's permissions forbid copying its text "
                        + "(ask the publisher for an open copy)");
            }
            PageStripper stripper = new PageStripper();
            stripper.getText(doc);
            List<SourceText.Page> pages = new ArrayList<>();
            for (int n = 1; n <= doc.getNumberOfPages(); n++) {
                String text = stripper.texts.getOrDefault(n, "");
                checkCharacters(pdf, n, text);
                pages.add(new SourceText.Page(n, text, stripper.unmapped.getOrDefault(n, 0)));
            }
            SourceText result = new SourceText(pdf, pages);
            requireText(result);
            return result;
        } catch (InvalidPasswordException e) {
            throw new SourceException(pdf + ": encrypted: the PDF opens only with a password "
                    + "(hms-kg reads PDFs that open without one)", e);
        } catch (IOException e) {
            throw new SourceException(pdf + ": damaged PDF: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(Path pdf) {
        if (!Files.exists(pdf)) {
            throw new SourceException(pdf + ": no such file");
        }
        if (!Files.isRegularFile(pdf)) {
            throw new SourceException(pdf + ": not a file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(pdf)) {
            head = in.readNBytes(HEADER_WINDOW);
        } catch (IOException e) {
            throw new SourceException(pdf + ": cannot be read: " + e.getMessage(), e);
        }
        if (!new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new SourceException(pdf + ": not a PDF: its first " + HEADER_WINDOW
                    + " bytes hold no %PDF- header" + (head.length == 0 ? " (the file is empty)" : ""));
        }
    }

    /** A PDF whose pages hold no text at all has no text layer (a scan), or one no font maps to characters. */
    private static void requireText(SourceText text) {
        if (text.pages().stream().anyMatch(p -> !p.text().isBlank())) {
            return;
        }
        int unmapped = text.pages().stream().mapToInt(SourceText.Page::unmappedGlyphs).sum();
        int n = text.pages().size();
        String pages = n == 1 ? "its page" : "its " + n + " pages";
        if (unmapped > 0) {
            throw new SourceException(String.format("%s: no readable text: %s %s %d glyph%s but the PDF's fonts map "
                    + "none of them to characters (no ToUnicode map)", text.source(), pages, n == 1 ? "draws" : "draw",
                    unmapped, unmapped == 1 ? "" : "s"));
        }
        throw new SourceException(String.format("%s: no text layer: %s %s no text (a scan? give it a text layer "
                + "with OCR first, e.g. ocrmypdf -l jpn)", text.source(), pages, n == 1 ? "holds" : "hold"));
    }

    /**
     * The seed is text: a character the parser refuses (a control character, U+FFFD, a lone surrogate) is refused here,
     * where the page it comes from is known.
     */
    private static void checkCharacters(Path pdf, int page, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c < 0x20 && c != '\t' || c == 0x7F || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isSurrogate(c) && !paired) {
                throw new SourceException(String.format("%s: page %d, line %d, column %d: the text layer holds "
                        + "U+%04X, which is not text (a font maps a glyph to it)", pdf, page, line, column, (int) c));
            }
            if (paired) {
                i++;
            }
            column++;
        }
    }

    /** Collects the text of each page apart and counts the glyphs that have no character. */
    private static final class PageStripper extends PDFTextStripper {
        final TreeMap<Integer, String> texts = new TreeMap<>();
        final TreeMap<Integer, Integer> unmapped = new TreeMap<>();
        private int pageStart;
        private int unmappedOnPage;

        PageStripper() {
            setSortByPosition(true);
            setSuppressDuplicateOverlappingText(true);
            setIgnoreContentStreamSpaceGlyphs(false);
            setAddMoreFormatting(false);
            setLineSeparator("\n");
            setWordSeparator(" ");
            setPageStart("");
            setPageEnd("");
            setParagraphStart("");
            setParagraphEnd("");
            setArticleStart("");
            setArticleEnd("");
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            super.startPage(page);
            pageStart = buffer().length();
            unmappedOnPage = 0;
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            texts.put(getCurrentPageNo(), buffer().substring(pageStart));
            unmapped.put(getCurrentPageNo(), unmappedOnPage);
            super.endPage(page);
        }

        /** PDFBox leaves out a glyph of a composite font that maps to no character; it is counted, not lost silently. */
        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            if (!(font instanceof PDSimpleFont) && font.toUnicode(code) == null) {
                unmappedOnPage++;
            }
            super.showGlyph(textRenderingMatrix, font, code, displacement);
        }

        private StringBuffer buffer() {
            return ((StringWriter) getOutput()).getBuffer();
        }
    }
}
