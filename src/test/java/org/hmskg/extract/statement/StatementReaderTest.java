package org.hmskg.extract.statement;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hmskg.extract.Extractor;
import org.hmskg.extract.NormText;
import org.hmskg.extract.ReferenceData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Purpose-made sentences for every rule of the statement tables: each ending, continuation word, noun cue, time
 * marker, note word and clause connective has a fixture, and a test checks that no row of a table is left
 * without one.
 */
class StatementReaderTest {
    private static final Extractor EXTRACTOR = new Extractor(ReferenceData.load());
    private static final Rules RULES = Rules.standard();

    static List<StatementFact> read(String text) {
        List<StatementFact> statements = StatementReader.read(text, EXTRACTOR.extract(text));
        for (StatementFact s : statements) {
            int[] cps = text.codePoints().toArray();
            assertEquals(new String(cps, s.span().start(), s.span().end() - s.span().start()), s.span().surface());
        }
        return statements;
    }

    /** The rows of a fixture table: one line each, columns separated by {@code |}. */
    static Stream<String[]> table(String rows) {
        return rows.strip().lines().map(l -> l.split("\\|", -1));
    }

    static StatementFact only(String text) {
        List<StatementFact> statements = read(text);
        assertEquals(1, statements.size(), () -> "one sentence in " + text + ": " + surfaces(statements));
        return statements.get(0);
    }

    static List<String> surfaces(List<StatementFact> statements) {
        return statements.stream().map(s -> s.span().surface()).toList();
    }

    /** The times of a text as {@code ROLE value note}, joined with {@code ; }; fiscal years as {@code FY2023}. */
    static String times(String text) {
        return read(text).stream().flatMap(s -> s.times().stream()).map(StatementReaderTest::time)
                .collect(Collectors.joining("; "));
    }

    static String time(TimeFact t) {
        return t.role() + " " + (t.fiscal() ? "FY" : "") + t.value().lexical() + t.note().map(n -> " " + n).orElse("");
    }

