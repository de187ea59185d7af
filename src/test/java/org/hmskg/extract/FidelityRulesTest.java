package org.hmskg.extract;

import static org.hmskg.extract.ExtractorTest.describe;
import static org.hmskg.extract.ExtractorTest.extract;
import static org.hmskg.extract.ExtractorTest.named;
import static org.hmskg.extract.ExtractorTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.hmskg.extract.Facts.EntityMention;
import org.hmskg.parse.DateValue;
import org.hmskg.vocab.Iris;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules that read what a careful reader reads: the bodies that decide documents, a document's date from its
 * sentence, names inside cited titles, amending laws, plans of local bodies, schemes with a gloss and
 * certifications with a year. Every fixture is written for its rule.
 */
class FidelityRulesTest {
    static Optional<String> date(Entity e) {
        return e.date().map(DateValue::lexical);
    }

    static Optional<String> body(Entity e) {
        return e.decidedBy().map(BodyRef::key);
    }

    /** The document's class, date (null: none) and deciding body's key (null: none). */
    static void assertDocument(Entity e, EntityClass cls, String date, String body) {
        assertEquals(cls, e.cls(), e.toString());
        assertEquals(Optional.ofNullable(date), date(e));
        assertEquals(Optional.ofNullable(body), body(e));
    }

    @Nested
    class DecidingBodies {
        @Test
        void theCabinetOfACabinetDecisionIsMentionedAtItsCharacters() {
            String text = "「医療データ活用戦略（2021年６月１日閣議決定）」に基づく。";
            Facts f = extract(text);
            EntityMention cabinet = f.entities().stream().filter(m -> m.entity().key().equals("cabinet"))
                    .findFirst().orElseThrow(() -> new AssertionError(describe(f)));
            assertEquals("閣議", cabinet.span().surface());
            assertEquals(text.indexOf("閣議"), cabinet.span().start());
            assertFalse(cabinet.nested());
            assertEquals(Optional.of("cabinet"), body(named(f, "医療データ活用戦略").entity()));
        }

        @Test
        void aHeadquartersAfterTheQuoteIsMentionedAndDecides() {
            Facts f = extract("「創薬推進方針」（2022年 5月 10日健康・医療戦略推進本部決定）を踏まえた。");
            assertEquals("健康・医療戦略推進本部", named(f, "健康・医療戦略推進本部").span().surface());
        }

        @Test
        void aBodyDatedInABracketOfItsOwnIsStillMentioned() {
            Facts f = extract("感染症対策関係閣僚会議（2015年 9月 11日閣議口頭了解）において議論した。");
            assertTrue(f.entities().stream().anyMatch(m -> m.entity().key().equals("cabinet")), describe(f));
            assertTrue(f.entities().stream().anyMatch(m -> m.span().surface().equals("感染症対策関係閣僚会議")));
        }

        @Test
        void whatRemainsOfABrokenDateIsNoBody() {
            Facts f = extract("「地域医療の手引き」（2022年 6月 25月23日変更）に基づく。");
            Entity e = named(f, "地域医療の手引き").entity();
            assertEquals(Optional.empty(), e.decidedBy(), "「25月23日」 decides nothing");
            assertEquals(Optional.of("2022-06"), date(e));
            assertEquals(1, f.entities().size(), describe(f));
        }

        @Test
        void aCuratedBodyThatIsNoCouncilIsMentionedButDecidesNothing() {
            Facts f = extract("「研究データ取扱指針」（2021年 3月 1日AMED決定）に基づく。");
            assertEquals(Optional.empty(), named(f, "研究データ取扱指針").entity().decidedBy(),
                    "hms:decidedBy points to councils and ministries only");
            assertTrue(f.entities().stream().anyMatch(m -> m.entity().key().equals("amed")), describe(f));
        }

