package org.hmskg.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * A checksum of everything on the class path that decides what a build makes of the seeds: the classes and
 * resources of the build stages (parse, extract, map, validate, pipeline, vocab), the reference tables and word
 * lists, the derivation queries and the ontology with its shapes. A changed rule, word list or shape is a new
 * dataset version, so no snapshot made by other code is served for it. Read from the class path root this class
 * was loaded from, whether a directory or a jar.
 */
final class BuildFingerprint {
    /** What the build reads, as class path prefixes; the server, the store and the command line are not in it. */
    static final List<String> PREFIXES = List.of("org/hmskg/parse/", "org/hmskg/extract/", "org/hmskg/map/",
            "org/hmskg/validate/", "org/hmskg/pipeline/", "org/hmskg/vocab/", "reference/", "derive/", "ontology/");

    private BuildFingerprint() {
    }

    private static final class Holder {
        static final String CURRENT = of(codeRoot());
    }

    /** The fingerprint of the running program, computed once. */
    static String current() {
        return Holder.CURRENT;
    }

    /** The fingerprint of the class path root {@code root}: a directory of classes or a jar. */
    static String of(Path root) {
        Map<String, String> checksums = Files.isDirectory(root) ? fromDirectory(root) : fromJar(root);
        if (checksums.isEmpty()) {
            throw new IllegalStateException(root + " holds none of " + PREFIXES + ": cannot fingerprint the build");
        }
        StringBuilder sb = new StringBuilder();
        checksums.forEach((name, sha) -> sb.append(name).append(' ').append(sha).append('\n'));
        return DigestUtils.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Path codeRoot() {
        CodeSource source = BuildFingerprint.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            throw new IllegalStateException("the class path root of " + BuildFingerprint.class.getName()
                    + " is unknown: cannot fingerprint the build");
        }
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot fingerprint the build from " + location, e);
        }
    }

    private static boolean wanted(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static Map<String, String> fromDirectory(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                if (wanted(name)) {
                    out.put(name, DigestUtils.sha256Hex(Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot read the build's classes", e);
        }
        return out;
    }

    private static Map<String, String> fromJar(Path jar) {
        Map<String, String> out = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                if (!e.isDirectory() && wanted(e.getName())) {
                    try (InputStream in = file.getInputStream(e)) {
                        out.put(e.getName(), DigestUtils.sha256Hex(in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": cannot read the build's classes", e);
        }
        return out;
    }
}
