package org.hmskg.cli;

/**
 * Input the command cannot use that is not a document to parse: a folder or file that is missing or unreadable, an
 * option naming the wrong kind of file. The message names the path and what is wrong with it; exit code 3, like a
 * parse error, but without a line number that would mean nothing here.
 */
final class InputError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputError(Object path, String problem) {
        super(path + ": " + problem);
    }

    InputError(Object path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
    }
}
