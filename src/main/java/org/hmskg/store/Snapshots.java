package org.hmskg.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Snapshots of built datasets as RDF Thrift, keyed by dataset version, so that a restart with unchanged inputs
 * skips the build. A snapshot is {@code <version>.rt} plus {@code <version>.properties} (build time, sources:
 * a properties file, so that start-up needs no JSON library).
 */
public final class Snapshots {
    private final Path dir;

    public Snapshots(Path dir) {
        this.dir = dir;
    }

    /** The snapshot of {@code version}, if one was written completely. */
    public Optional<DatasetVersion> load(String version) {
        Path data = dir.resolve(version + ".rt");
        Path meta = dir.resolve(version + ".properties");
        if (!Files.isRegularFile(data) || !Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            Properties m = new Properties();
            try (InputStream in = Files.newInputStream(meta)) {
                m.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            FrozenDataset.Loader loader = new FrozenDataset.Loader();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(data), 1 << 16)) {
                RDFParser.source(in).lang(Lang.RDFTHRIFT).parse(loader.into(null));
            }
            DatasetGraph dsg = loader.freeze();
            Map<String, String> sources = new TreeMap<>();
            m.stringPropertyNames().stream().filter(k -> k.startsWith("source."))
                    .forEach(k -> sources.put(k.substring("source.".length()), m.getProperty(k)));
            return Optional.of(new DatasetVersion(dsg, version, Instant.parse(m.getProperty("builtAt")), sources));
        } catch (IOException | RuntimeException e) {
            // A damaged snapshot is only a cache miss: the caller builds again.
            return Optional.empty();
        }
    }

    /** Writes the snapshot (data first, metadata last, each atomically) and removes older ones. */
    public void save(DatasetVersion dv) {
        Store.writeAtomically(dir.resolve(dv.version() + ".rt"),
                os -> Txn.executeRead(dv.dataset(), () -> RDFDataMgr.write(os, dv.dataset(), RDFFormat.RDF_THRIFT_VALUES)));
        Properties meta = new Properties();
        meta.setProperty("version", dv.version());
        meta.setProperty("builtAt", dv.builtAt().toString());
        dv.sources().forEach((file, sha) -> meta.setProperty("source." + file, sha));
        Store.writeAtomically(dir.resolve(dv.version() + ".properties"),
                os -> meta.store(new OutputStreamWriter(os, StandardCharsets.UTF_8), "hms-kg snapshot"));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(dv.version() + ".") && (name.endsWith(".rt") || name.endsWith(".properties"))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot tidy old snapshots: " + e.getMessage(), e);
        }
    }
}
