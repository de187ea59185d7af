package org.hmskg.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of a seed file → numbered lines with pages. Pages break at form feeds when the file has any
 * (pdftotext), otherwise at a line whose first character is a single space followed by text (the seed's
 * extraction). A line holding only whitespace never starts a page.
 */
final class SourceReader {
    private SourceReader() {
    }

    static List<SourceLine> read(String file, byte[] bytes) {
        String text = decode(file, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ParseException(file, 1, "empty document: the file holds no text");
        }
        String[] raw = text.split("\n", -1);
        int count = raw.length;
        if (count > 1 && raw[count - 1].isEmpty()) {
            count--;
        }
        boolean formFeeds = text.indexOf('\f') >= 0;
        List<SourceLine> lines = new ArrayList<>(count);
        int page = 1;
        boolean seenText = false;
        for (int i = 0; i < count; i++) {
            String line = raw[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            checkCharacters(file, i + 1, line);
            boolean pageStart;
            int breaks = 1;
            if (formFeeds) {
                // pdftotext ends every page with a form feed: "\f\f" before a line is an empty page between
                breaks = (int) line.chars().filter(c -> c == '\f').count();
                pageStart = breaks > 0;
                line = line.replace("\f", "");
            } else {
                pageStart = line.length() >= 2 && line.charAt(0) == ' ' && !Character.isWhitespace(line.charAt(1));
                if (pageStart) {
                    line = line.substring(1);
                }
            }
            if (pageStart && seenText) {
                page += breaks;
            }
            lines.add(new SourceLine(i + 1, page, line, pageStart && seenText));
            seenText |= !line.isBlank();
        }
        return lines;
    }

    private static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new ParseException(file, line, String.format(
                    "not UTF-8: byte 0x%02X at byte %d of the line cannot start a UTF-8 character "
                            + "(Shift_JIS/CP932 text? convert it with: iconv -f CP932 -t UTF-8)",
                    bytes[at] & 0xFF, column));
        }
        try {
            decoder.flush(out);
        } catch (RuntimeException e) {
            throw new ParseException(file, 1, "not UTF-8");
        }
        out.flip();
        return out.toString();
    }

    private static void checkCharacters(String file, int number, String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\f' || c == 0x7F || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF') {
                throw new ParseException(file, number, String.format(
                        "binary data: control character U+%04X at column %d is not text", (int) c, i + 1));
            }
        }
    }
}
