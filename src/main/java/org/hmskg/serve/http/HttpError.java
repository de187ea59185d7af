package org.hmskg.serve.http;

/** A request the server refuses, with the status and the sentence the client gets. */
public final class HttpError extends RuntimeException {
    private final int status;

    HttpError(int status, String message) {
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
