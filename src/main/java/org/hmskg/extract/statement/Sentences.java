package org.hmskg.extract.statement;

import java.util.ArrayList;
import java.util.List;

import org.hmskg.extract.NormText;

/**
 * The sentences of a text block. A sentence ends at a {@code 。} that stands outside every bracket pair
 * ({@link Brackets}); the text after the last such {@code 。} is a sentence too. A sentence starts at its first
 * character that is not whitespace and ends after its {@code 。} (or after its last character that is not
 * whitespace): whitespace between two sentences belongs to neither, so that every other character of the block
 * belongs to exactly one sentence.
 */
final class Sentences {
    /** Code-point offsets into the block's text, end exclusive. */
    record Sentence(int start, int end) {
    }

    private Sentences() {
    }

    static List<Sentence> split(int[] cps, boolean[] inBrackets) {
        List<Sentence> sentences = new ArrayList<>();
        int start = skipSpace(cps, 0);
        for (int i = start; i < cps.length; i++) {
            if (cps[i] == '。' && !inBrackets[i]) {
                sentences.add(new Sentence(start, i + 1));
                start = skipSpace(cps, i + 1);
                i = start - 1;
            }
        }
        if (start < cps.length) {
            int end = cps.length;
            while (end > start && NormText.isSpace(cps[end - 1])) {
                end--;
            }
            sentences.add(new Sentence(start, end));
        }
        return sentences;
    }

    private static int skipSpace(int[] cps, int from) {
        int i = from;
        while (i < cps.length && NormText.isSpace(cps[i])) {
            i++;
        }
        return i;
    }
}
