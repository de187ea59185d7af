package org.hmskg.store;

import java.time.Instant;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * One immutable, validated build of the knowledge graph as the server publishes it.
 *
 * @param dataset  all named graphs; its default graph is the union of them
 * @param version  content hash of the dataset (hex), changes whenever any quad changes
 * @param builtAt  when the build ran
 * @param sources  seed file name → SHA-256 of its bytes
 */
public record DatasetVersion(DatasetGraph dataset, String version, Instant builtAt, Map<String, String> sources) {
    public DatasetVersion {
        sources = Map.copyOf(sources);
    }
}
