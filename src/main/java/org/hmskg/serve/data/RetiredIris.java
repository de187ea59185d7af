package org.hmskg.serve.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IRIs earlier versions published and this one no longer does (reference/retired-iris.tsv): a request for one is
 * answered 410 Gone with the reason and a link to the replacement, never a bare 404.
 */
public final class RetiredIris {
    static final String TABLE = "/reference/retired-iris.tsv";

    /** One retired IRI: its path under the base, the path of what replaces it (may be empty), when and why. */
    public record Entry(String path, String replacedBy, String retired, String reason) {
    }

    private final Map<String, Entry> byPath;

    public RetiredIris() {
        this(load());
    }

    public RetiredIris(List<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.path(), e));
        this.byPath = Map.copyOf(map);
    }

    public static List<Entry> load() {
        try (InputStream in = RetiredIris.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                return List.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().skip(1).filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.split("\t", -1);
                if (f.length != 4 || !f[0].startsWith("id/") || f[3].isBlank()) {
                    throw new IllegalStateException(TABLE + ": a row needs path (id/…), replaced_by, retired and a reason: " + l);
                }
                return new Entry(f[0], f[1], f[2], f[3]);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The retired IRI a request path ({@code /id/…}) names, if it names one. */
    public Optional<Entry> lookup(String requestPath) {
        return Optional.ofNullable(byPath.get(requestPath.startsWith("/") ? requestPath.substring(1) : requestPath));
    }
}
