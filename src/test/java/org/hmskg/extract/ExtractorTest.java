package org.hmskg.extract;

import static org.hmskg.extract.FactAssertions.assertSpansExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.hmskg.extract.Facts.DateFact;
import org.hmskg.extract.Facts.EntityMention;
import org.hmskg.extract.Facts.QuantityFact;
import org.hmskg.parse.DateValue;
import org.hmskg.vocab.Iris;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtractorTest {
    private static final Extractor EXTRACTOR = new Extractor(ReferenceData.load());

    static Facts extract(String text) {
        Facts facts = EXTRACTOR.extract(text);
        assertSpansExact(text, facts);
        return facts;
    }

    static EntityMention only(Facts facts) {
        List<String> keys = facts.entities().stream().map(m -> m.entity().key()).distinct().toList();
        assertEquals(1, keys.size(), () -> "one entity expected, got " + describe(facts));
        return facts.entities().get(0);
    }

    static EntityMention named(Facts facts, String prefLabel) {
        return facts.entities().stream().filter(m -> m.entity().prefLabel().equals(prefLabel)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity '" + prefLabel + "' in " + describe(facts)));
    }

    static String describe(Facts facts) {
        return facts.entities().stream().map(m -> m.entity().prefLabel() + "@" + m.span().surface()).toList()
                .toString();
    }

    static List<String> dates(Facts facts, boolean fiscal) {
        return facts.dates().stream().filter(d -> d.fiscalYear() == fiscal).map(d -> d.value().lexical()).toList();
    }

    @Nested
    class CuratedNames {
        @ParameterizedTest
        @CsvSource({
                "AMEDの研究班が支援した。, amed, AMED",
                "日本医療研究開発機構が公募した。, amed, 日本医療研究開発機構",
                "国立研究開発法人日本医療研究開発機構が公募した。, amed, 国立研究開発法人日本医療研究開発機構",
                "ＡＭＥＤが公募した。, amed, ＡＭＥＤ",
                "協力病院と MID ｰ NETの連携を進めた。, mid-net, MID ｰ NET",
                "MID－NETを拡充した。, mid-net, MID－NET",
                "薬機法の改正を検討した。, yakki-ho, 薬機法",
                "次世代医療基盤法の見直しに向けて検討した。, jisedai-iryo-kiban-ho, 次世代医療基盤法",
                "JICAを通じて支援した。, jica, JICA",
                "健康・医療戦略推進本部で決定した。, hmp-hq, 健康・医療戦略推進本部"})
        void curatedLabelsResolveToTheirKey(String text, String key, String surface) {
            EntityMention m = only(extract(text));
            assertEquals(key, m.entity().key());
            assertEquals(surface, m.span().surface());
            assertTrue(m.entity().curated());
        }

        @Test
        void everyWayOfWritingAmedIsOneThing() {
            List<Entity> found = List.of("AMEDが支援した。", "日本医療研究開発機構が支援した。",
                    "国立研究開発法人日本医療研究開発機構が支援した。").stream().map(t -> only(extract(t)).entity()).toList();
            assertEquals(1, found.stream().distinct().count(), found.toString());
            assertEquals("国立研究開発法人日本医療研究開発機構", found.get(0).prefLabel());
        }

        @Test
        void nameAndAbbreviationAreTwoMentionsOfOneThing() {
            Facts f = extract("医療系ベンチャー・トータルサポート事業（MEDISO）を通じて相談を受けた。");
            assertEquals(List.of("医療系ベンチャー・トータルサポート事業", "MEDISO"),
                    f.entities().stream().map(m -> m.span().surface()).toList());
            assertEquals(1, f.entities().stream().map(m -> m.entity().key()).distinct().count());
            assertEquals("mediso", f.entities().get(0).entity().key());
        }

        @Test
        void ministriesInTheTextAreMinistryMentionsNotInitiatives() {
            Facts f = extract("厚生労働省と経済産業省が連携し、内閣サイバーセキュリティセンターも参加した。");
            assertEquals(List.of("mhlw", "meti", "nisc"), f.ministries().stream().map(m -> m.ministryKey()).toList());
            assertTrue(f.entities().isEmpty(), describe(f));
        }

        @Test
        void aShortKanjiLabelIsNotFoundInsideALongerWord() {
            assertTrue(extract("内閣府の事務局が調整した。").entities().isEmpty());
        }
    }

    @Nested
    class QuotedTitles {
        @ParameterizedTest
        @CsvSource(nullValues = "-", value = {
                "「がん対策推進基本計画」に基づき施策を進めた。, がん対策推進基本計画, PLAN, -, -",
                "「健康増進ガイドライン」（2020年 3月 31日策定）を周知した。, 健康増進ガイドライン, GUIDELINE, 2020-03-31, -",
                "「医療データ活用戦略（2021年６月１日閣議決定）」に基づく。, 医療データ活用戦略, CABINET_DECISION, 2021-06-01, cabinet",
                "「創薬推進方針」（2022年 5月 10日健康・医療戦略推進本部決定）を踏まえた。, 創薬推進方針, HEADQUARTERS_DECISION, 2022-05-10, hmp-hq",
                "「在宅医療の在り方に関する報告書」を公表した。, 在宅医療の在り方に関する報告書, REPORT, -, -",
                "「診療報酬改定に関するとりまとめ」を踏まえた。, 診療報酬改定に関するとりまとめ, REPORT, -, -",
                "「医療安全指針」を 2021年 4月に策定した。, 医療安全指針, GUIDELINE, 2021-04, -",
                "2020年 1月 29日に改定した「看護業務手引き」を周知した。, 看護業務手引き, GUIDELINE, 2020-01-29, -",
                "「感染症の予防及び感染症の患者に対する医療に関する法律」を改正した。, 感染症の予防及び感染症の患者に対する医療に関する法律, LAW, -, -",
                "「地域連携のあり方」（2019年 4月 12日策定）を改定した。, 地域連携のあり方, CITATION, 2019-04-12, -",
                "「世界をリードする医療の形成について」（2022年 6月 2日総合科学技術・イノベーション会議決定）を踏まえた。, 世界をリードする医療の形成について, CITATION, 2022-06-02, csti"})
        void documentsAreCitationsWithDateAndDecidingBody(String text, String title, EntityClass cls, String date,
                                                          String body) {
            Facts f = extract(text);
            EntityMention m = named(f, title);
            Entity e = m.entity();
            assertEquals(title, m.span().surface());
            assertEquals(cls, e.cls());
            assertTrue(e.cls().isCitation());
            assertEquals(Optional.ofNullable(date), e.date().map(DateValue::lexical));
            assertEquals(Optional.ofNullable(body), e.decidedBy().map(BodyRef::key));
            assertEquals(Iris.hashKey(title), e.key());
            List<String> others = f.entities().stream().map(x -> x.entity().key()).filter(k -> !k.equals(e.key()))
                    .toList();
            assertEquals(body == null ? List.of() : List.of(body), others, "the deciding body is mentioned too");
        }

        @Test
        void aMinistryDecisionIsDecidedByTheMinistry() {
            Facts f = extract("「介護予防マニュアル」（2012年 3月 30日厚生労働省決定）に沿って実施した。");
            Entity e = only(f).entity();
            assertEquals(Optional.of(new BodyRef(BodyRef.Kind.MINISTRY, "mhlw")), e.decidedBy());
            assertEquals(List.of("厚生労働省"), f.ministries().stream().map(m -> m.span().surface()).toList());
        }

        @Test
        void anUncuratedBodyIsKeyedByItsName() {
            Facts f = extract("「認知症施策推進大綱」（2019年 6月 18日認知症施策推進関係閣僚会議決定）に基づく。");
            Entity e = named(f, "認知症施策推進大綱").entity();
            assertEquals(Optional.of(new BodyRef(BodyRef.Kind.INITIATIVE, Iris.hashKey("認知症施策推進関係閣僚会議"))),
                    e.decidedBy());
            assertEquals(EntityClass.PLAN, e.cls());
            EntityMention body = named(f, "認知症施策推進関係閣僚会議");
            assertEquals(EntityClass.COUNCIL, body.entity().cls(), "the body is mentioned, as a council");
            assertEquals(Iris.hashKey("認知症施策推進関係閣僚会議"), body.entity().key());
        }

        @ParameterizedTest
        @CsvSource({
                "「地域医療支援事業」を実施した。, 地域医療支援事業, PROGRAMME",
                "「障害者就労推進プロジェクト」において支援した。, 障害者就労推進プロジェクト, PROGRAMME",
                "「医療DX推進会議」で議論した。, 医療DX推進会議, COUNCIL",
                "「地域医療人材センター」を設置した。, 地域医療人材センター, ORGANISATION"})
        void quotedProgrammesAndBodiesAreInitiatives(String text, String name, EntityClass cls) {
            Entity e = only(extract(text)).entity();
            assertEquals(name, e.prefLabel());
            assertEquals(cls, e.cls());
            assertFalse(e.cls().isCitation());
        }

        @Test
        void nestedQuotesGiveOneTitleWithItsInnerName() {
            String text = "「医療創出に向けた『推進プラン 2020』」をとりまとめた。";
            Facts f = extract(text);
            EntityMention m = only(f);
            assertEquals("医療創出に向けた『推進プラン 2020』", m.span().surface());
            assertEquals("医療創出に向けた『推進プラン2020』", m.entity().prefLabel());
            assertTrue(m.entity().altLabels().contains("推進プラン2020"), m.entity().altLabels().toString());
            assertTrue(f.dates().isEmpty());
            assertTrue(f.quantities().isEmpty());
        }

        @Test
        void anInnerQuoteAtTheStartKeepsTheDecision() {
            Entity e = named(extract("「『遠隔医療モデル』実行計画（2019年 4月 1日閣議決定）」に基づく。"),
                    "『遠隔医療モデル』実行計画").entity();
            assertEquals("『遠隔医療モデル』実行計画", e.prefLabel());
            assertEquals("2019-04-01", e.date().orElseThrow().lexical());
            assertEquals(EntityClass.CABINET_DECISION, e.cls());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "地域の「質の向上」を図る。",
                "ビッグデータを基に「健康に良い食」を解明する。",
                "「医療を充実する。」としている。",
                "「保冷輸送車」の認証を取得した。"})
        void emphasisedPhrasesAndQuotedSentencesAreNoCitations(String text) {
            assertTrue(extract(text).entities().isEmpty());
        }

        @Test
        void aDefinedShortNameIsAnAliasOfTheThingItNames() {
            String text = "全国在宅医療推進協議会（以下、「在宅協議会」という。）を設置し、在宅協議会が提言した。";
            Facts f = extract(text);
            assertEquals(1, f.entities().stream().map(m -> m.entity().key()).distinct().count(), describe(f));
            Entity e = f.entities().get(0).entity();
            assertEquals("全国在宅医療推進協議会", e.prefLabel());
            assertEquals(List.of("在宅協議会"), e.altLabels());
            assertTrue(f.entities().stream().anyMatch(m -> m.span().surface().equals("在宅協議会")
                    && m.span().start() > text.indexOf("という")));
        }

        @Test
        void aCertificationWithAYearIsTheCertification() {
            Facts f = extract("「健康経営銘柄 2023」に 30社を選定した。");
            assertEquals("kenko-keiei-meigara", only(f).entity().key());
            assertTrue(f.dates().isEmpty());
            assertEquals(1, f.quantities().size());
        }

        @Test
        void anUncuratedAwardWithAYearIsNamedWithoutTheYear() {
            Facts f = extract("「ヘルスケア優良企業 2021」として認定した。");
            Entity e = only(f).entity();
            assertEquals("ヘルスケア優良企業", e.prefLabel());
            assertEquals(EntityClass.CERTIFICATION, e.cls());
            assertTrue(f.dates().isEmpty());
        }

        @Test
        void aDocumentWithAYearKeepsItAndGainsTheShortTitle() {
            Entity e = named(extract("「経済運営の基本方針 2021」（2021年 6月 18日閣議決定）等を踏まえた。"),
                    "経済運営の基本方針2021").entity();
            assertEquals("経済運営の基本方針2021", e.prefLabel());
            assertEquals(List.of("経済運営の基本方針"), e.altLabels());
        }

        @Test
        void aQuotedCuratedTitleIsTheCuratedThing() {
            assertEquals("kenko-iryo-senryaku", only(extract("第2期の「健康・医療戦略」に基づく。")).entity().key());
        }
    }

    @Nested
    class UnquotedNames {
        @ParameterizedTest
        @CsvSource({
                "在宅医療推進協議会において議論した。, 在宅医療推進協議会, COUNCIL",
                "遠隔医療普及推進本部を設置した。, 遠隔医療普及推進本部, COUNCIL",
                "医療安全対策審議会医療機器部会で審議した。, 医療安全対策審議会医療機器部会, COUNCIL",
                "感染症研究基盤検討ワーキンググループを設置した。, 感染症研究基盤検討ワーキンググループ, COUNCIL",
                "アジアビジネス協議会ヘルスケア WGと連携した。, アジアビジネス協議会ヘルスケアWG, COUNCIL",
                "医療機器開発支援事業において支援した。, 医療機器開発支援事業, PROGRAMME",
                "高齢者就労促進に向けた地域モデル創出事業を実施した。, 高齢者就労促進に向けた地域モデル創出事業, PROGRAMME",
                "データ連携基盤構築プロジェクトを開始した。, データ連携基盤構築プロジェクト, PROGRAMME",
                "看護師特定行為登録制度を改定した。, 看護師特定行為登録制度, PROGRAMME",
                "医療情報の利活用に関する法律を施行した。, 医療情報の利活用に関する法律, LAW",
                "認知症対策基本法に基づき支援する。, 認知症対策基本法, LAW",
                "創薬力強化に向けた官民協議会で検討した。, 創薬力強化に向けた官民協議会, COUNCIL",
                "国立がん医療情報センターが調査した。, 国立がん医療情報センター, ORGANISATION",
                "独立行政法人地域医療機能推進機構が運営する。, 独立行政法人地域医療機能推進機構, ORGANISATION"})
        void namesAreFoundByTheirSuffix(String text, String name, EntityClass cls) {
            Entity e = only(extract(text)).entity();
            assertEquals(name, e.prefLabel());
            assertEquals(cls, e.cls());
            assertEquals(Iris.hashKey(name), e.key());
            assertFalse(e.curated());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "医療人材の育成事業を実施した。",
                "大規模実証事業を行った。",
                "中小企業に対する投資事業を行った。",
                "介護事業者の連携を推進した。",
                "全国会議で普及した。",
                "同協議会で議論した。",
                "有識者の会議で検討した。",
                "地域の関係者による協議会を設置した。",
                "認知症の予防法を確立する。",
                "審査制度を検討した。",
                "好事例の表彰制度を創設した。",
                "AI技術を活用した IoT機器の開発",
                "ユニバーサル・ヘルス・カバレッジ（UHC）の達成に向けて取り組む。",
                "若手研究者（PI）を採択した。",
                "国立大学の附属病院で実施した。",
                "国立大学における研究成果を活用した。"})
        void commonNounsAndConceptsAreNoInitiatives(String text) {
            Facts f = extract(text);
            assertTrue(f.entities().isEmpty(), describe(f));
        }

        @Test
        void nameAndDefinedAbbreviationResolveToTheName() {
            String text = "次世代医療人材育成事業（NEXT-MED）を通じて支援し、NEXT-MEDの成果を公表した。";
            Facts f = extract(text);
            assertEquals(List.of("次世代医療人材育成事業", "NEXT-MED", "NEXT-MED"),
                    f.entities().stream().map(m -> m.span().surface()).toList());
            Entity e = f.entities().get(0).entity();
            assertEquals(Iris.hashKey("次世代医療人材育成事業"), e.key());
            assertEquals(List.of("NEXT-MED"), e.altLabels());
            assertTrue(f.entities().stream().allMatch(m -> m.entity().equals(e)));
        }

        @Test
        void anAbbreviationBeforeItsEnglishGlossIsTheName() {
            Facts f = extract("GHIT（Global Health Innovative Technology Fund）と連携した。");
            Entity e = named(f, "GHIT").entity();
            assertEquals(EntityClass.ORGANISATION, e.cls());
            assertEquals(List.of("Global Health Innovative Technology Fund"), e.altLabels());
            assertEquals(2, f.entities().size(), "the abbreviation and its gloss are two mentions of it");
        }

        @Test
        void aNamedSchemeInLatinScriptWithItsGlossIsAnInitiative() {
            Facts f = extract("成果連動型の PFS（Pay For Success）/SIB（Social Impact Bond） 等の手法を活用する。");
            assertEquals(List.of("PFS", "SIB"), f.entities().stream().map(m -> m.entity().prefLabel()).distinct()
                    .toList());
            assertTrue(f.entities().stream().noneMatch(m -> m.entity().cls().isCitation()));
            assertEquals(List.of("Pay For Success"), named(f, "PFS").entity().altLabels());
        }

        @Test
        void aGenericAbbreviationWithItsGlossIsStillNoInitiative() {
            assertTrue(extract("UHC（Universal Health Coverage）の達成に向けた取組を推進する。").entities().isEmpty());
        }

        @Test
        void anOrdinalBelongsToTheMentionNotToTheName() {
            Facts f = extract("第 3回健康・医療新産業協議会を開催した。");
            EntityMention m = only(f);
            assertEquals("shinsangyo-council", m.entity().key());
            assertEquals("第 3回健康・医療新産業協議会", m.span().surface());
            assertTrue(f.quantities().isEmpty());
        }

        @Test
        void anAbbreviationOfACuratedNameBecomesOneOfItsLabels() {
            Facts f = extract("第 9回アフリカ開発会議（TICAD9）を開催した。");
            Entity e = only(f).entity();
            assertEquals("ticad", e.key());
            assertTrue(e.altLabels().contains("TICAD9"));
            assertTrue(f.quantities().isEmpty());
        }

        @Test
        void anAmendingLawIsALawOfItsOwn() {
            Facts f = extract("薬機法等の一部を改正する法律が成立した。");
            Entity e = named(f, "薬機法等の一部を改正する法律").entity();
            assertEquals(EntityClass.LAW, e.cls());
            assertEquals(Optional.of("yakki-ho"), e.amends());
            EntityMention amended = f.entities().stream().filter(m -> m.entity().key().equals("yakki-ho")).findFirst()
                    .orElseThrow();
            assertTrue(amended.nested(), "the amended law is named inside the title");
            assertEquals("薬機法", amended.span().surface());
        }

        @Test
        void anUnquotedTitleDatedByADecision() {
            Facts f = extract("医療DX推進の基本方針（2022年 9月 1日閣議決定）において定めた。");
            Entity e = named(f, "医療DX推進の基本方針").entity();
            assertEquals("医療DX推進の基本方針", e.prefLabel());
            assertEquals(EntityClass.CABINET_DECISION, e.cls());
            assertEquals("2022-09-01", e.date().orElseThrow().lexical());
            assertEquals(List.of("2022-09-01"), dates(f, false));
        }
    }

    @Nested
    class Quantities {
        @ParameterizedTest
        @CsvSource(nullValues = "-", value = {
                "32業種を選定した。, 32, 業種, false, -, 32業種",
                "約 7割を占める。, 7, 割, true, -, 約 7割",
                "最大±10％まで引き上げた。, 10, ％, false, 最大, 最大±10％",
                "'2,299法人を認定した。', 2299, 法人, false, -, '2,299法人'",
                "計 329億円を出資した。, 329, 億円, false, 計, 計 329億円",
                "累計 36社に出資した。, 36, 社, false, 累計, 累計 36社",
                "全国 51の医療機関が登録した。, 51, 医療機関, false, -, 51の医療機関",
                "約 94%であった。, 94, %, true, -, 約 94%",
                "計 65.5億円を拠出した。, 65.5, 億円, false, 計, 計 65.5億円",
                "８事例を表彰した。, 8, 事例, false, -, ８事例",
                "施行後 5年の見直しを行う。, 5, 年, false, -, 5年",
                "約 3割以上を占める。, 3, 割, true, 以上, 約 3割以上",
                "６つの地域を選定した。, 6, 地域, false, -, ６つの地域",
                "アフリカ 5ヵ国に供与した。, 5, ヵ国, false, -, 5ヵ国"})
        void amountsAndCountsWithTheirUnit(String text, String value, String unit, boolean approx, String qualifier,
                                           String surface) {
            Facts f = extract(text);
            assertEquals(1, f.quantities().size(), f.quantities().toString());
            QuantityFact q = f.quantities().get(0);
            assertEquals(0, new BigDecimal(value).compareTo(q.value()), q.value().toPlainString());
            assertEquals(unit, q.unit());
            assertEquals(approx, q.approximate());
            assertEquals(Optional.ofNullable(qualifier), q.qualifier());
            assertEquals(surface, q.span().surface());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "第2期の計画を進める。",
                "第 5回会議を開催した。",
                "2022年 3月付で第 5.2版に改定した。",
                "「健康経営銘柄 2022」に選ばれた。",
                "「推進に向けた『アクションプラン 2021』」をまとめた。",
                "ver.2を公表した。",
                "TICAD8に向けて準備した。",
                "G7関連会合に留意する。",
                "8K遠隔手術を検証した。",
                "2022年 3月に公表した。",
                "21世紀における運動を進める。",
                "予定 1。"})
        void ordinalsYearsInNamesAndDatesAreNoQuantities(String text) {
            assertTrue(extract(text).quantities().isEmpty(), text);
        }

        @Test
        void asOfADateGovernsTheFiguresAfterIt() {
            Facts f = extract("2021年 10月末時点で全国 5ブロック、18府県の計 41か所設置された。その後 3か所増えた。");
            List<Optional<String>> asOf = f.quantities().stream().map(q -> q.asOf().map(DateValue::lexical)).toList();
            assertEquals(List.of(Optional.of("2021-10"), Optional.of("2021-10"), Optional.of("2021-10"),
                    Optional.empty()), asOf);
        }

        @ParameterizedTest
        @CsvSource({
                "2022年 3月 15日時点で 378件の相談を受けた。, 2022-03-15",
                "2022年 3月末現在、全国 51の医療機関が登録した。, 2022-03",
                "「地域計画」は 405都市（2021年 12月 31日現在）で策定された。, 2021-12-31",
                "認証制度（ABC。2022年 3月現在 4社が登録。）を推進した。, 2022-03"})
        void asOfStatements(String text, String asOf) {
            QuantityFact q = extract(text).quantities().get(0);
            assertEquals(asOf, q.asOf().orElseThrow().lexical());
        }

        @Test
        void asOfAFiscalYear() {
            Facts f = extract("配置を支援した（2021年度は 19か所の病院に配置）。");
            assertEquals(Optional.of(2021), f.quantities().get(0).asOfFiscalYear());
            assertTrue(f.quantities().get(0).asOf().isEmpty());
        }
    }

    @Nested
    class Dates {
        @ParameterizedTest
        @CsvSource(nullValues = "-", value = {
                "2 0 2 2 年 3月に公表した。, 2022-03, -",
                "2022年 3月 31日に公表した。, 2022-03-31, -",
                "2021年６月１日に決定した。, 2021-06-01, -",
                "2021年 11⽉19⽇に決定した。, 2021-11-19, -",
                "2017年から 2020年にかけて増加した。, 2017|2020, -",
                "2022年夏頃から議論する。, 2022, -",
                "2022年中に稼働させる。, 2022, -",
                "2022年１～3月に試行した。, 2022-01|2022-03, -",
                "2021年 7月、12月に開催した。, 2021-07, -",
                "令和4年 4月に施行した。, 2022-04, -",
                "令和５年度から実施する。, -, 2023",
                "2022年度に公表する。, -, 2022",
                "2022年度後半から、2024年度以降の制度を検討する。, -, 2022|2024",
                "2022年度末を目途に改定する。, -, 2022",
                "2018年度から 2020年度に引き上げた。, -, 2018|2020",
                "'運営（2022度末時点加盟約 1,700団体）を行った。', -, 2022",
                "「2025年大阪・関西万博アクションプラン」を改定した。, -, -"})
        void datesAsPreciseAsStated(String text, String calendar, String fiscal) {
            Facts f = extract(text);
            assertEquals(calendar == null ? List.of() : Arrays.asList(calendar.split("\\|")), dates(f, false));
            assertEquals(fiscal == null ? List.of() : Arrays.asList(fiscal.split("\\|")), dates(f, true));
        }

        @Test
        void precisionMapsToTheXsdType() {
            List<DateFact> d = extract("2021年 11⽉19⽇と 2022年 3月と 2023年").dates();
            assertEquals(List.of("http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/2001/XMLSchema#gYearMonth",
                    "http://www.w3.org/2001/XMLSchema#gYear"), d.stream().map(x -> x.value().datatype().getURI()).toList());
        }
    }

    @Nested
    class Offsets {
        @Test
        void spacedAndKangxiDatesKeepTheirOriginalSurface() {
            String text = "（2021年 11⽉19⽇（2022年5⽉23⽇変更）対策本部決定）";
            List<DateFact> d = extract(text).dates();
            assertEquals("2021年 11⽉19⽇", d.get(0).span().surface());
            assertEquals(1, d.get(0).span().start());
            assertEquals("2022年5⽉23⽇", d.get(1).span().surface());
        }

        @Test
        void offsetsCountCodePointsNotChars() {
            String text = "𠮷野家で「𠮷田調査報告書」を 2020年 5月に公表した。";
            Facts f = extract(text);
            EntityMention m = only(f);
            assertEquals("𠮷田調査報告書", m.span().surface());
            assertEquals(5, m.span().start());
            assertEquals(List.of("2020-05"), dates(f, false));
            assertEquals(text.codePointCount(0, text.indexOf("2020")), f.dates().get(0).span().start());
        }

        @Test
        void extractionIsDeterministicAndThreadSafe() {
            String text = "「健康経営銘柄 2022」として、2022年 3月に 32業種 50社を選定し、AMEDと連携した。";
            Facts first = EXTRACTOR.extract(text);
            List<Facts> again = IntStream.range(0, 64).parallel().mapToObj(i -> EXTRACTOR.extract(text)).toList();
            again.forEach(f -> assertEquals(first, f));
        }
    }
}
