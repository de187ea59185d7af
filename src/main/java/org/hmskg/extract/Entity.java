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
 * @param decidedBy  for citations: the deciding body when the text names it (a council or a ministry)
 * @param lawNumber  for laws: the law number (令和4年法律第47号) the text or the reference data gives
 * @param amends     for amending laws (…の一部を改正する法律): the key of the law it amends, a citation the same
 *                   text mentions
 */
public record Entity(String key, EntityClass cls, String prefLabel, List<String> altLabels, boolean curated,
                     Optional<DateValue> date, Optional<BodyRef> decidedBy, Optional<String> lawNumber,
                     Optional<String> amends) {
    public Entity {
        altLabels = List.copyOf(altLabels);
    }

    /** An entity that is no law, or a law whose number and amended law are unknown. */
    public Entity(String key, EntityClass cls, String prefLabel, List<String> altLabels, boolean curated,
                  Optional<DateValue> date, Optional<BodyRef> decidedBy) {
        this(key, cls, prefLabel, altLabels, curated, date, decidedBy, Optional.empty(), Optional.empty());
    }
}
