package org.hmskg.cli;

import java.io.PrintWriter;

import org.hmskg.parse.ParseException;
import org.hmskg.pipeline.Builder;
import org.hmskg.source.SourceException;
import org.hmskg.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hms-kg COMMAND}: the command line. Errors are handled here once and mapped to exit codes. */
@Command(name = "hms-kg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Health & Medical Strategy Knowledge Graph: seeds → validated RDF → SPARQL and linked data.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:usage error",
            "3:input error (one line naming file:line and the rule)", "4:SHACL validation failed"})
public final class Main {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;
    public static final int INVALID = 4;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command with the given output streams and returns its exit code (for tests and main). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Main());
        addSubcommands(cl, args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (debug) {
                ex.printStackTrace(commandLine.getErr());
            }
            return switch (ex) {
                case ParseException e -> fail(commandLine, "error: " + e.getMessage(), INPUT);
                case StoreException e -> fail(commandLine, "error: " + e.getMessage(), INPUT);
                case InputError e -> fail(commandLine, "error: " + e.getMessage(), INPUT);
                case SourceException e -> fail(commandLine, "error: " + e.getMessage(), INPUT);
                case ValidationFailed e -> fail(commandLine, "error: " + e.getMessage(), INVALID);
                default -> fail(commandLine, "internal error: " + ex + (debug ? "" : " (run with --debug for details)"),
                        INTERNAL);
            };
        });
        cl.setParameterExceptionHandler((ex, strings) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("usage error: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The commands, in the order help lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = java.util.Map.of(
            "build", BuildCommand::new, "validate", ValidateCommand::new, "serve", ServeCommand::new,
            "query", QueryCommand::new, "release", ReleaseCommand::new, "import", ImportCommand::new);
    private static final java.util.List<String> ORDER = java.util.List.of("import", "build", "validate", "serve",
            "query", "release");

    /**
     * Picocli builds a model of every registered command by reflection, which costs about half a second of
     * start-up; when the command is named, only that one is registered (all of them for help and errors).
     */
    private static void addSubcommands(CommandLine cl, String[] args) {
        String first = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        if (COMMANDS.containsKey(first)) {
            cl.addSubcommand(first, COMMANDS.get(first).get());
            return;
        }
        ORDER.forEach(name -> cl.addSubcommand(name, COMMANDS.get(name).get()));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
    }

    private static int fail(CommandLine cl, String message, int code) {
        cl.getErr().println(message);
        return code;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hms-kg " + Builder.toolVersion()};
        }
    }
}
