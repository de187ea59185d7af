package org.hmskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser's output reaches the target whole and in order, on the other thread; failures come back with causes. */
class HandOffTest {
    /** What the target saw, in order, and on which thread. */
    static final class Recorder extends StreamRDFBase {
        final List<String> events = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        int triples;

        private void saw(String event) {
            events.add(event);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void start() {
            saw("start");
        }

        @Override
        public void triple(Triple t) {
            triples++;
            saw(t.getSubject().getURI());
        }

        @Override
        public void prefix(String prefix, String iri) {
            saw("prefix " + prefix);
        }

        @Override
        public void finish() {
            saw("finish");
        }
    }

    /** A target that fails on its first triple with {@code failure}. */
    static StreamRDFBase failingWith(Throwable failure) {
        return new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                if (failure instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) failure;
            }
        };
    }

    static Triple triple(int i) {
        return Triple.create(NodeFactory.createURI("urn:s:" + i), NodeFactory.createURI("urn:p"),
                NodeFactory.createLiteralString("o" + i));
    }

    static Path nTriples(Path dir, int good, String last) throws IOException {
        StringBuilder nt = new StringBuilder();
        for (int i = 0; i < good; i++) {
            nt.append("<urn:s:").append(i).append("> <urn:p> \"o\" .\n");
        }
        nt.append(last);
        Path file = dir.resolve("data.nt");
        Files.writeString(file, nt, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyCallReachesTheTargetInOrderOnTheOtherThread() {
        Recorder target = new Recorder();
        List<String> expected = new ArrayList<>(List.of("start", "prefix ex"));
        try (HandOff sink = new HandOff(target)) {
            sink.start();
            sink.prefix("ex", "urn:ex:");
            for (int i = 0; i < 10_000; i++) {
                sink.triple(triple(i));
                expected.add("urn:s:" + i);
            }
            sink.finish();
            expected.add("finish");
            sink.complete();
            assertEquals(expected, target.events, "all of it, in order, once the parser's finish returned");
            assertFalse(sink.running());
        }
        assertTrue(target.threads.stream().allMatch("hmskg-load"::equals), "start and finish too");
    }

    @Test
    void aFailureOfTheTargetStopsTheParserWithItsCause() {
        IllegalArgumentException refused = new IllegalArgumentException("no room");
        try (HandOff sink = new HandOff(failingWith(refused))) {
            sink.start();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 1_000_000; i++) {
                    sink.triple(triple(i));
                }
                sink.finish();
                sink.complete();
            });
            assertSame(refused, e.getCause());
        }
    }

    @Test
    void anErrorOfTheTargetAfterTheLastBatchIsNeverASilentSuccess() {
        OutOfMemoryError full = new OutOfMemoryError("simulated");
        HandOff sink = new HandOff(failingWith(full));
        sink.start();
        sink.triple(triple(1));
        sink.finish();
        IllegalStateException e = assertThrows(IllegalStateException.class, sink::complete);
        assertSame(full, e.getCause());
        sink.close();
    }

    @Test
    void aTargetFailureNotYetThrownIsThrownByClose() {
        IllegalArgumentException refused = new IllegalArgumentException("no room");
        HandOff sink = new HandOff(failingWith(refused));
        sink.triple(triple(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, sink::close);
        assertSame(refused, e.getCause());
    }

    @Test
    void aSyntaxErrorEndsTheParseWithItsLineAndStopsTheOtherThread(@TempDir Path dir) throws IOException {
        Path file = nTriples(dir, 9_000, "<urn:s:x> <urn:p> .\n");
        Recorder target = new Recorder();
        HandOff sink = new HandOff(target);
        RiotException e;
        try (sink) {
            e = assertThrows(RiotException.class, () -> Store.parse(file, Lang.NTRIPLES, sink));
        }
        assertTrue(e instanceof RiotParseException p && p.getLine() == 9_001, e::getMessage);
        assertFalse(sink.running(), "stopped");
        assertEquals(9_000, target.triples, "what was read before the error was delivered, nothing lost or doubled");
    }

    @Test
    void aSyntaxErrorStaysTheErrorWhenTheTargetHasFailedToo(@TempDir Path dir) throws IOException {
        Path file = nTriples(dir, 100_000, "<urn:s:x> <urn:p> .\n");
        HandOff sink = new HandOff(failingWith(new IllegalArgumentException("no room")));
        try {
            Store.parse(file, Lang.NTRIPLES, sink);
            sink.complete();
        } catch (RiotException | IllegalStateException e) {
            // the target fails on the first triple: the parse stops there, with the target's failure as cause
            assertTrue(e instanceof IllegalStateException s && s.getCause() instanceof IllegalArgumentException
                    || e instanceof RiotParseException, e::toString);
        } finally {
            sink.close();
        }
        Path bad = nTriples(dir, 10, "<urn:s:x> <urn:p> .\n");
        HandOff failing = new HandOff(failingWith(new IllegalArgumentException("no room")));
        RiotParseException e = assertThrows(RiotParseException.class, () -> {
            try (failing) {
                Store.parse(bad, Lang.NTRIPLES, failing);
            }
        }, "a short file: the whole of it is parsed before the target's failure can stop it");
        assertEquals(11, e.getLine());
        assertEquals(1, e.getSuppressed().length, "the target's failure rides along, suppressed");
    }
}
