package org.hmskg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hmskg.parse.DateValue;
import org.hmskg.parse.DocumentMetadata;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.parse.SeedParser;
import org.hmskg.parse.Warning;
import org.hmskg.pipeline.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a PDF's text layer and write it as the seed DIR/NAME.txt (NAME: the PDF's file name "
                + "without extension; pages separated by form feeds), then print the metadata read from it. A PDF "
                + "without a text layer, one that needs a password or forbids copying text, and a NAME.txt that "
                + "holds another text (unless --force) are refused; nothing is written then.")
final class ImportCommand implements Callable<Integer> {
    private static final int WARNINGS_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.pdf", description = "the published PDF")
    Path pdf;

    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
            description = "folder to write the seed into (default: ${DEFAULT-VALUE})")
    Path seeds;

    @Option(names = "--force", description = "replace an existing NAME.txt that holds another text")
    boolean force;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Importer.Result r = Importer.importPdf(new Importer.Request(pdf, seeds, force));
        r.warnings().forEach(w -> err.println("warning: " + w));
        ParsedDocument doc = r.document();
        String what = switch (r.outcome()) {
            case WRITTEN -> "written from ";
            case REPLACED -> "replaced with the text of ";
            case UNCHANGED -> "unchanged: it already holds the text of ";
        };
        out.printf("%s: %s%s (%d pages, %d lines)%n", r.seed(), what, pdf, r.source().pages().size(),
                r.source().seedText().lines().count());
        DocumentMetadata m = doc.metadata();
        field(out, "title", m.title());
        field(out, "issued", doc.issued().map(DateValue::lexical));
        field(out, "edition", m.edition().map(String::valueOf));
        field(out, "publisher", m.publisher());
        field(out, "status", m.status());
        field(out, "kind", m.kind().label());
        field(out, "form", m.form());
        field(out, "sha256", m.sha256());
        field(out, "source URL", m.sourceUrl());
        field(out, "read from", m.fromFile().isEmpty() ? "the text (no metadata file)"
                : "the text; " + String.join(", ", m.fromFile()) + " from "
                        + SeedParser.metadataFile(r.seed()).getFileName());
        field(out, "contents", String.join(", ", count(doc.sections().size(), "section"),
                count(doc.measures().size(), "measure"), count(doc.paragraphs().size(), "paragraph"),
                count(doc.footnotes().size(), "footnote")));
        List<Warning> warnings = doc.warnings();
        warnings.stream().limit(WARNINGS_SHOWN).forEach(w -> err.println("warning: " + w));
        if (warnings.size() > WARNINGS_SHOWN) {
            err.println("warning: … and " + (warnings.size() - WARNINGS_SHOWN) + " more (./hms-kg validate lists "
                    + "them all)");
        }
        out.println("next: ./hms-kg validate --seeds " + seeds);
        return Main.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void field(PrintWriter out, String name, Optional<String> value) {
        field(out, name, value.orElse("(not found)"));
    }

    private static void field(PrintWriter out, String name, String value) {
        out.printf("  %-10s %s%n", name, value);
    }
}