    @Nested
    class Sentences {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                一つ目の文である。二つ目の文である。                             | 一つ目の文である。/二つ目の文である。
                最後に句点がない。句点のない残り                                 | 最後に句点がない。/句点のない残り
                「引用の中。の句点」は文を切らない。                             | 「引用の中。の句点」は文を切らない。
                『二重。引用』も切らない。                                       | 『二重。引用』も切らない。
                括弧（以下「協議会」という。）の中も切らない。                   | 括弧（以下「協議会」という。）の中も切らない。
                半角(注。記)の中も切らない。                                     | 半角(注。記)の中も切らない。
                隅付き【注。記】も切らない。                                     | 隅付き【注。記】も切らない。
                亀甲〔注。記〕も切らない。                                       | 亀甲〔注。記〕も切らない。
                角括弧［注。記］も切らない。                                     | 角括弧［注。記］も切らない。
                入れ子（外「内。側」外。側）も切らない。終わり。                 | 入れ子（外「内。側」外。側）も切らない。/終わり。
                閉じない括弧（注。記があっても。後の文は切る。                   | 閉じない括弧（注。/記があっても。/後の文は切る。
                対応しない閉じ括弧）注。記。                                     | 対応しない閉じ括弧）注。/記。
                """)
        void aSentenceEndsAtAKutenOutsideBrackets(String text, String expected) {
            assertEquals(List.of(expected.split("/")), surfaces(read(text)));
        }

        @Test
        void whitespaceBetweenSentencesBelongsToNeither() {
            String text = "一つ目の文である。　 二つ目の文である。 ";
            List<StatementFact> s = read(text);
            assertEquals(List.of("一つ目の文である。", "二つ目の文である。"), surfaces(s));
            assertEquals(0, s.get(0).span().start());
            assertEquals(9, s.get(0).span().end());
            assertEquals(11, s.get(1).span().start());
            assertEquals(20, s.get(1).span().end());
            assertEquals(List.of(1, 2), s.stream().map(StatementFact::ordinal).toList());
        }

        @Test
        void spaceInsideASentenceStays() {
            assertEquals("環境の整備を図る 。", only("環境の整備を図る 。").span().surface());
        }

        @Test
        void offsetsCountCodePoints() {
            StatementFact second = read("𠮷田市で実施した。今後も実施する。").get(1);
            assertEquals(9, second.span().start());
            assertEquals(17, second.span().end());
        }

        @Test
        void emptyAndBlankTextsHaveNoSentence() {
            assertEquals(List.of(), read(""));
            assertEquals(List.of(), read(" 　"));
        }

        @Test
        void aBlockOfKutenIsOneSentenceEach() {
            assertEquals(List.of("。", "。"), surfaces(read("。。")));
        }
    }

    // ------------------------------------------------------------------ kinds

    /** One sentence per row of statement-endings.tsv: the sentence, the kind it is, the row that decides. */
    static Stream<Arguments> endingFixtures() {
        return table("""
                新しい指針の運用を開始した。|ACHIEVEMENT|た
                関係機関と連携して人材育成に取り組んだ。|ACHIEVEMENT|んだ
                地域の医療機関と研究機関を繋いだ。|ACHIEVEMENT|いだ
                全国で説明会を実施しました。|ACHIEVEMENT|ました
                説明会の参加者は過去最多でした。|ACHIEVEMENT|でした
                改正法が施行されたところ。|ACHIEVEMENT|たところ
                改正法が成立したところである。|ACHIEVEMENT|たところである
                新制度の運用を開始したところです。|ACHIEVEMENT|たところです
                全自治体で計画の作成・公表済。|ACHIEVEMENT|済
                全拠点で体制の整備済み。|ACHIEVEMENT|済み
                全国の保険者で実証事業を実施している。|ONGOING|ている
                各地域で健康づくりに取り組んでいる。|ONGOING|でいる
                関係省庁で検討を進めています。|ONGOING|ています
                各地域で健康づくりに取り組んでいます。|ONGOING|でいます
                関係府省が連携して実施しておる。|ONGOING|ておる
                関係府省が連携して実施しております。|ONGOING|ております
                各地域で健康づくりに取り組んでおります。|ONGOING|でおります
                協議会の設置を促進しているところ。|ONGOING|ているところ
                ガイドラインの改定を検討しているところである。|ONGOING|ているところである
                制度の見直しを検討しているところです。|ONGOING|ているところです
                関係団体と共に取り組んでいるところ。|ONGOING|でいるところ
                関係団体と共に取り組んでいるところである。|ONGOING|でいるところである
                制度の周知を図る段階にあるところ。|ONGOING|ところ
                制度の詳細は検討中のところである。|ONGOING|ところである
                参加する自治体は増加しつつある。|ONGOING|つつある
                参加する自治体は増加しつつあります。|ONGOING|つつあります
                邦人職員数は増加傾向である。|ONGOING|である
                専門人材の不足が課題です。|ONGOING|です
                専門人材の確保が課題だ。|ONGOING|だ
                地域によって取組に差がある。|ONGOING|ある
                地域によって取組に差があります。|ONGOING|あります
                全国への普及には至っていない。|ONGOING|ない
                健診の受診率は依然として低い。|ONGOING|い
                次期計画の内容を検討中。|ONGOING|中
                受診者数が減少している状況。|ONGOING|状況
                専門人材が不足しているのが現状。|ONGOING|現状
                一定の効果があると考えられる。|ONGOING|考えられる
                受診率に改善が見られる。|ONGOING|見られる
                一部の地域で改善が認められる。|ONGOING|認められる
                人材の不足が課題として挙げられる。|ONGOING|挙げられる
                専門人材の不足が懸念される。|ONGOING|懸念される
                地域における健康づくりを推進する。|COMMITMENT|る
                事業の効果検証を行う。|COMMITMENT|う
                地域の拠点を築く。|COMMITMENT|く
                国際規格の策定を目指す。|COMMITMENT|す
                提供する医療の高い品質を保つ。|COMMITMENT|つ
                専門人材の育成に取り組む。|COMMITMENT|む
                関係国と協力覚書を結ぶ。|COMMITMENT|ぶ
                感染の拡大を防ぐ。|COMMITMENT|ぐ
                地域の取組を支援します。|COMMITMENT|ます
                保険者の取組を支援していく。|COMMITMENT|ていく
                保険者の取組を支援していきます。|COMMITMENT|ていきます
                関係機関との連携を深めていきたい。|COMMITMENT|ていきたい
                新たな制度を導入したい。|COMMITMENT|たい
                試行運用を開始する予定。|COMMITMENT|予定
                結果を公表する予定である。|COMMITMENT|予定である
                結果を公表する予定です。|COMMITMENT|予定です
                結果を公表する予定だ。|COMMITMENT|予定だ
                年度内に報告書の公表を予定している。|COMMITMENT|予定している
                次期計画への反映を予定としている。|COMMITMENT|予定としている
                結果が公表される予定となっている。|COMMITMENT|予定となっている
                残る情報も順次稼働させることとしている。|COMMITMENT|こととしている
                説明会を開催することとしています。|COMMITMENT|こととしています
                制度を見直すこととなっている。|COMMITMENT|こととなっている
                制度を見直すことになっている。|COMMITMENT|ことになっている
                次期計画を策定することとされている。|COMMITMENT|こととされている
                関係府省と連携して推進していく考えである。|COMMITMENT|考えである
                地域での取組を推進する方針。|COMMITMENT|方針
                地域での取組を推進する方針である。|COMMITMENT|方針である
                地域での取組を推進することを方針としている。|COMMITMENT|方針としている
                年度内に整備が完了する見込み。|COMMITMENT|見込み
                年度内に整備が完了する見込みである。|COMMITMENT|見込みである
                報告書は年度内に公表される見通し。|COMMITMENT|見通し
                報告書は年度内に公表される見通しである。|COMMITMENT|見通しである
                新薬の早期実用化を目指している。|COMMITMENT|目指している
                受診率の向上を目標としている。|COMMITMENT|目標としている
                受診率の向上が目標である。|COMMITMENT|目標である
                着実に施策を推進していく必要がある。|COMMITMENT|必要がある
                関係者の理解を得る必要があります。|COMMITMENT|必要があります
                人材育成の強化が必要である。|COMMITMENT|必要である
                人材育成の強化が必要だ。|COMMITMENT|必要だ
                関係機関の一層の連携が必要。|COMMITMENT|必要
                産学官の連携が重要である。|COMMITMENT|重要である
                産学官の連携が重要だ。|COMMITMENT|重要だ
                産学官の連携が重要。|COMMITMENT|重要
                専門人材の確保が不可欠である。|COMMITMENT|不可欠である
                専門人材の確保が不可欠。|COMMITMENT|不可欠
                関係者の協力が肝要である。|COMMITMENT|肝要である
                国際連携を推進すべきである。|COMMITMENT|べきである
                国際連携を推進すべき。|COMMITMENT|べき
                情報を共有することが望ましい。|COMMITMENT|望ましい
                感染の拡大を防がなければならない。|COMMITMENT|ならない
                地域との連携が欠かせない。|COMMITMENT|欠かせない
                迅速な対応が求められている。|COMMITMENT|求められている
                データの利活用が期待されている。|COMMITMENT|期待されている
                関係府省が連携して実施するものとする。|COMMITMENT|ものとする
                地域の実情に応じた取組を推進すること。|COMMITMENT|こと
                事業者向け説明会の開催など。|ACHIEVEMENT|など
                """).map(c -> Arguments.of(c[0], StatementKind.valueOf(c[1]), c[2]));
    }

    @Nested
    class Kinds {
        @ParameterizedTest(name = "{0} → {1} ({2})")
        @MethodSource("org.hmskg.extract.statement.StatementReaderTest#endingFixtures")
        void theFinalPredicateGivesTheKind(String sentence, StatementKind kind, String ending) {
            assertEquals(ending, Endings.read(NormText.key(sentence), RULES).ending().orElseThrow().word());
            assertEquals(kind, only(sentence).kind());
        }

        @Test
        void everyEndingOfTheTableHasAFixture() {
            Set<String> covered = endingFixtures().map(a -> (String) a.get()[2]).collect(Collectors.toSet());
            assertEquals(new TreeSet<>(RULES.endings.words()), new TreeSet<>(covered));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                中小企業への裾野の拡大を図る 。                         | COMMITMENT  | る
                年度内に試行運用を開始する予定 1。                      | COMMITMENT  | 予定
                結果を公表する予定※1。                                 | COMMITMENT  | 予定
                結果を公表する予定¹。                                   | COMMITMENT  | 予定
                ｼｽﾃﾑを構築した。                                        | ACHIEVEMENT | た
                ２０２２年 ３⽉に制度を創設した。                       | ACHIEVEMENT | た
                レジストリを利活用した研究を支援した（2021年度は 15件を支援）。 | ACHIEVEMENT | た
                研究を支援した【厚】。                                  | ACHIEVEMENT | た
                （詳細は別紙のとおりである。）                          | ONGOING     | である
                """)
        void extractionQuirksAreReadThrough(String sentence, StatementKind kind, String ending) {
            assertEquals(ending, Endings.read(NormText.key(sentence), RULES).ending().orElseThrow().word());
            assertEquals(kind, only(sentence).kind());
        }

