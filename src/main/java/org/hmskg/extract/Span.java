package org.hmskg.extract;

/**
 * Where a fact stands in a text: {@code start} inclusive, {@code end} exclusive, in Unicode code points from 0,
 * and the exact characters between them.
 */
public record Span(int start, int end, String surface) {
    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + "-" + end);
        }
        if (surface.codePointCount(0, surface.length()) != end - start) {
            throw new IllegalArgumentException("surface '" + surface + "' does not span " + start + "-" + end);
        }
    }

    /** The span of the code points {@code [start, end)} of {@code text}. */
    public static Span of(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(from, end - start);
        return new Span(start, end, text.substring(from, to));
    }
}
