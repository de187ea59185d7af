package org.hmskg.serve.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;


import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Admission control for SPARQL queries (see {@link AdmissionLimits}): a bounded general lane with a bounded queue
 * and a small lane for expensive queries, so that the worst query anyone can write never holds up the ordinary
 * ones. A full lane answers 503 with {@code Retry-After} at once, never a hang. A query stopped because it turned
 * expensive while the expensive lane stayed full ends like a timed-out one (503), also with {@code Retry-After}.
 *
 * <p>Stopping works through Jena's cancel signal: the signal of the query running on this thread is put into the
 * query's context by the dataset Fuseki publishes ({@code LiveDataset}), through {@link #cancelSignal()}.
 */
public final class AdmissionFilter implements Filter {
    static final int RETRY_AFTER_SECONDS = 5;
    private static final ThreadLocal<AtomicBoolean> CANCEL = new ThreadLocal<>();

    private final AdmissionLimits limits;
    private final RouteTable routes;
    private final Lane general;
    private final Lane slow;
    private final Set<Ticket> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hmskg-admission");
        t.setDaemon(true);
        return t;
    });
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong stopped = new AtomicLong();
    final AtomicLong demoted = new AtomicLong();

    public AdmissionFilter(AdmissionLimits limits, RouteTable routes) {
        this.limits = limits;
        this.routes = routes;
        this.general = new Lane("general", limits.maxConcurrent(), limits.queue());
        // The expensive lane queues a few, so that a client retrying one heavy query is served in turn.
        this.slow = new Lane("expensive", limits.maxSlow(), limits.maxSlow() * 2);
        long period = Math.max(20, Math.min(250, limits.slowAfter().toMillis() / 4));
        watcher.scheduleAtFixedRate(this::demoteLongRunning, period, period, TimeUnit.MILLISECONDS);
    }

    /** The cancel signal of the query admitted on this thread, if any. */
    public static AtomicBoolean cancelSignal() {
        return CANCEL.get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        Route route = routes.find(req.getRequestURI()).filter(Route::admitted).orElse(null);
        boolean query = route != null && route.kind() == Route.Kind.QUERY
                && (req.getMethod().equals("POST") || req.getQueryString() != null);
        // An admitted route that is not a query endpoint reads out whole graphs: the expensive lane.
        boolean wholeGraphs = route != null && route.kind() != Route.Kind.QUERY;
        if (!query && !wholeGraphs) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest body = req.getMethod().equals("POST") ? CachedBody.of(req) : req;
        boolean expensive = wholeGraphs || QueryCost.expensive(queryText(body));
        Lane lane = expensive ? slow : general;
        Ticket ticket;
        try {
            ticket = lane.enter(limits.queueWait().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (ticket == null) {
            rejected.incrementAndGet();
            resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            throw new HttpError(503, "The server is busy: " + lane.describe() + " are all taken. Try again in "
                    + RETRY_AFTER_SECONDS + " s.");
        }
        if (!expensive) {
            running.add(ticket);
        }
        CANCEL.set(ticket.cancel);
        try {
            chain.doFilter(body, new RetryAfterOnStop(resp, ticket));
        } finally {
            CANCEL.remove();
            running.remove(ticket);
            ticket.leave();
        }
    }

    private static String queryText(HttpServletRequest req) {
        String q = req.getParameter("query");
        if (q != null) {
            return q;
        }
        if (req instanceof CachedBody c && c.isQueryBody()) {
            return new String(c.bytes, StandardCharsets.UTF_8);
        }
        return null;
    }

    /**
     * Moves general-lane queries that have used {@code slowAfter} of CPU time to the expensive lane. While that lane
     * is full they keep their place until three times {@code slowAfter} has passed since admission (or they have
     * used that much CPU), and are stopped after that. CPU time decides what is expensive, not time since
     * admission: on a busy machine an ordinary query waits for a core as long as it runs, and a mix of ordinary
     * heavy queries must not be pushed into the one expensive lane (and stopped there) because they share the cores.
     */
    private void demoteLongRunning() {
        long now = System.nanoTime();
        long slowAfter = limits.slowAfter().toNanos();
        for (Ticket t : running) {
            long used = t.used();
            if (used < slowAfter) {
                continue;
            }
            long ran = Math.max(used, now - t.startedAt);
            synchronized (t) {
                if (t.left) {
                    running.remove(t);
                } else if (slow.permits.tryAcquire()) {
                    running.remove(t);
                    general.permits.release();
                    t.lane = slow;
                    demoted.incrementAndGet();
                } else if (ran >= 3 * slowAfter) {
                    running.remove(t);
                    t.cancel.set(true);
                    stopped.incrementAndGet();
                }
            }
        }
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }

    /** One lane: permits for running queries and a bounded number of waiting ones. */
    private static final class Lane {
        private final String name;
        private final int size;
        private final int queue;
        final Semaphore permits;
        private final AtomicInteger waiting = new AtomicInteger();

        Lane(String name, int size, int queue) {
            this.name = name;
            this.size = size;
            this.queue = queue;
            this.permits = new Semaphore(size, true);
        }

        /** A ticket, or null when the lane and its queue are full or the wait ran out. */
        Ticket enter(long waitMillis) throws InterruptedException {
            if (permits.tryAcquire()) {
                return new Ticket(this);
            }
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                return null;
            }
            try {
                return permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS) ? new Ticket(this) : null;
            } finally {
                waiting.decrementAndGet();
            }
        }

        String describe() {
            return "the " + size + " places for " + name + " queries and the " + queue + " places in their queue";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One admitted query: the lane it holds a permit of, its cancel signal, and the request thread it runs on (its
     * CPU time; the time since admission where the JVM cannot measure that).
     */
    private static final class Ticket {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final boolean CPU = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        final long startedAt = System.nanoTime();
        final long threadId = Thread.currentThread().threadId();
        final long cpuAtStart = CPU ? THREADS.getCurrentThreadCpuTime() : 0;
        final AtomicBoolean cancel = new AtomicBoolean();
        Lane lane;
        boolean left;

        Ticket(Lane lane) {
            this.lane = lane;
        }

        /** Nanoseconds of CPU the query has used since it was admitted. */
        long used() {
            if (!CPU) {
                return System.nanoTime() - startedAt;
            }
            long now = THREADS.getThreadCpuTime(threadId);
            return now < 0 ? 0 : now - cpuAtStart;
        }

        synchronized void leave() {
            if (!left) {
                left = true;
                lane.permits.release();
            }
        }
    }

    /** Adds {@code Retry-After} to the error a stopped query gets. */
    private static final class RetryAfterOnStop extends HttpServletResponseWrapper {
        private final Ticket ticket;

        RetryAfterOnStop(HttpServletResponse resp, Ticket ticket) {
            super(resp);
            this.ticket = ticket;
        }

        @Override
        public void setStatus(int sc) {
            retryAfter(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            retryAfter(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            retryAfter(sc);
            super.sendError(sc, msg);
        }

        private void retryAfter(int sc) {
            if (sc == 503 && ticket.cancel.get() && !isCommitted()) {
                setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            }
        }
    }

    /** A POST request whose body was read once here (it is within the body limit) and can be read again. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        final byte[] bytes;

        private CachedBody(HttpServletRequest req, byte[] bytes) {
            super(req);
            this.bytes = bytes;
        }

        static HttpServletRequest of(HttpServletRequest req) throws IOException {
            String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/sparql-query")) {
                return req;
            }
            return new CachedBody(req, req.getInputStream().readAllBytes());
        }

        boolean isQueryBody() {
            return true;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String enc = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(enc)));
        }
    }
}
