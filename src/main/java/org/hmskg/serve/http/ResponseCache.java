package org.hmskg.serve.http;

import org.hmskg.serve.data.Snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Answers already given, for the version they were computed on. The dataset cannot change between builds, so a
 * response is a function of the request's key ({@link RequestKey}) and the dataset version; a new version empties
 * the cache. Bounded by the bytes of the bodies it holds, least recently used first out.
 */
public final class ResponseCache {
    /** A body larger than this share of the budget is not kept, so one answer cannot flush most of the others. */
    private static final int LARGEST_SHARE = 4;

    /** One stored 200 response: what the client gets again, byte for byte. */
    static final class Entry {
        final Snapshot snapshot;
        final String contentType;
        final List<Map.Entry<String, String>> headers;
        final byte[] body;
        final String etag;
        private volatile byte[] gzipped;

        Entry(Snapshot snapshot, String contentType, List<Map.Entry<String, String>> headers, byte[] body,
              String etag) {
            this.snapshot = snapshot;
            this.contentType = contentType;
            this.headers = List.copyOf(headers);
            this.body = body;
            this.etag = etag;
        }

        /** The body gzipped, compressed once on first use. */
        byte[] gzipped() {
            byte[] g = gzipped;
            if (g == null) {
                g = gzip(body);
                gzipped = g;
            }
            return g;
        }

        long weight() {
            return body.length + (gzipped == null ? body.length / 4L : gzipped.length) + 512L;
        }
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private Snapshot snapshot;
    private long bytes;

    /** @param maxBytes memory budget for the bodies; 0 turns the cache off */
    public ResponseCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("response cache size must be >= 0, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    /** The largest body worth buffering for the cache. */
    long largestBody() {
        return maxBytes / LARGEST_SHARE;
    }

    /** The answer stored for this key on this version, if any. */
    synchronized Entry get(String key, Snapshot current) {
        if (current != snapshot) {
            clear(current);
            return null;
        }
        return entries.get(key);
    }

    /** Keeps a response computed on {@code entry.snapshot}; ignored when that is no longer the current version. */
    synchronized void put(String key, Entry entry) {
        if (!enabled() || entry.body.length > largestBody()) {
            return;
        }
        if (entry.snapshot != snapshot) {
            return;
        }
        Entry old = entries.put(key, entry);
        if (old != null) {
            bytes -= old.weight();
        }
        bytes += entry.weight();
        Iterator<Entry> eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().weight();
            eldest.remove();
        }
    }

    private void clear(Snapshot current) {
        entries.clear();
        bytes = 0;
        snapshot = current;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
