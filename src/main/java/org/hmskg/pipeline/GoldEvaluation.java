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

import org.hmskg.extract.Entity;
import org.hmskg.extract.Facts;

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
        FISCAL_YEARS("fiscalYears");

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
            if (m == null) {
                warnings.add("gold measure at line " + line + " has no extracted measure");
            } else if (g.hasNonNull("textStartsWith")
                    && !squash(m.text()).startsWith(squash(g.get("textStartsWith").asText()))) {
                warnings.add("gold measure at line " + line + " does not start like the extracted text");
            }
            Facts facts = m == null ? new Facts(List.of(), List.of(), List.of(), List.of()) : m.facts();
            entities(line, g.path("initiatives"), "name", facts, false, tallies.get(Category.INITIATIVES));
            entities(line, g.path("citations"), "title", facts, true, tallies.get(Category.CITATIONS));
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
            if (e.cls().isCitation() != citations) {
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
