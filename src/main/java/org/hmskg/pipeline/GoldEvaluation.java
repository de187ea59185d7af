package org.hmskg.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hmskg.extract.BodyRef;
import org.hmskg.extract.Entity;
import org.hmskg.extract.Facts;
import org.hmskg.extract.KnownEntity;
import org.hmskg.extract.Ministry;
import org.hmskg.extract.ReferenceData;
import org.hmskg.vocab.Iris;

/**
 * Scores extracted facts against a hand-made gold file for one document. Per category: true and false positives,
 * false negatives, precision, recall, and the items missed or wrongly found.
 *
 * <ul>
 * <li>An extracted initiative or citation (all mentions of one key in a measure) matches a gold entry when one of
 * its labels (prefLabel, altLabels, surfaces) equals the gold name/title or one of its aliases, compared after NFKC
 * with all whitespace removed. Each side is matched at most once (maximum matching).</li>
 * <li>A quantity matches on the value (numerically) and the unit (NFKC).</li>
 * <li>Dates and fiscal years match on their lexical value; each measure counts each value once.</li>
 * <li>A cited document's date is a pair (document, date): right when the document is matched and its date is the
 * gold date; a wrong date is both a miss and a false hit. Its deciding body likewise, the body matched by a label
 * of what the measure names as the body, or by the key the gold's name has in the reference data.</li>
 * <li>A name inside a cited title (a nested mention) counts as an initiative it names, never as a citation: the
 * measure mentions it without citing it.</li>
 * </ul>
 * Measures are paired by their first line; gold measures without an extracted counterpart count as missed.
 */
public final class GoldEvaluation {
    /** One measure as the pipeline saw it. */
    public record Measured(int lineStart, String text, Facts facts) {
    }

    public enum Category {
        INITIATIVES("initiatives"),
        CITATIONS("citations"),
        QUANTITIES("quantities"),
        DATES("dates"),
        FISCAL_YEARS("fiscalYears"),
        /** The date of each dated cited document (gold: a citation's {@code date}). */
        CITATION_DATES("citationDates"),
        /** The deciding body of each cited document that has one (gold: a citation's {@code decidedBy}). */
        DECIDED_BY("decidedBy");

        private final String field;

        Category(String field) {
            this.field = field;
        }

        /** The gold file's field for the category. */
        public String field() {
            return field;
        }
    }

    /** An item that was missed or wrongly found, and the measure it belongs to. */
    public record Finding(int lineStart, String item) {
    }

    public record CategoryScore(int truePositives, int falsePositives, int falseNegatives, double precision,
                                double recall, List<Finding> misses, List<Finding> falseHits) {
        public CategoryScore {
            misses = List.copyOf(misses);
            falseHits = List.copyOf(falseHits);
        }

        static CategoryScore of(int tp, List<Finding> misses, List<Finding> falseHits) {
            int fp = falseHits.size();
            int fn = misses.size();
            double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
            return new CategoryScore(tp, fp, fn, precision, recall, misses, falseHits);
        }
    }

    /** The score of one document; {@code warnings} name gold measures that could not be paired cleanly. */
    public record Score(String document, Map<Category, CategoryScore> categories, List<String> warnings) {
        public Score {
            categories = Map.copyOf(categories);
            warnings = List.copyOf(warnings);
        }

        public CategoryScore of(Category category) {
            return categories.get(category);
        }
    }

    private GoldEvaluation() {
    }

    public static Score evaluate(Path goldFile, List<Measured> measures) {
        try {
            return evaluate(new ObjectMapper().readTree(goldFile.toFile()), measures);
        } catch (IOException e) {
            throw new UncheckedIOException(goldFile + ": unreadable gold file", e);
        }
    }

