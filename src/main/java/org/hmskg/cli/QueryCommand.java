package org.hmskg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.hmskg.parse.ParseException;
import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.data.Sparql;
import org.hmskg.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a query from queries/ (by name, e.g. 05-measures-naming-amed) or a .rq file against the "
                + "seeds (built in memory), a TDB2 database or a SPARQL endpoint.")
final class QueryCommand implements Callable<Integer> {
    enum Format { table, json, csv, tsv }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME|FILE", description = "a query name from queries/ or a file")
    String query;

    @Mixin
    SeedOptions seeds;

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--tdb2", paramLabel = "DIR", description = "query a TDB2 database built with build --tdb2")
        Path tdb2;

        @Option(names = "--endpoint", paramLabel = "URL", description = "query a SPARQL endpoint, e.g. http://localhost:3030/sparql")
        String endpoint;
    }

    @Option(names = "--format", defaultValue = "table", description = "result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--list", description = "list the queries of queries/ with their titles instead of running one")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Query q = parse();
        if (source != null && source.endpoint != null) {
            try (QueryExec exec = QueryExecHTTP.service(source.endpoint).query(q).build()) {
                print(out, q, exec);
            }
            return Main.OK;
        }
        DatasetGraph dsg = source != null && source.tdb2 != null ? Store.openTdb2(source.tdb2)
                : Store.inMemory(seeds.buildConforming().graphs());
        // A query that needs more than the data holds (several editions) says so instead of answering nothing.
        QueryLibrary.standard().byName(query).ifPresent(entry -> entry.needs().stream()
                .filter(need -> Sparql.count(dsg, need.check(), "found") == 0)
                .forEach(need -> spec.commandLine().getErr().println("note: " + entry.name() + " needs "
                        + need.description() + ": none in this data, so it answers nothing")));
        Txn.executeRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(q).build()) {
                print(out, q, exec);
            }
        });
        return Main.OK;
    }

    private Query parse() {
        String name = query;
        String text = QueryLibrary.standard().byName(query).map(QueryLibrary.Entry::text).orElse(null);
        if (text == null) {
            Path file = Path.of(query);
            if (!Files.isRegularFile(file)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no query named '" + query
                        + "' in queries/ and no such file (list them with: ./hms-kg query --list x)");
            }
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputError(query, "query file cannot be read: " + e.getMessage(), e);
            }
        } else {
            name = "queries/" + query.replaceFirst("\\.rq$", "") + ".rq";
        }
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new ParseException(name, Math.max(1, e.getLine()), "SPARQL syntax error: " + e.getMessage(), e);
        }
    }

    private void print(PrintWriter out, Query q, QueryExec exec) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (q.isSelectType()) {
            ResultSet rs = ResultSet.adapt(exec.select());
            switch (format) {
                case table -> ResultSetFormatter.out(bytes, rs, q.getPrefixMapping());
                case json -> ResultSetFormatter.outputAsJSON(bytes, rs);
                case csv -> ResultSetFormatter.outputAsCSV(bytes, rs);
                case tsv -> ResultSetFormatter.outputAsTSV(bytes, rs);
            }
        } else if (q.isAskType()) {
            boolean answer = exec.ask();
            switch (format) {
                case json -> ResultSetFormatter.outputAsJSON(bytes, answer);
                case csv -> ResultSetFormatter.outputAsCSV(bytes, answer);
                case tsv -> ResultSetFormatter.outputAsTSV(bytes, answer);
                case table -> bytes.writeBytes((answer ? "yes" : "no").getBytes(StandardCharsets.UTF_8));
            }
        } else {
            RDFDataMgr.write(bytes, q.isDescribeType() ? exec.describe() : exec.construct(), Lang.TURTLE);
        }
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
    }
}
