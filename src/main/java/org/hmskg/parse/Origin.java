package org.hmskg.parse;

/**
 * Where a run of a block's text came from: the characters from {@code index} (a char index into the text) up to the
 * next origin were read from source line {@code line} on page {@code page}.
 */
public record Origin(int index, int line, int page) {
}
