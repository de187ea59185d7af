package org.hmskg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.hmskg.pipeline.BuildReport;
import org.hmskg.pipeline.Builder;
import org.hmskg.pipeline.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Parse the seeds, extract, map and check the result against the SHACL shapes; "
                + "writes nothing and prints the report.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeedOptions seeds;

    @Option(names = "--json", description = "print the full JSON report instead of the summary")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BuildReport r = Builder.build(seeds.request()).report();
        out.print(json ? Reports.json(r) + System.lineSeparator() : Reports.summary(r));
        if (!r.conforms()) {
            throw new ValidationFailed("SHACL validation failed with " + r.violations().size() + " violations");
        }
        return Main.OK;
    }
}
