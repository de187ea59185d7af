package org.hmskg.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;

/**
 * A release: what any number of stateless read replicas need, in one folder. {@code hmskg-tdb2.tar.gz} (a TDB2
 * database under {@code tdb2/}, with the build report, ready for {@code serve --tdb2}), {@code hmskg.nq.gz} (the
 * same quads as N-Quads), {@code manifest.json} (version, build time, sources, every file with its size and
 * SHA-256) and {@code SHA256SUMS} (for {@code sha256sum -c}). Files are written beside the folder's old ones and
 * moved into place only when all are complete.
 */
public final class Release {
    public static final String TARBALL = "hmskg-tdb2.tar.gz";
    public static final String NQUADS = "hmskg.nq.gz";
    public static final String MANIFEST = "manifest.json";
    public static final String SUMS = "SHA256SUMS";

    private Release() {
    }

    /**
     * @param graphs     the named graphs of a validated build
     * @param version    its version (the dataset is the one the N-Quads are written from)
     * @param reportJson the build report, stored in the TDB2 folder as {@code report.json}
     */
    public static List<Path> write(Map<Node, Graph> graphs, DatasetVersion version, String reportJson, Path out) {
        try {
            Files.createDirectories(out);
            Path work = Files.createTempDirectory(out, ".release-");
            try {
                Path tdb2 = work.resolve("tdb2");
                Store.writeTdb2(graphs, tdb2);
                Files.writeString(tdb2.resolve("report.json"), reportJson);
                Files.deleteIfExists(tdb2.resolve("tdb.lock"));
                tar(tdb2, work.resolve(TARBALL));
                try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(work.resolve(NQUADS)))) {
                    Txn.executeRead(version.dataset(), () -> RDFDataMgr.write(os, version.dataset(), RDFFormat.NQUADS));
                }
                Map<String, Object> files = new LinkedHashMap<>();
                StringBuilder sums = new StringBuilder();
                for (String name : List.of(TARBALL, NQUADS)) {
                    String sha = Store.sha256(work.resolve(name));
                    files.put(name, Map.of("bytes", Files.size(work.resolve(name)), "sha256", sha));
                    sums.append(sha).append("  ").append(name).append('\n');
                }
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("datasetVersion", version.version());
                manifest.put("builtAt", version.builtAt().toString());
                manifest.put("sources", version.sources());
                manifest.put("files", files);
                manifest.put("serve", "tar -xzf " + TARBALL + " && ./hms-kg serve --tdb2 tdb2");
                Files.writeString(work.resolve(MANIFEST), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(manifest) + "\n");
                Files.writeString(work.resolve(SUMS), sums.toString());
                List<Path> written = new ArrayList<>();
                for (String name : List.of(TARBALL, NQUADS, MANIFEST, SUMS)) {
                    written.add(Files.move(work.resolve(name), out.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE));
                }
                return written;
            } finally {
                Store.deleteTree(work);
            }
        } catch (IOException e) {
            throw new StoreException(out + ": cannot write the release: " + e.getMessage(), e);
        }
    }

    /** Unpacks a release tarball into {@code dir} (its {@code tdb2/} folder appears there); refuses escaping paths. */
    public static Path unpack(Path tarball, Path dir) {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
            Path root = dir.toAbsolutePath().normalize();
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new StoreException(tarball + ": entry '" + e.getName() + "' points outside " + dir);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return root.resolve("tdb2");
        } catch (IOException e) {
            throw new StoreException(tarball + ": cannot unpack: " + e.getMessage(), e);
        }
    }

    private static void tar(Path dir, Path tarball) throws IOException {
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tarball)));
             Stream<Path> files = Files.walk(dir)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path p : files.sorted().toList()) {
                String name = "tdb2/" + dir.relativize(p).toString().replace('\\', '/');
                if (p.equals(dir)) {
                    name = "tdb2/";
                } else if (Files.isDirectory(p)) {
                    name += "/";
                }
                TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), name);
                out.putArchiveEntry(entry);
                if (Files.isRegularFile(p)) {
                    Files.copy(p, out);
                }
                out.closeArchiveEntry();
            }
        }
    }
}
