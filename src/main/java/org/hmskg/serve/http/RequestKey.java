package org.hmskg.serve.http;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What decides a response of a read-only endpoint besides the dataset version: the path, the parameters (the
 * SPARQL query normalised by {@link #normaliseQuery}), the {@code Accept} header, and the host the client asked
 * (the Service Description and VoID name the public endpoint). GET and a POSTed form ask the same thing.
 */
public final class RequestKey {
    private RequestKey() {
    }

    /** The key of a request, or null when its answer must not be cached (a method or body we do not key). */
    static String of(HttpServletRequest req) {
        String method = req.getMethod();
        if (method.equals("POST")) {
            String type = req.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                return null;
            }
        } else if (!method.equals("GET")) {
            return null;
        }
        StringBuilder key = new StringBuilder(256).append(req.getRequestURI()).append('\n');
        Map<String, String[]> params = new TreeMap<>(req.getParameterMap());
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            key.append(p.getKey()).append('=');
            for (String v : p.getValue()) {
                key.append(p.getKey().equals("query") ? normaliseQuery(v) : v).append('\u0000');
            }
            key.append('\n');
        }
        key.append("accept:").append(header(req, "Accept")).append('\n')
                .append("host:").append(header(req, "Host")).append(' ').append(header(req, "Forwarded"))
                .append(' ').append(header(req, "X-Forwarded-Host")).append(' ')
                .append(header(req, "X-Forwarded-Proto")).append(' ').append(req.getScheme());
        return key.toString();
    }

    private static String header(HttpServletRequest req, String name) {
        String v = req.getHeader(name);
        return v == null ? "" : v;
    }

    /**
     * The query with runs of white space outside strings, IRIs and comments reduced to one space and the ends
     * trimmed. Two texts with the same normal form are the same query; the converse is not needed.
     */
    public static String normaliseQuery(String q) {
        StringBuilder out = new StringBuilder(q.length());
        int n = q.length();
        int i = 0;
        boolean space = false;
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            int end;
            if (c == '"' || c == '\'') {
                end = endOfString(q, i, c);
            } else if (c == '#') {
                end = q.indexOf('\n', i);
                end = end < 0 ? n : end + 1;
                space = false;
            } else if (c == '<') {
                end = endOfIri(q, i);
            } else if (c == '\\') {
                end = Math.min(n, i + 2);
            } else {
                end = i + 1;
            }
            out.append(q, i, end);
            i = end;
        }
        return out.toString();
    }

    /** Index after the string literal starting at {@code start} (short or long form, with escapes). */
    private static int endOfString(String q, int start, char quote) {
        int n = q.length();
        boolean isLong = start + 2 < n && q.charAt(start + 1) == quote && q.charAt(start + 2) == quote;
        int i = start + (isLong ? 3 : 1);
        while (i < n) {
            char c = q.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (!isLong) {
                    return i + 1;
                }
                if (i + 2 < n && q.charAt(i + 1) == quote && q.charAt(i + 2) == quote) {
                    return i + 3;
                }
            }
            i++;
        }
        return n;
    }

    /** Index after an IRI reference {@code <…>}; a lone {@code <} (less than) is one character. */
    private static int endOfIri(String q, int start) {
        int n = q.length();
        for (int i = start + 1; i < n; i++) {
            char c = q.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c <= ' ' || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`') {
                return start + 1;
            }
        }
        return start + 1;
    }
}
