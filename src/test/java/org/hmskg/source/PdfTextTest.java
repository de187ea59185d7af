package org.hmskg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.hmskg.parse.MeasureRecord;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SeedParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfTextTest {
    static final Path SEED = Path.of(System.getProperty("project.root", "."),
            "seeds/kenko-iryo-senryaku-2022-an.txt");

    @TempDir
    static Path shared;
    static List<List<String>> seedPages;
    static Path seedPdf;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeSeedPdf() throws IOException {
        assertTrue(Files.isRegularFile(SeedPdf.FONT), SeedPdf.FONT + " is missing: install fonts-ipafont-gothic "
                + "(.ci/run does)");
        seedPages = SeedPdf.pagesOf(Files.readString(SEED));
        seedPdf = SeedPdf.of(seedPages).write(shared.resolve("seed.pdf"));
    }

    @Test
    void readsEveryCharacterOfTheSeedLineByLineAndPageByPage() {
        SourceText text = PdfText.read(seedPdf);
        assertEquals(20, text.pages().size());
        // Exact: the space glyphs the PDF draws are read as they are, at the end of a line and in lines of spaces too.
        assertEquals(SeedPdf.expectedText(seedPages), text.seedText());
        assertTrue(text.seedText().contains("\u2F49"), "the Kangxi radical ⽉ of the PDF's text layer stays a radical");
        assertTrue(text.seedText().contains("Healthcare \n"), "a line-end space separating two words is kept");
        assertEquals(List.of(), text.warnings());
    }

    @Test
    void agreesWithPdftotextOnTheCharactersOfEveryPage() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", seedPdf.toString(), "-")
                .redirectErrorStream(true).start();
        String poppler = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), poppler);
        // pdftotext ends every page with a form feed; it drops space glyphs and guesses spaces, so only the other
        // characters are compared.
        String[] popplerPages = poppler.split("\f", -1);
        List<SourceText.Page> pages = PdfText.read(seedPdf).pages();
        assertEquals(pages.size() + 1, popplerPages.length);
        for (SourceText.Page page : pages) {
            assertEquals(noSpace(popplerPages[page.number() - 1]), noSpace(page.text()), "page " + page.number());
        }
    }

    @Test
    void readsLinesInReadingOrderWhateverOrderThePdfDrawsThemIn() {
        List<List<String>> pages = List.of(List.of("１．見出し", "・一行目の施策。【◎厚】", "・二行目の施策。【◎経】"));
        Path pdf = SeedPdf.of(pages).bottomUp().write(dir.resolve("x.pdf"));
        assertEquals(SeedPdf.expectedText(pages), PdfText.read(pdf).seedText());
    }

    @Test
    void readsTextDrawnTwiceOverItselfOnce() {
        List<List<String>> pages = List.of(List.of("１．太字の見出し", "・施策。【◎厚】"));
        Path pdf = SeedPdf.of(pages).overprint().write(dir.resolve("x.pdf"));
        assertEquals(SeedPdf.expectedText(pages), PdfText.read(pdf).seedText());
    }

    @Test
    void aPageWithoutTextIsAnEmptyLineSoThatLaterPagesKeepTheirNumbers() {
        List<List<String>> pages = List.of(
                List.of("健康・医療戦略の実行状況と今後の取組方針2030", "2030年6月1日", "健康・医療戦略推進本部決定"),
                List.of(),
                List.of("１．見出し", "・三頁目の施策。【◎厚】"));
        Path pdf = SeedPdf.of(pages).write(dir.resolve("x.pdf"));
        SourceText text = PdfText.read(pdf);
        assertEquals("健康・医療戦略の実行状況と今後の取組方針2030\n2030年6月1日\n健康・医療戦略推進本部決定\n"
                + "\f\n\f１．見出し\n・三頁目の施策。【◎厚】\n", text.seedText());
        assertEquals(1, text.warnings().size(), text.warnings().toString());
        assertTrue(text.warnings().get(0).contains("page 2: holds no text"), text.warnings().toString());

        ParsedDocument doc = new SeedParser(Set.of("厚")).parse("x.txt",
                text.seedText().getBytes(StandardCharsets.UTF_8));
        assertEquals(3, doc.pages());
        MeasureRecord m = doc.measures().get(0);
        assertEquals("三頁目の施策。", m.text());
        assertEquals(3, m.pageStart());
    }

    @Test
    void aControlCharacterInTheTextLayerIsRefusedWithItsPageAndLine() {
        List<List<String>> pages = List.of(List.of("１．見出し"), List.of("・施策\u0003。【◎厚】"));
        Path pdf = SeedPdf.of(pages).drawAs(0x0003, 'x').write(dir.resolve("x.pdf"));
        SourceException e = assertThrows(SourceException.class, () -> PdfText.read(pdf));
        assertEquals(pdf + ": page 2, line 1, column 4: the text layer holds U+0003, which is not text (a font maps "
                + "a glyph to it)", e.getMessage());
    }

    @Test
    void glyphsWithoutACharacterAreCountedPerPageNotLostSilently() {
        List<List<String>> pages = List.of(List.of("１．見出し"), List.of("・施策を\u2F49末に行う。【◎厚】"));
        Path pdf = SeedPdf.of(pages).unmappedStandIns().write(dir.resolve("x.pdf"));
        SourceText text = PdfText.read(pdf);
        // The glyph that could not be read leaves a gap, which PDFBox reads as a space, as it reads any gap.
        assertEquals("１．見出し\n\f・施策を 末に行う。【◎厚】\n", text.seedText());
        assertEquals(List.of(pdf + ": page 2: 1 glyph has no Unicode character in the PDF's fonts (no ToUnicode "
                + "map) and could not be read"), text.warnings());
    }

    @Test
    void aPdfWhoseGlyphsMapToNoCharacterHasNoReadableText() {
        Path pdf = SeedPdf.of(List.of(List.of("１．見出し"), List.of("・施策。"))).withoutUnicodeMap()
                .write(dir.resolve("x.pdf"));
        SourceException e = assertThrows(SourceException.class, () -> PdfText.read(pdf));
        assertEquals(pdf + ": no readable text: its 2 pages draw 9 glyphs but the PDF's fonts map none of them to "
                + "characters (no ToUnicode map)", e.getMessage());
    }

    @Test
    void aPdfEncryptedOnlyAgainstChangesIsReadWhenItAllowsCopyingText() {
        List<List<String>> pages = List.of(List.of("１．見出し", "・施策。【◎厚】"));
        AccessPermission permissions = new AccessPermission();
        permissions.setCanModify(false);
        Path pdf = SeedPdf.of(pages).protect(new StandardProtectionPolicy("owner-secret", "", permissions))
                .write(dir.resolve("x.pdf"));
        assertEquals(SeedPdf.expectedText(pages), PdfText.read(pdf).seedText());
    }

    private static String noSpace(String s) {
        return s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
