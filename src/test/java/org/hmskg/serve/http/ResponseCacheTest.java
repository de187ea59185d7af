package org.hmskg.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The response cache counts exactly the bytes it holds, whatever was put, asked and evicted. */
class ResponseCacheTest {
    private static final Object V1 = new Object();
    private static final Object V2 = new Object();

    private static ResponseCache.Entry entry(Object version, int size) {
        return new ResponseCache.Entry(version, "text/plain", List.of(Map.entry("Vary", "Accept")), new byte[size],
                "\"e\"");
    }

    private static long held(ResponseCache cache) {
        return cache.entries().entrySet().stream().mapToLong(e -> e.getValue().weight(e.getKey())).sum();
    }

    @Test
    void theByteCountIsTheSumOfTheEntriesAfterPutsHitsAndEvictions() {
        ResponseCache cache = new ResponseCache(64 * 1024);
        assertNull(cache.get("k0", V1), "a new version starts empty");
        for (int i = 0; i < 200; i++) {
            cache.put("k" + i, entry(V1, 100 + 37 * (i % 50)));
            // hits on some keys, more than once, so that eviction has something to weigh
            cache.get("k" + (i / 2), V1);
            cache.get("k" + (i % 10), V1);
            assertEquals(held(cache), cache.bytes(), "after " + (i + 1) + " puts");
        }
        assertTrue(cache.size() < 200, "entries were evicted");
        assertTrue(cache.size() > 0);
        assertTrue(cache.bytes() <= 64 * 1024, "within the budget: " + cache.bytes());
        cache.put("k7", entry(V1, 5000));
        cache.put("k7", entry(V1, 10));
        assertEquals(held(cache), cache.bytes(), "after a replacement");
    }

    @Test
    void aNewVersionEmptiesTheCacheAndOldAnswersAreNotKept() {
        ResponseCache cache = new ResponseCache(64 * 1024);
        cache.get("a", V1);
        cache.put("a", entry(V1, 100));
        assertNotNull(cache.get("a", V1));
        assertNull(cache.get("a", V2), "another version");
        assertEquals(0, cache.bytes());
        cache.put("b", entry(V1, 100));
        assertEquals(0, cache.size(), "an answer made from the old version is not kept");
    }

    @Test
    void aBodyOverAQuarterOfTheBudgetIsNotKept() {
        ResponseCache cache = new ResponseCache(4000);
        cache.get("a", V1);
        cache.put("big", entry(V1, 1001));
        cache.put("small", entry(V1, 100));
        assertNull(cache.get("big", V1));
        assertNotNull(cache.get("small", V1));
        assertEquals(held(cache), cache.bytes());
    }
}
