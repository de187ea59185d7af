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
}
