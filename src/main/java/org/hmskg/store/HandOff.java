package org.hmskg.store;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * A parser's output handed to another thread: the parser runs on the caller's thread and fills batches; a second
 * thread takes them off a bounded queue and sends them, in order, to the target (for a large {@code --data} file:
 * parsing on one core, indexing into the store on the other; 1M triples parse in ~2 s and index in ~1.5 s more
 * here). Jena's {@code AsyncParser} splits the other way round and replaces the parser's error handler, which would
 * lose the line of a syntax error; here the caller's parser and error handler are left as they are.
 *
 * <p>Every call on the target, {@code start} and {@code finish} included, happens on the second thread, in the
 * order the parser made them. The parser's own {@code finish()} (Jena's parsers call it in a {@code finally}, after
 * a syntax error too) only waits for the second thread and never throws, so a syntax error reaches the caller as
 * it is. After a parse that returned, the caller calls {@link #complete()}, which throws if the target failed or
 * did not get everything; {@link #close()} stops the second thread whatever happened, and throws a failure not
 * thrown yet (suppressed under an exception already on its way).
 */
public final class HandOff implements StreamRDF, AutoCloseable {
    private static final int BATCH = 4096;
    private static final Object[] END = new Object[0];

    private record Start() {
    }

    private static final Start START = new Start();

    private record Prefix(String prefix, String iri) {
    }

    private record Base(String iri) {
    }

    private record Version(String version) {
    }

    private final StreamRDF target;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(8);
    private final Thread consumer;
    /** What stopped the second thread early: a failure of the target, or an error. */
    private volatile Throwable failure;
    /** Set by the second thread once it has given the target everything up to the end. */
    private volatile boolean delivered;
    private boolean failureThrown;
    private Object[] batch = new Object[BATCH];
    private int filled;
    private boolean ended;

    public HandOff(StreamRDF target) {
        this.target = target;
        this.consumer = Thread.ofPlatform().daemon().name("hmskg-load").start(this::drain);
    }

    private void drain() {
        try {
            for (Object[] b = queue.take(); b != END; b = queue.take()) {
                for (Object o : b) {
                    if (o == null) {
                        break;
                    }
                    deliver(o);
                }
            }
            target.finish();
            delivered = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void deliver(Object o) {
        switch (o) {
            case Triple t -> target.triple(t);
            case Quad q -> target.quad(q);
            case Prefix p -> target.prefix(p.prefix(), p.iri());
            case Base b -> target.base(b.iri());
            case Version v -> target.version(v.version());
            case Start x -> target.start();
            default -> throw new IllegalStateException("not an element of a stream: " + o);
        }
    }

    private void add(Object o) {
        batch[filled++] = o;
        if (filled == BATCH) {
            try {
                send(batch);
            } catch (IllegalStateException e) {
                failureThrown = true;
                throw e;
            }
            batch = new Object[BATCH];
            filled = 0;
        }
    }

    /** Puts a batch on the queue, waiting while it is full unless the second thread has stopped. */
    private void send(Object[] b) {
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null || !consumer.isAlive()) {
                    throw stopped();
                }
            }
        } catch (InterruptedException e) {
            consumer.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
        if (failure != null) {
            throw stopped();
        }
    }

    private IllegalStateException stopped() {
        Throwable f = failure;
        return new IllegalStateException("loading stopped" + (f == null ? "" : ": " + f), f);
    }

    @Override
    public void start() {
        add(START);
    }

    @Override
    public void triple(Triple triple) {
        add(triple);
    }

    @Override
    public void quad(Quad quad) {
        add(quad);
    }

    @Override
    public void base(String base) {
        add(new Base(base));
    }

    @Override
    public void prefix(String prefix, String iri) {
        add(new Prefix(prefix, iri));
    }

    @Override
    public void version(String version) {
        add(new Version(version));
    }

    /**
     * The parser's end: sends what is left and waits for the second thread. Never throws (it runs in the parser's
     * {@code finally}, where it would hide a syntax error); {@link #complete()} tells how it went.
     */
    @Override
    public void finish() {
        try {
            end();
        } catch (IllegalStateException e) {
            // told by complete() or close()
        }
    }

    /** After a parse that returned: throws unless the target has everything, with the target's failure as cause. */
    public void complete() {
        try {
            end();
            if (!delivered) {
                throw stopped();
            }
        } catch (IllegalStateException e) {
            failureThrown = true;
            throw e;
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            if (filled > 0) {
                send(batch);
            }
            send(END);
        } finally {
            try {
                consumer.join();
            } catch (InterruptedException e) {
                consumer.interrupt();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops the second thread (after what was sent is delivered) and throws a failure of the target that was not
     * thrown yet.
     */
    @Override
    public void close() {
        if (!ended) {
            try {
                end();
            } catch (IllegalStateException e) {
                // thrown below unless the caller has had it
            }
        }
        if (failure != null && !failureThrown) {
            failureThrown = true;
            throw stopped();
        }
    }

    /** Whether the second thread still runs (for tests). */
    boolean running() {
        return consumer.isAlive();
    }
}
