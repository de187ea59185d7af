package org.hmskg.serve.http;

import java.time.Duration;

/**
 * How many SPARQL queries run at once and how long the rest may wait. Queries run in two lanes: the general lane
 * ({@code maxConcurrent} at once, {@code queue} more waiting) and a small lane for expensive queries ({@code maxSlow}
 * at once). A query is expensive when its shape says so before it runs (property paths with {@code *} or {@code +},
 * cross products, unbounded {@code ?s ?p ?o} scans, huge {@code VALUES}) or when it has used {@code slowAfter} of CPU
 * time in the general lane (time waiting for a core on a busy machine does not count); then it moves to the expensive
 * lane, or is stopped if that lane is still full three times {@code slowAfter} after its admission. A request
 * that finds its lane and queue full, or waits longer than {@code queueWait}, gets 503 with {@code Retry-After}.
 *
 * @param maxConcurrent queries running at once in the general lane
 * @param queue         queries waiting for the general lane; beyond this, 503 at once
 * @param maxSlow       expensive queries running at once
 * @param slowAfter     a general-lane query that has used this much CPU time is expensive
 * @param queueWait     the longest a query waits for its lane
 */
public record AdmissionLimits(int maxConcurrent, int queue, int maxSlow, Duration slowAfter, Duration queueWait) {
    public static final AdmissionLimits DEFAULTS = new AdmissionLimits(4, 32, 1, Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    public AdmissionLimits {
        if (maxConcurrent < 1 || maxSlow < 1) {
            throw new IllegalArgumentException("at least one query must be able to run in each lane, not "
                    + maxConcurrent + " and " + maxSlow);
        }
        if (queue < 0) {
            throw new IllegalArgumentException("the queue length cannot be negative: " + queue);
        }
        if (slowAfter.isNegative() || slowAfter.isZero() || queueWait.isNegative()) {
            throw new IllegalArgumentException("slowAfter must be positive and queueWait not negative");
        }
    }

    /** The limits in one sentence, for the pages that document them. */
    String describe() {
        return "at most " + maxConcurrent + " queries run at once with " + queue + " more waiting (up to "
                + queueWait.toSeconds() + " s); expensive queries (long property paths, cross products, full scans,"
                + " huge VALUES, or past " + slowAfter.toMillis() + " ms of CPU time) run " + maxSlow
                + " at a time; beyond that the answer is 503 with Retry-After";
    }
}
