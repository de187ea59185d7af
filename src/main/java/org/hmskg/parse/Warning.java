package org.hmskg.parse;

/** Something the build accepted but a person should look at, with its place and the rule. */
public record Warning(String file, int line, String rule, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + rule + ": " + message;
    }
}
