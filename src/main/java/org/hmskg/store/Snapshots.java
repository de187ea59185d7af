package org.hmskg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;

/**
 * Snapshots of built datasets as RDF Thrift, keyed by dataset version, so that a restart with unchanged inputs
 * skips the build. A snapshot is {@code <version>.rt} plus {@code <version>.json} (build time, sources).
 */
public final class Snapshots {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public Snapshots(Path dir) {
        this.dir = dir;
    }

    /** The snapshot of {@code version}, if one was written completely. */
    public Optional<DatasetVersion> load(String version) {
        Path data = dir.resolve(version + ".rt");
        Path meta = dir.resolve(version + ".json");
        if (!Files.isRegularFile(data) || !Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            JsonNode m = JSON.readTree(meta.toFile());
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            try (InputStream in = Files.newInputStream(data)) {
                Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg, in, Lang.RDFTHRIFT));
            }
            Map<String, String> sources = new LinkedHashMap<>();
            m.path("sources").properties().forEach(e -> sources.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new DatasetVersion(dsg, version, Instant.parse(m.path("builtAt").asText()), sources));
        } catch (IOException | RuntimeException e) {
            // A damaged snapshot is only a cache miss: the caller builds again.
            return Optional.empty();
        }
    }

    /** Writes the snapshot (data first, metadata last, each atomically) and removes older ones. */
    public void save(DatasetVersion dv) {
        Store.writeAtomically(dir.resolve(dv.version() + ".rt"),
                os -> Txn.executeRead(dv.dataset(), () -> RDFDataMgr.write(os, dv.dataset(), RDFFormat.RDF_THRIFT_VALUES)));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", dv.version());
        meta.put("builtAt", dv.builtAt().toString());
        meta.put("sources", dv.sources());
        Store.writeAtomically(dir.resolve(dv.version() + ".json"), os -> JSON.writeValue(os, meta));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(dv.version() + ".") && (name.endsWith(".rt") || name.endsWith(".json"))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot tidy old snapshots: " + e.getMessage());
        }
    }
}
