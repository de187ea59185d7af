package org.hmskg.extract;

/** The closed set of classes an extracted or curated entity can have (CONTRACT.md: Initiative and Citation). */
public enum EntityClass {
    INITIATIVE("Initiative", false),
    PROGRAMME("Programme", false),
    ORGANISATION("Organisation", false),
    COUNCIL("Council", false),
    DATA_SYSTEM("DataSystem", false),
    CERTIFICATION("Certification", false),
    EVENT("Event", false),
    CITATION("Citation", true),
    LAW("LegalResource", true),
    CABINET_DECISION("CabinetDecision", true),
    HEADQUARTERS_DECISION("HeadquartersDecision", true),
    PLAN("Plan", true),
    GUIDELINE("Guideline", true),
    REPORT("Report", true);

    private final String localName;
    private final boolean citation;

    EntityClass(String localName, boolean citation) {
        this.localName = localName;
        this.citation = citation;
    }

    /** Local name of the class ({@code hms:} namespace, except {@code eli:LegalResource} for laws). */
    public String localName() {
        return localName;
    }

    public boolean isCitation() {
        return citation;
    }

    /**
     * Of two classes the texts give one thing (its key), the one that says more: a decision (閣議決定, 本部決定)
     * over another kind of document, any kind over plain {@code Citation} or {@code Initiative}; else {@code a}.
     * Classes of the other family (an initiative and a citation sharing a key are two things) never mix.
     */
    public static EntityClass preferred(EntityClass a, EntityClass b) {
        if (a.citation != b.citation || a == b) {
            return a;
        }
        if (a == CITATION || a == INITIATIVE) {
            return b;
        }
        return !a.isDecision() && b.isDecision() && a != LAW ? b : a;
    }

    /** A document a body decided: {@code CabinetDecision} or {@code HeadquartersDecision}. */
    public boolean isDecision() {
        return this == CABINET_DECISION || this == HEADQUARTERS_DECISION;
    }
}
