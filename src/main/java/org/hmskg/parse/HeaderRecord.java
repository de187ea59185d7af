package org.hmskg.parse;

import java.util.List;
import java.util.Optional;

/**
 * The lines before the first heading or bullet, each as written (surrounding whitespace trimmed).
 *
 * @param titleLine    the first line, when it is not itself a heading or bullet
 * @param dateLine     the issue-date line ({@code 2 0 2 2 年  月  日}, {@code 令和7年2月18日})
 * @param decisionLine the line naming the deciding body ({@code 健康・医療戦略推進本部決定}, {@code 閣議決定})
 * @param notes        other short lines of the header (revision notes and the like), in order
 */
public record HeaderRecord(Optional<String> titleLine, Optional<String> dateLine, Optional<String> decisionLine,
                           List<String> notes) {
    public HeaderRecord {
        notes = List.copyOf(notes);
    }
}
