package org.hmskg.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hmskg.extract.DateOrder;
import org.hmskg.extract.Entity;
import org.hmskg.extract.Facts;
import org.hmskg.parse.DateValue;

/**
 * What the documents of one build say about the same cited document, made one: its latest stated date, and the
 * first deciding body, law number and amended law any of them gives. A citation has one IRI across documents and
 * at most one {@code dct:date}, so two editions dating it differently (a later revision) give it the later date
 * instead of two.
 */
final class SharedFacts {
    private final Map<String, Entity> merged = new LinkedHashMap<>();

    SharedFacts(List<Facts> all) {
        for (Facts f : all) {
            for (Facts.EntityMention m : f.entities()) {
                merged.merge(id(m.entity()), m.entity(), SharedFacts::merge);
            }
        }
    }

    /** {@code facts} with every entity carrying what all the documents say of it. */
    Facts apply(Facts facts) {
        List<Facts.EntityMention> entities = facts.entities().stream()
                .map(m -> new Facts.EntityMention(m.span(), shared(m.entity()), m.nested())).toList();
        return new Facts(entities, facts.quantities(), facts.dates(), facts.ministries());
    }

    private Entity shared(Entity e) {
        Entity all = merged.get(id(e));
        return new Entity(e.key(), e.cls(), e.prefLabel(), e.altLabels(), e.curated(), all.date(), all.decidedBy(),
                all.lawNumber(), all.amends());
    }

    /** Initiatives and citations of one key are two things (two IRIs). */
    private static String id(Entity e) {
        return (e.cls().isCitation() ? "citation/" : "initiative/") + e.key();
    }

    private static Entity merge(Entity a, Entity b) {
        Optional<DateValue> date = a.date().isPresent() && b.date().isPresent()
                && DateOrder.later(b.date().get(), a.date().get()) ? b.date() : a.date().or(b::date);
        return new Entity(a.key(), a.cls(), a.prefLabel(), a.altLabels(), a.curated(), date,
                a.decidedBy().or(b::decidedBy), a.lawNumber().or(b::lawNumber), a.amends().or(b::amends));
    }
}
