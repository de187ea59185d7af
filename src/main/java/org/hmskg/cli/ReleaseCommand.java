package org.hmskg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hmskg.pipeline.BuildReport;
import org.hmskg.pipeline.Builder;
import org.hmskg.pipeline.Reports;
import org.hmskg.store.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Build from the seeds and write a release for read replicas: a TDB2 tarball (serve --tdb2), "
                + "N-Quads, and a manifest with SHA-256 sums. Nothing is written unless the build validates.")
final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeedOptions seeds;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the release files")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Builder.Result result = Builder.build(seeds.request());
        BuildReport r = result.report();
        w.print(Reports.summary(r));
        if (!r.conforms()) {
            throw new ValidationFailed("SHACL validation failed with " + r.violations().size()
                    + " violations; nothing written (run ./hms-kg validate for the report)");
        }
        for (Path p : Release.write(result.graphs(), result.version(), Reports.json(r), out)) {
            w.println("wrote " + p);
        }
        w.println("release " + result.version().version() + ": check with (cd " + out + " && sha256sum -c "
                + Release.SUMS + ")");
        return Main.OK;
    }
}
