package org.hmskg.serve.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;

/**
 * SPARQL 1.1 JSON results ({@code application/sparql-results+json}) written compactly, straight to a buffered
 * stream. Jena's writer indents every member and quotes each string through a string buffer one character at a
 * time, which took a quarter of the server's time on large answers (bench/RESULTS.md); the members, their order,
 * the blank node labels and the escaping rules here are Jena's, only the white space differs.
 */
public final class JsonResults implements RowSetWriter {
    private static final int BUFFER = 1 << 16;

    private JsonResults() {
    }

    /** Makes this the writer of JSON results in this JVM (after Jena's own registration). */
    public static void register() {
        RowSetWriterRegistry.register(ResultSetLang.RS_JSON, lang -> new JsonResults());
    }

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        NodeToLabel labels = context != null && context.isTrue(ARQ.outputGraphBNodeLabels)
                ? SyntaxLabels.createNodeToLabelAsGiven() : SyntaxLabels.createNodeToLabel();
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
            List<Var> vars = rowSet.getResultVars();
            w.write("{\"head\":{\"vars\":[");
            for (int i = 0; i < vars.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                quote(w, vars.get(i).getVarName());
            }
            w.write("]},\"results\":{\"bindings\":[");
            boolean firstRow = true;
            while (rowSet.hasNext()) {
                Binding b = rowSet.next();
                w.write(firstRow ? "\n{" : ",\n{");
                firstRow = false;
                boolean first = true;
                for (Var v : vars) {
                    Node n = b.get(v);
                    if (n == null) {
                        continue;
                    }
                    if (!first) {
                        w.write(',');
                    }
                    first = false;
                    quote(w, v.getVarName());
                    w.write(':');
                    value(w, n, labels);
                }
                w.write('}');
            }
            w.write("\n]}}\n");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        throw new UnsupportedOperationException("Writing JSON results to a java.io.Writer. Use an OutputStream.");
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        try {
            out.write(("{\"head\":{},\"boolean\":" + result + "}\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(Writer w, Node n, NodeToLabel labels) throws IOException {
        if (n.isURI()) {
            w.write("{\"type\":\"uri\",\"value\":");
            quote(w, n.getURI());
        } else if (n.isLiteral()) {
            w.write("{\"type\":\"literal\",");
            String lang = n.getLiteralLanguage();
            String dt = n.getLiteralDatatypeURI();
            boolean plain = XSDDatatype.XSDstring.getURI().equals(dt) || RDF.dtLangString.getURI().equals(dt)
                    || RDF.dtDirLangString.getURI().equals(dt);
            if (plain) {
                if (lang != null && !lang.isEmpty()) {
                    w.write("\"xml:lang\":");
                    quote(w, lang);
                    w.write(',');
                }
                TextDirection dir = n.getLiteralBaseDirection();
                if (dir != null) {
                    w.write("\"its:dir\":");
                    quote(w, dir.direction());
                    w.write(',');
                }
            } else {
                w.write("\"datatype\":");
                quote(w, dt);
                w.write(',');
            }
            w.write("\"value\":");
            quote(w, n.getLiteralLexicalForm());
        } else if (n.isBlank()) {
            w.write("{\"type\":\"bnode\",\"value\":");
            quote(w, labels.get(null, n).substring(2));
        } else if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            w.write("{\"type\":\"triple\",\"value\":{\"subject\":");
            value(w, t.getSubject(), labels);
            w.write(",\"predicate\":");
            value(w, t.getPredicate(), labels);
            w.write(",\"object\":");
            value(w, t.getObject(), labels);
            w.write('}');
        } else {
            throw new UnsupportedOperationException("cannot write " + n + " in JSON results");
        }
        w.write('}');
    }

    /** A JSON string, escaped as Jena escapes it (also {@code </} and the C1 and U+2000–U+20FF controls). */
    static void quote(Writer w, String s) throws IOException {
        w.write('"');
        int len = s.length();
        int start = 0;
        for (int i = 0; i < len; i++) {
            char ch = s.charAt(i);
            String esc = switch (ch) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '/' -> i > 0 && s.charAt(i - 1) == '<' ? "\\/" : null;
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> ch < ' ' || (ch >= '\u007F' && ch <= '\u009F') || (ch >= '\u2000' && ch < '\u2100')
                        ? String.format("\\u%04X", (int) ch) : null;
            };
            if (esc != null) {
                w.write(s, start, i - start);
                w.write(esc);
                start = i + 1;
            }
        }
        w.write(s, start, len - start);
        w.write('"');
    }
}
