package org.hmskg.extract.entity;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.hmskg.extract.BodyRef;
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

    Spec(KnownEntity known, String name, EntityClass cls) {
        this.known = known;
        this.name = name;
        this.cls = cls;
    }

    /** The curated entity itself. */
    static Spec of(KnownEntity known) {
        return new Spec(known, known.nameJa(), known.cls());
    }

    String key() {
        return known != null ? known.key() : Iris.hashKey(name);
    }
}
