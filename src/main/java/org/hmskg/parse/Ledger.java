package org.hmskg.parse;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which characters of a source file some node of the parsed document holds. Every part of the parser that takes
 * characters into a node places them here; what is left unplaced at the end is reported, never dropped silently.
 */
final class Ledger {
    private final String file;
    private final List<SourceLine> lines;
    private final BitSet[] placed;

    Ledger(String file, List<SourceLine> lines) {
        this.file = file;
        this.lines = lines;
        this.placed = new BitSet[lines.size()];
        for (int i = 0; i < placed.length; i++) {
            placed[i] = new BitSet();
        }
    }

    /** Places the characters {@code [from, to)} of {@code line}'s text. */
    void place(SourceLine line, int from, int to) {
        placed[line.number() - 1].set(from, Math.max(from, to));
    }

    void placeLine(SourceLine line) {
        place(line, 0, line.text().length());
    }

    boolean isPlaced(SourceLine line) {
        BitSet bits = placed[line.number() - 1];
        String text = line.text();
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i)) && !bits.get(i)) {
                return false;
            }
        }
        return true;
    }

    Coverage coverage() {
        int characters = 0;
        int held = 0;
        List<Coverage.Unplaced> unplaced = new ArrayList<>();
        for (SourceLine line : lines) {
            String text = line.text();
            BitSet bits = placed[line.number() - 1];
            int runStart = -1;
            int runEnd = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (isSpace(c) || Character.isLowSurrogate(c)) {
                    continue;
                }
                characters++;
                if (bits.get(i)) {
                    held++;
                    if (runStart >= 0) {
                        unplaced.add(unplaced(line, runStart, runEnd));
                        runStart = -1;
                    }
                } else {
                    if (runStart < 0) {
                        runStart = i;
                    }
                    runEnd = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                }
            }
            if (runStart >= 0) {
                unplaced.add(unplaced(line, runStart, runEnd));
            }
        }
        return new Coverage(characters, held, unplaced);
    }

    private Coverage.Unplaced unplaced(SourceLine line, int from, int to) {
        return new Coverage.Unplaced(file, line.number(), from + 1, line.text().substring(from, to));
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