        @Test
        void aNounEndingTakesItsCue() {
            assertEquals(List.of(StatementKind.COMMITMENT, StatementKind.ACHIEVEMENT),
                    read("制度の周知を推進する。これまで、10ファンドに対して計 329億円の出資契約を締結。").stream()
                            .map(StatementFact::kind).toList());
            assertEquals(StatementKind.COMMITMENT, only("今後、全国の拠点への展開。").kind());
        }

        @Test
        void aNounEndingWithoutACueTakesTheNearestEarlierKind() {
            assertEquals(List.of(StatementKind.COMMITMENT, StatementKind.UNCLASSIFIED, StatementKind.COMMITMENT),
                    read("制度の周知を推進する。関係機関との連携について。あわせて事業者向け説明会の開催。").stream()
                            .map(StatementFact::kind).toList());
        }

        @Test
        void aNounEndingFirstInItsBlockReportsAnAct() {
            assertEquals(StatementKind.ACHIEVEMENT, only("ベンチャー企業に対し出資を実施。").kind());
        }

        @Test
        void aKanaEndingNoRuleKnowsIsUnclassified() {
            StatementFact s = only("関係機関との連携について");
            assertEquals(StatementKind.UNCLASSIFIED, s.kind());
            assertFalse(s.continues());
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                地域の取組を推進し、                | UNCLASSIFIED
                関係機関との連携について・          | UNCLASSIFIED
                計 329億円の出資契約を締結          | ACHIEVEMENT
                新たな拠点を「全国センター」        | ACHIEVEMENT
                対象者の約 7割                      | ACHIEVEMENT
                データヘルスのサービス              | ACHIEVEMENT
                """)
        void aTextCutOffAfterPunctuationIsNoNounEnding(String sentence, StatementKind kind) {
            assertEquals(kind, only(sentence).kind());
        }
    }

    // ------------------------------------------------------------------ continuation and noun cues

    static final List<String> CONTINUING = List.of(
            "引き続き、保険者の取組を支援する。",
            "引続き関係機関の取組を支援する。",
            "ひきつづき関係機関の取組を支援する。",
            "引き続いて実証事業を実施する。",
            "今後も、インセンティブ措置の強化を図る。",
            "今後とも地域の取組を推進する。",
            "継続して実証事業を実施する。",
            "継続的に関係団体を支援する。",
            "関係団体への支援を継続する。",
            "関係団体への支援を継続し、拡充を図る。",
            "関係団体への支援を続けていく。",
            "関係団体への支援を続ける。",
            "これまで同様に説明会を開催する。",
            "これまでと同様に説明会を開催する。",
            "従来どおり説明会を開催する。",
            "従来通り説明会を開催する。",
            "これまでどおり関係団体を支援する。",
            "これまで通り関係団体を支援する。");

    @Nested
    class Continuation {
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.hmskg.extract.statement.StatementReaderTest#continuing")
        void aCommitmentThatSaysSoContinuesEarlierWork(String sentence) {
            StatementFact s = only(sentence);
            assertEquals(StatementKind.COMMITMENT, s.kind());
            assertTrue(s.continues());
        }

        @Test
        void everyContinuationWordHasAFixture() {
            List<String> missing = RULES.continuation.stream()
                    .filter(w -> CONTINUING.stream().noneMatch(f -> NormText.key(f).contains(w))).toList();
            assertEquals(List.of(), missing);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                引き続き、保険者の取組を支援した。 | ACHIEVEMENT
                引き続き、保険者の取組を支援している。 | ONGOING
                今後、保険者の取組を支援する。 | COMMITMENT
                保険者の取組を支援する。 | COMMITMENT
                """)
        void onlyACommitmentWithAContinuationWordContinues(String sentence, StatementKind kind) {
            StatementFact s = only(sentence);
            assertEquals(kind, s.kind());
            assertFalse(s.continues());
        }

        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("org.hmskg.extract.statement.StatementReaderTest#nounCueFixtures")
        void aNounEndingTakesTheKindOfItsFirstCue(String sentence, StatementKind kind, String cue) {
            assertTrue(NormText.key(sentence).contains(cue));
            assertEquals(kind, read("制度の周知を推進した。また、制度の周知を推進する。" + sentence).get(2).kind());
        }