        @Test
        void anUncuratedBodyThatIsNoCouncilDecidesNothing() {
            Entity e = named(extract("「地域連携指針」（2021年 3月 1日地域医療推進課決定）に基づく。"), "地域連携指針")
                    .entity();
            assertEquals(Optional.empty(), e.decidedBy());
        }
    }

    @Nested
    class DatesFromTheSentence {
        @ParameterizedTest
        @CsvSource(nullValues = "-", value = {
                "2020年12月に改訂した「地域医療計画策定指針」を周知した。, 地域医療計画策定指針, 2020-12, -",
                "2021年6月に閣議決定された「医療データ活用戦略」に基づき推進した。, 医療データ活用戦略, 2021-06, cabinet",
                "「医療機器プログラム戦略」を策定し 2020年 11月に公表した。, 医療機器プログラム戦略, 2020-11, -",
                "2022年 5月に「医療国際戦略」を健康・医療戦略推進本部において決定した。, 医療国際戦略, 2022-05, hmp-hq",
                "2021年 6月に第 2回健康・医療新産業協議会を開催し、「新産業アクションプラン」をとりまとめた。, 新産業アクションプラン, 2021-06, shinsangyo-council",
                "「医療安全ガイドライン」が 2022年 5月に公表された。, 医療安全ガイドライン, 2022-05, -",
                "2021年１月 29日に改定した「医療安全ガイドライン」について、2022年 3月付で第 2.1版に改定した。, 医療安全ガイドライン, 2022-03, -",
                "「新規上場ガイドブック」の上場審査の考え方（2020年 12月改訂）を周知した。, 新規上場ガイドブック, 2020-12, -",
                "「健康増進ガイドライン」（2019年 4月 12日策定）の改定を 2021年度に実施した。, 健康増進ガイドライン, 2019-04-12, -"})
        void theSentenceDatesTheDocument(String text, String title, String date, String body) {
            Entity e = named(extract(text), title).entity();
            assertTrue(e.cls().isCitation(), e.toString());
            assertEquals(Optional.ofNullable(date), date(e));
            assertEquals(Optional.ofNullable(body), body(e));
        }

        @Test
        void aBodyBeforeTheDateDecides() {
            Facts f = extract("感染症対策関係閣僚会議（2015年 9月 11日閣議口頭了解）において 2016年 4月 5日に決定された"
                    + "「薬剤耐性対策アクションプラン」に基づく。");
            Entity plan = named(f, "薬剤耐性対策アクションプラン").entity();
            assertEquals(Optional.of("2016-04-05"), date(plan));
            assertEquals(Optional.of(Iris.hashKey("感染症対策関係閣僚会議")), body(plan));
        }

        @Test
        void anUncuratedHeadquartersThatDecidesIsMentionedAsACouncil() {
            Facts f = extract("2021年６月のデータ改革推進本部において、「データ改革工程表」を決定した。");
            Entity plan = named(f, "データ改革工程表").entity();
            assertEquals(Optional.of("2021-06"), date(plan));
            assertEquals(Optional.of(Iris.hashKey("データ改革推進本部")), body(plan));
            assertEquals(EntityClass.COUNCIL, named(f, "データ改革推進本部").entity().cls());
        }

        @Test
        void theCabinetOfALaterCabinetDecisionIsMentioned() {
            Facts f = extract("2021年6月に閣議決定された「医療データ活用戦略」に基づき推進した。");
            assertEquals("閣議", f.entities().stream().filter(m -> m.entity().key().equals("cabinet")).findFirst()
                    .orElseThrow(() -> new AssertionError(describe(f))).span().surface());
        }

        @ParameterizedTest
        @CsvSource({
                "「医療安全指針」について、2022年 4月に改定に向けた検討を開始した。, 医療安全指針",
                "2020年に開始した事業を踏まえ、「地域医療推進計画」を策定した。, 地域医療推進計画",
                "2021年度に「データ共有計画書」を策定した。, データ共有計画書",
                "「地域医療推進計画」に基づき、2022年 3月に説明会を開催した。, 地域医療推進計画"})
        void aDateTheSentenceDoesNotTieToTheDocumentIsNotItsDate(String text, String title) {
            assertEquals(Optional.empty(), date(named(extract(text), title).entity()));
        }
    }