    public static Score evaluate(JsonNode gold, List<Measured> measures) {
        Map<Integer, Measured> byLine = new LinkedHashMap<>();
        for (Measured m : measures) {
            byLine.put(m.lineStart(), m);
        }
        Map<Category, Tally> tallies = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            tallies.put(c, new Tally());
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode g : gold.path("measures")) {
            int line = g.path("lineStart").asInt();
            Measured m = byLine.get(line);
            String start = g.hasNonNull("textStartsWith") ? squash(g.get("textStartsWith").asText()) : null;
            if (start != null && (m == null || !squash(m.text()).startsWith(start))) {
                // The same text laid out on other lines (an import of the PDF, another extraction): the block whose
                // text starts so, if exactly one does.
                List<Measured> same = measures.stream().filter(x -> squash(x.text()).startsWith(start)).toList();
                if (same.size() == 1) {
                    m = same.get(0);
                }
            }
            if (m == null) {
                warnings.add("gold measure at line " + line + " has no extracted measure");
            } else if (start != null && !squash(m.text()).startsWith(start)) {
                warnings.add("gold measure at line " + line + " does not start like the extracted text");
            }
            Facts facts = m == null ? new Facts(List.of(), List.of(), List.of(), List.of()) : m.facts();
            entities(line, g.path("initiatives"), "name", facts, false, tallies.get(Category.INITIATIVES));
            entities(line, g.path("citations"), "title", facts, true, tallies.get(Category.CITATIONS));
            citationFacts(line, g.path("citations"), facts, tallies.get(Category.CITATION_DATES),
                    tallies.get(Category.DECIDED_BY));
            quantities(line, g.path("quantities"), facts, tallies.get(Category.QUANTITIES));
            Set<String> dates = new TreeSet<>();
            Set<String> years = new TreeSet<>();
            for (Facts.DateFact d : facts.dates()) {
                if (d.fiscalYear()) {
                    years.add(String.valueOf(d.value().year()));
                } else {
                    dates.add(d.value().lexical());
                }
            }
            values(line, g.path("dates"), dates, tallies.get(Category.DATES));
            values(line, g.path("fiscalYears"), years, tallies.get(Category.FISCAL_YEARS));
        }
        Map<Category, CategoryScore> scores = new EnumMap<>(Category.class);
        tallies.forEach((c, t) -> scores.put(c, CategoryScore.of(t.tp, t.misses, t.falseHits)));
        return new Score(gold.path("document").asText(""), scores, warnings);
    }

    private static final class Tally {
        int tp;
        final List<Finding> misses = new ArrayList<>();
        final List<Finding> falseHits = new ArrayList<>();
    }

    private static void entities(int line, JsonNode goldItems, String nameField, Facts facts, boolean citations,
                                 Tally tally) {
        Map<String, Set<String>> extracted = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (Facts.EntityMention m : facts.entities()) {
            Entity e = m.entity();
            if (e.cls().isCitation() != citations || (citations && m.nested())) {
                continue;
            }
            Set<String> labels = extracted.computeIfAbsent(e.key(), k -> new LinkedHashSet<>());
            labels.add(squash(e.prefLabel()));
            e.altLabels().forEach(a -> labels.add(squash(a)));
            labels.add(squash(m.span().surface()));
            shown.putIfAbsent(e.key(), e.prefLabel() + " (" + e.key() + ")");
        }
        List<String> goldNames = new ArrayList<>();
        List<Set<String>> goldLabels = new ArrayList<>();
        for (JsonNode item : goldItems) {
            Set<String> labels = new LinkedHashSet<>();
            labels.add(squash(item.path(nameField).asText()));
            for (JsonNode alias : item.path("aliases")) {
                labels.add(squash(alias.asText()));
            }
            goldNames.add(item.path(nameField).asText());
            goldLabels.add(labels);
        }
        List<String> keys = new ArrayList<>(extracted.keySet());
        boolean[][] fits = new boolean[goldLabels.size()][keys.size()];
        for (int i = 0; i < goldLabels.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                Set<String> both = new LinkedHashSet<>(goldLabels.get(i));
                both.retainAll(extracted.get(keys.get(j)));
                fits[i][j] = !both.isEmpty();
            }
        }
        int[] matchOf = maximumMatching(fits, keys.size());
        boolean[] used = new boolean[keys.size()];
        for (int i = 0; i < goldNames.size(); i++) {
            if (matchOf[i] >= 0) {
                tally.tp++;
                used[matchOf[i]] = true;
            } else {
                tally.misses.add(new Finding(line, goldNames.get(i)));
            }
        }
        for (int j = 0; j < keys.size(); j++) {
            if (!used[j]) {
                tally.falseHits.add(new Finding(line, shown.get(keys.get(j))));
            }
        }
    }

    /** The dates and deciding bodies of the cited documents, as (document, value) pairs. */
    private static void citationFacts(int line, JsonNode goldItems, Facts facts, Tally dates, Tally bodies) {
        Map<String, Entity> cited = new LinkedHashMap<>();
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        for (Facts.EntityMention m : facts.entities()) {
            Entity e = m.entity();
            labels.computeIfAbsent(e.key(), k -> new LinkedHashSet<>()).addAll(labelsOf(e, m));
            if (e.cls().isCitation() && !m.nested()) {
                cited.putIfAbsent(e.key(), e);
            }
        }
        Map<String, Set<String>> ministryLabels = new LinkedHashMap<>();
        for (Facts.MinistryMention m : facts.ministries()) {
            ministryLabels.computeIfAbsent(m.ministryKey(), k -> new LinkedHashSet<>()).add(squash(m.span().surface()));
        }
        Set<String> rightDates = new LinkedHashSet<>();
        Set<String> rightBodies = new LinkedHashSet<>();
        for (JsonNode item : goldItems) {
            Set<String> names = new LinkedHashSet<>();
            names.add(squash(item.path("title").asText()));
            item.path("aliases").forEach(a -> names.add(squash(a.asText())));
            Entity hit = cited.values().stream().filter(e -> !disjoint(labels.get(e.key()), names)).findFirst()
                    .orElse(null);
            String title = item.path("title").asText();
            if (item.hasNonNull("date")) {
                String gold = item.get("date").asText();
                if (hit != null && hit.date().map(d -> d.lexical().equals(gold)).orElse(false)) {
                    dates.tp++;
                    rightDates.add(hit.key());
                } else {
                    dates.misses.add(new Finding(line, title + " " + gold));
                }
            }
            if (item.hasNonNull("decidedBy")) {
                String gold = squash(item.get("decidedBy").asText());
                String named = item.get("decidedBy").asText();
                boolean right = hit != null && hit.decidedBy().map(b -> (b.kind() == BodyRef.Kind.MINISTRY
                        ? ministryLabels.getOrDefault(b.key(), Set.of()) : labels.getOrDefault(b.key(), Set.of()))
                        .contains(gold) || b.key().equals(bodyKey(b.kind(), named))).orElse(false);
                if (right) {
                    bodies.tp++;
                    rightBodies.add(hit.key());
                } else {
                    bodies.misses.add(new Finding(line, title + " " + item.get("decidedBy").asText()));
                }
            }
        }
        for (Entity e : cited.values()) {
            if (e.date().isPresent() && !rightDates.contains(e.key())) {
                dates.falseHits.add(new Finding(line, e.prefLabel() + " " + e.date().get().lexical()));
            }
            if (e.decidedBy().isPresent() && !rightBodies.contains(e.key())) {
                bodies.falseHits.add(new Finding(line, e.prefLabel() + " " + e.decidedBy().get().key()));
            }
        }
    }

    /** The key the gold's body name has: a curated label, a ministry's name, else the hash of the name. */
    private static String bodyKey(BodyRef.Kind kind, String name) {
        ReferenceData ref = ReferenceData.load();
        if (kind == BodyRef.Kind.MINISTRY) {
            return ref.ministryByName(name).map(Ministry::key).orElse("");
        }
        return ref.byLabel(name).map(KnownEntity::key).orElseGet(() -> Iris.hashKey(name));
    }

    private static Set<String> labelsOf(Entity e, Facts.EntityMention m) {
        Set<String> labels = new LinkedHashSet<>();
        labels.add(squash(e.prefLabel()));
        e.altLabels().forEach(a -> labels.add(squash(a)));
        labels.add(squash(m.span().surface()));
        return labels;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a == null || a.stream().noneMatch(b::contains);
    }

    private static void quantities(int line, JsonNode goldItems, Facts facts, Tally tally) {
        List<Facts.QuantityFact> left = new ArrayList<>(facts.quantities());
        for (JsonNode item : goldItems) {
            BigDecimal value = new BigDecimal(item.path("value").asText("0").replace(",", ""));
            String unit = nfkc(item.path("unit").asText());
            Facts.QuantityFact hit = null;
            for (Facts.QuantityFact q : left) {
                if (q.value().compareTo(value) == 0 && nfkc(q.unit()).equals(unit)) {
                    hit = q;
                    break;
                }
            }
            if (hit != null) {
                left.remove(hit);
                tally.tp++;
            } else {
                String surface = item.path("surface").asText(value.toPlainString() + item.path("unit").asText());
                tally.misses.add(new Finding(line, surface));
            }
        }
        for (Facts.QuantityFact q : left) {
            tally.falseHits.add(new Finding(line, q.span().surface()));
        }
    }

    private static void values(int line, JsonNode goldItems, Set<String> extracted, Tally tally) {
        Set<String> gold = new TreeSet<>();
        for (JsonNode item : goldItems) {
            if (!item.isNull()) {
                gold.add(item.asText());
            }
        }
        for (String g : gold) {
            if (extracted.contains(g)) {
                tally.tp++;
            } else {
                tally.misses.add(new Finding(line, g));
            }
        }
        for (String e : extracted) {
            if (!gold.contains(e)) {
                tally.falseHits.add(new Finding(line, e));
            }
        }
    }

    /** For each gold item, the extracted item it is paired with or -1 (augmenting paths; the lists are short). */
    private static int[] maximumMatching(boolean[][] fits, int right) {
        int[] goldOf = new int[right];
        Arrays.fill(goldOf, -1);
        for (int i = 0; i < fits.length; i++) {
            augment(i, fits, goldOf, new boolean[right]);
        }
        int[] matchOf = new int[fits.length];
        Arrays.fill(matchOf, -1);
        for (int j = 0; j < right; j++) {
            if (goldOf[j] >= 0) {
                matchOf[goldOf[j]] = j;
            }
        }
        return matchOf;
    }

    private static boolean augment(int i, boolean[][] fits, int[] goldOf, boolean[] seen) {
        for (int j = 0; j < goldOf.length; j++) {
            if (fits[i][j] && !seen[j]) {
                seen[j] = true;
                if (goldOf[j] < 0 || augment(goldOf[j], fits, goldOf, seen)) {
                    goldOf[j] = i;
                    return true;
                }
            }
        }
        return false;
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    /** NFKC with every whitespace character removed: how names are compared. */
    static String squash(String s) {
        String n = nfkc(s);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
