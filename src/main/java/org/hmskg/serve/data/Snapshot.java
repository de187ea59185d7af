package org.hmskg.serve.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hmskg.store.DatasetVersion;

/**
 * One published dataset version with what the server derives from it: the union view every query reads, and the
 * counts, search index and dumps, each computed once, on first use.
 */
public final class Snapshot {
    private final DatasetVersion version;
    private final UnionView view;
    private final Once<Stats> stats;
    private final Once<SearchIndex> search;
    private final Once<Dumps> dumps;
    private final Map<String, Long> found = new ConcurrentHashMap<>();

    Snapshot(DatasetVersion version, IriPaths links, Path dumpDir) {
        this.version = version;
        this.view = new UnionView(version.dataset());
        this.stats = new Once<>(() -> Stats.of(view));
        this.search = new Once<>(() -> SearchIndex.build(view, links));
        this.dumps = new Once<>(() -> Dumps.write(version, dumpDir));
    }

    public DatasetVersion version() {
        return version;
    }

    /** The dataset as queries see it: read-only, default graph = union of the named graphs. */
    public UnionView view() {
        return view;
    }

    public Stats stats() {
        return stats.get();
    }

    public SearchIndex search() {
        return search.get();
    }

    public Dumps dumps() {
        return dumps.get();
    }

    /**
     * What a counting query finds in this version: the number its first row binds to {@code ?found} (0 for none),
     * computed once per query text.
     */
    public long found(String countingQuery) {
        return found.computeIfAbsent(countingQuery, q -> Sparql.count(view, q, "found"));
    }

    /** A value computed by the first caller; the others wait for it. */
    private static final class Once<T> implements Supplier<T> {
        private Supplier<T> compute;
        private volatile T value;

        Once(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public T get() {
            T v = value;
            if (v != null) {
                return v;
            }
            synchronized (this) {
                if (value == null) {
                    value = compute.get();
                    compute = null;
                }
                return value;
            }
        }
    }
}
