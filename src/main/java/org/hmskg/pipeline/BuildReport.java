package org.hmskg.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hmskg.parse.Warning;

/**
 * What a build did, for the JSON report and the terminal summary.
 *
 * @param datasetVersion content version of the dataset (changes whenever an input changes)
 * @param counts      instances per class (local names such as {@code hms:Measure})
 * @param graphs      triples per named graph
 * @param unknownCodes tag codes not in the ministry table, each with the places it occurs
 * @param violations  SHACL violations, one readable line each, starting with the {@code file:line} of the block (or
 *                    other source line) the failing resource came from
 * @param coverage    per seed file: the share of its non-whitespace characters that its graph holds
 * @param gold        extraction precision/recall against the project's gold annotation, when one was found
 * @param statementGold statements (spans, kinds, commitments' times) against the project's reading of sentences
 * @param timingsMs   milliseconds per stage
 */
public record BuildReport(String tool, String toolVersion, String datasetVersion, String builtAt, Map<String, String> sources,
                          Map<String, Long> counts, Map<String, Long> graphs, long triples, List<Warning> warnings,
                          Map<String, List<String>> unknownCodes, boolean conforms, List<String> violations,
                          Map<String, DocumentCoverage> coverage, Optional<Map<String, GoldEvaluation.Score>> gold,
                          Optional<Map<String, StatementEvaluation.Score>> statementGold, Map<String, Long> timingsMs) {
    public BuildReport {
        sources = Map.copyOf(sources);
        counts = Map.copyOf(counts);
        graphs = Map.copyOf(graphs);
        warnings = List.copyOf(warnings);
        unknownCodes = Map.copyOf(unknownCodes);
        violations = List.copyOf(violations);
        coverage = Map.copyOf(coverage);
        timingsMs = Map.copyOf(timingsMs);
    }

    /**
     * How much of one source file the graph holds.
     *
     * @param characters the file's non-whitespace characters
     * @param held       how many of them the graph's source-text literals hold
     * @param share      {@code held / characters}
     * @param unplaced   spans the parser placed in no node, {@code file:line:column: text} (at most 50)
     * @param missing    characters the graph lacks, with their count and first line (at most 50)
     */
    public record DocumentCoverage(int characters, int held, double share, List<String> unplaced,
                                   List<String> missing) {
        public DocumentCoverage {
            unplaced = List.copyOf(unplaced);
            missing = List.copyOf(missing);
        }
    }
}
