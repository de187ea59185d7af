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
 * @param violations  SHACL violations, one readable line each
 * @param gold        extraction precision/recall against the project's gold annotation, when one was found
 * @param timingsMs   milliseconds per stage
 */
public record BuildReport(String tool, String toolVersion, String datasetVersion, String builtAt, Map<String, String> sources,
                          Map<String, Long> counts, Map<String, Long> graphs, long triples, List<Warning> warnings,
                          Map<String, List<String>> unknownCodes, boolean conforms, List<String> violations,
                          Optional<Map<String, GoldEvaluation.Score>> gold, Map<String, Long> timingsMs) {
    public BuildReport {
        sources = Map.copyOf(sources);
        counts = Map.copyOf(counts);
        graphs = Map.copyOf(graphs);
        warnings = List.copyOf(warnings);
        unknownCodes = Map.copyOf(unknownCodes);
        violations = List.copyOf(violations);
        timingsMs = Map.copyOf(timingsMs);
    }
}
