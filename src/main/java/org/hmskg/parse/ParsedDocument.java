package org.hmskg.parse;

import java.util.List;
import java.util.Optional;

import org.hmskg.parse.DateValue;

/**
 * Everything the parser reads from one seed file and its metadata.
 *
 * @param key       document key: the seed file name without extension
 * @param title     the title line, surrounding whitespace trimmed
 * @param issued    the date line, as precise as stated
 * @param preamble  the introductory text between the header and the first heading, joined like measure text
 */
public record ParsedDocument(String key, String fileName, DocumentMetadata metadata, String sha256, String title,
                             Optional<DateValue> issued, String preamble, int pages, List<SectionRecord> sections,
                             List<MeasureRecord> measures, List<FootnoteRecord> footnotes, List<Warning> warnings) {
    public ParsedDocument {
        sections = List.copyOf(sections);
        measures = List.copyOf(measures);
        footnotes = List.copyOf(footnotes);
        warnings = List.copyOf(warnings);
    }
}
