package org.hmskg.serve.http;

import java.util.List;

/**
 * What the response cache needs to know of the data it answers from: which dataset version is current, and which
 * versions one response read (it is kept only if it read the current one alone). Versions are compared by
 * identity.
 */
public interface Versions {
    /** The version a request arriving now is answered from. */
    Object current();

    /**
     * Starts recording, on this thread, every version {@link #current()} hands out until {@link #untrace()}; the
     * list fills as the response is made.
     */
    List<Object> trace();

    void untrace();
}
