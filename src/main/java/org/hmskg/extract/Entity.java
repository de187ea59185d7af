package org.hmskg.extract;

import java.util.List;
import java.util.Optional;

import org.hmskg.parse.DateValue;

/**
 * One real-world initiative or cited document as one measure's text names it. The same {@code key} from two
 * measures means the same thing; the mapper unions labels across them.
 *
 * @param key        curated ASCII key from the reference list, or {@code Iris.hashKey(prefLabel)}
 * @param prefLabel  canonical Japanese name (for citations: the title as cited, without quotes)
 * @param altLabels  abbreviations, short names, variants seen or curated
 * @param curated    true when the entity comes from the curated reference list
 * @param date       for citations: the date the text gives (decision, 策定, latest revision)
 * @param decidedBy  for citations: the deciding body when the text names it
 */
public record Entity(String key, EntityClass cls, String prefLabel, List<String> altLabels, boolean curated,
                     Optional<DateValue> date, Optional<BodyRef> decidedBy) {
    public Entity {
        altLabels = List.copyOf(altLabels);
    }
}
