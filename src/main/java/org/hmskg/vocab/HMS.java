package org.hmskg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The hms-kg vocabulary ({@code https://w3id.org/hmskg/def#}); every term is declared in ontology/hms.ttl. */
public final class HMS {
    public static final String NS = "https://w3id.org/hmskg/def#";

    private HMS() {
    }

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }

    // Classes
    public static final Node PolicyDocument = term("PolicyDocument");
    public static final Node FollowUpReport = term("FollowUpReport");
    public static final Node Strategy = term("Strategy");
    public static final Node ResearchPlan = term("ResearchPlan");
    public static final Node Section = term("Section");
    public static final Node Block = term("Block");
    public static final Node Measure = term("Measure");
    public static final Node Paragraph = term("Paragraph");
    public static final Node PageArtefact = term("PageArtefact");
    public static final Node Footnote = term("Footnote");
    public static final Node Ministry = term("Ministry");
    public static final Node Initiative = term("Initiative");
    public static final Node Programme = term("Programme");
    public static final Node Organisation = term("Organisation");
    public static final Node Council = term("Council");
    public static final Node DataSystem = term("DataSystem");
    public static final Node Certification = term("Certification");
    public static final Node Event = term("Event");
    public static final Node Citation = term("Citation");
    public static final Node CabinetDecision = term("CabinetDecision");
    public static final Node HeadquartersDecision = term("HeadquartersDecision");
    public static final Node Plan = term("Plan");
    public static final Node Guideline = term("Guideline");
    public static final Node Report = term("Report");
    public static final Node Quantity = term("Quantity");
    public static final Node Mention = term("Mention");

    // Document, section and measure properties
    public static final Node status = term("status");
    public static final Node sha256 = term("sha256");
    public static final Node marker = term("marker");
    public static final Node level = term("level");
    public static final Node parentSection = term("parentSection");
    public static final Node inDocument = term("inDocument");
    public static final Node inSection = term("inSection");
    public static final Node ordinal = term("ordinal");
    public static final Node lineStart = term("lineStart");
    public static final Node lineEnd = term("lineEnd");
    public static final Node pageStart = term("pageStart");
    public static final Node pageEnd = term("pageEnd");
    public static final Node text = term("text");
    public static final Node textNormalized = term("textNormalized");
    public static final Node tag = term("tag");
    public static final Node footnote = term("footnote");
    public static final Node preamble = term("preamble");
    public static final Node titleLine = term("titleLine");
    public static final Node dateLine = term("dateLine");
    public static final Node decisionLine = term("decisionLine");
    public static final Node headerNote = term("headerNote");
    public static final Node edition = term("edition");
    public static final Node followsUp = term("followsUp");
    public static final Node tagBrackets = term("tagBrackets");
    public static final Node artefactKind = term("artefactKind");

    // Responsibility
    public static final Node ministry = term("ministry");
    public static final Node leadMinistry = term("leadMinistry");

    // Extracted facts
    public static final Node mentions = term("mentions");
    public static final Node cites = term("cites");
    public static final Node curated = term("curated");
    public static final Node decidedBy = term("decidedBy");
    public static final Node quantity = term("quantity");
    public static final Node unit = term("unit");
    public static final Node approximate = term("approximate");
    public static final Node qualifier = term("qualifier");
    public static final Node asOf = term("asOf");
    public static final Node asOfFiscalYear = term("asOfFiscalYear");
    public static final Node date = term("date");
    public static final Node fiscalYear = term("fiscalYear");
    public static final Node inMeasure = term("inMeasure");
    public static final Node inParagraph = term("inParagraph");
    public static final Node inBlock = term("inBlock");
    public static final Node surface = term("surface");
    public static final Node start = term("start");
    public static final Node end = term("end");
    public static final Node about = term("about");
    public static final Node value = term("value");
    public static final Node lawNumber = term("lawNumber");
    public static final Node amends = term("amends");

    // Statements
    public static final Node Statement = term("Statement");
    public static final Node Achievement = term("Achievement");
    public static final Node Ongoing = term("Ongoing");
    public static final Node Commitment = term("Commitment");
    public static final Node TimeExpression = term("TimeExpression");
    public static final Node DueTime = term("DueTime");
    public static final Node StartTime = term("StartTime");
    public static final Node OccurrenceTime = term("OccurrenceTime");
    public static final Node AsOfTime = term("AsOfTime");
    public static final Node inStatement = term("inStatement");
    public static final Node continues = term("continues");
    public static final Node dueFiscalYear = term("dueFiscalYear");
    public static final Node dueDate = term("dueDate");
    public static final Node startFiscalYear = term("startFiscalYear");
    public static final Node startDate = term("startDate");
    public static final Node timeNote = term("timeNote");

    // Derived links
    public static final Node relatedMeasure = term("relatedMeasure");
    public static final Node coMentionedWith = term("coMentionedWith");
    public static final Node responsibleMinistry = term("responsibleMinistry");
    public static final Node previousEdition = term("previousEdition");
    public static final Node sameMeasureAs = term("sameMeasureAs");
}
