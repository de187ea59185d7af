package org.hmskg.parse;

/** A footnote body from a page bottom; {@code marker} as written, {@code text} joined like measure text. */
public record FootnoteRecord(String marker, String text, int line, int page) {
}
