package org.hmskg.serve.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.hmskg.serve.http.Versions;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version being served. It follows the caller's supplier: when that hands out a new {@link DatasetVersion},
 * the next request gets a fresh {@link Snapshot} of it; requests already running keep the one they took.
 */
public final class Published implements Versions {
    private static final Logger LOG = LoggerFactory.getLogger(Published.class);

    private final Supplier<DatasetVersion> source;
    private final IriPaths links;
    private final Path workDir;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot last;
    /** The versions handed out on this thread while a response is being made ({@link #trace()}). */
    private final ThreadLocal<List<Object>> traced = new ThreadLocal<>();

    public Published(Supplier<DatasetVersion> source, IriPaths links, Path workDir) {
        this.source = source;
        this.links = links;
        this.workDir = workDir;
    }

    @Override
    public Snapshot current() {
        Snapshot s = snapshotOf(source.get());
        List<Object> t = traced.get();
        if (t != null && (t.isEmpty() || t.get(t.size() - 1) != s)) {
            t.add(s);
        }
        return s;
    }

    /**
     * Starts recording, on this thread, every version {@link #current()} hands out, until {@link #untrace()}:
     * the response cache keeps an answer only if it was made from one version.
     */
    @Override
    public List<Object> trace() {
        List<Object> t = new ArrayList<>(1);
        traced.set(t);
        return t;
    }

    @Override
    public void untrace() {
        traced.remove();
    }

    private Snapshot snapshotOf(DatasetVersion v) {
        Snapshot s = last;
        if (s != null && s.version() == v) {
            return s;
        }
        synchronized (this) {
            s = last;
            if (s == null || s.version() != v) {
                Snapshot previous = s;
                s = new Snapshot(v, links, workDir.resolve("v" + generation.incrementAndGet()));
                last = s;
                LOG.info("publishing dataset version {} built {} ({} source files)", v.version(), v.builtAt(),
                        v.sources().size());
                if (previous != null) {
                    deleteTree(workDir.resolve("v" + (generation.get() - 1)));
                }
            }
            return s;
        }
    }

    /**
     * Removes files written for versions no longer served. A download still open keeps its file handle; a file
     * that cannot be removed now is logged and left for the server's stop.
     */
    public static void deleteTree(Path dir) {
        try {
            Store.deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", dir, e.toString());
        }
    }
}
