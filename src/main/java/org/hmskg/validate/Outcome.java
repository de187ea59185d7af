package org.hmskg.validate;

import java.util.List;

/**
 * The result of validating a graph: {@code conforms} is true exactly when there are no violations.
 *
 * @param violations sorted by focus node, path, shape and message; identical results appear once
 */
public record Outcome(boolean conforms, List<Violation> violations) {
    public Outcome {
        violations = List.copyOf(violations);
        if (conforms != violations.isEmpty()) {
            throw new IllegalArgumentException("conforms=" + conforms + " with " + violations.size() + " violations");
        }
    }
}
