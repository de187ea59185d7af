package org.hmskg.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.hmskg.parse.DateValue;

/** What the extractor found in one text; every span indexes that text. */
public record Facts(List<EntityMention> entities, List<QuantityFact> quantities, List<DateFact> dates,
                    List<MinistryMention> ministries) {
    public Facts {
        entities = List.copyOf(entities);
        quantities = List.copyOf(quantities);
        dates = List.copyOf(dates);
        ministries = List.copyOf(ministries);
    }

    /**
     * An initiative or citation named at {@code span}.
     *
     * @param nested true for a name inside a cited title (AMED in 「AMED研究データ利活用に係るガイドライン」): the
     *               text mentions the thing but does not cite it; its span lies inside the title's
     */
    public record EntityMention(Span span, Entity entity, boolean nested) {
        public EntityMention(Span span, Entity entity) {
            this(span, entity, false);
        }
    }

    /** A ministry named in running text (not in a tag), e.g. 厚生労働省. */
    public record MinistryMention(Span span, String ministryKey) {
    }

    /** An amount or count with a unit, e.g. 約 7割, 最大±10％, 2,299法人. */
    public record QuantityFact(Span span, BigDecimal value, String unit, boolean approximate,
                               Optional<String> qualifier, Optional<DateValue> asOf, Optional<Integer> asOfFiscalYear) {
    }

    /** A calendar date ({@code fiscalYear == false}) or a fiscal year 年度 ({@code fiscalYear == true}, year only). */
    public record DateFact(Span span, DateValue value, boolean fiscalYear) {
    }
}
