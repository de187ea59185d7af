package org.hmskg.extract.entity;

import java.util.Optional;

import org.hmskg.extract.BodyRef;
import org.hmskg.extract.EntityClass;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.Ministry;
import org.hmskg.extract.ReferenceData;

/**
 * A body a text names as deciding or drafting a document, at {@code [start, end)} of the normalised text: a
 * curated council (閣議 → the Cabinet), a ministry, a curated body of another kind, or an uncurated name whose last
 * word makes it a council (…本部, …会議). Anything else (a date's remains, a stray phrase) is no body.
 *
 * @param ref  what {@code hms:decidedBy} points to: councils and ministries only
 * @param spec the initiative the text mentions there, or null for a ministry
 * @param ministry the ministry mentioned there, or null
 */
record Body(int start, int end, Optional<BodyRef> ref, Spec spec, Ministry ministry) {
    static Optional<Body> at(String norm, int start, int end, String name, ReferenceData ref, Names names) {
        if (end <= start) {
            return Optional.empty();
        }
        Optional<KnownEntity> known = ref.byLabel(name);
        if (known.isPresent()) {
            KnownEntity k = known.get();
            Optional<BodyRef> decides = k.cls() == EntityClass.COUNCIL
                    ? Optional.of(new BodyRef(BodyRef.Kind.INITIATIVE, k.key())) : Optional.empty();
            return Optional.of(new Body(start, end, decides, Spec.of(k), null));
        }
        Optional<Ministry> ministry = ref.ministryByName(name);
        if (ministry.isPresent()) {
            return Optional.of(new Body(start, end, Optional.of(new BodyRef(BodyRef.Kind.MINISTRY,
                    ministry.get().key())), null, ministry.get()));
        }
        if (!isName(norm, start, end) || names.classify(name) != EntityClass.COUNCIL || ref.isGenericTerm(name)) {
            return Optional.empty();
        }
        Spec spec = new Spec(null, name, EntityClass.COUNCIL);
        return Optional.of(new Body(start, end, Optional.of(new BodyRef(BodyRef.Kind.INITIATIVE, spec.key())), spec,
                null));
    }

    /** Three characters or more, every one a character names are made of, and not only Latin letters and digits. */
    private static boolean isName(String norm, int start, int end) {
        if (end - start < 3 || !Names.hasJapanese(norm, start, end)) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Names.isNameChar(norm.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    Candidate candidate() {
        return new Candidate(start, end, Candidate.Trust.CURATED, spec, ministry);
    }
}
