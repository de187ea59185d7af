package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hmskg.extract.EntityClass;
import org.hmskg.extract.ReferenceTable;
import org.hmskg.extract.ReferenceTable.Row;

/**
 * The word lists the entity rules read, from {@code reference/*.tsv} on the class path (each file says what it is
 * and where it came from). Read once; immutable.
 */
record EntityWords(List<Suffix> suffixes, List<String> methodWords, List<SuffixRule> suffixRules,
                   List<String> legalForms, Map<String, List<String>> nameWords,
                   Map<EntityClass, List<String>> englishHeads, List<DecisionVerb> decisionVerbs,
                   List<String> cabinetWords, List<String> headquartersWords, Map<String, List<String>> dateCues) {
    /** A last word of a name and the kind it gives. */
    record Suffix(String suffix, EntityClass cls) {
    }

    /**
     * A suffix that marks an unquoted proper name: how much of a name must stand right before it, what that part
     * must end with ({@code heads}, empty: anything) and whether it must begin with a legal form.
     */
    record SuffixRule(String suffix, EntityClass cls, int minQualifier, List<String> heads, boolean legalForm) {
        SuffixRule {
            heads = List.copyOf(heads);
        }
    }

    /** A verb ending a dated bracket; {@code binding} for a decision (決定, 了解). */
    record DecisionVerb(String verb, boolean binding) {
    }

    static final String SUFFIXES = "reference/name-suffixes.tsv";
    static final String METHOD_WORDS = "reference/method-words.tsv";
    static final String SUFFIX_RULES = "reference/suffix-rules.tsv";
    static final String NAME_HEADS = "reference/name-heads.tsv";
    static final String LEGAL_FORMS = "reference/legal-forms.tsv";
    static final String NAME_WORDS = "reference/name-words.tsv";
    static final String ENGLISH_HEADS = "reference/english-heads.tsv";
    static final String DECISION_WORDS = "reference/decision-words.tsv";
    static final String DATE_CUES = "reference/citation-date-cues.tsv";

    private static final class Holder {
        static final EntityWords INSTANCE = read();
    }

    static EntityWords load() {
        return Holder.INSTANCE;
    }

    /** The list {@code name} of name-words.tsv, in file order. */
    List<String> words(String name) {
        List<String> list = nameWords.get(name);
        if (list == null) {
            throw new IllegalStateException(NAME_WORDS + " has no list '" + name + "'");
        }
        return list;
    }

    private static EntityWords read() {
        List<Suffix> suffixes = new ArrayList<>();
        for (Row r : ReferenceTable.read(SUFFIXES, 2)) {
            suffixes.add(new Suffix(word(r, 0), cls(r, 1)));
        }
        suffixes.sort(Comparator.comparing((Suffix s) -> -s.suffix().length()).thenComparing(Suffix::suffix));

        Map<String, List<String>> heads = grouped(ReferenceTable.read(NAME_HEADS, 3));
        List<SuffixRule> rules = new ArrayList<>();
        for (Row r : ReferenceTable.read(SUFFIX_RULES, 5)) {
            int min;
            try {
                min = Integer.parseInt(r.col(2));
            } catch (NumberFormatException e) {
                throw r.error("min_qualifier '" + r.col(2) + "' is not a number");
            }
            List<String> ruleHeads = List.of();
            if (!r.col(3).isEmpty()) {
                ruleHeads = heads.get(r.col(3));
                if (ruleHeads == null) {
                    throw r.error("heads list '" + r.col(3) + "' is not in " + NAME_HEADS);
                }
            }
            rules.add(new SuffixRule(word(r, 0), cls(r, 1), min, ruleHeads, r.col(4).equals("yes")));
        }

        Map<EntityClass, List<String>> english = new LinkedHashMap<>();
        for (Row r : ReferenceTable.read(ENGLISH_HEADS, 2)) {
            english.computeIfAbsent(cls(r, 1), c -> new ArrayList<>()).add(word(r, 0));
        }
        english.replaceAll((c, l) -> List.copyOf(l));

        List<DecisionVerb> verbs = new ArrayList<>();
        List<String> cabinet = new ArrayList<>();
        List<String> headquarters = new ArrayList<>();
        for (Row r : ReferenceTable.read(DECISION_WORDS, 2)) {
            switch (r.col(0)) {
                case "verb" -> verbs.add(new DecisionVerb(word(r, 1), false));
                case "binding-verb" -> verbs.add(new DecisionVerb(word(r, 1), true));
                case "cabinet" -> cabinet.add(word(r, 1));
                case "headquarters" -> headquarters.add(word(r, 1));
                default -> throw r.error("unknown kind '" + r.col(0) + "' (verb, binding-verb, cabinet, headquarters)");
            }
        }
        Map<String, List<String>> cues = grouped(ReferenceTable.read(DATE_CUES, 2));

        return new EntityWords(List.copyOf(suffixes), column(ReferenceTable.read(METHOD_WORDS, 1)), List.copyOf(rules),
                column(ReferenceTable.read(LEGAL_FORMS, 1)), grouped(ReferenceTable.read(NAME_WORDS, 3)), english,
                List.copyOf(verbs), List.copyOf(cabinet), List.copyOf(headquarters), cues);
    }

    /** Rows of (list, word, …) → list name → words in file order. */
    static Map<String, List<String>> grouped(List<Row> rows) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.col(0).isEmpty()) {
                throw r.error("the list name is required");
            }
            lists.computeIfAbsent(r.col(0), k -> new ArrayList<>()).add(word(r, 1));
        }
        lists.replaceAll((k, l) -> List.copyOf(l));
        return Map.copyOf(lists);
    }

    private static List<String> column(List<Row> rows) {
        return rows.stream().map(r -> word(r, 0)).toList();
    }

    private static String word(Row r, int col) {
        String w = r.col(col);
        if (w.isEmpty()) {
            throw r.error("column " + (col + 1) + " (a word) is required");
        }
        return w;
    }

    private static EntityClass cls(Row r, int col) {
        try {
            return EntityClass.valueOf(r.col(col));
        } catch (IllegalArgumentException e) {
            throw r.error("unknown class '" + r.col(col) + "' (one of " + Arrays.toString(EntityClass.values()) + ")");
        }
    }

    /** The list {@code name} of citation-date-cues.tsv, in file order. */
    List<String> dateCues(String name) {
        List<String> list = dateCues.get(name);
        if (list == null) {
            throw new IllegalStateException(DATE_CUES + " has no list '" + name + "'");
        }
        return list;
    }

    /** The words of {@code list} as a set, for membership tests. */
    Set<String> wordSet(String list) {
        return Set.copyOf(words(list));
    }
}
