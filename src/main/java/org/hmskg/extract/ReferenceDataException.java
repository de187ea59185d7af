package org.hmskg.extract;

/** A curated reference table is malformed; the message names the file, the line and the rule. */
public class ReferenceDataException extends RuntimeException {
    public ReferenceDataException(String message) {
        super(message);
    }
}
