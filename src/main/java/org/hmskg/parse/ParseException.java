package org.hmskg.parse;

/** Bad input: the message names {@code file:line}, the rule broken and the value. */
public class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    public ParseException(String file, int line, String rule) {
        this(file, line, rule, null);
    }

    /** With the error that revealed the problem, for {@code --debug}. */
    public ParseException(String file, int line, String rule, Throwable cause) {
        super(file + ":" + line + ": " + rule, cause);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
