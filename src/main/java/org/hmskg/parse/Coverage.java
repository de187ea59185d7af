package org.hmskg.parse;

import java.util.List;

/**
 * How much of a source file the parsed document holds: the file's non-whitespace characters and how many of them
 * lie in a node (header, heading, block, tag, footnote, page artefact).
 *
 * @param unplaced every run of non-whitespace characters no node holds, with its place
 */
public record Coverage(int characters, int placed, List<Unplaced> unplaced) {
    public Coverage {
        unplaced = List.copyOf(unplaced);
    }

    /** Share of the non-whitespace characters placed, 1.0 for a file without any. */
    public double share() {
        return characters == 0 ? 1.0 : (double) placed / characters;
    }

    /** A run of characters on one line that no node holds; {@code column} counts from 1. */
    public record Unplaced(String file, int line, int column, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + text;
        }
    }
}
