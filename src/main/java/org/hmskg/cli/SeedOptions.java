package org.hmskg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.hmskg.pipeline.Builder;
import picocli.CommandLine.Option;

/** Options every command that builds from seeds shares. */
final class SeedOptions {
    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds",
            description = "folder of seed texts (*.txt) with their *.meta.json (default: ${DEFAULT-VALUE})")
    Path seeds;

    @Option(names = "--gold", paramLabel = "DIR",
            description = "folder of <document>.gold.json annotations to score extraction against "
                    + "(default: src/test/resources/gold when it exists)")
    Path gold;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    Builder.Request request() {
        Path goldDir = gold != null ? gold : Path.of("src/test/resources/gold");
        return new Builder.Request(seeds, Files.isDirectory(goldDir) ? Optional.of(goldDir) : Optional.empty(),
                Instant.now());
    }
}