    @Nested
    class NamesInsideCitedTitles {
        @Test
        void aCuratedNameInsideATitleIsANestedMention() {
            Facts f = extract("「AMED研究データ利活用に係るガイドライン」に則り推進した。");
            EntityMention guideline = named(f, "AMED研究データ利活用に係るガイドライン");
            assertFalse(guideline.nested());
            EntityMention amed = f.entities().stream().filter(m -> m.entity().key().equals("amed")).findFirst()
                    .orElseThrow(() -> new AssertionError(describe(f)));
            assertTrue(amed.nested());
            assertEquals("AMED", amed.span().surface());
            assertEquals(1, amed.span().start());
        }

        @Test
        void aProgrammeNamedInItsGuidelinesTitleIsMentioned() {
            Facts f = extract("「在宅医療推進事業実施要綱」に基づき補助した。");
            assertEquals(EntityClass.GUIDELINE, named(f, "在宅医療推進事業実施要綱").entity().cls());
            EntityMention programme = named(f, "在宅医療推進事業");
            assertTrue(programme.nested());
            assertEquals(EntityClass.PROGRAMME, programme.entity().cls());
        }

        @Test
        void aTitleCutShortIsNoNameInsideIt() {
            Facts f = extract("「感染症の予防及び感染症の患者に対する医療に関する法律」を改正した。");
            assertEquals(1, f.entities().size(), describe(f));
        }

        @Test
        void aQuoteInsideATitleThatTheTitleGoesOnAfterNamesAnotherDocument() {
            Facts f = extract("「『地域医療連携グランドデザイン』実行計画（2020年 7月 14日健康・医療戦略推進本部決定）」に基づく。");
            EntityMention plan = named(f, "『地域医療連携グランドデザイン』実行計画");
            assertFalse(plan.nested());
            EntityMention design = named(f, "地域医療連携グランドデザイン");
            assertTrue(design.nested(), "mentioned, not cited");
            assertEquals(EntityClass.PLAN, design.entity().cls());
            assertEquals(2, design.span().start());
        }

        @Test
        void aQuoteEndingTheTitleIsItsShortFormNotAnotherDocument() {
            Facts f = extract("「地域医療の充実に向けた『行動計画2023』」をとりまとめた。");
            EntityMention plan = only(f);
            assertTrue(plan.entity().altLabels().contains("行動計画2023"), plan.entity().altLabels().toString());
        }

        @Test
        void namesInsideAProgrammesTitleAreNotNested() {
            Facts f = extract("「AMED連携推進事業」を実施した。");
            assertTrue(f.entities().stream().noneMatch(EntityMention::nested), describe(f));
        }
    }

    @Nested
    class AmendingLaws {
        private static final String YAKKI = "医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律";

        @Test
        void theReferenceDataGivesTheNumberOfTheYearTheTextStates() {
            Facts f = extract(YAKKI + "等の一部を改正する法律が 2022年5月に成立し、施行された。");
            Entity law = named(f, YAKKI + "等の一部を改正する法律").entity();
            assertEquals(Optional.of("2022-05"), date(law));
            assertEquals(Optional.of("令和4年法律第47号"), law.lawNumber());
            assertEquals(Optional.of("yakki-ho"), law.amends());
            EntityMention amended = named(f, YAKKI);
            assertTrue(amended.nested());
            assertEquals(0, amended.span().start());
        }

