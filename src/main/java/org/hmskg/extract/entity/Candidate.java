package org.hmskg.extract.entity;

import org.hmskg.extract.Ministry;

/**
 * A span of the normalised text and what it names: an entity ({@code spec}) or a ministry. Among overlapping
 * candidates the longest wins, and on equal spans the more trustworthy rule.
 *
 * @param nested true for a name inside a cited title, chosen after the title itself
 */
record Candidate(int start, int end, Trust trust, Spec spec, Ministry ministry, boolean nested) {
    /** How far a rule's candidates are trusted, most first. */
    enum Trust {
        /** curated names and ministries */
        CURATED,
        /** names the text itself defined */
        LOCAL,
        /** quoted titles */
        QUOTED,
        /** {@code Name（ABBR）} pairs and dated brackets */
        PAIR,
        /** names found by their suffix */
        SUFFIX
    }

    Candidate(int start, int end, Trust trust, Spec spec, Ministry ministry) {
        this(start, end, trust, spec, ministry, false);
    }

    static Candidate of(int start, int end, Trust trust, Spec spec) {
        return new Candidate(start, end, trust, spec, null);
    }

    /** The same name found inside another's span: a name inside a cited title. */
    Candidate asNested() {
        return new Candidate(start, end, trust, spec, ministry, true);
    }

    int length() {
        return end - start;
    }
}
