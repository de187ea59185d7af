package org.hmskg.serve.pages;

import org.apache.jena.graph.Node;
import org.hmskg.vocab.HMS;

/**
 * What a sentence says, as the pages show it: a short Japanese label that is always written out (the colour of
 * the sentence only repeats it), its English name for the title, and the CSS class that colours it.
 */
public enum StatementKind {
    ACHIEVEMENT("achievement", "実施済", "Achievement", "something done or reached"),
    ONGOING("ongoing", "進行中", "Ongoing", "something under way, or a current state"),
    COMMITMENT("commitment", "今後", "Commitment", "what will be done, is aimed at or is needed"),
    /** A statement typed hms:Statement alone: its ending matched no rule. */
    UNKNOWN("unknown", "文", "Statement", "kind not determined");

    private final String css;
    private final String ja;
    private final String en;
    private final String meaning;

    StatementKind(String css, String ja, String en, String meaning) {
        this.css = css;
        this.ja = ja;
        this.en = en;
        this.meaning = meaning;
    }

    /** The kind of the class a statement is typed with; {@link #UNKNOWN} for null or any other class. */
    static StatementKind of(Node kind) {
        if (HMS.Achievement.equals(kind)) {
            return ACHIEVEMENT;
        }
        if (HMS.Ongoing.equals(kind)) {
            return ONGOING;
        }
        if (HMS.Commitment.equals(kind)) {
            return COMMITMENT;
        }
        return UNKNOWN;
    }

    public String css() {
        return css;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    public String meaning() {
        return meaning;
    }
}
