package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.List;

import org.hmskg.extract.EntityClass;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.NormText;
import org.hmskg.extract.ReferenceData;

/** The state of one text's scan: its normalised view, the candidates so far and the characters rules reserved. */
final class Scan {
    /** 「X」という: a short name the text defines, found again where it repeats it. */
    record ShortName(String norm, String display, int quoteOpen) {
    }

    final NormText text;
    final String norm;
    final ReferenceData ref;
    final List<Candidate> candidates = new ArrayList<>();
    /** Characters no candidate may cover: the dates and bodies of decision brackets. */
    final boolean[] blocked;
    /** Characters of law numbers (令和4年法律第47号). */
    final boolean[] lawNumbers;
    /** Characters inside a top-level quote. */
    final boolean[] quoted;
    final List<ShortName> shortNames = new ArrayList<>();
    /** Bodies named inside decision brackets; they are mentioned although the bracket is reserved. */
    final List<Body> bodies = new ArrayList<>();

    Scan(NormText text, ReferenceData ref) {
        this.text = text;
        this.norm = text.norm();
        this.ref = ref;
        this.blocked = new boolean[norm.length()];
        this.quoted = new boolean[norm.length()];
        this.lawNumbers = new boolean[norm.length()];
    }

    void add(Candidate c) {
        candidates.add(c);
    }

    /** The text's characters behind the normalised {@code [start, end)}, for display and keys. */
    String display(int start, int end) {
        return NormText.display(text.written(start, end));
    }

    /** A found name: the curated entity if the name is one of its labels, else a new one. */
    Spec resolve(String name, EntityClass cls) {
        KnownEntity known = ref.byLabel(name).orElse(null);
        if (known != null) {
            return Spec.of(known);
        }
        return new Spec(null, name, cls);
    }

    static void mark(boolean[] mask, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(mask.length, to); i++) {
            mask[i] = true;
        }
    }

    static boolean any(boolean[] mask, int from, int to) {
        for (int i = from; i < to; i++) {
            if (mask[i]) {
                return true;
            }
        }
        return false;
    }
}
