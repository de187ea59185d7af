package org.hmskg.source;

/**
 * A published document cannot be turned into a seed: it is missing, not a PDF, encrypted, has no text layer, or its
 * seed would overwrite another text. The message names the file and the rule broken.
 */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
