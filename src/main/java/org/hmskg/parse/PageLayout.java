package org.hmskg.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines a page layout adds: page numbers ({@code - 3 -}, {@code 3}, {@code 3/20}) as the first or last
 * line of a page, and running headers (the same short line at the top or bottom of at least three pages). They are
 * recorded as {@link PageArtefact}s, not read as text.
 */
final class PageLayout {
    private static final Pattern DASHED_NUMBER = Pattern.compile("^[-－―–—‐ｰ−~〜]\\s*([0-9０-９]{1,3})\\s*[-－―–—‐ｰ−~〜]$");
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "^(?:[pPｐＰ][.．]?\\s*)?([0-9０-９]{1,3})(?:\\s*[/／]\\s*[0-9０-９]{1,3})?$");
    private static final int MAX_HEADER_LENGTH = 60;
    private static final int MIN_HEADER_PAGES = 3;

    private PageLayout() {
    }

    /** Artefacts by line index (0-based). */
    static Map<Integer, PageArtefact> find(List<SourceLine> lines) {
        List<int[]> pages = pageEdges(lines);
        Map<Integer, PageArtefact> found = new LinkedHashMap<>();
        if (pages.size() < 2) {
            return found;
        }
        pageNumbers(lines, pages, found);
        runningHeaders(lines, pages, found);
        return found;
    }

    /** For each page, {first content line index, last content line index}. */
    private static List<int[]> pageEdges(List<SourceLine> lines) {
        Map<Integer, int[]> byPage = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            SourceLine l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            int index = i;
            byPage.computeIfAbsent(l.page(), p -> new int[] {index, index})[1] = i;
        }
        return new ArrayList<>(byPage.values());
    }

    private static void pageNumbers(List<SourceLine> lines, List<int[]> pages, Map<Integer, PageArtefact> found) {
        List<Integer> bare = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int[] edge : pages) {
            for (int i : edge[0] == edge[1] ? new int[] {edge[0]} : edge) {
                String s = lines.get(i).text().strip();
                if (DASHED_NUMBER.matcher(s).matches()) {
                    found.put(i, artefact(PageArtefact.Kind.PAGE_NUMBER, lines.get(i)));
                } else {
                    Matcher m = BARE_NUMBER.matcher(s);
                    if (m.matches() && !(i == 0)) {
                        bare.add(i);
                        values.add(Integer.parseInt(Normalizer.normalize(m.group(1), Normalizer.Form.NFKC)));
                    }
                }
            }
        }
        // A bare number is a page number only when several pages carry one and they count up with the pages.
        if (bare.size() < 2) {
            return;
        }
        for (int k = 1; k < bare.size(); k++) {
            int pageGap = lines.get(bare.get(k)).page() - lines.get(bare.get(k - 1)).page();
            if (pageGap <= 0 || values.get(k) - values.get(k - 1) != pageGap) {
                return;
            }
        }
        for (int i : bare) {
            found.put(i, artefact(PageArtefact.Kind.PAGE_NUMBER, lines.get(i)));
        }
    }

    private static void runningHeaders(List<SourceLine> lines, List<int[]> pages, Map<Integer, PageArtefact> found) {
        Map<String, List<Integer>> byText = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (int end = 0; end < 2; end++) {
                int i = pages.get(p)[end];
                if (found.containsKey(i) || (p == 0 && end == 0)) {
                    continue;
                }
                String s = lines.get(i).text().strip();
                if (s.length() > MAX_HEADER_LENGTH || s.indexOf('。') >= 0) {
                    continue;
                }
                String key = end + "\u0000" + Normalizer.normalize(s, Normalizer.Form.NFKC)
                        .replaceAll("[\\s\u3000]+", "").replaceAll("[0-9]+", "0");
                byText.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> same : byText.values()) {
            if (same.size() >= MIN_HEADER_PAGES) {
                for (int i : same) {
                    found.put(i, artefact(PageArtefact.Kind.RUNNING_HEADER, lines.get(i)));
                }
            }
        }
    }

    private static PageArtefact artefact(PageArtefact.Kind kind, SourceLine line) {
        return new PageArtefact(kind, line.text().strip(), line.number(), line.page());
    }
}
