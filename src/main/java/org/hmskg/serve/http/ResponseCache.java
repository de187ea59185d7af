package org.hmskg.serve.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers already given, for the version they were computed on. The dataset cannot change between builds, so a
 * response is a function of the request's key ({@link RequestKey}) and the dataset version; a new version empties
 * the cache. Bounded by the bytes its entries hold (Caffeine, weighed per entry when it is stored; it evicts what is
 * least likely to be asked again).
 */
public final class ResponseCache {
    /** A body larger than this share of the budget is not kept, so one answer cannot flush most of the others. */
    private static final int LARGEST_SHARE = 4;
    /** What an entry costs besides its key and body: the entry, its headers, the cache's own node. */
    static final int OVERHEAD = 512;

    /** One stored 200 response: what the client gets again, byte for byte. */
    public record Entry(Object version, String contentType, List<Map.Entry<String, String>> headers, byte[] body,
                        String etag) {
        public Entry {
            Objects.requireNonNull(version);
            headers = List.copyOf(headers);
        }

        /** The bytes this entry holds under {@code key}, as the cache counts them. */
        int weight(String key) {
            long w = (long) body.length + 2L * key.length() + OVERHEAD;
            for (Map.Entry<String, String> h : headers) {
                w += 2L * (h.getKey().length() + h.getValue().length());
            }
            return (int) Math.min(Integer.MAX_VALUE, w);
        }
    }

    private final long maxBytes;
    private final Cache<String, Entry> entries;
    private Object version;

    /** @param maxBytes memory budget for the entries; 0 turns the cache off */
    public ResponseCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("response cache size must be >= 0, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        // Maintenance on the calling thread: the byte count is exact after every call, never a step behind.
        this.entries = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxBytes))
                .weigher((String key, Entry e) -> e.weight(key))
                .executor(Runnable::run)
                .build();
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The largest body worth buffering for the cache. */
    public long largestBody() {
        return maxBytes / LARGEST_SHARE;
    }

    /** The answer stored for this key on this version, if any; a new version empties the cache first. */
    public Entry get(String key, Object current) {
        synchronized (this) {
            if (current != version) {
                entries.invalidateAll();
                version = current;
                return null;
            }
        }
        return entries.getIfPresent(key);
    }

    /** Keeps a response computed on {@code entry.version()}; ignored when that is no longer the current version. */
    public synchronized void put(String key, Entry entry) {
        if (!enabled() || entry.body().length > largestBody() || entry.version() != version) {
            return;
        }
        entries.put(key, entry);
    }

    /** The bytes held, as the weigher counted them. */
    public long bytes() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** The entries held now with their keys, for checking the byte count. */
    Map<String, Entry> entries() {
        entries.cleanUp();
        return Map.copyOf(entries.asMap());
    }
}
