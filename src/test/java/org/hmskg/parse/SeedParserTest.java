package org.hmskg.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeedParserTest {
    static final Set<String> CODES = Set.of("厚", "経", "総", "文", "農", "国", "外", "財", "法", "金", "金融", "消", "環",
            "健医", "健", "科技", "食品", "REVIC室", "戦略室", "コロナ室", "NISC", "万博", "オリパラ");
    static final SeedParser PARSER = new SeedParser(CODES);

    static ParsedDocument parse(String text) {
        return PARSER.parse("seeds/test-doc.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    static String doc(String... body) {
        return "テスト文書の取組方針\n2 0 2 3 年  月  日\nテスト推進本部決定\n\n" + String.join("\n", body) + "\n";
    }

    static ParseException failure(String text) {
        return assertThrows(ParseException.class, () -> parse(text));
    }

    @Nested
    class TheSeed {
        final ParsedDocument seed = PARSER.parse(Path.of("seeds/kenko-iryo-senryaku-2022-an.txt"));

        @Test
        void hasTheWholeOutlineAndEveryBullet() {
            assertEquals(47, seed.sections().size());
            assertEquals(60, seed.measures().size());
            assertEquals(20, seed.pages());
            assertEquals("健康・医療戦略の実行状況と今後の取組方針2022（案）", seed.title());
            assertEquals("2022", seed.issued().orElseThrow().lexical());
        }

        @Test
        void levelsFollowTheMarkerStylesOfTheDocument() {
            var byMarker = seed.sections().stream().collect(Collectors.toMap(SectionRecord::marker,
                    SectionRecord::level, (a, b) -> a));
            assertEquals(1, byMarker.get("１．"));
            assertEquals(2, byMarker.get("(1)"));
            assertEquals(3, byMarker.get("①"));
            assertEquals(4, byMarker.get("○"));
            assertEquals(4, byMarker.get("〇"));
            assertEquals(5, byMarker.get("（）"));
            SectionRecord topicUnderChapter = seed.sections().stream()
                    .filter(s -> s.label().equals("認知症施策の推進")).findFirst().orElseThrow();
            assertEquals(5, topicUnderChapter.level());
            assertEquals(Optional.of("2"), topicUnderChapter.parentPath());
        }

        @Test
        void measureTextJoinsLinesWithoutInventingOrLosingCharacters() {
            MeasureRecord hub = seed.measures().stream().filter(m -> m.text().contains("Healthcare Innovation Hub"))
                    .findFirst().orElseThrow();
            assertTrue(hub.text().contains("窓口である Healthcare Innovation Hubを通じて"));
            assertTrue(seed.measures().stream().anyMatch(m -> m.text().contains("国際フォーラムの開催")),
                    "the page-break space is dropped");
            assertTrue(seed.measures().stream().noneMatch(m -> m.text().contains("【")));
            assertTrue(seed.measures().stream().noneMatch(m -> m.text().endsWith(" ")));
            assertTrue(seed.measures().stream().anyMatch(m -> m.text().contains("11⽉19⽇")), "Kangxi radicals stay");
        }

        @Test
        void tagsSplitOverLinesAreReadWhole() {
            MeasureRecord split = seed.measures().stream().filter(m -> m.lineStart() == 66).findFirst().orElseThrow();
            assertEquals("総、◎厚、経", split.tag().orElseThrow().raw());
            assertEquals(72, split.lineEnd(), "lineEnd is the last line of the measure's own text");
        }

        @Test
        void footnoteBodiesStayOutOfMeasuresAndAreLinked() {
            assertEquals(1, seed.footnotes().size());
            FootnoteRecord f = seed.footnotes().get(0);
            assertTrue(f.text().startsWith("第２期の「健康・医療戦略」における"));
            MeasureRecord carrier = seed.measures().stream().filter(m -> m.footnotes().contains("1")).findFirst()
                    .orElseThrow();
            assertTrue(carrier.text().endsWith("予定 1。"));
            assertTrue(seed.measures().stream().noneMatch(m -> m.text().contains("研究開発の環境の整備」の取組")));
            MeasureRecord across = seed.measures().stream().filter(m -> m.pageStart() == 15 && m.pageEnd() == 16)
                    .findFirst().orElseThrow();
            assertTrue(across.text().contains("データの利活用による医療分野の研究開発へ繋げる"),
                    "a measure continues across the footnote and the page break");
        }

        @Test
        void measuresWithoutTagsHaveNone() {
            assertEquals(1, seed.measures().stream().filter(m -> m.tag().isEmpty()).count());
        }
    }

    @Nested
    class Headings {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "１．大きな章|１．|大きな章",
            "3. Chapter three|3.|Chapter three",
            "1.1 節の見出し|1.1|節の見出し",
            "2.3-1 枝番の見出し|2.3-1|枝番の見出し",
            "Ⅰ．ローマ数字の章|Ⅰ．|ローマ数字の章",
            "(1)半角括弧|(1)|半角括弧",
            "（1）全角括弧|（1）|全角括弧",
            "①丸数字|①|丸数字",
            "⑳丸数字二十|⑳|丸数字二十",
            "○白丸|○|白丸",
            "〇漢数字のゼロ|〇|漢数字のゼロ",
            "○ 空白つき|○|空白つき",
            "（話題の見出し）|（）|話題の見出し",
            "(topic heading)|()|topic heading",
            "<山括弧の話題>|<>|山括弧の話題",
            "【アウトカム指標】|【】|アウトカム指標",
            "第１章　総論|第１章|総論",
            "第 2 章 具体的施策|第 2 章|具体的施策",
            "第三節　推進体制|第三節|推進体制",
            "第１　基本方針|第１|基本方針",
            "ア　研究基盤の整備|ア|研究基盤の整備",
            "（イ）人材の育成|（イ）|人材の育成",
        })
        void everyMarkerStyleIsAHeading(String line, String marker, String label) {
            ParsedDocument d = parse(doc(line, "", "・施策の本文である。【◎厚】"));
            assertEquals(1, d.sections().size());
            SectionRecord s = d.sections().get(0);
            assertEquals(marker, s.marker());
            assertEquals(label, s.label());
            assertEquals(1, s.level());
            assertEquals(Optional.of("1"), d.measures().get(0).section());
        }

        @ParameterizedTest
        @ValueSource(strings = {"第3 期の戦略に基づき施策を推進し", "第 2 回の会合で議論され", "第２　次計画を策定し",
            "第10 条の規定に基づき", "第3　 期の取組として", "第3  期の取組として", "第1 四半期に公表し", "第6 波の際に",
            "第2 表のとおり整理し", "第2部会で議論され", "第 2 部会で議論され"})
        void anOrdinalOfSomethingElseSetApartIsNoChapter(String line) {
            ParsedDocument d = parse(doc("１．章", "", "・前の施策は", line, "た。【経】"));
            assertEquals(1, d.sections().size(), line);
            assertEquals("前の施策は" + line + "た。", d.measures().get(0).text());
        }

        @Test
        void skippedStylesLeaveNoGapAndEachStyleKeepsItsRank() {
            ParsedDocument d = parse(doc("１．章", "", "（話題）", "", "・一つ目。【厚】", "", "２．次の章", "",
                    "○中見出し", "", "（話題二）", "", "・二つ目。【経】"));
            List<SectionRecord> s = d.sections();
            assertEquals(List.of(1, 3, 1, 2, 3), s.stream().map(SectionRecord::level).toList());
            assertEquals(List.of("1", "1.1", "2", "2.1", "2.1.1"), s.stream().map(SectionRecord::path).toList());
            assertEquals(Optional.of("2.1"), s.get(4).parentPath());
            assertEquals(List.of(1, 1, 2, 1, 1), s.stream().map(SectionRecord::ordinal).toList());
        }

        @Test
        void aParenthesisedContinuationLineIsNotAHeading() {
            ParsedDocument d = parse(doc("１．章", "", "・本文の途中で改行し", "", "（括弧で始まる続き）の文である。【厚】"));
            assertEquals(1, d.sections().size());
            assertEquals("本文の途中で改行し（括弧で始まる続き）の文である。", d.measures().get(0).text());
        }

        @Test
        void aMiddleDotWrappedToTheLineStartIsNotABullet() {
            ParsedDocument d = parse(doc("１．章", "", "・地域", "", "・職域の連携を進める。【厚】"));
            assertEquals(1, d.measures().size());
            assertEquals("地域・職域の連携を進める。", d.measures().get(0).text());
        }
    }

    @Nested
    class Bullets {
        @Test
        void bareBulletLineStartsTheTextOnTheNextLine() {
            ParsedDocument d = parse(doc("１．章", "", "・", "", "本文はここから。【厚】"));
            assertEquals("本文はここから。", d.measures().get(0).text());
            assertEquals(7, d.measures().get(0).lineStart());
        }

        @Test
        void bulletWithoutSpaceAndWithSpaces() {
            ParsedDocument d = parse(doc("１．章", "", "・一つ目。【厚】", "", "・　二つ目。【厚】", "", "・ 三つ目。【厚】"));
            assertEquals(List.of("一つ目。", "二つ目。", "三つ目。"), d.measures().stream().map(MeasureRecord::text).toList());
        }

        /** pdftotext ends every page with a form feed, and an empty page is two form feeds in a row. */
        @Test
        void pdftotextFormFeedsCountPagesAsPdftotextWritesThem() {
            ParsedDocument trailing = parse(doc("１．章", "・施策。【◎厚】", "\f"));
            assertEquals(1, trailing.pages());
            ParsedDocument empty = parse(doc("１．章", "・一つ目。【◎厚】", "\f\f・三ページ目。【◎厚】", "\f"));
            assertEquals(3, empty.measures().get(1).pageStart());
            assertEquals(3, empty.pages());
        }

        @Test
        void formFeedPagesAndLineNumbers() {
            ParsedDocument d = parse(doc("１．章", "", "・一ページ目の", "\f二ページ目に続く。【厚】", "\f・三ページ目。【経】"));
            assertEquals(3, d.pages());
            MeasureRecord first = d.measures().get(0);
            assertEquals("一ページ目の二ページ目に続く。", first.text());
            assertEquals(1, first.pageStart());
            assertEquals(2, first.pageEnd());
            assertEquals(8, first.lineEnd());
            assertEquals(3, d.measures().get(1).pageStart());
        }

        @Test
        void trailingSpaceAtALineEndIsAWordGap() {
            ParsedDocument d = parse(doc("１．章", "", "・窓口である Healthcare ", "", "Innovation Hubを通じた。【厚】"));
            assertEquals("窓口である Healthcare Innovation Hubを通じた。", d.measures().get(0).text());
        }

        @Test
        void singleSpacePageStartIsDropped() {
            ParsedDocument d = parse(doc("１．章", "", "・ページの終わりで", "", " 次のページが始まる。【厚】"));
            assertEquals("ページの終わりで次のページが始まる。", d.measures().get(0).text());
            assertEquals(2, d.measures().get(0).pageEnd());
        }

        @Test
        void crlfAndBomAreTolerated() {
            ParsedDocument d = parse("\uFEFF" + doc("１．章", "", "・本文。【厚】").replace("\n", "\r\n"));
            assertEquals("本文。", d.measures().get(0).text());
            assertEquals("テスト文書の取組方針", d.title());
        }
    }

    @Nested
    class Tags {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "・本文。【厚、◎経】|厚、◎経|本文。",
            "・本文。(文、◎厚)|文、◎厚|本文。",
            "・本文。（文、◎厚）|文、◎厚|本文。",
            "・本文。【厚、経】|厚、経|本文。",
            "・本文。【文、◎厚、◎経】|文、◎厚、◎経|本文。",
            "・本文。【◎戦略室、オリパラ（2022.03.31廃止）、健医、経】|◎戦略室、オリパラ（2022.03.31廃止）、健医、経|本文。",
            "・本文。【◎戦略室、健医、総、法、外、財、文、厚、農、経、国、環】|◎戦略室、健医、総、法、外、財、文、厚、農、経、国、環|本文。",
            "・本文。【◎未知】|◎未知|本文。",
        })
        void tagFormsAtTheEndOfABullet(String bullet, String raw, String text) {
            MeasureRecord m = parse(doc("１．章", "", bullet)).measures().get(0);
            assertEquals(raw, m.tag().orElseThrow().raw());
            assertEquals(text, m.text());
        }

        @Test
        void leadsAndNotesAreRead() {
            Tag t = parse(doc("１．章", "", "・本文。【◎内閣府、オリパラ（2022.03.31廃止）、厚】")).measures().get(0).tag().orElseThrow();
            assertEquals(List.of(new Tag.Entry("内閣府", true, ""), new Tag.Entry("オリパラ", false, "2022.03.31廃止"),
                    new Tag.Entry("厚", false, "")), t.entries());
        }

        @Test
        void tagSplitOverLinesAndOnItsOwnLine() {
            ParsedDocument d = parse(doc("１．章", "", "・本文。【総、◎厚、", "", "経】", "", "・次の本文。", "", "(文、◎厚)"));
            assertEquals("総、◎厚、経", d.measures().get(0).tag().orElseThrow().raw());
            assertEquals(7, d.measures().get(0).lineEnd());
            assertEquals("文、◎厚", d.measures().get(1).tag().orElseThrow().raw());
            assertEquals("次の本文。", d.measures().get(1).text());
        }

        @Test
        void headingTagBelongsToTheSection() {
            ParsedDocument d = parse(doc("１．章", "", "○中見出し【◎文、厚】", "", "・本文。", "", "・自前のタグ。【経】"));
            assertEquals("◎文、厚", d.sections().get(1).tag().orElseThrow().raw());
            assertEquals("中見出し", d.sections().get(1).label());
            assertTrue(d.measures().get(0).tag().isEmpty());
        }

        @Test
        void tagOnItsOwnLineAfterAHeading() {
            ParsedDocument d = parse(doc("１．章", "", "(文、◎厚)", "", "・本文。"));
            assertEquals("文、◎厚", d.sections().get(0).tag().orElseThrow().raw());
        }

        @ParameterizedTest
        @ValueSource(strings = {"・耐性菌(AMR)", "・指標【アウトカム指標】"})
        void bracketedWordsThatAreNotCodesStayText(String bullet) {
            MeasureRecord m = parse(doc("１．章", "", bullet)).measures().get(0);
            assertTrue(m.tag().isEmpty());
            assertEquals(bullet.substring(1), m.text());
        }
    }

    /** Input that cannot be read safely: the only errors left. */
    @Nested
    class InputErrors {
        @TempDir
        Path dir;

        /** Found by the seed fuzzer: 10 MB of repeated document kept validate busy for minutes. */
        @Test
        void aSeedOverFourMebibytesIsAnError() {
            String big = doc("１．章", "", "・本文。【厚】").repeat(SeedParser.MAX_BYTES / 40);
            ParseException e = failure(big);
            assertTrue(e.getMessage().startsWith("seeds/test-doc.txt:1: too large:"), e.getMessage());
        }

        @Test
        void emptyFile() {
            assertEquals("seeds/test-doc.txt:1: empty document: the file holds no text", failure("").getMessage());
            failure("\n  \n\n");
        }

        @Test
        void shiftJisBytesNameTheLineAndTheFix() {
            byte[] sjis = doc("１．章", "", "・本文。【厚】").getBytes(Charset.forName("windows-31j"));
            ParseException e = assertThrows(ParseException.class, () -> PARSER.parse("seeds/x.txt", sjis));
            assertTrue(e.getMessage().startsWith("seeds/x.txt:1: not UTF-8"), e.getMessage());
            assertTrue(e.getMessage().contains("iconv"));
        }

        @Test
        void binaryJunk() {
            ParseException e = failure(doc("１．章", "", "・本文\u0000\u0001。【厚】"));
            assertTrue(e.getMessage().matches("seeds/test-doc.txt:7: binary data: control character U\\+0000.*"),
                    e.getMessage());
        }

        @Test
        void unclosedTag() {
            ParseException e = failure(doc("１．章", "", "・本文。【厚、◎経", "", "・次。【厚】"));
            assertTrue(e.getMessage().startsWith("seeds/test-doc.txt:7: unclosed tag"), e.getMessage());
        }

        @Test
        void checksumMismatch() throws IOException {
            Files.writeString(dir.resolve("d.txt"), doc("１．章", "", "・本文。【厚】"));
            Files.writeString(dir.resolve("d.meta.json"), """
                    {"title": "t", "edition": 2023, "publisher": "p", "status": "draft", "form": "f",
                     "sha256": "0000000000000000000000000000000000000000000000000000000000000000"}
                    """);
            ParseException e = assertThrows(ParseException.class, () -> PARSER.parse(dir.resolve("d.txt")));
            assertTrue(e.getMessage().contains("d.meta.json:1: checksum mismatch"), e.getMessage());
        }

        @Test
        void aMalformedMetadataFieldNamesTheFileAndTheField() throws IOException {
            Files.writeString(dir.resolve("d.txt"), doc("１．章", "", "・本文。【厚】"));
            Files.writeString(dir.resolve("d.meta.json"), "{\"status\": \"published\"}");
            ParseException e = assertThrows(ParseException.class, () -> PARSER.parse(dir.resolve("d.txt")));
            assertTrue(e.getMessage().startsWith(dir.resolve("d.meta.json") + ":1: metadata field 'status'"),
                    e.getMessage());
        }
    }

    /** The structure of a document never makes parsing fail: what is odd is a warning, and the text is kept. */
    @Nested
    class UnexpectedShapes {
        /** Found by the seed fuzzer once as a SHACL failure; now the measure simply has no section. */
        @Test
        void aBulletBeforeTheFirstHeadingIsKeptWithoutSection() {
            ParsedDocument d = parse(doc("・前置きの施策。【厚】", "", "１．章", "", "・本文。【厚】"));
            assertEquals(2, d.measures().size());
            assertEquals(Optional.empty(), d.measures().get(0).section());
            assertEquals("前置きの施策。", d.measures().get(0).text());
            assertTrue(hasWarning(d, 5, "block outside any heading"), d.warnings().toString());
            assertEquals(1.0, d.coverage().share());
        }

        @Test
        void aHeaderWithoutADateLineIsAWarning() {
            ParsedDocument d = parse("テスト文書の取組方針\n\n１．章\n\n・本文。【厚】\n");
            assertEquals(Optional.empty(), d.issued());
            assertTrue(hasWarning(d, 1, "no date line"), d.warnings().toString());
            assertEquals(1, d.measures().size());
        }

        @Test
        void aYearOfTwoDigitsIsNoDateButItsLineIsKept() {
            ParsedDocument d = parse("テスト文書の取組方針\n\n2 2 年 6 月\n\n１．章\n\n・本文。【厚】\n");
            assertEquals(Optional.empty(), d.issued());
            assertEquals(1.0, d.coverage().share());
        }

        /** The opposite of the old rule "every heading needs at least one bullet". */
        @Test
        void aHeadingWithoutBulletsIsAValidHeading() {
            ParsedDocument d = parse(doc("１．章", "", "・本文。【厚】", "", "２．空の章", "", "○空の節"));
            assertEquals(List.of("章", "空の章", "空の節"), d.sections().stream().map(SectionRecord::label).toList());
            assertEquals(List.of(), d.warnings());
        }

        @Test
        void aFileThatEndsWithTheRowsOfAnAppendixEndsNoBlockEarly() {
            ParsedDocument d = parse(doc("１．章", "", "・施策の本文である。【◎厚】", "", "別表", "○ 厚生労働省",
                    "○ 経済産業省"));
            assertEquals(List.of(), d.warnings());
            assertEquals("○ 経済産業省", d.paragraphs().get(d.paragraphs().size() - 1).text());
        }

        @Test
        void aTruncatedFileKeepsItsLastBlock() throws IOException {
            String seed = Files.readString(Path.of("seeds/kenko-iryo-senryaku-2022-an.txt"));
            String cut = seed.substring(0, seed.indexOf("の育成事業を実施する。また、国際保健"));
            ParsedDocument d = parse(cut);
            assertTrue(d.warnings().stream().anyMatch(w -> w.rule().equals("file ends inside a block")),
                    d.warnings().toString());
            assertTrue(d.measures().get(d.measures().size() - 1).text().endsWith("人材"));
            assertEquals(1.0, d.coverage().share());
        }

        @Test
        void aDocumentOfProseOnlyHasParagraphs() {
            ParsedDocument d = parse("題名だけ\n\n本文だけの文書。\n");
            assertEquals(List.of(), d.measures());
            assertEquals("本文だけの文書。", d.preamble());
            assertEquals(1.0, d.coverage().share());
        }

        @Test
        void anEmptyBulletKeepsItsMarkAsAParagraph() {
            ParsedDocument d = parse(doc("１．章", "", "・本文。", "・"));
            assertEquals(List.of("・"), d.paragraphs().stream().map(ParagraphRecord::text).toList());
            assertTrue(hasWarning(d, 8, "empty bullet"), d.warnings().toString());
            assertEquals(1.0, d.coverage().share());
        }

        @Test
        void aSecondTagLineIsKeptAsAParagraph() {
            ParsedDocument d = parse(doc("１．章", "", "・本文。【厚】", "【経】"));
            assertEquals(List.of("【経】"), d.paragraphs().stream().map(ParagraphRecord::text).toList());
            assertTrue(hasWarning(d, 8, "tag without a block"), d.warnings().toString());
        }

        @Test
        void anUnclosedBracketThatIsNoTagIsAWarning() {
            ParsedDocument d = parse(doc("１．章", "", "・本文【アウトカム指標の例。"));
            assertEquals("本文【アウトカム指標の例。", d.measures().get(0).text());
            assertTrue(hasWarning(d, 7, "unclosed bracket"), d.warnings().toString());
        }
    }

    static boolean hasWarning(ParsedDocument d, int line, String rule) {
        return d.warnings().stream().anyMatch(w -> w.line() == line && w.rule().equals(rule));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2 0 2 2 年  月  日|2022",
        "２０２３年６月２日|2023-06-02",
        "令和５年６月２日|2023-06-02",
        "令和元年 5月  日|2019-05",
        "平成31年4月1日|2019-04-01",
    })
    void issueDateLinesAsPreciseAsStated(String line, String expected) {
        ParsedDocument d = parse("題名\n\n" + line + "\n\n１．章\n\n・本文。【厚】\n");
        assertEquals(expected, d.issued().orElseThrow().lexical());
    }

    /** pdftotext breaks a widely spaced date line into its parts. */
    @Test
    void aDateLineBrokenOverThreeLinesIsOneDateLine() {
        ParsedDocument d = parse("題名\n2 0 2 2 年\n月\n日\n健康・医療戦略推進本部決定\n１．章\n・本文。【厚】\n");
        assertEquals("2022", d.issued().orElseThrow().lexical());
        assertEquals(Optional.of("2 0 2 2 年 月 日"), d.header().dateLine());
        assertEquals(List.of(), d.header().notes());
        assertEquals(1.0, d.coverage().share());
    }

    @Test
    void proseUnderAHeadingIsAParagraph() {
        ParsedDocument d = parse(doc("１．章", "", "見出しの下の説明文。", "", "・本文。【厚】"));
        assertEquals(List.of(), d.warnings());
        assertEquals(List.of("見出しの下の説明文。"), d.paragraphs().stream().map(ParagraphRecord::text).toList());
        assertEquals(Optional.of("1"), d.paragraphs().get(0).section());
        assertEquals(1.0, d.coverage().share());
    }
}
