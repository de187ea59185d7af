package org.hmskg.extract.entity;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.hmskg.extract.BodyRef;
import org.hmskg.extract.DateOrder;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.KnownEntity;
import org.hmskg.parse.DateValue;
import org.hmskg.vocab.Iris;

/** What a candidate names; several candidates (a name and its abbreviation) may share one. */
final class Spec {
    final KnownEntity known;
    final String name;
    final EntityClass cls;
    final Set<String> alts = new LinkedHashSet<>();
    Optional<DateValue> date = Optional.empty();
    Optional<BodyRef> body = Optional.empty();
    /** The decision class the sentence gives the document ({@code 2021年6月に閣議決定された「…」}), if any. */
    Optional<EntityClass> decided = Optional.empty();
    /** For laws: the law number the text writes right after the name. */
    Optional<String> lawNumber = Optional.empty();
    /** For amending laws: what the law amends. */
    Spec amends;

    Spec(KnownEntity known, String name, EntityClass cls) {
        this.known = known;
        this.name = name;
        this.cls = cls;
    }

    /** The curated entity itself. */
    static Spec of(KnownEntity known) {
        return new Spec(known, known.nameJa(), known.cls());
    }

    /** Keeps the later of the date already known and {@code other} (the latest revision the text states). */
    void dateAtLeast(Optional<DateValue> other) {
        if (other.isPresent() && (date.isEmpty() || DateOrder.later(other.get(), date.get()))) {
            date = other;
        }
    }

    String key() {
        return known != null ? known.key() : Iris.hashKey(name);
    }
}
