package org.hmskg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.hmskg.pipeline.BuildReport;
import org.hmskg.pipeline.Builder;
import org.hmskg.pipeline.Reports;
import org.hmskg.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the validated dataset from the seeds and write it as N-Quads, TriG or TDB2. "
                + "Nothing is written unless parsing and SHACL validation succeed; files are replaced atomically.")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeedOptions seeds;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--out", paramLabel = "FILE", required = true,
                description = "N-Quads (FILE.nq) or TriG (FILE.trig) output")
        Path out;

        @Option(names = "--tdb2", paramLabel = "DIR", required = true, description = "TDB2 database folder")
        Path tdb2;
    }

    @Option(names = "--report", paramLabel = "FILE",
            description = "JSON build report (default: FILE.report.json next to --out, DIR/report.json for --tdb2)")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (target.out != null) {
            String name = target.out.getFileName().toString();
            if (!name.endsWith(".nq") && !name.endsWith(".trig")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--out must end in .nq (N-Quads) or .trig (TriG): " + target.out);
            }
        }
        Builder.Result result = Builder.build(seeds.request());
        BuildReport r = result.report();
        Path reportFile = report != null ? report : defaultReport();
        Reports.write(r, reportFile);
        out.print(Reports.summary(r));
        if (!r.conforms()) {
            throw new ValidationFailed("SHACL validation failed with " + r.violations().size()
                    + " violations; nothing written (see " + reportFile + ")");
        }
        if (target.out != null) {
            Store.writeFile(result.dataset(), target.out);
            out.println("wrote " + target.out + " and " + reportFile);
        } else {
            Store.writeTdb2(result.graphs(), target.tdb2);
            Reports.write(r, reportFile);
            out.println("wrote TDB2 database " + target.tdb2 + " and " + reportFile);
        }
        return Main.OK;
    }

    private Path defaultReport() {
        if (target.out != null) {
            String name = target.out.getFileName().toString();
            String base = name.substring(0, name.lastIndexOf('.'));
            return target.out.resolveSibling(base + ".report.json");
        }
        return target.tdb2.resolve("report.json");
    }
}
