package org.hmskg.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Text gathered from several source lines by the rules of {@code hms:text}: lines joined with nothing in between,
 * lines holding only whitespace skipped, leading whitespace before the first character dropped. Remembers where
 * each run of characters came from and places what it takes in the ledger.
 */
final class TextBuilder {
    private final Ledger ledger;
    private final StringBuilder text = new StringBuilder();
    private final List<Origin> origins = new ArrayList<>();
    private int lastLine;

    TextBuilder(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Appends {@code line}'s text from column {@code from}; the characters before {@code from} are not taken. */
    void append(SourceLine line, int from) {
        String s = line.text();
        if (line.isBlank() || from >= s.length()) {
            return;
        }
        if (text.isEmpty()) {
            while (from < s.length() && Ledger.isSpace(s.charAt(from))) {
                from++;
            }
            if (from >= s.length()) {
                return;
            }
        }
        origins.add(new Origin(text.length(), line.number(), line.page()));
        text.append(s, from, s.length());
        ledger.place(line, from, s.length());
        lastLine = line.number();
    }

    void append(SourceLine line) {
        append(line, 0);
    }

    boolean isEmpty() {
        return text.toString().isBlank();
    }

    String text() {
        return text.toString();
    }

    List<Origin> origins() {
        return origins;
    }

    /** Line of the last appended text. */
    int lastLine() {
        return lastLine;
    }

    /** The origin of the character at char index {@code index}. */
    Origin origin(int index) {
        Origin found = origins.get(0);
        for (Origin o : origins) {
            if (o.index() <= index) {
                found = o;
            } else {
                break;
            }
        }
        return found;
    }
}
