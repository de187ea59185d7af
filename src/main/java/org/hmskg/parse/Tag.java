package org.hmskg.parse;

import java.util.List;

/**
 * A ministry tag such as {@code 【厚、◎経】} or {@code (文、◎厚)}.
 *
 * @param raw      the text inside the brackets as written (notes included)
 * @param brackets the opening and closing bracket as written ({@code 【】}, {@code （）}, {@code ()})
 * @param line    the line where the opening bracket stands
 * @param entries one entry per listed body, in order
 */
public record Tag(String raw, String brackets, int line, List<Entry> entries) {
    public Tag {
        entries = List.copyOf(entries);
    }

    /**
     * @param code the code as written without ◎ and notes, e.g. {@code 経}
     * @param lead true when marked ◎
     * @param note a bracketed note after the code ({@code 2022.03.31廃止}), or empty
     */
    public record Entry(String code, boolean lead, String note) {
    }
}