        @Test
        void anotherYearsAmendmentGetsNoNumberOfTheWrongYear() {
            Entity law = named(extract(YAKKI + "等の一部を改正する法律が 2019年11月に成立した。"),
                    YAKKI + "等の一部を改正する法律").entity();
            assertEquals(Optional.empty(), law.lawNumber(), "the 2022 number is not the 2019 act's");
            assertEquals(Optional.of("yakki-ho"), law.amends());
        }

        @Test
        void anUndatedAmendmentGetsNoNumber() {
            assertEquals(Optional.empty(), named(extract(YAKKI + "等の一部を改正する法律に基づく。"),
                    YAKKI + "等の一部を改正する法律").entity().lawNumber());
        }

        @Test
        void theTextsOwnNumberIsTheNumberAndNoDate() {
            Facts f = extract("肝炎対策推進法等の一部を改正する法律（令和3年法律第12号）が成立した。");
            Entity law = named(f, "肝炎対策推進法等の一部を改正する法律").entity();
            assertEquals(Optional.of("令和3年法律第12号"), law.lawNumber());
            assertEquals(Optional.of(Iris.hashKey("肝炎対策推進法")), law.amends());
            assertEquals(EntityClass.LAW, named(f, "肝炎対策推進法").entity().cls());
            assertTrue(f.dates().isEmpty(), "令和3年 in a law number is no date: " + f.dates());
        }

        @Test
        void aQuotedLawWithItsNumberInsideTheQuote() {
            Facts f = extract("「健康長寿推進法（令和2年法律第5号）」に基づく。");
            Entity law = named(f, "健康長寿推進法").entity();
            assertEquals(Optional.of("令和2年法律第5号"), law.lawNumber());
            assertEquals(List.of(), law.altLabels(), "the number is no short name");
            assertTrue(f.dates().isEmpty());
        }
    }

    @Nested
    class PlansOfLocalBodies {
        @ParameterizedTest
        @CsvSource({
                "「立地適正化計画」は 405都市（2021年 12月 31日現在）が作成・公表済である。, 立地適正化計画",
                "「地域公共交通計画」は 672団体が作成した。, 地域公共交通計画",
                "各市町村が策定する地域福祉計画の策定を支援した。, 地域福祉計画",
                "都道府県の医療介護総合確保計画に基づき実施した。, 医療介護総合確保計画"})
        void aPlanEveryLocalBodyMakesIsAScheme(String text, String name) {
            Entity e = named(extract(text), name).entity();
            assertEquals(EntityClass.PROGRAMME, e.cls());
            assertFalse(e.cls().isCitation());
        }

        @Test
        void aPlanOfItsOwnIsStillACitation() {
            assertEquals(EntityClass.PLAN, named(extract("「医療安全推進計画」を策定した。"), "医療安全推進計画")
                    .entity().cls());
        }

        @Test
        void aCuratedPlanStaysWhatTheReferenceDataSays() {
            assertEquals("iryohi-tekiseika", named(extract("各都道府県の医療費適正化計画に基づく。"), "医療費適正化計画")
                    .entity().key());
        }
    }

    @Nested
    class CertificationsWithAYear {
        @Test
        void aCuratedCertificationWithItsYearOutsideQuotes() {
            Facts f = extract("健康経営優良法人2023に認定された企業は 3,000社である。");
            EntityMention m = named(f, "健康経営優良法人認定制度");
            assertEquals("健康経営優良法人2023", m.span().surface());
            assertTrue(f.dates().isEmpty(), f.dates().toString());
        }

        @Test
        void anUncuratedCertificationIsNamedWithoutItsYear() {
            Facts f = extract("DX銘柄 2022に 33社を選定した。");
            Entity e = named(f, "DX銘柄").entity();
            assertEquals(EntityClass.CERTIFICATION, e.cls());
            assertEquals(List.of("DX銘柄2022"), e.altLabels(), "labels lose the extraction's spaces");
            assertTrue(f.dates().isEmpty());
            assertEquals(1, f.quantities().size());
        }

