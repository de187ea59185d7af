package org.hmskg.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.hmskg.extract.statement.StatementFact;
import org.hmskg.extract.statement.StatementKind;
import org.hmskg.extract.statement.TimeFact;
import org.hmskg.parse.MeasureRecord;

/**
 * Scores the statements of a document against a reading of its sentences ({@code <key>.statements.gold.json}):
 * sentence spans (precision, recall, F1 of exact spans), kinds (accuracy over the sentences both have, and precision
 * and recall per kind), and the times of commitments (the (value, role) pairs of the gold's commitments against the
 * times the build gives the same sentences).
 *
 * <p>A gold entry names its measure by ordinal and holds the measure's text; a measure whose text differs is skipped
 * with a warning, so that a gold written for another extraction scores nothing rather than nonsense.
 */
public final class StatementEvaluation {
    private StatementEvaluation() {
    }

    /** Precision, recall and F1 of a set comparison. */
    public record Prf(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * @param measures       gold measures scored (their text matched the build's)
     * @param spans          exact sentence spans
     * @param kindAccuracy   share of the sentences both have whose kind agrees
     * @param kinds          per kind: gold sentences of that kind found with it (TP), other sentences given it (FP),
     *                       sentences of that kind given another (FN)
     * @param commitmentTimes the (value, fiscal, role) pairs of the gold's commitments
     * @param disagreements  the first disagreements, {@code measure N sentence M: …}, for a reader
     */
    public record Score(int measures, Prf spans, double kindAccuracy, Map<String, Prf> kinds, Prf commitmentTimes,
                        List<String> disagreements, List<String> warnings) {
        public Score {
            kinds = Map.copyOf(kinds);
            disagreements = List.copyOf(disagreements);
            warnings = List.copyOf(warnings);
        }
    }

    private static final int LISTED = 40;

    public static Score evaluate(JsonNode gold, List<MeasureRecord> measures, List<List<StatementFact>> statements) {
        Map<Integer, Integer> byOrdinal = new HashMap<>();
        for (int i = 0; i < measures.size(); i++) {
            byOrdinal.put(measures.get(i).ordinal(), i);
        }
        int scored = 0;
        int spanTp = 0;
        int spanFp = 0;
        int spanFn = 0;
        int agree = 0;
        int both = 0;
        Map<StatementKind, int[]> kinds = new EnumMap<>(StatementKind.class);
        for (StatementKind k : StatementKind.values()) {
            kinds.put(k, new int[3]);
        }
        int timeTp = 0;
        int timeFp = 0;
        int timeFn = 0;
        List<String> disagreements = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (JsonNode g : gold.path("measures")) {
            int ordinal = g.path("measure").asInt();
            Integer at = byOrdinal.get(ordinal);
            if (at == null) {
                warnings.add("gold measure " + ordinal + " is not in the build");
                continue;
            }
            String text = measures.get(at).text();
            if (!goldText(g).equals(text) && !coversText(g, text)) {
                warnings.add("gold measure " + ordinal + " has another text than the build's; skipped");
                continue;
            }
            scored++;
            Map<String, StatementFact> built = new HashMap<>();
            for (StatementFact s : statements.get(at)) {
                built.put(s.span().start() + "-" + s.span().end(), s);
            }
            Set<String> goldSpans = new HashSet<>();
            for (JsonNode gs : g.path("sentences")) {
                String span = gs.path("start").asInt() + "-" + gs.path("end").asInt();
                goldSpans.add(span);
                StatementKind goldKind = kind(gs.path("kind").asText());
                StatementFact s = built.get(span);
                if (s == null) {
                    spanFn++;
                    kinds.get(goldKind)[2]++;
                    note(disagreements, "measure " + ordinal + " sentence " + gs.path("n").asInt()
                            + ": no sentence " + span);
                    if (goldKind == StatementKind.COMMITMENT) {
                        timeFn += gs.path("times").size();
                    }
                    continue;
                }
                spanTp++;
                both++;
                if (s.kind() == goldKind) {
                    agree++;
                    kinds.get(goldKind)[0]++;
                } else {
                    kinds.get(goldKind)[2]++;
                    kinds.get(s.kind())[1]++;
                    note(disagreements, "measure " + ordinal + " sentence " + gs.path("n").asInt() + ": kind "
                            + s.kind() + ", gold " + goldKind);
                }
                if (goldKind == StatementKind.COMMITMENT) {
                    Set<String> want = new HashSet<>();
                    for (JsonNode t : gs.path("times")) {
                        want.add(t.path("value").asText() + (t.path("fiscal").asBoolean() ? " FY " : " ")
                                + t.path("role").asText());
                    }
                    Set<String> have = new HashSet<>();
                    for (TimeFact t : s.times()) {
                        have.add(t.value().lexical() + (t.fiscal() ? " FY " : " ") + role(t));
                    }
                    for (String w : want) {
                        if (have.contains(w)) {
                            timeTp++;
                        } else {
                            timeFn++;
                            note(disagreements, "measure " + ordinal + " sentence " + gs.path("n").asInt()
                                    + ": time " + w + " missing");
                        }
                    }
                    for (String h : have) {
                        if (!want.contains(h)) {
                            timeFp++;
                            note(disagreements, "measure " + ordinal + " sentence " + gs.path("n").asInt()
                                    + ": time " + h + " not in the gold");
                        }
                    }
                }
            }
            for (Map.Entry<String, StatementFact> e : built.entrySet()) {
                if (!goldSpans.contains(e.getKey())) {
                    spanFp++;
                    note(disagreements, "measure " + ordinal + ": sentence " + e.getKey() + " not in the gold");
                }
            }
        }
        Map<String, Prf> perKind = new java.util.TreeMap<>();
        kinds.forEach((k, c) -> {
            if (c[0] + c[1] + c[2] > 0) {
                perKind.put(k.name().toLowerCase(), new Prf(c[0], c[1], c[2]));
            }
        });
        return new Score(scored, new Prf(spanTp, spanFp, spanFn), both == 0 ? 1.0 : (double) agree / both, perKind,
                new Prf(timeTp, timeFp, timeFn), disagreements, warnings);
    }

    private static void note(List<String> out, String line) {
        if (out.size() < LISTED) {
            out.add(line);
        }
    }

    /** The measure's text as the gold holds it: its sentences' texts at their offsets. */
    private static String goldText(JsonNode g) {
        return g.path("text").asText("");
    }

    /** Whether the gold's sentences stand at their offsets in {@code text} (the gold keeps sentences, not the text). */
    private static boolean coversText(JsonNode g, String text) {
        int length = text.codePointCount(0, text.length());
        for (JsonNode s : g.path("sentences")) {
            int start = s.path("start").asInt();
            int end = s.path("end").asInt();
            if (start < 0 || end > length || start >= end) {
                return false;
            }
            int from = text.offsetByCodePoints(0, start);
            int to = text.offsetByCodePoints(from, end - start);
            if (!text.substring(from, to).equals(s.path("text").asText())) {
                return false;
            }
        }
        return g.path("sentences").size() > 0;
    }

    private static StatementKind kind(String gold) {
        return switch (gold.toLowerCase()) {
            case "achievement" -> StatementKind.ACHIEVEMENT;
            case "ongoing" -> StatementKind.ONGOING;
            case "commitment" -> StatementKind.COMMITMENT;
            default -> StatementKind.UNCLASSIFIED;
        };
    }

    private static String role(TimeFact t) {
        return switch (t.role()) {
            case DUE -> "due";
            case START -> "start";
            case OCCURRENCE -> "when";
            case AS_OF -> "asof";
        };
    }
}
