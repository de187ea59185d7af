package org.hmskg.serve.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.system.Txn;
import org.hmskg.store.DatasetVersion;

/**
 * The downloadable files of one dataset version, written once into a directory of their own: the quads as
 * stored (named graphs, no default graph) in N-Quads and TriG, gzipped; {@code manifest.json}; {@code SHA256SUMS}.
 */
public final class Dumps {
    static final String NQUADS = "hmskg.nq.gz";
    static final String TRIG = "hmskg.trig.gz";

    /** A gzipped RDF dump: its file name, and the syntax and media type of what is inside. */
    public record RdfDump(String name, RDFFormat format, String mediaType) {
    }

    public static final List<RdfDump> RDF_DUMPS = List.of(
            new RdfDump(NQUADS, RDFFormat.NQUADS, "application/n-quads"),
            new RdfDump(TRIG, RDFFormat.TRIG_BLOCKS, "application/trig"));
    static final String MANIFEST = "manifest.json";
    static final String SUMS = "SHA256SUMS";

    public record DumpFile(String name, String mediaType, long size, String sha256) {
    }

    private final Path dir;
    private final List<DumpFile> files;

    private Dumps(Path dir, List<DumpFile> files) {
        this.dir = dir;
        this.files = List.copyOf(files);
    }

    static Dumps write(DatasetVersion version, Path dir) {
        try {
            Files.createDirectories(dir);
            List<DumpFile> files = new ArrayList<>();
            for (RdfDump dump : RDF_DUMPS) {
                files.add(writeRdf(version, dir.resolve(dump.name()), dump.format(), dump.mediaType()));
            }

            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("version", version.version());
            manifest.put("builtAt", version.builtAt().toString());
            manifest.put("files", List.copyOf(files));
            manifest.put("sources", new TreeMap<>(version.sources()));
            manifest.put("license", Licence.LICENSE_IRI);
            manifest.put("rights", Licence.CREDIT_EN);
            byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
            files.add(writeBytes(dir.resolve(MANIFEST), json, "application/json"));

            StringBuilder sums = new StringBuilder();
            for (DumpFile f : files) {
                sums.append(f.sha256()).append("  ").append(f.name()).append('\n');
            }
            files.add(writeBytes(dir.resolve(SUMS), sums.toString().getBytes(StandardCharsets.UTF_8),
                    "text/plain"));
            return new Dumps(dir, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dumps into " + dir, e);
        }
    }

    public List<DumpFile> files() {
        return files;
    }

    public Optional<DumpFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Path path(DumpFile file) {
        return dir.resolve(file.name());
    }

    private static DumpFile writeRdf(DatasetVersion version, Path file, RDFFormat format, String mediaType)
            throws IOException {
        MessageDigest sha = DigestUtils.getSha256Digest();
        try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(file), sha))) {
            Txn.executeRead(version.dataset(), () -> {
                StreamRDF stream = StreamRDFWriter.getWriterStream(out, format);
                stream.start();
                Prefixes.STANDARD.getNsPrefixMap().forEach(stream::prefix);
                version.dataset().find().forEachRemaining(stream::quad);
                stream.finish();
            });
        }
        return new DumpFile(file.getFileName().toString(), mediaType, Files.size(file),
                Hex.encodeHexString(sha.digest()));
    }

    private static DumpFile writeBytes(Path file, byte[] bytes, String mediaType) throws IOException {
        Files.write(file, bytes);
        return new DumpFile(file.getFileName().toString(), mediaType, bytes.length,
                DigestUtils.sha256Hex(bytes));
    }
}