        @Test
        void aYearAfterAnyOtherNameIsNoCertification() {
            Facts f = extract("医療推進事業 2022年度の成果をまとめた。");
            assertTrue(f.entities().stream().noneMatch(m -> m.entity().cls() == EntityClass.CERTIFICATION),
                    describe(f));
        }
    }

    @Nested
    class DecisionBrackets {
        @Test
        void aBracketOfSeveralClausesIsDecidedByTheClauseThatDecidesAndDatedByTheLatest() {
            Facts f = extract("「地域包括ケア推進方針」（2017年 4月 3日健康・医療戦略推進本部決定、2019年 6月 20日改定）に基づく。");
            assertDocument(named(f, "地域包括ケア推進方針").entity(), EntityClass.HEADQUARTERS_DECISION, "2019-06-20", "hmp-hq");
            assertEquals("健康・医療戦略推進本部", named(f, "健康・医療戦略推進本部").span().surface());
        }

        @Test
        void anUnquotedTitleRunsBackOverItsConnectors() {
            Facts f = extract("医療情報の共有に関する工程表（2023年 6月 2日医療情報推進本部決定）に基づき進めた。");
            Entity e = named(f, "医療情報の共有に関する工程表").entity();
            assertEquals(EntityClass.HEADQUARTERS_DECISION, e.cls());
            assertEquals(Optional.of(Iris.hashKey("医療情報推進本部")), body(e));
        }

        @Test
        void anEditionBracketBeforeTheDateBelongsToTheTitle() {
            Facts f = extract("難病対策推進計画（第2期）（2022年 3月 25日閣議決定）に基づく。");
            EntityMention m = named(f, "難病対策推進計画（第2期）");
            assertEquals("難病対策推進計画（第2期）", m.span().surface());
            assertEquals(EntityClass.CABINET_DECISION, m.entity().cls());
            assertEquals(Optional.of("2022-03-25"), date(m.entity()));
            assertEquals(Iris.hashKey("難病対策推進計画（第2期）"), m.entity().key(), "each edition is a document");
        }

        @Test
        void anEditionBracketInsideTheQuoteIsPartOfTheTitleNotAShortName() {
            Facts f = extract("「地域保健ガイドライン（第三次）」を 2023年 5月 31日に告示した。");
            Entity e = named(f, "地域保健ガイドライン（第三次）").entity();
            assertEquals(EntityClass.GUIDELINE, e.cls());
            assertEquals(Optional.of("2023-05-31"), date(e));
            assertTrue(e.altLabels().stream().noneMatch(a -> a.contains("第三次") && !a.contains("ガイドライン")),
                    e.altLabels().toString());
        }
    }

    @Nested
    class DecisionsStatedByTheSentence {
        @ParameterizedTest
        @CsvSource({
                "2024年 6月に閣議決定された「地域医療活性化方針」に基づく。, 地域医療活性化方針, CABINET_DECISION",
                "2023年 6月に「医療技術振興戦略2023」を閣議決定した。, 医療技術振興戦略2023, CABINET_DECISION",
                "2022年 5月に「医療国際戦略」を健康・医療戦略推進本部において決定した。, 医療国際戦略, HEADQUARTERS_DECISION",
                "2022年 5月に「医療国際戦略」を健康・医療戦略推進本部において策定した。, 医療国際戦略, PLAN",
                "2021年６月のデータヘルス改革推進本部において、データヘルス改革に関する工程表を決定した。, データヘルス改革に関する工程表, PLAN"})
        void aDecisionTheSentenceStatesGivesTheDocumentItsKind(String text, String title, EntityClass cls) {
            assertEquals(cls, named(extract(text), title).entity().cls(), "策定 decides nothing; the reference data's "
                    + "class stays (a ministry's 本部)");
        }

