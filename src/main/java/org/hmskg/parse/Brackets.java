package org.hmskg.parse;

/** Balanced-bracket helpers for tags and topic headings; {@code （）} and {@code ()} count as one family. */
final class Brackets {
    private Brackets() {
    }

    static boolean isOpen(int c) {
        return c == '【' || c == '（' || c == '(' || c == '<' || c == '＜' || c == '〈';
    }

    static boolean isClose(int c) {
        return c == '】' || c == '）' || c == ')' || c == '>' || c == '＞' || c == '〉';
    }

    private static int family(int c) {
        return switch (c) {
            case '【', '】' -> 1;
            case '（', '）', '(', ')' -> 2;
            case '<', '＞', '＜', '>', '〈', '〉' -> 3;
            default -> 0;
        };
    }

    /**
     * Index of the opening bracket that matches the closing bracket at {@code close}, or -1 when unbalanced.
     */
    static int matchingOpen(String s, int close) {
        int fam = family(s.charAt(close));
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = s.charAt(i);
            if (family(c) != fam) {
                continue;
            }
            if (isClose(c)) {
                depth++;
            } else if (isOpen(c)) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index of the last opening {@code 【} that has no closing {@code 】} after it, or -1. */
    static int unclosedLenticular(String s) {
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '】') {
                depth++;
            } else if (c == '【') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
