package org.hmskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceDataTest {
    private static final ReferenceData REF = ReferenceData.load();

    @Test
    void loadsOnce() {
        assertSame(REF, ReferenceData.load());
    }

    @Nested
    class Ministries {
        @ParameterizedTest
        @CsvSource({"厚, mhlw", "経, meti", "金, fsa", "金融, fsa", "健医, cao-hmp", "健, cao-hmp", "NISC, nisc",
                "オリパラ, cas-tokyo2020"})
        void tagCodesNameTheirMinistry(String code, String key) {
            assertEquals(key, REF.byCode(code).orElseThrow().key());
        }

        @Test
        void unknownCodeIsEmpty() {
            assertTrue(REF.byCode("宇宙").isEmpty());
        }

        @Test
        void aMinistryKnowsAllItsCodesAndItsParent() {
            Ministry fsa = REF.ministry("fsa").orElseThrow();
            assertEquals(List.of("金", "金融"), fsa.codes());
            Ministry nisc = REF.ministry("nisc").orElseThrow();
            assertEquals("内閣官房", nisc.parent());
            assertEquals("内閣サイバーセキュリティセンター", nisc.shortName());
            assertEquals("Ministry of Health, Labour and Welfare", REF.ministry("mhlw").orElseThrow().nameEn());
        }

        @ParameterizedTest
        @CsvSource({"厚生労働省, mhlw", "内閣サイバーセキュリティセンター, nisc",
                "内閣官房内閣サイバーセキュリティセンター, nisc", "食品安全委員会, fsc"})
        void ministriesAreFoundByFullAndShortName(String name, String key) {
            assertEquals(key, REF.ministryByName(name).orElseThrow().key());
        }
    }

    @Nested
    class KnownEntities {
        @ParameterizedTest
        @ValueSource(strings = {"amed", "mediso", "jih", "ndb", "pmda", "jst", "jica", "ncgm", "mid-net", "hmp-hq",
                "csti", "cabinet", "jisedai-iryo-kiban-ho", "yakki-ho", "kenko-iryo-senryaku"})
        void curatedKeysExist(String key) {
            assertTrue(REF.known(key).isPresent(), key);
        }

        @ParameterizedTest
        @CsvSource({"AMED, amed", "ＡＭＥＤ, amed", "日本医療研究開発機構, amed", "国立研究開発法人日本医療研究開発機構, amed",
                "MID-NET, mid-net", "MID－NET, mid-net", "MID ｰ NET, mid-net", "薬機法, yakki-ho",
                "次世代医療基盤法, jisedai-iryo-kiban-ho", "医療系ベンチャー・トータルサポート事業, mediso",
                "Japan International Hospitals, jih", "健康・医療戦略推進本部, hmp-hq"})
        void labelsAreComparedNormalised(String label, String key) {
            assertEquals(key, REF.byLabel(label).orElseThrow().key());
        }

        @Test
        void classesFollowTheContract() {
            assertEquals(EntityClass.LAW, REF.known("yakki-ho").orElseThrow().cls());
            assertEquals(EntityClass.COUNCIL, REF.known("hmp-hq").orElseThrow().cls());
            assertEquals(EntityClass.CERTIFICATION, REF.known("jih").orElseThrow().cls());
            assertTrue(REF.known("kenko-iryo-senryaku").orElseThrow().cls().isCitation());
        }

        @Test
        void theCuratedEntityIsMarkedCurated() {
            Entity amed = REF.known("amed").orElseThrow().entity();
            assertTrue(amed.curated());
            assertTrue(amed.altLabels().contains("AMED"));
        }

        @Test
        void genericTermsAreNoInitiatives() {
            assertTrue(REF.isGenericTerm("AI"));
            assertTrue(REF.isGenericTerm("ＵＨＣ"));
            assertFalse(REF.isGenericTerm("AMED"));
        }
    }
}
