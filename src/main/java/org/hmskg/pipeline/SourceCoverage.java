package org.hmskg.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.hmskg.parse.Coverage;
import org.hmskg.parse.ParsedDocument;
import org.hmskg.vocab.Iris;

/**
 * How much of a source file its graph holds, measured on the graph itself: the file's non-whitespace characters
 * (as a multiset) against those of the literals that hold source text ({@code source-text.rq}). The parser's own
 * account of what it placed names the spans it did not place, with {@code file:line}.
 */
final class SourceCoverage {
    private static final Query SOURCE_TEXT = QueryFactory.create(resource("source-text.rq"));
    private static final int MAX_LISTED = 50;

    private SourceCoverage() {
    }

    /**
     * @param characters the file's non-whitespace characters
     * @param held       how many of them the graph holds
     * @param unplaced   spans the parser placed in no node ({@code file:line:column: text})
     * @param missing    characters the graph lacks, each with how many are missing and the first line holding one
     */
    record Result(int characters, int held, List<String> unplaced, List<String> missing) {
        Result {
            unplaced = List.copyOf(unplaced);
            missing = List.copyOf(missing);
        }

        double share() {
            return characters == 0 ? 1.0 : (double) held / characters;
        }
    }

    static Result measure(ParsedDocument doc, String file, byte[] source, Graph graph) {
        Map<Integer, Integer> wanted = new TreeMap<>();
        Map<Integer, Integer> firstLine = new TreeMap<>();
        String text = new String(source, StandardCharsets.UTF_8);
        int line = 1;
        int characters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
            } else if (counted(cp)) {
                wanted.merge(cp, 1, Integer::sum);
                firstLine.putIfAbsent(cp, line);
                characters++;
            }
        }
        Map<Integer, Integer> held = new TreeMap<>();
        Node docNode = Iris.document(doc.key());
        QueryExec.graph(graph).query(SOURCE_TEXT).substitution("doc", docNode).select().forEachRemaining(row -> {
            String literal = row.get("text").getLiteralLexicalForm();
            literal.codePoints().filter(SourceCoverage::counted).forEach(cp -> held.merge(cp, 1, Integer::sum));
        });
        int placed = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            int have = Math.min(e.getValue(), held.getOrDefault(e.getKey(), 0));
            placed += have;
            if (have < e.getValue()) {
                missing.add(String.format("%s:%d: %d × '%s' (U+%04X) not in the graph", file,
                        firstLine.get(e.getKey()), e.getValue() - have, Character.toString(e.getKey()), e.getKey()));
            }
        }
        List<String> unplaced = doc.coverage().unplaced().stream().limit(MAX_LISTED).map(Coverage.Unplaced::toString)
                .toList();
        return new Result(characters, placed, unplaced, missing.stream().limit(MAX_LISTED).toList());
    }

    /** Non-whitespace characters, the byte-order mark and control characters (form feeds) not counted. */
    private static boolean counted(int cp) {
        return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != '\uFEFF' && !Character.isISOControl(cp);
    }

    private static String resource(String name) {
        try (InputStream in = SourceCoverage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("org/hmskg/pipeline/" + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
