package org.hmskg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of the curated list of known initiatives and cited documents (initiatives.tsv).
 *
 * @param nameJa    canonical formal Japanese name
 * @param nameEn    English name, empty when none is known
 * @param altLabels abbreviations, short names, variants and former titles
 */
public record KnownEntity(String key, EntityClass cls, String nameJa, String nameEn, List<String> altLabels,
                          String note) {
    public KnownEntity {
        altLabels = List.copyOf(altLabels);
    }

    /** Every label the entity may be written as in a text: the Japanese name, the English name and the variants. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        labels.add(nameJa);
        if (!nameEn.isEmpty()) {
            labels.add(nameEn);
        }
        labels.addAll(altLabels);
        return labels;
    }

    /** The entity as the extractor reports it, before a text adds labels, a date or a deciding body. */
    public Entity entity() {
        return new Entity(key, cls, nameJa, altLabels, true, Optional.empty(), Optional.empty());
    }
}
