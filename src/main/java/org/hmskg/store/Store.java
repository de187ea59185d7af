package org.hmskg.store;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.io.file.PathUtils;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.solver.stats.Stats;
import org.apache.jena.tdb2.solver.stats.StatsResults;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datasets of named graphs whose default graph is the union of them, in memory or in TDB2, and their files.
 * Every file is written to a temporary name first and moved into place, so a failed write leaves the old one.
 */
public final class Store {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    static {
        JenaSystem.init();
    }

    private Store() {
    }

    /** An in-memory dataset holding {@code graphs}, default graph = union of the named graphs. */
    public static DatasetGraph inMemory(Map<Node, Graph> graphs) {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        load(dsg, graphs);
        return dsg;
    }

    /**
     * A light dataset over {@code graphs} (no copy, no transactions of its own) for writing files; its default
     * graph is empty, so files hold exactly the named graphs.
     */
    public static DatasetGraph unionDataset(Map<Node, Graph> graphs) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        graphs.forEach(dsg::addGraph);
        return dsg;
    }

    /**
     * Opens (or creates) a TDB2 database whose default graph, for queries, is the union of its named graphs: the
     * stored copy of the union where {@link #writeTdb2} made one, else TDB2's union of its named graphs.
     */
    public static DatasetGraph openTdb2(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        if (Files.isRegularFile(dir.resolve(StoredUnionTdb2.MARKER))) {
            return new StoredUnionTdb2(dsg);
        }
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }

    private static void load(DatasetGraph dsg, Map<Node, Graph> graphs) {
        Txn.executeWrite(dsg, () -> graphs.forEach((name, graph) ->
                graph.find().forEachRemaining(t -> dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject()))));
    }

    /**
     * TDB2's statistics file for its default graph (the union): counts per predicate and per class, which TDB2's
     * executor weighs its join order by (instead of its fixed order) from the next time the database is opened.
     */
    private static void writeStatistics(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        StatsResults stats = Txn.calculateRead(dsg, () -> Stats.gather(dsg.getDefaultGraph()).results());
        try (OutputStream out = Files.newOutputStream(Path.of(tdb.getLocation().getPath(Names.optStats)))) {
            Stats.write(out, stats);
        } catch (IOException e) {
            throw new StoreException("cannot write TDB2's statistics file: " + e.getMessage());
        }
    }

    /** Writes N-Quads or TriG (by the file's extension) atomically. */
    public static void writeFile(DatasetGraph dsg, Path out) {
        String name = out.getFileName().toString();
        RDFFormat format = name.endsWith(".trig") ? RDFFormat.TRIG_BLOCKS : name.endsWith(".nq") ? RDFFormat.NQUADS
                : null;
        if (format == null) {
            throw new StoreException(out + ": unknown output format (use .nq or .trig)");
        }
        writeAtomically(out, os -> Txn.executeRead(dsg, () -> RDFDataMgr.write(os, dsg, format)));
    }

    /**
     * Replaces the TDB2 database in {@code dir} with {@code graphs}: built beside it, then swapped in. The union of
     * the graphs is stored once more in the default graph, for {@link #openTdb2} (about twice the disk, for
     * faster queries over the union).
     */
    public static void writeTdb2(Map<Node, Graph> graphs, Path dir) {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        Path fresh = parent.resolve(abs.getFileName() + ".new");
        Path old = parent.resolve(abs.getFileName() + ".old");
        try {
            Files.createDirectories(parent);
            deleteTree(fresh);
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(fresh.toString());
            load(dsg, graphs);
            Txn.executeWrite(dsg, () -> {
                Graph union = dsg.getDefaultGraph();
                graphs.values().forEach(g -> g.find().forEachRemaining(union::add));
            });
            writeStatistics(dsg);
            dsg.close();
            Files.writeString(fresh.resolve(StoredUnionTdb2.MARKER),
                    "The default graph of this TDB2 database holds the union of its named graphs.\n");
            TDBInternal.expel(dsg);
            deleteTree(old);
            if (Files.exists(abs)) {
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, abs, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot write the TDB2 database: " + e.getMessage(), e);
        }
    }

    /** A write into {@code out} through a temporary file moved into place when the write completed. */
    public static void writeAtomically(Path out, IoWriter writer) {
        Path abs = out.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    writer.write(os);
                }
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Writes to an output stream; may throw I/O errors. */
    @FunctionalInterface
    public interface IoWriter {
        void write(OutputStream os) throws IOException;
    }

    /** SHA-256 of a file, read in blocks: a large file is never held in memory whole. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        }
    }

    /**
     * Parses an RDF file into {@code sink} and returns the SHA-256 of its bytes, reading the file once for both
     * (a compressed file, {@code .gz} or {@code .bz2}, is checksummed as stored and parsed uncompressed).
     *
     * @throws RiotParseException when the file is not valid {@code lang}, with the line and column; warnings (such as
     *                            an unusual IRI) are logged with the file and line
     */
    public static String parse(Path file, Lang lang, StreamRDF sink) throws IOException {
        MessageDigest sha = DigestUtils.getSha256Digest();
        String name = file.getFileName().toString();
        if (name.endsWith(".sz")) {
            throw new IOException("Snappy-compressed files are not read; compress with gzip (.gz) or bzip2 (.bz2)");
        }
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16)
                     : name.endsWith(".bz2") ? new BZip2CompressorInputStream(raw, true) : raw) {
            // The parser closes what it reads; keep the stream open to checksum any bytes it left unread.
            RDFParser.source(new FilterInputStream(in) {
                @Override
                public void close() {
                }
            }).lang(lang).base(file.toUri().toString()).errorHandler(new ErrorHandler() {
                @Override
                public void warning(String message, long line, long col) {
                    LOG.warn("{}:{}: {}", file, line, message);
                }

                @Override
                public void error(String message, long line, long col) {
                    throw new RiotParseException(message, line, col);
                }

                @Override
                public void fatal(String message, long line, long col) {
                    throw new RiotParseException(message, line, col);
                }
            }).parse(sink);
            in.transferTo(OutputStream.nullOutputStream());
            raw.transferTo(OutputStream.nullOutputStream());
        }
        return Hex.encodeHexString(sha.digest());
    }

    /** Removes a folder and everything in it; nothing to do when it is not there. */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            PathUtils.deleteDirectory(dir);
        }
    }
}