        @Test
        void everyNounCueHasAFixture() {
            Set<String> covered = nounCueFixtures().map(a -> NormText.key((String) a.get()[2]))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(RULES.nounCues.stream().map(Rules.Found::word).toList()), covered);
        }
    }

    /** A noun-ending sentence per cue of statement-noun-cues.tsv: the sentence, its kind, the cue. */
    static Stream<Arguments> nounCueFixtures() {
        return table("""
                今後、全国への展開。|COMMITMENT|今後
                引き続き、中小企業の支援を実施。|COMMITMENT|引き続き
                将来的な全国への展開。|COMMITMENT|将来
                2023年度に開始予定の事業の準備。|COMMITMENT|予定
                これまで、10ファンドと出資契約を締結。|ACHIEVEMENT|これまで
                既に20件を採択。|ACHIEVEMENT|既に
                すでに20件を採択。|ACHIEVEMENT|すでに
                """).map(c -> Arguments.of(c[0], StatementKind.valueOf(c[1]), c[2]));
    }

    static Stream<String> continuing() {
        return CONTINUING.stream();
    }

    // ------------------------------------------------------------------ times

    /** A sentence per time marker: the text, its times, and the marker row it exercises. */
    static Stream<Arguments> markerFixtures() {
        return table("""
                2023年度を目処に体制整備を図る。|DUE FY2023|を目処に
                2023年度を目処として体制整備を図る。|DUE FY2023|を目処と
                2023年度目処に報告書を取りまとめる。|DUE FY2023|目処に
                2023年度目処で報告書を取りまとめる。|DUE FY2023|目処
                2022年夏を目途に結論を得る。|DUE 2022 夏|を目途に
                2024年度を目途として制度を見直す。|DUE FY2024|を目途と
                2024年度目途に制度を見直す。|DUE FY2024|目途に
                2024年度目途で制度を見直す。|DUE FY2024|目途
                2025年をめどに方針を示す。|DUE 2025|をめどに
                2025年をめどとして方針を示す。|DUE 2025|をめどと
                2025年めどに方針を示す。|DUE 2025|めどに
                2030年を目標に普及を図る。|DUE 2030|を目標に
                2030年を目標として普及を図る。|DUE 2030|を目標と
                2030年目標に普及を図る。|DUE 2030|目標に
                2023年3月を期限に申請を受け付ける。|DUE 2023-03|を期限に
                2023年3月を期限として申請を受け付ける。|DUE 2023-03|を期限と
                2026年に向けて準備を進める。|DUE 2026|に向けて
                2026年に向け、準備を進める。|DUE 2026|に向け
                2025年度までに全国展開を図る。|DUE FY2025|までに
                2025年度まで事業を実施する。|DUE FY2025|まで
                2025年度迄に拠点を整備する。|DUE FY2025|迄に
                2022年から2023年にかけて調査を行う。|START 2022; DUE 2023|にかけて
                2022年度から新制度を開始する。|START FY2022|から
                2021年度より運用している。|START FY2021|より
                2024年度以降の制度について検討を行う。|START FY2024|以降
                2024年度以後の制度について検討する。|START FY2024|以後
                2020年以来、支援を続けている。|START 2020|以来
                2022年4月を起点に運用を開始する。|START 2022-04|を起点に
                2022年4月を皮切りに順次展開する。|START 2022-04|を皮切りに
                2023～2025年度に集中的に取り組む。|START FY2023; DUE FY2025|~
                2022年1〜3月に試行を行った。|START 2022-01; OCCURRENCE 2022-03|〜
                2022年1-3月に試行を行った。|START 2022-01; OCCURRENCE 2022-03|-
                2022年3月31日時点で851件の相談を受けた。|AS_OF 2022-03-31|時点
                405都市（2021年12月31日現在）が計画を作成した。|AS_OF 2021-12-31|現在
                2022年度に結果を公表する。|DUE FY2022|に
                2021年度には国際公募を実施した。|OCCURRENCE FY2021|には
                2022年度は実証事業を実施する。|DUE FY2022|は
                2021年度において調査を実施した。|OCCURRENCE FY2021|において
                2021年度においては調査を実施した。|OCCURRENCE FY2021|においては
                2022年度にて検証を完了する。|DUE FY2022|にて
                2022年度で事業を終了する。|DUE FY2022|で
                2022年度も引き続き取り組む。|DUE FY2022|も
                2022年3月付で指針を改定した。|OCCURRENCE 2022-03|付で
                2022年3月付けで指針を改定した。|OCCURRENCE 2022-03|付け
                2021年度の参加者の追跡率を分析した。||の
                2020年より前の制度を見直す。||より前
                2020年以前の制度を見直す。||以前
                """).map(c -> Arguments.of(c[0], c[1], c[2]));
    }

    /** A sentence per note word: the text, its times, and the note row it exercises. */
    static Stream<Arguments> noteFixtures() {
        return table("""
                2023年度前半に公表する。|DUE FY2023 前半|前半
                2022年度後半から検討を行う。|START FY2022 後半|後半
                2023年度上半期に公表する。|DUE FY2023 上半期|上半期
                2023年度下半期に公表する。|DUE FY2023 下半期|下半期
                2023年度上期に公表する。|DUE FY2023 上期|上期
                2023年度下期に公表する。|DUE FY2023 下期|下期
                2023年度第１四半期に公表する。|DUE FY2023 第1四半期|第1四半期
                2023年度第2四半期に公表する。|DUE FY2023 第2四半期|第2四半期
                2023年度第3四半期に公表する。|DUE FY2023 第3四半期|第3四半期
                2023年度第4四半期に公表する。|DUE FY2023 第4四半期|第4四半期
                2023年初頭に公表する。|DUE 2023 初頭|初頭
                2023年初めに公表する。|DUE 2023 初め|初め
                2023年はじめに公表する。|DUE 2023 はじめ|はじめ
                2023年度当初から運用する。|START FY2023 当初|当初
                2023年半ばに公表する。|DUE 2023 半ば|半ば
                2023年中頃に公表する。|DUE 2023 中頃|中頃
                2023年中ごろに公表する。|DUE 2023 中ごろ|中ごろ
                2023年4月上旬に公表する。|DUE 2023-04 上旬|上旬
                2023年4月中旬に公表する。|DUE 2023-04 中旬|中旬
                2023年4月下旬に公表する。|DUE 2023-04 下旬|下旬
                2022年度末までに完了する。|DUE FY2022 末|末
                2023年春に公表する。|DUE 2023 春|春
                2022年夏を目途に結論を得る。|DUE 2022 夏|夏
                2023年秋に公表する。|DUE 2023 秋|秋
                2023年冬に公表する。|DUE 2023 冬|冬
                2023年春頃に公表する。|DUE 2023 春頃|春頃
                2022年夏頃より議論を行う。|START 2022 夏頃|夏頃
                2023年秋頃に公表する。|DUE 2023 秋頃|秋頃
                2023年冬頃に公表する。|DUE 2023 冬頃|冬頃
                2023年3月頃に公表する。|DUE 2023-03 頃|頃
                2023年3月ごろに公表する。|DUE 2023-03 ごろ|ごろ
                2022年中に稼働させる。|DUE 2022 中|中
                2022年度内に公表する。|DUE FY2022 内|内
                2023年度の早期に公表する。|DUE FY2023 早期|早期
                2023年度早々に公表する。|DUE FY2023 早々|早々
                2022年度末完了を目途に作業を行う。|DUE FY2022 末|末
                2021年度中に18課題で連携した。|OCCURRENCE FY2021 中|中
                """).map(c -> Arguments.of(c[0], c[1], c[2]));
    }

    /** A sentence per clause connective: the text, its times, and the connective row it exercises. */
    static Stream<Arguments> clauseFixtures() {
        return table("""
                2021年度は新たに6件採択しており、引き続き支援していく。|OCCURRENCE FY2021|ており、
                2021年度に取り組んでおり、更に推進する。|OCCURRENCE FY2021|でおり、
                2021年度に実施していて、更に拡充する。|OCCURRENCE FY2021|ていて、
                改正法が2022年5月に成立し、施行されたところであり、適切な運用を図っていく。|OCCURRENCE 2022-05|たところであり、
                2021年度に試行したところ、課題が判明したため改善を図る。|OCCURRENCE FY2021|たところ、
                2021年度に検討したが、更に検討を深める。|OCCURRENCE FY2021|たが、
                2021年度に開始したものの、更に普及を図る。|OCCURRENCE FY2021|たものの、
                2021年度に調査した結果、課題を整理して対応する。|OCCURRENCE FY2021|た結果、
                2021年度に合意したことから、導入を進める。|OCCURRENCE FY2021|たことから、
                2021年度に改定したことにより、運用を見直す。|OCCURRENCE FY2021|たことにより、
                法律が2024年1月1日に施行されたことを受け、基本計画を2024年秋頃を目途に策定する。|OCCURRENCE 2024-01-01; DUE 2024 秋頃|たことを受け、
                法律が2024年1月1日に施行されたことを受けて、基本計画を策定する。|OCCURRENCE 2024-01-01|たことを受けて、
                2023年度に指針を改定したことを踏まえ、運用を見直す。|OCCURRENCE FY2023|たことを踏まえ、
                2023年度に指針を改定したことを踏まえて、運用を見直す。|OCCURRENCE FY2023|たことを踏まえて、
                2021年度に制度を開始し、今後は人材の確保を推進する。|OCCURRENCE FY2021|、今後
                2022年中に稼働させることとしており、準備を進めた。|DUE 2022 中|こととしており、
                2023年度に開始を予定しており、準備を進めた。|DUE FY2023|予定しており、
                2023年度に公表する予定であり、準備を進めた。|DUE FY2023|予定であり、
                2023年度に改定を予定としており、準備を進めた。|DUE FY2023|予定としており、
                2023年度に完了する見込みであり、準備を進めた。|DUE FY2023|見込みであり、
                """).map(c -> Arguments.of(c[0], c[1], c[2]));
    }

    @Nested
    class Times {
        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("org.hmskg.extract.statement.StatementReaderTest#markerFixtures")
        void theWordsAfterATimeGiveItsRole(String text, String expected, String marker) {
            assertEquals(expected, times(text));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("org.hmskg.extract.statement.StatementReaderTest#noteFixtures")
        void halvesSeasonsAndPartsOfAPeriodKeepTheYearAndAreNoted(String text, String expected, String note) {
            assertEquals(expected, times(text));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("org.hmskg.extract.statement.StatementReaderTest#clauseFixtures")
        void aPlainTimeFollowsTheTenseOfItsOwnClause(String text, String expected, String connective) {
            assertEquals(expected, times(text));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                2024年度に創設した事業について、2027年度までに支援対象を拡充する。 | OCCURRENCE FY2024; DUE FY2027
                2022年4月に施行された法律に基づき、制度を見直す。                 | OCCURRENCE 2022-04
                2023年度にまとめた「指針」を踏まえ、運用を見直す。                 | OCCURRENCE FY2023
                2024年度に見直した上で、2025年度から適用する。                     | DUE FY2024; START FY2025
                2024年度に終了した後に、後継事業を開始する。                       | DUE FY2024
                2023年度に実施する事業を拡充する。                                 | DUE FY2023
                2025年度にAIを活用した診断支援を開始する。                         | DUE FY2025
                2025年度にAIを活用した診断支援を導入し、普及を図る。               | DUE FY2025
                2025年度に見直した計画を公表する。                                 | DUE FY2025
                2026年度は前年度に策定した計画に基づき、事業を実施する。           | DUE FY2026
                2026年度には2024年度に創設した事業について、対象を拡充する。       | DUE FY2026; OCCURRENCE FY2024
                2023年度に実施する調査で把握した課題について、対策を講じる。       | DUE FY2023
                2023年度に策定したDX推進計画については、見直しを進める。           | OCCURRENCE FY2023
                2024年度に創設した「A、B事業」については、対象を拡充する。         | OCCURRENCE FY2024
                """)
        void aTimeInARelativeClauseInThePastIsWhenItHappened(String text, String expected) {
            assertEquals(expected, times(text));
        }

        /** Every row of time-relative-heads.tsv, with its example: the time before the relative clause happened. */
        static Stream<Arguments> relativeHeadExamples() {
            return Rules.rows(StatementReaderTest.class.getClassLoader(), Rules.TIME_RELATIVE_HEADS, 1).stream()
                    .map(r -> Arguments.of(r.key(), r.row().cols().get(1)));
        }

        /** Every row of time-relative-forward.tsv, with its example: the form reports nothing done. */
        static Stream<Arguments> relativeForwardExamples() {
            return Rules.rows(StatementReaderTest.class.getClassLoader(), Rules.TIME_RELATIVE_FORWARD, 1).stream()
                    .map(r -> Arguments.of(r.key(), r.row().cols().get(1)));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("relativeForwardExamples")
        void everyForwardFormHasAnExampleWhereItDecides(String form, String example) {
            assertTrue(NormText.key(example).contains(form), example);
            assertFalse(times(example).startsWith("OCCURRENCE "), () -> example + " → " + times(example));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("relativeHeadExamples")
        void everyRelativeHeadHasAnExampleWhereItDecides(String ending, String example) {
            assertTrue(NormText.key(example).contains(ending), example);
            assertTrue(times(example).startsWith("OCCURRENCE "), () -> example + " → " + times(example));
            String main = example.replace(ending, "を");
            assertFalse(times(main).startsWith("OCCURRENCE "), () -> main + " → " + times(main));
        }

        @Test
        void everyMarkerHasAFixtureWhereItDecides() {
            assertEquals(new TreeSet<>(RULES.markers.words()),
                    decided(markerFixtures(), (after, pos) -> RULES.markers.at(after, pos)));
        }

        @Test
        void everyNoteHasAFixtureWhereItDecides() {
            assertEquals(new TreeSet<>(RULES.notes.words()),
                    decided(noteFixtures(), (after, pos) -> RULES.notes.at(after, pos)));
        }

        @Test
        void everyClauseConnectiveHasAFixture() {
            Set<String> covered = new TreeSet<>();
            clauseFixtures().forEach(a -> {
                String connective = NormText.key((String) a.get()[2]);
                assertTrue(NormText.key((String) a.get()[0]).contains(connective), connective);
                covered.add(connective);
            });
            assertEquals(new TreeSet<>(RULES.clauses.stream().map(Rules.Found::word).toList()), covered);
        }

        /** The rows that are the longest match at some position of the fixtures' texts, among those they name. */
        private Set<String> decided(Stream<Arguments> fixtures,
                                    java.util.function.BiFunction<String, Integer, Optional<? extends Rules.Found<?>>> at) {
            Set<String> covered = new TreeSet<>();
            fixtures.forEach(a -> {
                String text = NormText.key((String) a.get()[0]);
                String row = NormText.key((String) a.get()[2]);
                boolean found = false;
                for (int pos = 0; pos < text.length(); pos++) {
                    Optional<? extends Rules.Found<?>> f = at.apply(text, pos);
                    if (f.isPresent() && f.get().word().equals(row)) {
                        found = true;
                    }
                }
                assertTrue(found, () -> "'" + row + "' is not the longest match anywhere in " + text);
                covered.add(row);
            });
            return covered;
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                「健康経営銘柄 2022」として 50社を選定した。                                   | a year inside a name
                2021年度健康経営度調査に回答した企業の結果を公表する。                       | a year that begins a name
                「健康・医療戦略」（2020年 3月 27日閣議決定）に基づき施策を推進する。        | a cited document's decision
                審査のポイント（2020年 12月改訂）について周知する。                           | a dated revision
                感染症対策関係閣僚会議（2015年 9月 11日閣議口頭了解）において協議する。       | a council's founding decision
                対処方針（2021年 11⽉19⽇（2022年5⽉23⽇変更）対策本部決定）に基づき推進する。 | nested revision dates
                2016年 4月 5日に決定された「薬剤耐性(AMR)対策アクションプラン」に基づき推進している。 | a date before the title it dates
                """)
        void timesThatAreNotTimesOfTheStatement(String text, String why) {
            assertEquals("", times(text), why);
        }

        @Test
        void aDateAfterACitedTitleIsTheActOfTheSentence() {
            assertEquals("OCCURRENCE 2021-04", times("「健康寿命延伸に向けた基本的指針」を 2021年 4月に策定した。"));
            assertEquals("OCCURRENCE 2022-03",
                    times("2021年１月 29日に改定した「医療情報システムの安全管理に関するガイドライン」について、"
                            + "2022年 3月付で改定した。"));
        }

        @Test
        void eachTimeBelongsToItsOwnSentence() {
            List<StatementFact> s = read("2022年3月に指針を策定した。2023年度を目処に改定する。");
            assertEquals(List.of("OCCURRENCE 2022-03"), s.get(0).times().stream().map(StatementReaderTest::time).toList());
            assertEquals(List.of("DUE FY2023"), s.get(1).times().stream().map(StatementReaderTest::time).toList());
        }
    }

    @Nested
    class Figures {
        @Test
        void figuresOfAnAchievementTakeItsDate() {
            StatementFact s = only("2022年 3月に 32業種 50社を選定した。");
            assertEquals(List.of("32業種@2022-03#0", "50社@2022-03#1"), figures(s));
        }

        @Test
        void aFigureTakesTheNearestEarlierTimeElseTheNextOne() {
            assertEquals(List.of("50社@2022-03#0", "20件@FY2021#1"),
                    figures(only("50社を 2022年 3月に選定し、2021年度に 20件を採択した。")));
        }

        @Test
        void aFigureWithItsOwnAsOfKeepsIt() {
            assertEquals(List.of("20件@FY2021#0"),
                    figures(only("2021年度に 20件を採択し、2022年3月31日時点で 851件の相談を受けた。")));
        }

        @Test
        void aDurationTakesNoDate() {
            assertEquals(List.of(), figures(only("法施行後 5年の見直しに向け、2021年 12月に検討を開始した。")));
        }

        @Test
        void onlyAchievementsGiveTheirDate() {
            assertEquals(List.of(), figures(only("2023年度までに 100件の採択を目指す。")));
            assertEquals(List.of(), figures(only("2021年度から 20件を支援している。")));
        }

        @Test
        void aStartIsNotWhenItHappened() {
            assertEquals(List.of(), figures(only("2018年度から 10％まで段階的に引き上げた。")));
        }

        private List<String> figures(StatementFact s) {
            List<String> out = new ArrayList<>();
            for (FigureAsOf f : s.figures()) {
                out.add(NormText.key(f.quantity().surface()) + "@" + (f.fiscal() ? "FY" : "") + f.value().lexical()
                        + "#" + f.quantityIndex());
            }
            return out;
        }
    }

    @Test
    void theResultIsImmutable() {
        List<StatementFact> s = read("2022年度に公表する。");
        assertAll(
                () -> org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> s.add(s.get(0))),
                () -> org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                        () -> s.get(0).times().clear()));
    }
}
