package org.hmskg.cli;

/** The dataset did not conform to the SHACL shapes; the report lists the violations. */
final class ValidationFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ValidationFailed(String message) {
        super(message);
    }
}