        @Test
        void theCabinetDecidingTheObjectIsItsBodyAndAMention() {
            String text = "2023年 6月に「医療技術振興戦略2023」を閣議決定した。";
            Facts f = extract(text);
            Entity e = named(f, "医療技術振興戦略2023").entity();
            assertEquals(Optional.of("2023-06"), date(e));
            assertEquals(Optional.of("cabinet"), body(e));
            EntityMention cabinet = f.entities().stream().filter(m -> m.entity().key().equals("cabinet")).findFirst()
                    .orElseThrow(() -> new AssertionError(describe(f)));
            assertEquals(text.indexOf("閣議"), cabinet.span().start());
        }

        @Test
        void aDocumentDecidedWhereItIsNamedAgainIsADecisionWherever() {
            Facts f = extract("「医療連携方針」を踏まえ、「医療連携方針」（2021年 6月 1日閣議決定）に基づき推進した。");
            assertTrue(f.entities().stream().filter(m -> m.entity().prefLabel().equals("医療連携方針"))
                    .allMatch(m -> m.entity().cls() == EntityClass.CABINET_DECISION), describe(f));
        }

        @ParameterizedTest
        @CsvSource({
                "PLAN, CABINET_DECISION, CABINET_DECISION",
                "CABINET_DECISION, PLAN, CABINET_DECISION",
                "CITATION, GUIDELINE, GUIDELINE",
                "PLAN, GUIDELINE, PLAN",
                "LAW, CABINET_DECISION, LAW",
                "INITIATIVE, PROGRAMME, PROGRAMME",
                "PROGRAMME, PLAN, PROGRAMME"})
        void ofTwoClassesOfOneThingTheOneThatSaysMoreWins(EntityClass a, EntityClass b, EntityClass preferred) {
            assertEquals(preferred, EntityClass.preferred(a, b));
        }

        @ParameterizedTest
        @CsvSource({
                "「感染症対策行動計画」を 2024年 7月 2日に全面改定した。, 感染症対策行動計画, 2024-07-02",
                "「地域保健指針」を 2023年 5月 31日に告示した。, 地域保健指針, 2023-05-31",
                "「在宅医療推進計画」を 2021年 4月に一部変更した。, 在宅医療推進計画, 2021-04"})
        void revisionsAndNoticesDateTheDocument(String text, String title, String date) {
            assertEquals(Optional.of(date), date(named(extract(text), title).entity()));
        }
    }

    @Nested
    class WordsInHiraganaInsideNames {
        @ParameterizedTest
        @CsvSource({
                "がん診療情報管理センター（CDIC）において収集した。, がん診療情報管理センター",
                "がん患者支援等の推進に関する法律に基づき実施した。, がん患者支援等の推進に関する法律",
                "本県はがん検診推進事業を実施した。, がん検診推進事業"})
        void aNameRunsBackOverAWordWrittenInHiragana(String text, String name) {
            assertEquals(name, named(extract(text), name).span().surface());
        }

        @Test
        void aHiraganaWordInsideALongerOneIsNoPartOfTheName() {
            Facts f = extract("対策するがん検診推進事業を実施した。");
            assertEquals("検診推進事業", only(f).span().surface(), "する ends no word before がん");
        }
    }

    @Nested
    class NamesFoundByTheirLastWord {
        @ParameterizedTest
        @CsvSource({
                "地域医療推進専門調査会において議論した。, 地域医療推進専門調査会, COUNCIL",
                "在宅医療推進に関する検討会を開催した。, 在宅医療推進に関する検討会, COUNCIL",
                "医療機器規制懇談会の意見を踏まえた。, 医療機器規制懇談会, COUNCIL",
                "創薬支援策検討プロジェクトチームを設置した。, 創薬支援策検討プロジェクトチーム, COUNCIL",
                "2023年 5月に開催されたG7長崎サミットで議論した。, G7長崎サミット, EVENT",
                "宇宙型研究開発制度の目標において推進した。, 宇宙型研究開発制度, PROGRAMME",
                "日本臨床検査薬協会と連携した。, 日本臨床検査薬協会, ORGANISATION",
                "先駆的医薬品指定制度を運用した。, 先駆的医薬品指定制度, CERTIFICATION",
                "医療通訳者認定制度を創設した。, 医療通訳者認定制度, CERTIFICATION",
                "医療機器登録制度を運用した。, 医療機器登録制度, PROGRAMME"})
        void anUnquotedNameIsFoundByItsLastWord(String text, String name, EntityClass cls) {
            EntityMention m = named(extract(text), name);
            assertEquals(name, m.span().surface());
            assertEquals(cls, m.entity().cls());
        }

