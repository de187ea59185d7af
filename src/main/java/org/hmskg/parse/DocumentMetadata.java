package org.hmskg.parse;

import java.util.Optional;

/**
 * The metadata file next to a seed ({@code <key>.meta.json}).
 *
 * @param title     the document's title as published
 * @param edition   edition year
 * @param publisher the publishing body's Japanese name
 * @param status    {@code draft} for 案, {@code final} otherwise
 * @param form      how the text was obtained (e.g. "text extracted from the 20-page PDF")
 * @param sha256    checksum of the seed file's bytes; the build refuses a file that does not match
 * @param sourceUrl where the original was published, if known
 */
public record DocumentMetadata(String title, int edition, String publisher, String status, String form,
                               String sha256, Optional<String> sourceUrl) {
}
