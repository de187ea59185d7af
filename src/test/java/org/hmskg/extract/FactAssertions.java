package org.hmskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks every extractor test makes: each span is exact and each mention has a span of its own. */
final class FactAssertions {
    private FactAssertions() {
    }

    static List<Span> spans(Facts facts) {
        List<Span> spans = new ArrayList<>();
        facts.entities().forEach(m -> spans.add(m.span()));
        facts.quantities().forEach(q -> spans.add(q.span()));
        facts.dates().forEach(d -> spans.add(d.span()));
        facts.ministries().forEach(m -> spans.add(m.span()));
        return spans;
    }

    /** {@code text.codePoints()} sliced at [start, end) equals the surface, for every fact. */
    static void assertSpansExact(String text, Facts facts) {
        int[] cps = text.codePoints().toArray();
        Set<String> seen = new HashSet<>();
        for (Span s : spans(facts)) {
            assertTrue(s.end() <= cps.length, () -> "span " + s + " runs past the text");
            assertEquals(new String(cps, s.start(), s.end() - s.start()), s.surface(), "surface of " + s);
            assertTrue(seen.add(s.start() + "-" + s.end()), () -> "two facts share the span " + s);
        }
    }
}
