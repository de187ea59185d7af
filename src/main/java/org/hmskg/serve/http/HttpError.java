package org.hmskg.serve.http;

/**
 * A request the server refuses, with the status and the sentence the client gets. Thrown anywhere while a
 * request is handled; the {@link ErrorFilter} turns it into the response.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }
}
