package org.hmskg.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises ministry tags. A bracketed list is a tag when every item is a short code without digits (◎ and a
 * bracketed note allowed) and at least one item is a known code or carries ◎; so {@code 【アウトカム指標】},
 * {@code (AMR)}, {@code (5)} and {@code (60 件/年)} stay text, while a tag with an unknown code is still a tag (the
 * build warns about the code).
 */
final class TagReader {
    private static final Pattern SEPARATOR = Pattern.compile("[、,，､]");
    /** One listed body: ◎ for the lead, a code of at most 8 characters without digits, an optional bracketed note. */
    private static final Pattern ITEM = Pattern.compile(
            "^(◎*)\\s*([^\\s（()）◎0-9０-９/／%％.．:：]{1,8})\\s*(?:[（(]([^（()）]*)[）)])?$");

    private final Set<String> knownCodes;

    TagReader(Set<String> knownCodes) {
        this.knownCodes = Set.copyOf(knownCodes);
    }

    /** Reads {@code bracketed} (the brackets and the text between them) as a tag, if it is one. */
    Optional<Tag> read(String bracketed, int line) {
        if (bracketed.length() < 3) {
            return Optional.empty();
        }
        String inside = bracketed.substring(1, bracketed.length() - 1);
        String brackets = bracketed.substring(0, 1) + bracketed.substring(bracketed.length() - 1);
        String compact = inside.strip();
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        List<Tag.Entry> entries = new ArrayList<>();
        boolean anyKnownOrLead = false;
        for (String item : splitTopLevel(compact)) {
            String trimmed = item.replaceAll("\\s+", "");
            Matcher m = ITEM.matcher(trimmed);
            if (!m.matches()) {
                return Optional.empty();
            }
            boolean lead = !m.group(1).isEmpty();
            String code = m.group(2);
            String note = m.group(3) == null ? "" : m.group(3);
            anyKnownOrLead |= lead || knownCodes.contains(code);
            entries.add(new Tag.Entry(code, lead, note));
        }
        if (!anyKnownOrLead) {
            return Optional.empty();
        }
        return Optional.of(new Tag(inside, brackets, line, entries));
    }

    /** Splits at list separators outside bracketed notes. */
    private static List<String> splitTopLevel(String s) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if (c == '）' || c == ')') {
                depth--;
            } else if (depth == 0 && SEPARATOR.matcher(String.valueOf(c)).matches()) {
                items.add(s.substring(from, i));
                from = i + 1;
            }
        }
        items.add(s.substring(from));
        return items;
    }
}
