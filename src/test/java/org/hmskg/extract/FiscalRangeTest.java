package org.hmskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A range of fiscal years gives both ends, as ranges of calendar years and months do. */
class FiscalRangeTest {
    private static final Extractor EXTRACTOR = new Extractor(ReferenceData.load());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2023～2025年度に集中的に取り組む。 | 2023@2023 2025@2025年度
            2023〜2025年度に集中的に取り組む。 | 2023@2023 2025@2025年度
            2023年度～2025年度に取り組む。     | 2023@2023年度 2025@2025年度
            """)
    void bothEndsOfAFiscalRange(String text, String expected) {
        Facts facts = EXTRACTOR.extract(text);
        FactAssertions.assertSpansExact(text, facts);
        List<String> found = facts.dates().stream().filter(Facts.DateFact::fiscalYear)
                .map(d -> d.value().lexical() + "@" + d.span().surface()).toList();
        assertEquals(List.of(expected.split(" ")), found);
    }
}
