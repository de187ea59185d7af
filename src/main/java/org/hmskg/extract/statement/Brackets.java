package org.hmskg.extract.statement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The bracket pairs of a text that enclose asides and quotations, and so keep a {@code 。} from ending a
 * sentence: 「」『』（）()【】〔〕［］ (and the half-width ｢｣). Full-width and half-width round brackets are one
 * family. A closing bracket matches the nearest open bracket of its family; open brackets it passes over, and
 * open brackets never closed, enclose nothing (an unbalanced bracket must not swallow the rest of a block).
 */
final class Brackets {
    /** An open bracket and its closing bracket, as code-point indexes. */
    record Pair(int open, int close) {
    }

    private Brackets() {
    }

    static int family(int cp) {
        return switch (cp) {
            case '「', '」', '｢', '｣' -> 1;
            case '『', '』' -> 2;
            case '（', '）', '(', ')' -> 3;
            case '【', '】' -> 4;
            case '〔', '〕' -> 5;
            case '［', '］' -> 6;
            default -> 0;
        };
    }

    static boolean isOpen(int cp) {
        return cp == '「' || cp == '｢' || cp == '『' || cp == '（' || cp == '(' || cp == '【' || cp == '〔' || cp == '［';
    }

    static boolean isRound(int cp) {
        return family(cp) == 3;
    }

    /** The matched pairs of {@code cps}, ordered by their open bracket. */
    static List<Pair> pairs(int[] cps) {
        Deque<Integer> open = new ArrayDeque<>();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < cps.length; i++) {
            int fam = family(cps[i]);
            if (fam == 0) {
                continue;
            }
            if (isOpen(cps[i])) {
                open.push(i);
                continue;
            }
            Integer match = null;
            for (Integer o : open) {
                if (family(cps[o]) == fam) {
                    match = o;
                    break;
                }
            }
            if (match == null) {
                continue;
            }
            while (!open.peek().equals(match)) {
                open.pop();
            }
            open.pop();
            pairs.add(new Pair(match, i));
        }
        pairs.sort(Comparator.comparingInt(Pair::open));
        return pairs;
    }

    /** For every code point, whether it stands strictly inside a matched pair. */
    static boolean[] inside(int length, List<Pair> pairs) {
        boolean[] in = new boolean[length];
        for (Pair p : pairs) {
            for (int i = p.open() + 1; i < p.close(); i++) {
                in[i] = true;
            }
        }
        return in;
    }
}
