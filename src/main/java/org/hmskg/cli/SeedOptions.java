package org.hmskg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.hmskg.pipeline.Builder;
import picocli.CommandLine.Option;

/** Options every command that builds from seeds shares. */
final class SeedOptions {
    @Option(names = "--seeds", paramLabel = "DIR",
            description = "folder of seed texts (*.txt) with their *.meta.json (default: the project's seeds/)")
    Path seeds = ServeCommand.projectRoot().resolve("seeds");

    @Option(names = "--gold", paramLabel = "DIR",
            description = "folder of <document>.gold.json annotations to score extraction against "
                    + "(default: src/test/resources/gold when it exists)")
    Path gold;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    /** The seeds folder, which must exist. */
    Path folder() {
        if (!Files.isDirectory(seeds)) {
            throw new InputError(seeds, "no seeds folder here (give one with --seeds DIR)");
        }
        return seeds;
    }

    Builder.Request request() {
        Path seeds = folder();
        Path goldDir = gold != null ? gold : ServeCommand.projectRoot().resolve("src/test/resources/gold");
        return new Builder.Request(seeds, Files.isDirectory(goldDir) ? Optional.of(goldDir) : Optional.empty(),
                Instant.now());
    }

    /** Builds from the seeds; a dataset that does not conform to the shapes is not served or queried. */
    Builder.Result buildConforming() {
        Builder.Result result = Builder.build(request());
        if (!result.conforms()) {
            throw new ValidationFailed("SHACL validation failed with " + result.report().violations().size()
                    + " violations; run ./hms-kg validate for the report");
        }
        return result;
    }
}
