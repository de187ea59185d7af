package org.hmskg.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hmskg.extract.ReferenceData;
import org.hmskg.parse.ParseException;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SeedParser;
import org.hmskg.source.PdfText;
import org.hmskg.source.SourceException;
import org.hmskg.source.SourceText;
import org.hmskg.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDF → seed: reads a PDF's text layer, checks the text as the parser will read it, and writes it into the seeds
 * folder as {@code NAME.txt} (NAME: the PDF's file name without extension) through a temporary file moved into
 * place. Nothing is written when any step fails.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    /** Characters a document key may not hold: it becomes a segment of IRIs ({@code id/measure/KEY/1}). */
    private static final Pattern KEY_FORBIDDEN = Pattern.compile("[\\s\\p{Cntrl}<>\"{}|\\\\^`%#?/\\[\\]]");

    /**
     * @param pdf   the PDF to read
     * @param seeds the seeds folder (created when missing)
     * @param force replace a {@code NAME.txt} that holds another text
     */
    public record Request(Path pdf, Path seeds, boolean force) {
    }

    /** What happened to the seed file. */
    public enum Outcome {
        WRITTEN, REPLACED, UNCHANGED
    }

    /**
     * @param seed     the seed file
     * @param source   the text read from the PDF, page by page
     * @param document the seed as the build will read it (its metadata file, if any, applied)
     * @param warnings what a person should look at: pages without text, glyphs without characters
     */
    public record Result(Path seed, Outcome outcome, SourceText source, ParsedDocument document,
                         List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private Importer() {
    }

    public static Result importPdf(Request request) {
        long t0 = System.nanoTime();
        Path pdf = request.pdf();
        String key = documentKey(pdf);
        Path seed = request.seeds().resolve(key + ".txt");
        SourceText source = PdfText.read(pdf);
        byte[] bytes = source.seedText().getBytes(StandardCharsets.UTF_8);

        Outcome outcome = Outcome.WRITTEN;
        if (Files.exists(seed)) {
            if (Arrays.equals(bytes, read(seed))) {
                outcome = Outcome.UNCHANGED;
            } else if (request.force()) {
                outcome = Outcome.REPLACED;
            } else {
                throw new SourceException(seed + ": exists and holds another text than " + pdf
                        + " gives; nothing written (--force replaces it)");
            }
        }
        ParsedDocument document;
        try {
            document = new SeedParser(ministryCodes()).parse(seed, bytes);
        } catch (ParseException e) {
            throw new SourceException(pdf + ": its text cannot become " + seed + "; nothing written: "
                    + e.getMessage(), e);
        }
        if (outcome != Outcome.UNCHANGED) {
            Store.writeAtomically(seed, os -> os.write(bytes));
        }
        LOG.info("imported {} ({} pages) into {} ({}) in {} ms", pdf, source.pages().size(), seed,
                outcome.name().toLowerCase(), (System.nanoTime() - t0) / 1_000_000);
        return new Result(seed, outcome, source, document, source.warnings());
    }

    /** The PDF's file name without its extension, if it can name a document. */
    static String documentKey(Path pdf) {
        String name = pdf.getFileName() == null ? "" : pdf.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String key = dot > 0 ? name.substring(0, dot) : name;
        if (key.isEmpty() || KEY_FORBIDDEN.matcher(key).find()) {
            throw new SourceException(pdf + ": the file name '" + key + "' cannot be a document key: the key "
                    + "becomes part of IRIs and may hold no spaces or any of <>\"{}|\\^`%#?/[] (rename the PDF)");
        }
        return key;
    }

    /** The tag codes of the ministry table, as {@link Builder} gives them to the parser. */
    private static Set<String> ministryCodes() {
        return ReferenceData.load().ministries().stream().flatMap(m -> m.codes().stream()).collect(Collectors.toSet());
    }

    private static byte[] read(Path seed) {
        try {
            return Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new SourceException(seed + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
