package org.hmskg.source;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.ProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Makes a PDF from text for tests, as a word processor would print it: one page per page, one PDF text line per
 * line, set in IPA Gothic (Debian's {@code fonts-ipafont-gothic}, installed by {@code .ci/run}) embedded as a
 * subset with its Unicode map.
 *
 * <p>A character the font has no glyph for is drawn with the glyph of its NFKC form from a second copy of the font
 * whose Unicode map gives the character itself, as published PDFs do: their text layer holds Kangxi radicals such as
 * {@code ⽉} (U+2F49) for glyphs that look like {@code 月}. {@link #drawAs} sets such stand-ins by hand.
 */
public final class SeedPdf {
    public static final Path FONT = Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");
    private static final float SIZE = 10.5f;
    private static final float LEADING = 18f;
    private static final float LEFT = 56f;
    private static final float TOP = 800f;
    private static final int MAX_LINES = 42;

    private final List<List<String>> pages;
    private final Map<Integer, Integer> standIns = new LinkedHashMap<>();
    private ProtectionPolicy protection;
    private boolean bottomUp;
    private boolean overprint;
    private boolean withoutUnicodeMap;
    private boolean unmappedStandIns;

    private SeedPdf(List<List<String>> pages) {
        this.pages = pages;
    }

    public static SeedPdf of(List<List<String>> pages) {
        return new SeedPdf(pages);
    }

    /**
     * The pages of a seed in the layout of the project's seed: a page begins at a line whose first character is a
     * single space followed by text (the space is the page break, not text); empty lines are left out, as they hold
     * no character and a PDF has no empty text line.
     */
    public static List<List<String>> pagesOf(String seedText) {
        List<List<String>> pages = new ArrayList<>();
        List<String> page = null;
        boolean seenText = false;
        for (String line : seedText.split("\n", -1)) {
            boolean pageStart = line.length() >= 2 && line.charAt(0) == ' ' && !Character.isWhitespace(line.charAt(1));
            if (pageStart) {
                line = line.substring(1);
            }
            if (page == null || pageStart && seenText) {
                page = new ArrayList<>();
                pages.add(page);
            }
            if (!line.isEmpty()) {
                page.add(line);
            }
            seenText |= !line.isBlank();
        }
        return pages;
    }

    /** The text {@link PdfText} is to read from a PDF of these pages: lines ended by {@code \n}, pages by a form feed. */
    public static String expectedText(List<List<String>> pages) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                sb.append('\f');
            }
            sb.append(String.join("\n", pages.get(i))).append('\n');
        }
        return sb.toString();
    }

    /** Draws {@code character} with the glyph of {@code glyphOf}, the PDF's Unicode map saying {@code character}. */
    public SeedPdf drawAs(int character, int glyphOf) {
        standIns.put(character, glyphOf);
        return this;
    }

    public SeedPdf protect(ProtectionPolicy policy) {
        this.protection = policy;
        return this;
    }

    /** Draws each page's lines from the bottom up: the content stream's order is not the reading order. */
    public SeedPdf bottomUp() {
        this.bottomUp = true;
        return this;
    }

    /** Draws every line twice, the second time 0.3 pt to the right (fake bold). */
    public SeedPdf overprint() {
        this.overprint = true;
        return this;
    }

    /** Leaves out the fonts' Unicode maps, so that no glyph maps to a character. */
    public SeedPdf withoutUnicodeMap() {
        this.withoutUnicodeMap = true;
        return this;
    }

    /** Leaves out the Unicode map of the stand-in glyphs only (see {@link #drawAs}). */
    public SeedPdf unmappedStandIns() {
        this.unmappedStandIns = true;
        return this;
    }

    public Path write(Path pdf) {
        try (PDDocument doc = new PDDocument();
             TrueTypeFont metrics = new TTFParser().parse(new RandomAccessReadBufferedFile(FONT.toFile()))) {
            PDType0Font font = PDType0Font.load(doc, FONT.toFile());
            PDType0Font standInFont = PDType0Font.load(doc, FONT.toFile());
            Map<String, Integer> standInCodes = new LinkedHashMap<>();
            for (List<String> lines : pages) {
                if (lines.size() > MAX_LINES) {
                    throw new IllegalArgumentException("a page holds at most " + MAX_LINES + " lines");
                }
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (int k = 0; k < lines.size(); k++) {
                        int i = bottomUp ? lines.size() - 1 - k : k;
                        float y = TOP - i * LEADING;
                        for (float dx : overprint ? new float[] {0f, 0.3f} : new float[] {0f}) {
                            drawLine(cs, lines.get(i), LEFT + dx, y, metrics, font, standInFont, standInCodes);
                        }
                    }
                }
            }
            // Subsetting happens on save; the stand-in font's Unicode map is replaced after it.
            doc.save(OutputStream.nullOutputStream());
            if (!standInCodes.isEmpty()) {
                standInFont.getCOSObject().setItem(COSName.TO_UNICODE,
                        new PDStream(doc, new ByteArrayInputStream(toUnicode(standInCodes)), COSName.FLATE_DECODE));
            }
            if (withoutUnicodeMap) {
                font.getCOSObject().removeItem(COSName.TO_UNICODE);
            }
            if (withoutUnicodeMap || unmappedStandIns) {
                standInFont.getCOSObject().removeItem(COSName.TO_UNICODE);
            }
            if (protection != null) {
                doc.protect(protection);
            }
            Files.createDirectories(pdf.toAbsolutePath().getParent());
            doc.save(pdf.toFile());
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawLine(PDPageContentStream cs, String line, float x, float y, TrueTypeFont metrics,
                          PDType0Font font, PDType0Font standInFont, Map<String, Integer> standInCodes)
            throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            Integer glyphOf = standIns.get(cp);
            if (glyphOf == null && metrics.getUnicodeCmapLookup().getGlyphId(cp) == 0) {
                String nfkc = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
                if (nfkc.codePointCount(0, nfkc.length()) != 1
                        || metrics.getUnicodeCmapLookup().getGlyphId(nfkc.codePointAt(0)) == 0) {
                    throw new IllegalArgumentException(String.format("%s has no glyph for U+%04X", FONT, cp));
                }
                glyphOf = nfkc.codePointAt(0);
            }
            if (glyphOf == null) {
                run.appendCodePoint(cp);
                continue;
            }
            show(cs, font, run);
            String glyph = Character.toString(glyphOf);
            String code = HexFormat.of().formatHex(standInFont.encode(glyph)).toUpperCase();
            Integer before = standInCodes.putIfAbsent(code, cp);
            if (before != null && before != cp) {
                throw new IllegalArgumentException("two characters drawn as " + glyph);
            }
            cs.setFont(standInFont, SIZE);
            cs.showText(glyph);
        }
        show(cs, font, run);
        cs.endText();
    }

    private static void show(PDPageContentStream cs, PDType0Font font, StringBuilder run) throws IOException {
        if (!run.isEmpty()) {
            cs.setFont(font, SIZE);
            cs.showText(run.toString());
            run.setLength(0);
        }
    }

    /** A one-page PDF holding only an image of text, as a scanner makes it: no text layer. */
    public static Path scanned(Path pdf) {
        BufferedImage image = new BufferedImage(420, 120, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        // Bars where printed lines stood (drawing glyphs would need the platform's fonts).
        for (int y = 20; y < image.getHeight() - 20; y += 24) {
            g.fillRect(20, y, image.getWidth() - 40 - y, 12);
        }
        g.dispose();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(xobject, LEFT, TOP - image.getHeight(), image.getWidth(), image.getHeight());
            }
            Files.createDirectories(pdf.toAbsolutePath().getParent());
            doc.save(pdf.toFile());
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ToUnicode CMap (Adobe technical note 5411) mapping each two-byte code to its character. */
    private static byte[] toUnicode(Map<String, Integer> codes) {
        StringBuilder sb = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(codes.entrySet());
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<String, Integer>> chunk = entries.subList(from, Math.min(entries.size(), from + 100));
            sb.append(chunk.size()).append(" beginbfchar\n");
            for (Map.Entry<String, Integer> e : chunk) {
                String utf16 = HexFormat.of().formatHex(Character.toString(e.getValue())
                        .getBytes(StandardCharsets.UTF_16BE)).toUpperCase();
                sb.append('<').append(e.getKey()).append("> <").append(utf16).append(">\n");
            }
            sb.append("endbfchar\n");
        }
        sb.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
