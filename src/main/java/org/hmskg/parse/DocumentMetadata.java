package org.hmskg.parse;

import java.util.Optional;
import java.util.Set;

/**
 * What is known about one seed document: read from its text, each field overridden by {@code <key>.meta.json} when
 * that file exists and gives it.
 *
 * @param title     the document's title: the first line of the text
 * @param edition   edition year: the year in the title, else the issue year
 * @param publisher the deciding body's Japanese name, from the {@code …決定} line ({@code 閣議決定} → 閣議)
 * @param status    {@code draft} for 案 (the title says （案）), {@code final} otherwise
 * @param form      how the text was obtained
 * @param sha256    checksum of the seed file's bytes (a metadata file that states another one is refused)
 * @param sourceUrl where the original was published, if known
 * @param kind      the kind of document, from the title
 * @param fromFile  the fields the metadata file gave (the others were read from the text)
 */
public record DocumentMetadata(String title, Optional<Integer> edition, Optional<String> publisher, String status,
                               String form, String sha256, Optional<String> sourceUrl, DocumentKind kind,
                               Set<String> fromFile) {
    public DocumentMetadata {
        fromFile = Set.copyOf(fromFile);
    }

    public boolean draft() {
        return "draft".equals(status);
    }
}
