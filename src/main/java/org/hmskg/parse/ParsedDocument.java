package org.hmskg.parse;

import java.util.List;
import java.util.Optional;

/**
 * Everything the parser reads from one seed file (and its metadata file, when there is one).
 *
 * @param key       document key: the seed file name without extension
 * @param metadata  what is known about the document: read from the text, overridden by the metadata file
 * @param title     the document's title ({@code metadata().title()})
 * @param issued    the date line, as precise as stated
 * @param header    the header lines as written
 * @param preamble  the introductory text between the header and the first heading, joined like measure text
 * @param blocks    measures and paragraphs in document order
 * @param artefacts page numbers and running headers
 * @param coverage  the share of the file's non-whitespace characters that the document's nodes hold
 */
public record ParsedDocument(String key, String fileName, DocumentMetadata metadata, String sha256, String title,
                             Optional<DateValue> issued, HeaderRecord header, String preamble, int pages,
                             List<SectionRecord> sections, List<Block> blocks, List<FootnoteRecord> footnotes,
                             List<PageArtefact> artefacts, List<Warning> warnings, Coverage coverage) {
    public ParsedDocument {
        sections = List.copyOf(sections);
        blocks = List.copyOf(blocks);
        footnotes = List.copyOf(footnotes);
        artefacts = List.copyOf(artefacts);
        warnings = List.copyOf(warnings);
    }

    /** The bullets, in order. */
    public List<MeasureRecord> measures() {
        return blocks.stream().filter(MeasureRecord.class::isInstance).map(MeasureRecord.class::cast).toList();
    }

    /** The prose paragraphs, in order. */
    public List<ParagraphRecord> paragraphs() {
        return blocks.stream().filter(ParagraphRecord.class::isInstance).map(ParagraphRecord.class::cast).toList();
    }
}
