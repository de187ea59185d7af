package org.hmskg.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.hmskg.parse.ParseException;
import org.hmskg.store.DatasetVersion;
import org.hmskg.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the served dataset without ever losing it: a new version is built beside the one being served and
 * swapped in with one atomic set, so queries in flight finish on the old version (the server pins a version per
 * request). A build that fails (a broken seed, SHACL violations) leaves the previous version serving and is
 * reported with its {@code file:line} through {@link Listener#failed}. Reloads never overlap; requests that arrive
 * while one runs are folded into one more.
 *
 * <p>Triggers: {@link #trigger()} (tests, and what the others call), {@link #onSignal(String)} (SIGHUP) and
 * {@link #watch(Path, Duration)} (a change in the seeds folder, debounced).
 */
final class Reloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    /** Hears how each reload went. */
    interface Listener {
        void reloaded(DatasetVersion version);

        void failed(String message);
    }

    /** How one reload ended: the version now served, and the error if the build failed. */
    record Outcome(DatasetVersion serving, Optional<String> error) {
    }

    private final Supplier<DatasetVersion> build;
    private final AtomicReference<DatasetVersion> current;
    private final Listener listener;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "hmskg-reload"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile WatchService watcher;

    /**
     * @param build    builds a new version from the sources; throws a domain exception naming {@code file:line}
     * @param current  what the server serves
     * @param listener told about each reload
     */
    Reloader(Supplier<DatasetVersion> build, AtomicReference<DatasetVersion> current, Listener listener) {
        this.build = Objects.requireNonNull(build);
        this.current = Objects.requireNonNull(current);
        this.listener = Objects.requireNonNull(listener);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Rebuilds now, on the calling thread, and swaps the new version in if the build succeeded. */
    synchronized Outcome trigger() {
        DatasetVersion old = current.get();
        long t0 = System.nanoTime();
        DatasetVersion fresh;
        try {
            fresh = build.get();
        } catch (ParseException | StoreException | InputError | ValidationFailed e) {
            return failed(old, e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("reload failed", e);
            return failed(old, "internal error: " + e);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (fresh.version().equals(old.version())) {
            LOG.info("reload: dataset {} is unchanged ({} ms)", old.version(), ms);
        } else {
            current.set(fresh);
            LOG.info("reload: now serving dataset {} (was {}) ({} ms)", fresh.version(), old.version(), ms);
        }
        listener.reloaded(current.get());
        return new Outcome(current.get(), Optional.empty());
    }

    private Outcome failed(DatasetVersion old, String message) {
        LOG.warn("reload failed, still serving dataset {}: {}", old.version(), message);
        listener.failed(message);
        return new Outcome(old, Optional.of(message));
    }

    /** Asks for a reload on the reload thread; requests while one waits are folded into it. */
    void request() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(() -> {
                pending.set(false);
                trigger();
            });
        }
    }

    /** Reloads when the process receives the signal ({@code "HUP"}); false where signals cannot be handled. */
    @SuppressWarnings("restriction")
    boolean onSignal(String name) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
                LOG.info("reload: SIG{} received", name);
                request();
            });
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("reload on SIG{} is not available here: {}", name, e.getMessage());
            return false;
        }
    }

    /** Reloads when files in {@code dir} change, once they have been quiet for {@code quiet}. */
    void watch(Path dir, Duration quiet) throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        watcher = ws;
        daemon(() -> watchLoop(ws, dir, quiet), "hmskg-watch").start();
        LOG.info("reload: watching {} for changes", dir);
    }

    private void watchLoop(WatchService ws, Path dir, Duration quiet) {
        boolean changed = false;
        try {
            while (true) {
                // Editors and copies write in several steps: wait for a quiet spell before building.
                WatchKey key = changed ? ws.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) : ws.take();
                if (key == null) {
                    changed = false;
                    LOG.info("reload: {} changed", dir);
                    request();
                    continue;
                }
                changed |= !key.pollEvents().isEmpty();
                if (!key.reset()) {
                    LOG.warn("reload: {} can no longer be watched", dir);
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    @Override
    public void close() {
        WatchService ws = watcher;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service", e);
            }
        }
        worker.shutdownNow();
    }
}
