package org.hmskg.store;

/** A file or database could not be written or opened; the message names the path. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    /** With the error that caused it, for {@code --debug}. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
