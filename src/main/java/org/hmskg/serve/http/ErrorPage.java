package org.hmskg.serve.http;

/** The HTML an error is shown with to a browser; the pages supply it. */
@FunctionalInterface
public interface ErrorPage {
    /** A whole page saying {@code message} under the status. */
    String html(int status, String message);
}
