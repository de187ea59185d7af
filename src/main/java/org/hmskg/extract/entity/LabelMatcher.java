package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hmskg.extract.NormText;

/**
 * Finds every occurrence of a set of labels in a normalised text. Labels are compared in their normalised form
 * ({@link NormText#key}). A label that begins or ends with a Latin letter or digit must not run on into another
 * one ({@code JST} is not found in {@code JSTX}); a label of one or two kanji must not sit inside a longer kanji
 * compound ({@code 内閣} is not found in {@code 内閣府}).
 */
final class LabelMatcher<V> {
    record Match<V>(int start, int end, V value) {
    }

    private final Map<Character, List<Map.Entry<String, V>>> byFirstChar = new HashMap<>();

    LabelMatcher(Map<String, V> labels) {
        for (Map.Entry<String, V> e : labels.entrySet()) {
            if (!e.getKey().isEmpty()) {
                byFirstChar.computeIfAbsent(e.getKey().charAt(0), c -> new ArrayList<>()).add(Map.entry(e.getKey(),
                        e.getValue()));
            }
        }
        for (List<Map.Entry<String, V>> list : byFirstChar.values()) {
            list.sort(Comparator.comparing((Map.Entry<String, V> e) -> -e.getKey().length())
                    .thenComparing(Map.Entry::getKey));
        }
    }

    /** All occurrences, overlapping ones included, in text order. */
    List<Match<V>> findAll(String norm) {
        List<Match<V>> found = new ArrayList<>();
        for (int i = 0; i < norm.length(); i++) {
            List<Map.Entry<String, V>> candidates = byFirstChar.get(norm.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Map.Entry<String, V> e : candidates) {
                String label = e.getKey();
                if (norm.startsWith(label, i) && fits(norm, i, i + label.length())) {
                    found.add(new Match<>(i, i + label.length(), e.getValue()));
                }
            }
        }
        return found;
    }

    private static boolean fits(String norm, int start, int end) {
        char first = norm.charAt(start);
        char last = norm.charAt(end - 1);
        if (NormText.isLatinAlnum(first) && start > 0 && NormText.isLatinAlnum(norm.charAt(start - 1))) {
            return false;
        }
        if (NormText.isLatinAlnum(last) && end < norm.length() && NormText.isLatinAlnum(norm.charAt(end))) {
            return false;
        }
        if (end - start <= 2 && NormText.isKanji(first) && NormText.isKanji(last)) {
            boolean before = start > 0 && NormText.isKanji(norm.charAt(start - 1));
            boolean after = end < norm.length() && NormText.isKanji(norm.charAt(end));
            return !before && !after;
        }
        return true;
    }
}