        @ParameterizedTest
        @CsvSource({
                "難病対策推進基本計画に基づき取り組んだ。, 難病対策推進基本計画",
                "感染症等対策政府行動計画を改定した。, 感染症等対策政府行動計画",
                "認知症予防推進大綱に基づく。, 認知症予防推進大綱",
                "難病対策推進基本計画（第2期）に基づき取り組んだ。, 難病対策推進基本計画（第2期）"})
        void anUnquotedPlanIsFoundByItsCompoundKindWord(String text, String title) {
            EntityMention m = named(extract(text), title);
            assertEquals(title, m.span().surface());
            assertEquals(EntityClass.PLAN, m.entity().cls());
        }

        @Test
        void aPlanTheCabinetDecidedAfterTheDateIsACabinetDecision() {
            Facts f = extract("難病対策推進基本計画（第2期）を 2023年 3月に閣議決定した。");
            assertDocument(named(f, "難病対策推進基本計画（第2期）").entity(), EntityClass.CABINET_DECISION, "2023-03", "cabinet");
            assertTrue(f.entities().stream().anyMatch(m -> m.entity().key().equals("cabinet")), describe(f));
        }

        @Test
        void twoBodiesJoinedBy及びAreTwoNames() {
            Facts f = extract("日本臨床検査薬協会及び日本医療材料工業連合会と連携した。");
            assertEquals(List.of("日本臨床検査薬協会", "日本医療材料工業連合会"),
                    f.entities().stream().map(m -> m.span().surface()).toList());
        }

        @ParameterizedTest
        @CsvSource({
                "委員会委員の数は横ばいである。",
                "我が国の研究開発制度を見直した。",
                "各学会の協力を得た。",
                "日本の協会と連携した。",
                "医療に関する検討会を開催した。",
                "在宅医療推進に関する会議を開催した。",
                "国の基本計画を踏まえ、第2期基本計画を策定した。"})
        void aCommonNounIsNoName(String text) {
            Facts f = extract(text);
            assertTrue(f.entities().isEmpty(), describe(f));
        }
    }

    @Nested
    class AwardsAndCuratedBodies {
        @Test
        void anAwardIsACertification() {
            Facts f = extract("「地域医療功労大賞」の表彰を行った。");
            assertEquals(EntityClass.CERTIFICATION, named(f, "地域医療功労大賞").entity().cls(),
                    "an award is a 顕彰 scheme (hms:Certification), not an event");
        }

        @ParameterizedTest
        @CsvSource({
                "理化学研究所と連携した。, riken",
                "量子科学技術研究開発機構（QST）において研究を行った。, qst",
                "医薬基盤・健康・栄養研究所において創薬支援を行った。, nibiohn",
                "国立がん研究センターの研究を支援した。, ncc",
                "ICH及びIMDRFの会合に参加した。, ich"})
        void theNationalResearchBodiesOfTheFamilyAreCurated(String text, String key) {
            Facts f = extract(text);
            assertTrue(f.entities().stream().anyMatch(m -> m.entity().key().equals(key)), describe(f));
        }

        @Test
        void aShortCuratedNameIsNotFoundInsideALongerWord() {
            Facts f = extract("物理研究の成果を活用した。");
            assertTrue(f.entities().isEmpty(), describe(f));
        }
    }
}
