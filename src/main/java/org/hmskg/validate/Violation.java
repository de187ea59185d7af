package org.hmskg.validate;

import java.util.Objects;

/**
 * One SHACL result, as plain strings so that reports and the CLI need no RDF types.
 *
 * @param focusNode the resource that failed: its IRI, {@code _:label} for a blank node, N-Triples form for a literal
 * @param path      the property path in SPARQL syntax with prefixes ({@code hms:text}), empty for a node-level rule
 * @param message   the shape's {@code sh:message}, naming the rule
 * @param severity  {@code Violation}, {@code Warning} or {@code Info}
 * @param shape     the shape that reported it, with prefix ({@code hmsh:Measure-text})
 */
public record Violation(String focusNode, String path, String message, String severity, String shape) {
    public Violation {
        Objects.requireNonNull(focusNode, "focusNode");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(shape, "shape");
    }

    /** One line: {@code Violation at <focus> (path): message [shape]}. */
    @Override
    public String toString() {
        String where = path.isEmpty() ? "" : " (" + path + ")";
        return severity + " at " + focusNode + where + ": " + message + " [" + shape + "]";
    }
}
